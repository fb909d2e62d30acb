import { Buffer } from 'node:buffer';
import { lowerBound } from '../text/lower-bound.js';

/**
 * One decoded input: its text and the means to turn a character offset back into a line
 * number and a byte offset of the (decompressed) source. Readers work on `text`; provenance
 * is computed through `lineAt` / `byteAt` so no reader does its own byte arithmetic.
 */
export interface SourceText {
  /** Path as the user gave it, or "-" for stdin. */
  readonly file: string;
  /** File name used for format detection, without a trailing ".gz". */
  readonly name: string;
  readonly text: string;
  /**
   * Character offsets where the source was not valid UTF-8 (each holds U+FFFD). Readers of
   * record formats reject only the records that contain one; the others reject the file.
   */
  readonly badOffsets: readonly number[];
  /** 1-based line of a character offset. */
  lineAt(offset: number): number;
  /** Byte offset in the UTF-8 source of a character offset. */
  byteAt(offset: number): number;
}

export function createSourceText(
  file: string,
  name: string,
  text: string,
  badOffsets: readonly number[] = [],
): SourceText {
  // Line starts as char offsets, and the byte offset of each line start, built once.
  const lineStarts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineBytes: number[] = new Array<number>(lineStarts.length);
  let byte = 0;
  for (let l = 0; l < lineStarts.length; l++) {
    lineBytes[l] = byte;
    const start = lineStarts[l]!;
    const end = l + 1 < lineStarts.length ? lineStarts[l + 1]! : text.length;
    byte += utf8Length(text, start, end);
  }

  // The last line starting at or before the offset.
  const lineIndex = (offset: number): number => Math.max(0, lowerBound(lineStarts, (s) => s <= offset) - 1);

  return Object.freeze({
    file,
    name,
    text,
    badOffsets,
    lineAt: (offset: number) => lineIndex(offset) + 1,
    byteAt: (offset: number) => {
      const l = lineIndex(offset);
      return lineBytes[l]! + utf8Length(text, lineStarts[l]!, offset);
    },
  });
}

function utf8Length(text: string, start: number, end: number): number {
  let ascii = true;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  return ascii ? end - start : Buffer.byteLength(text.slice(start, end), 'utf8');
}
