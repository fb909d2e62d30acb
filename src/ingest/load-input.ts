import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { InputError, lineAtByte } from '../errors.js';
import { createSourceText, type SourceText } from './source-text.js';

const MAX_BYTES = 512 * 1024 * 1024;
const MAX_LINE = 50 * 1024 * 1024;

/** Reads, decompresses and decodes one input file, or explains in one line why it cannot. */
export function loadInput(file: string, bytes?: Buffer): SourceText {
  let data: Buffer;
  try {
    data = bytes ?? readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError('DOSSIER_INPUT_UNREADABLE', { file }, `cannot read the file (${code})`);
  }
  let name = file;
  if (file.endsWith('.gz') || (data[0] === 0x1f && data[1] === 0x8b)) {
    try {
      data = gunzipSync(data, { maxOutputLength: MAX_BYTES });
    } catch (error) {
      throw new InputError('DOSSIER_INPUT_BAD_GZIP', { file }, `gzip data is truncated or corrupt (${(error as Error).message})`);
    }
    name = file.replace(/\.gz$/, '');
  }
  if (data.length === 0) throw new InputError('DOSSIER_INPUT_EMPTY', { file }, 'the file is empty');
  const nul = data.indexOf(0);
  if (nul !== -1) throw new InputError('DOSSIER_INPUT_BINARY', { file, line: lineAtByte(data, nul), byte: nul }, `binary content (NUL byte at byte ${nul})`);
  checkLineLength(file, data);
  const { text, badOffsets } = decodeUtf8(data);
  return createSourceText(file, name, text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text, badOffsets);
}

function checkLineLength(file: string, data: Buffer): void {
  let start = 0;
  let line = 1;
  while (start < data.length) {
    let end = data.indexOf(10, start);
    if (end === -1) end = data.length;
    if (end - start > MAX_LINE) {
      throw new InputError('DOSSIER_INPUT_LINE_TOO_LONG', { file, line }, `line ${line} is ${end - start} bytes long (limit ${MAX_LINE})`);
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
