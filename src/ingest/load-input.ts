import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { InputError, lineAtByte } from '../errors.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits, LIMIT_FLAGS } from './input-limits.js';
import { createSourceText, type SourceText } from './source-text.js';

const tooLarge = (file: string, what: string, limit: number): InputError =>
  new InputError('DOSSIER_INPUT_TOO_LARGE', { file }, `${what} (limit ${limit} bytes; raise it with ${LIMIT_FLAGS.maxInputBytes})`);

/**
 * Reads, decompresses and decodes one input file, or explains in one line why it cannot. Only
 * regular files are read (a FIFO or a device would block or never end), and no more bytes than
 * the limit: the size is checked before reading, the inflated size while inflating.
 */
export function loadInput(file: string, bytes?: Buffer, limits: Pick<InputLimits, 'maxInputBytes' | 'maxLineBytes'> = DEFAULT_INPUT_LIMITS): SourceText {
  let data: Buffer;
  try {
    if (!bytes) {
      const stat = statSync(file);
      if (!stat.isFile()) throw new InputError('DOSSIER_INPUT_UNREADABLE', { file }, 'not a regular file (a folder, FIFO, socket or device is not read)');
      if (stat.size > limits.maxInputBytes) throw tooLarge(file, `the file is ${stat.size} bytes`, limits.maxInputBytes);
    }
    data = bytes ?? readFileSync(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError('DOSSIER_INPUT_UNREADABLE', { file }, `cannot read the file (${code})`);
  }
  let name = file;
  if (file.endsWith('.gz') || (data[0] === 0x1f && data[1] === 0x8b)) {
    try {
      // Inflation stops at the limit: a small bomb never gets to allocate what it promises.
      data = gunzipSync(data, { maxOutputLength: limits.maxInputBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(file, 'the gzip data expands to more bytes than allowed', limits.maxInputBytes);
      throw new InputError('DOSSIER_INPUT_BAD_GZIP', { file }, `gzip data is truncated or corrupt (${(error as Error).message})`);
    }
    name = file.replace(/\.gz$/, '');
  }
  if (data.length > limits.maxInputBytes) throw tooLarge(file, `the input is ${data.length} bytes`, limits.maxInputBytes);
  if (data.length === 0) throw new InputError('DOSSIER_INPUT_EMPTY', { file }, 'the file is empty');
  const nul = data.indexOf(0);
  if (nul !== -1) throw new InputError('DOSSIER_INPUT_BINARY', { file, line: lineAtByte(data, nul), byte: nul }, `binary content (NUL byte at byte ${nul})`);
  data = withLoneCarriageReturnsAsNewlines(data);
  checkLineLength(file, data, limits.maxLineBytes);
  const { text, badOffsets } = decodeUtf8(data);
  return createSourceText(file, name, text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text, badOffsets);
}

/**
 * Old Mac line endings (a CR alone) read as LF, byte for byte: every reader splits lines at LF,
 * and a CR-only digest was otherwise one line, one untitled article. CRLF is left as it is
 * (readers drop the CR), and offsets into the source stay exact since each CR is one byte.
 */
export function withLoneCarriageReturnsAsNewlines(data: Buffer): Buffer {
  let at = data.indexOf(13);
  if (at === -1) return data;
  let out: Buffer | null = null;
  for (; at !== -1; at = data.indexOf(13, at + 1)) {
    if (data[at + 1] === 10) continue;
    out ??= Buffer.from(data);
    out[at] = 10;
  }
  return out ?? data;
}

function checkLineLength(file: string, data: Buffer, maxLine: number): void {
  let start = 0;
  let line = 1;
  while (start < data.length) {
    let end = data.indexOf(10, start);
    if (end === -1) end = data.length;
    if (end - start > maxLine) {
      throw new InputError('DOSSIER_INPUT_LINE_TOO_LONG', { file, line }, `line ${line} is ${end - start} bytes long (limit ${maxLine}; raise it with ${LIMIT_FLAGS.maxLineBytes})`);
    }
    start = end + 1;
    line++;
  }
}

/** Strict UTF-8 first; when it fails, decode with replacements and record where they are. */
function decodeUtf8(data: Buffer): { text: string; badOffsets: number[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), badOffsets: [] };
  } catch {
    const text = new TextDecoder('utf-8').decode(data);
    const badOffsets: number[] = [];
    for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) badOffsets.push(i);
    return { text, badOffsets };
  }
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
