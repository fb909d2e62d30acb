import { Buffer } from 'node:buffer';
import type { SourceRun } from './raw-article.js';

/**
 * The runs of `text[from, to)`, rebased so that offset `from` becomes 0. A run cut at its
 * start moves its source byte forward by the UTF-8 length of the part cut away, which is
 * verbatim source and so has the same bytes in the text as in the file.
 */
export function sliceRuns(text: string, runs: readonly SourceRun[], from: number, to: number): SourceRun[] {
  const out: SourceRun[] = [];
  for (const run of runs) {
    const start = Math.max(run.textStart, from);
    const end = Math.min(run.textStart + run.length, to);
    if (end <= start) continue;
    const cut = Buffer.byteLength(text.slice(run.textStart, start), 'utf8');
    out.push({ textStart: start - from, length: end - start, sourceByte: run.sourceByte + cut });
  }
  return out;
}

/**
 * Byte offset in the source of `text[offset]`, through the run that holds it; null when the
 * character was made by the reader (a paragraph break it inserted, text extracted from markup).
 */
export function sourceByteOf(text: string, runs: readonly SourceRun[], offset: number): number | null {
  for (const run of runs) {
    if (offset < run.textStart || offset >= run.textStart + run.length) continue;
    return run.sourceByte + Buffer.byteLength(text.slice(run.textStart, offset), 'utf8');
  }
  return null;
}
