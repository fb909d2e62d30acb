import type { InputError } from '../errors.js';

/**
 * What a reader yields: one article as found in its source, before any analysis.
 * Readers never analyze text; they only cut it out and record where it came from.
 */

export type DatePrecision = 'day' | 'month' | 'year';

export const READER_NAMES = ['digest', 'html', 'rss', 'atom', 'jsonl', 'text', 'reuters'] as const;
export type ReaderName = (typeof READER_NAMES)[number];

/** Where an article came from, precise enough to find it again in the source file. */
export interface Provenance {
  /** Input path as the user gave it (relative when they gave it relative), or "-" for stdin. */
  readonly file: string;
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  /** Byte offsets into the (decompressed) source, end exclusive. */
  readonly startByte: number;
  readonly endByte: number;
  readonly reader: ReaderName;
}

/**
 * A run of `text` that is a verbatim copy of the source: text[textStart, textStart+length)
 * equals the decoded source starting at byte `sourceByte`. Readers that extract text from
 * markup (HTML, feeds) give none; their articles map back to the item's byte range only.
 */
export interface SourceRun {
  readonly textStart: number;
  readonly length: number;
  readonly sourceByte: number;
}

/** How a date was read, so an analyst can see why 09.04.2020 became 9 April. */
export interface DateReading {
  readonly value: string; // ISO YYYY-MM-DD, YYYY-MM or YYYY
  readonly precision: DatePrecision;
  readonly raw: string;
  readonly reason: string;
}

export interface RawArticle {
  readonly title: string;
  readonly outlet: string | null;
  readonly author: string | null;
  readonly date: DateReading | null;
  readonly url: string | null;
  /** Body text, paragraphs separated by blank lines ("\n\n") or single newlines as in the source. */
  readonly text: string;
  /** Subheadings inside the body, as [start, end) offsets into `text`. */
  readonly headings?: ReadonlyArray<{ readonly start: number; readonly end: number }>;
  /** A closing author bio, kept apart from the body. */
  readonly authorBio: string | null;
  readonly provenance: Provenance;
  readonly sourceRuns: readonly SourceRun[];
  /** Fields the source had that Dossier has no column for (JSONL extras, feed categories...). */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** A non-fatal observation made while reading ("no byline found", "date read as day-month"). */
export interface ReadMessage {
  readonly file: string;
  readonly line: number | null;
  readonly ruleId: string;
  readonly reason: string;
}

/** A reader turns one decoded input into articles. Throwing an InputError rejects the whole file. */
export interface ReadResult {
  readonly articles: RawArticle[];
  readonly messages: ReadMessage[];
  /**
   * Records rejected on their own while the rest of the file went in (a JSONL line that is
   * not JSON, a Reuters story with an invalid UTF-8 byte). Each names its file and line.
   */
  readonly rejected: InputError[];
}
