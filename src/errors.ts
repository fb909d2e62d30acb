/**
 * The error catalogue: each error has a code, an exit code and an HTTP status, and its
 * message names the file, the line or byte offset, and what was wrong.
 */

export const EXIT_OK = 0;
export const EXIT_SOME_INPUTS_FAILED = 1;
export const EXIT_USAGE = 2;

export type InputErrorCode =
  | 'DOSSIER_INPUT_UNREADABLE'
  | 'DOSSIER_INPUT_EMPTY'
  | 'DOSSIER_INPUT_BINARY'
  | 'DOSSIER_INPUT_BAD_UTF8'
  | 'DOSSIER_INPUT_BAD_GZIP'
  | 'DOSSIER_INPUT_TOO_LARGE'
  | 'DOSSIER_INPUT_LINE_TOO_LONG'
  | 'DOSSIER_INPUT_BAD_XML'
  | 'DOSSIER_INPUT_BAD_JSON'
  | 'DOSSIER_INPUT_BAD_RECORD'
  | 'DOSSIER_INPUT_NO_ARTICLES'
  | 'DOSSIER_INPUT_UNKNOWN_FORMAT'
  | 'DOSSIER_INPUT_FETCH_FAILED';

/** Where in an input a problem sits. Line is 1-based; byte is a 0-based offset. */
export interface InputLocation {
  readonly file: string;
  readonly line?: number;
  readonly byte?: number;
}

/** A problem with one input: the file is rejected, the batch goes on. */
export class InputError extends Error {
  readonly code: InputErrorCode;
  readonly location: InputLocation;
  readonly reason: string;

  constructor(code: InputErrorCode, location: InputLocation, reason: string) {
    super(`${formatLocation(location)}: ${reason}`);
    this.name = 'InputError';
    this.code = code;
    this.location = location;
    this.reason = reason;
  }
}

/** The user asked for something that cannot be done: exit code 2, nothing touched. */
export class UsageError extends Error {
  readonly exitCode = EXIT_USAGE;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The user named something the store does not hold (an article, a record, an actor): exit code 1. */
export class NotFoundError extends Error {
  readonly exitCode = EXIT_SOME_INPUTS_FAILED;
  constructor(what: string, id: string, hint = '') {
    super(`no ${what} with id ${id}${hint}`);
    this.name = 'NotFoundError';
  }
}

export function formatLocation(location: InputLocation): string {
  if (location.line !== undefined) return `${location.file}:${location.line}`;
  if (location.byte !== undefined) return `${location.file}@byte ${location.byte}`;
  return location.file;
}

/** 1-based line number of a byte offset, for errors found by offset. */
export function lineAtByte(bytes: Uint8Array, byte: number): number {
  let line = 1;
  const end = Math.min(byte, bytes.length);
  for (let i = 0; i < end; i++) if (bytes[i] === 10) line++;
  return line;
}
