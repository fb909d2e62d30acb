import { Buffer } from 'node:buffer';
import type { NormalizedText } from './document.js';

/**
 * Raw text → Document text: NFC, tidy whitespace, paragraphs separated by exactly "\n\n",
 * each output char mapped back to its raw offset. Typographic quotes and dashes are kept.
 *
 * Step 1 (`toCharStream`) maps characters one by one: line breaks to "\n", odd spaces to
 * " ", invisible characters dropped, NFC per combining sequence. Step 2 (`joinLines`) works
 * on lines: it trims and collapses spaces and decides which newlines are paragraph breaks.
 */
export function normalize(raw: string): NormalizedText {
  const out = joinLines(toCharStream(raw));
  const rawOffsets = new Int32Array(out.length + 1);
  rawOffsets.set(out.offsets.subarray(0, out.length));
  rawOffsets[out.length] = raw.length;
  return { text: out.text(), rawOffsets };
}

/** UTF-16 code units with the raw offset of each, in typed arrays that grow by doubling. */
class CharBuffer {
  codes: Uint16Array;
  offsets: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.codes = new Uint16Array(Math.max(16, capacity));
    this.offsets = new Int32Array(this.codes.length);
  }

  push(code: number, at: number): void {
    if (this.length === this.codes.length) {
      const codes = new Uint16Array(this.length * 2);
      codes.set(this.codes);
      const offsets = new Int32Array(this.length * 2);
      offsets.set(this.offsets);
      this.codes = codes;
      this.offsets = offsets;
    }
    this.codes[this.length] = code;
    this.offsets[this.length++] = at;
  }

  /** Decoded through Buffer: fast, and unlike TextDecoder it keeps a lone surrogate as it is.
   * (Typed arrays use the host byte order, little-endian on every platform Dossier runs on.) */
  text(): string {
    return Buffer.from(this.codes.buffer, this.codes.byteOffset, this.length * 2).toString('utf16le');
  }
}

const LF = 10;
const TAB = 9;
const SPACE = 32;
/** Lines longer than this mean one paragraph per line (news digests); see `joinLines`. */
const WRAP_WIDTH = 100;
const COMBINING = /^[\p{M}\u1160-\u11FF]/u;
const DROPPED_THEN_MARK = /[\u0000-\u0008\u000e-\u001f\u007f\u00ad\u180e\u200b\u2060\ufeff][\p{M}\u1160-\u11FF]/u;

function isOddSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Invisible characters that only split words for search: BOM, zero-width space, soft hyphen. */
function isDropped(c: number): boolean {
  return (
    c === 0xfeff ||
    c === 0x200b ||
    c === 0x2060 ||
    c === 0x00ad ||
    c === 0x180e ||
    c === 0x7f ||
    (c < 32 && c !== TAB && c !== LF && c !== 13 && c !== 11 && c !== 12)
  );
}

function toCharStream(raw: string): CharBuffer {
  const out = new CharBuffer(raw.length + 16);
  const emit = (c: number, at: number) => out.push(c, at);
  // Most input is already NFC; then the per-sequence check below is skipped. "A\ufeff\u0301"
  // is NFC as it stands but not once the BOM is dropped, hence the second test.
  const needsNfc = raw.normalize('NFC') !== raw || DROPPED_THEN_MARK.test(raw);
  let i = 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (c === 13) {
      emit(LF, i); // "\r\n" and a lone "\r" are one line break
      i += raw.charCodeAt(i + 1) === LF ? 2 : 1;
    } else if (c === LF || c === 11 || c === 12 || c === 0x85 || c === 0x2028) {
      emit(LF, i++);
    } else if (c === 0x2029) {
      emit(LF, i); // PARAGRAPH SEPARATOR: a blank line
      emit(LF, i++);
    } else if (c === TAB || c === SPACE) {
      emit(c, i++); // tabs survive until `joinLines`, where a leading tab means indentation
    } else if (isOddSpace(c)) {
      emit(SPACE, i++);
    } else if (isDropped(c)) {
      i++;
    } else if (!needsNfc) {
      emit(c, i++);
    } else {
      i = emitSequence(raw, i, sequenceEnd(raw, i), emit);
    }
  }
  return out;
}

/** End of the combining sequence that starts at `i`: one code point and its marks. */
function sequenceEnd(raw: string, i: number): number {
  let end = i + (isHighSurrogate(raw.charCodeAt(i)) && isLowSurrogate(raw.charCodeAt(i + 1)) ? 2 : 1);
  while (end < raw.length) {
    // Dropped chars inside a sequence are skipped (and left out by `emitSequence`).
    let mark = end;
    while (mark < raw.length && isDropped(raw.charCodeAt(mark))) mark++;
    if (mark >= raw.length || raw.charCodeAt(mark) < 0x300) break;
    const cp = raw.codePointAt(mark)!;
    if (!COMBINING.test(String.fromCodePoint(cp))) break;
    end = mark + (cp > 0xffff ? 2 : 1);
  }
  return end;
}

function emitSequence(raw: string, start: number, end: number, emit: (c: number, at: number) => void): number {
  if (end === start + 1 && raw.charCodeAt(start) < 0x300) {
    emit(raw.charCodeAt(start), start); // a lone char below U+0300 is already NFC
    return end;
  }
  let seq = '';
  const at: number[] = [];
  for (let k = start; k < end; k++) {
    if (isDropped(raw.charCodeAt(k))) continue;
    seq += raw[k];
    at.push(k);
  }
  const nfc = seq.normalize('NFC');
  // "e\u0301" → "é": a composed char maps to where its base starts.
  const oneToOne = nfc === seq;
  for (let k = 0; k < nfc.length; k++) emit(nfc.charCodeAt(k), oneToOne ? at[k]! : start);
  return end;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

interface Line {
  /** First and one-past-last non-space position in the stream; equal when blank. */
  readonly start: number;
  readonly end: number;
  /** "  Wire copy" / "\tWire copy": an indented line starts a paragraph. */
  readonly indented: boolean;
  /** Stream position of the "\n" that ends this line, or -1 for the last line. */
  readonly newline: number;
}

function splitLines(codes: Uint16Array, length: number): Line[] {
  const lines: Line[] = [];
  let lineStart = 0;
  for (let i = 0; i <= length; i++) {
    if (i < length && codes[i] !== LF) continue;
    let start = lineStart;
    let indent = 0;
    while (start < i && (codes[start] === SPACE || codes[start] === TAB)) indent += codes[start++] === TAB ? 2 : 1;
    let end = i;
    while (end > start && (codes[end - 1] === SPACE || codes[end - 1] === TAB)) end--;
    lines.push({ start, end, indented: indent >= 2, newline: i < length ? i : -1 });
    lineStart = i + 1;
  }
  return lines;
}

/**
 * Hard-wrapped text (several lines, none longer than WRAP_WIDTH) joins single newlines
 * with a space; in any other text every newline ends a paragraph ("one paragraph per line",
 * as in news digests). A blank line, or an indented line, always starts a paragraph.
 */
function joinLines(stream: CharBuffer): CharBuffer {
  const { codes, offsets } = stream;
  const lines = splitLines(codes, stream.length);
  const filled = lines.filter((line) => line.end > line.start);
  const wrapped = filled.length >= 3 && filled.every((line) => line.end - line.start <= WRAP_WIDTH);
  const out = new CharBuffer(stream.length + 16);
  let previous: Line | null = null;
  let blankSince = false;
  for (const line of lines) {
    if (line.end === line.start) {
      blankSince = previous !== null;
      continue;
    }
    if (previous !== null) {
      const at = offsets[previous.newline]!;
      if (blankSince || !wrapped || line.indented) {
        out.push(LF, at);
        out.push(LF, at);
      } else if (!isWrappedHyphen(codes, previous, line)) {
        out.push(SPACE, at);
      }
    }
    copyCollapsed(codes, offsets, line, out);
    previous = line;
    blankSince = false;
  }
  return out;
}

/** "counter-\nterrorism" in wrapped text joins as "counter-terrorism", not "counter- terrorism". */
function isWrappedHyphen(codes: Uint16Array, previous: Line, line: Line): boolean {
  if (previous.end - previous.start < 2 || codes[previous.end - 1] !== 45) return false;
  const before = String.fromCharCode(codes[previous.end - 2]!);
  const after = String.fromCharCode(codes[line.start]!);
  return before.toLowerCase() !== before.toUpperCase() && after !== after.toUpperCase();
}

/** Copies a line's content with each run of spaces/tabs as one space at the run's start. */
function copyCollapsed(codes: Uint16Array, offsets: Int32Array, line: Line, out: CharBuffer): void {
  let inSpace = false;
  for (let i = line.start; i < line.end; i++) {
    const c = codes[i]!;
    const space = c === SPACE || c === TAB;
    if (!space || !inSpace) out.push(space ? SPACE : c, offsets[i]!);
    inSpace = space;
  }
}
