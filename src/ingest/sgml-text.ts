import { CHAR_REFERENCE_PATTERN, decodeCharReference } from './char-references.js';
import type { SourceRun } from './raw-article.js';
import type { SourceText } from './source-text.js';

/** Text cut out of SGML, and the runs of it that are verbatim source. */
export interface DecodedSpan {
  readonly text: string;
  readonly runs: SourceRun[];
}

// A reference, or a control character other than tab and newline ("\r", "\x7f" in the wire).
const SPECIAL = new RegExp(`${CHAR_REFERENCE_PATTERN}|[\\x00-\\x08\\x0B-\\x1F\\x7F]`, 'g');

/**
 * Decodes source[start, end): "&lt;" becomes "<", and wire control characters, written
 * raw or as "&#3;", are dropped. Text between references is copied verbatim and recorded
 * as a run, so most of a story still maps byte for byte onto the file.
 */
export function decodeSgmlSpan(source: SourceText, start: number, end: number): DecodedSpan {
  const raw = source.text.slice(start, end);
  const runs: SourceRun[] = [];
  let text = '';
  let copied = 0;
  const copyTo = (upTo: number): void => {
    if (upTo <= copied) return;
    runs.push({ textStart: text.length, length: upTo - copied, sourceByte: source.byteAt(start + copied) });
    text += raw.slice(copied, upTo);
  };

  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(raw); m !== null; m = SPECIAL.exec(raw)) {
    const body = m[1];
    const decoded = body === undefined ? '' : decodeCharReference(body);
    // "&nbsp;" is not an SGML reference the wire uses: it stays as written, part of the run.
    if (decoded === null) continue;
    copyTo(m.index);
    if (!isControl(decoded)) text += decoded;
    copied = m.index + m[0].length;
  }
  copyTo(raw.length);
  return { text, runs };
}

/** Decoded text with runs of whitespace collapsed: titles, bylines, datelines. */
export function decodeSgmlLine(source: SourceText, start: number, end: number): string {
  return decodeSgmlSpan(source, start, end).text.replace(/\s+/g, ' ').trim();
}

function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return char.length === 1 && ((code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f);
}
