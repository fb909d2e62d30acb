import type { Provenance, ReaderName, ReadResult } from './raw-article.js';
import type { SourceText } from './source-text.js';

/**
 * A reader for one input format. `sniff` looks at the start of the content (and the name)
 * and says how sure it is that the input is its format; the highest score wins.
 */
export interface Reader {
  readonly name: ReaderName;
  /** 0 = not mine, 1 = certainly mine. `head` is the first few KB of the text. */
  sniff(head: string, name: string): number;
  /** Throws InputError when the input is malformed; the file is then rejected whole. */
  read(source: SourceText): ReadResult;
}

/** Provenance of the character range [start, end) of a source. */
export function provenanceOf(source: SourceText, start: number, end: number, reader: ReaderName): Provenance {
  const last = Math.max(start, end - 1);
  return {
    file: source.file,
    startLine: source.lineAt(start),
    endLine: source.lineAt(last),
    startByte: source.byteAt(start),
    endByte: source.byteAt(end),
    reader,
  };
}
