import type { RawArticle } from './raw-article.js';

/**
 * How much one input may ask of the process, checked before the work that would cost it: so a
 * gzip that expands to hundreds of megabytes, a single 45 MB line or a book-length article is
 * one clear error (or a cut with a warning), never an out-of-memory crash. Each has a CLI flag
 * to raise it; docs/limits.md lists them.
 */
export interface InputLimits {
  /** Bytes of one input after decompression (counted while inflating): --max-input-bytes. */
  readonly maxInputBytes: number;
  /** Bytes of one line: --max-line-bytes. */
  readonly maxLineBytes: number;
  /** Characters of one article's text; a longer one is cut, with a warning: --max-article-chars. */
  readonly maxArticleChars: number;
  /** Articles read from one input (they are analysed together and saved in one transaction): --max-articles-per-file. */
  readonly maxArticlesPerFile: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = Object.freeze({
  maxInputBytes: 64 * 1024 * 1024,
  maxLineBytes: 8 * 1024 * 1024,
  maxArticleChars: 100_000,
  maxArticlesPerFile: 5_000,
});

/**
 * The most characters one article may have when it is analysed, whatever --max-article-chars
 * says: peak memory grows with an article's length (the layers hold several objects per token),
 * and past about a million characters one article passes the 1 GiB bound (docs/limits.md: 726 MiB
 * at 1.28 MB, 1,250 MiB at 2.5 MB). The default cut keeps every article far below it; an article
 * the cut was raised past it for is refused on its own, by name, before any analysis.
 */
export const MAX_ANALYSED_ARTICLE_CHARS = 1_000_000;

/** The flag that raises each limit, for the error that names it. */
export const LIMIT_FLAGS: Readonly<Record<keyof InputLimits, string>> = Object.freeze({
  maxInputBytes: '--max-input-bytes',
  maxLineBytes: '--max-line-bytes',
  maxArticleChars: '--max-article-chars',
  maxArticlesPerFile: '--max-articles-per-file',
});

/** The defaults with the caller's overrides. */
export const inputLimits = (given: Partial<InputLimits> = {}): InputLimits => ({ ...DEFAULT_INPUT_LIMITS, ...given });

/**
 * The article cut to at most `maxChars` characters: at the last line break in the final tenth
 * before the limit, else at the last sentence's end there, else at the last space there, else at the limit itself (never inside a
 * surrogate pair). Headings and source runs past the cut go or are shortened with it. The
 * analysis of what is kept is the same as for an article that long.
 */
export function cutArticle(raw: RawArticle, maxChars: number): RawArticle {
  if (raw.text.length <= maxChars) return raw;
  const head = raw.text.slice(0, maxChars);
  const floor = Math.floor(maxChars * 0.9);
  const newline = head.lastIndexOf('\n');
  const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('? '), head.lastIndexOf('! ')) + 1;
  const space = head.lastIndexOf(' ');
  let end = newline >= floor ? newline : sentence >= floor && sentence > 0 ? sentence : space >= floor && space > 0 ? space : maxChars;
  const code = raw.text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  const text = raw.text.slice(0, end).trimEnd();
  return {
    ...raw,
    text,
    ...(raw.headings ? { headings: raw.headings.filter((h) => h.end <= text.length) } : {}),
    sourceRuns: raw.sourceRuns
      .filter((r) => r.textStart < text.length)
      .map((r) => (r.textStart + r.length <= text.length ? r : { ...r, length: text.length - r.textStart })),
  };
}
