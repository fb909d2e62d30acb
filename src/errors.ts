/**
 * The error catalogue: every error Dossier raises on purpose has a code here, with the shape of
 * its message, the exit code the CLI ends with and the HTTP status the API answers with. The
 * front ends map an error by its code, never by its message; an error that is not in the
 * catalogue is a bug, DOSSIER_INTERNAL. docs/errors.md is generated from this table
 * (test/errors/error-catalogue.test.ts keeps it current).
 */

export const EXIT_OK = 0;
export const EXIT_SOME_INPUTS_FAILED = 1;
export const EXIT_USAGE = 2;

/** One kind of error. */
export interface ErrorKind {
  /** The message, with the parts that vary in braces. */
  readonly message: string;
  /** When it is raised, in a line. */
  readonly when: string;
  /** What the CLI exits with. */
  readonly exit: typeof EXIT_SOME_INPUTS_FAILED | typeof EXIT_USAGE;
  /** What the API answers with. */
  readonly http: number;
}

/** `{where}`: the file, and the line (`news.jsonl:12`) or byte (`page.html@byte 40960`) when known. */
const INPUT = { exit: EXIT_SOME_INPUTS_FAILED, http: 422 } as const;

export const ERROR_CATALOGUE = {
  DOSSIER_USAGE: {
    message: '{what cannot be done as asked, and what to ask instead}',
    when: 'a command, option or request parameter that cannot be carried out; nothing was touched',
    exit: EXIT_USAGE,
    http: 400,
  },
  DOSSIER_SEARCH_BAD_QUERY: {
    message: 'bad search query "{query}": {reason}',
    when: 'a full-text query the search syntax does not accept (an unclosed quote, a lone NOT)',
    exit: EXIT_USAGE,
    http: 400,
  },
  DOSSIER_NOT_FOUND: {
    message: 'no {what} with id {id}',
    when: 'an id (article, event, record, actor, correction) the store does not hold',
    exit: EXIT_SOME_INPUTS_FAILED,
    http: 404,
  },
  DOSSIER_INPUT_UNREADABLE: { ...INPUT, message: '{where}: cannot read {it}: {system error}', when: 'an input file or URL that cannot be opened or read' },
  DOSSIER_INPUT_EMPTY: { ...INPUT, message: '{where}: the file is empty', when: 'an input with no text in it' },
  DOSSIER_INPUT_BINARY: { ...INPUT, message: '{where}: binary content (NUL byte at byte {n})', when: 'an input that is not text' },
  DOSSIER_INPUT_BAD_UTF8: { ...INPUT, message: '{where}: invalid UTF-8 at byte {n}', when: 'an input that is not valid UTF-8' },
  DOSSIER_INPUT_BAD_GZIP: { ...INPUT, message: '{where}: gzip data is truncated or corrupt ({reason})', when: 'a .gz input that does not decompress' },
  DOSSIER_INPUT_TOO_LARGE: { ...INPUT, message: '{where}: {what} (limit {n} bytes; raise it with {flag})', when: 'an input (or its decompressed text) over the size limit (docs/limits.md)' },
  DOSSIER_INPUT_ARTICLE_TOO_LONG: {
    ...INPUT,
    message: '{where}: article "{title}" is {n} characters long, past the {ceiling} one article may have to be analysed within the memory bound; cut it with {flag} {ceiling} or less',
    when: 'an article still longer than 1,000,000 characters after the cut (--max-article-chars raised past it; docs/limits.md)',
  },
  DOSSIER_INPUT_LINE_TOO_LONG: { ...INPUT, message: '{where}: line {n} is {m} bytes long (limit {limit}; raise it with {flag})', when: 'a line over the line limit (docs/limits.md)' },
  DOSSIER_INPUT_BAD_XML: { ...INPUT, message: '{where}: malformed XML: {reason}', when: 'an RSS, Atom, SGML or TimeML input that does not parse' },
  DOSSIER_INPUT_BAD_JSON: { ...INPUT, message: '{where}: invalid JSON: {reason}', when: 'a JSON or JSON Lines input (or a registry or dictionary file) that does not parse' },
  DOSSIER_INPUT_BAD_RECORD: { ...INPUT, message: '{where}: {field}: {what is wrong with it}', when: 'a record that parses but breaks its schema (a missing field, a bad date, a gold file out of order)' },
  DOSSIER_INPUT_NO_ARTICLES: { ...INPUT, message: '{where}: no article found in the file', when: 'an input a reader accepts but finds no article in' },
  DOSSIER_INPUT_UNKNOWN_FORMAT: { ...INPUT, message: '{where}: {what format was expected}', when: 'an input no reader recognizes, or a file of the wrong kind' },
  DOSSIER_INPUT_FETCH_FAILED: { ...INPUT, message: '{url}: {HTTP status or network error}', when: 'a URL or feed that could not be fetched' },
  DOSSIER_STORE_FAILED: {
    message: 'the store failed while {during}: {cause}',
    when: 'the database itself failed (locked past every retry, read-only, full, connection lost); no input is at fault',
    exit: EXIT_SOME_INPUTS_FAILED,
    http: 503,
  },
  DOSSIER_STORE_UNREACHABLE: {
    message: 'cannot open the store at {target}: {cause}',
    when: 'the store cannot be opened (server down, database or folder missing)',
    exit: EXIT_SOME_INPUTS_FAILED,
    http: 503,
  },
  DOSSIER_API_UNAUTHORIZED: {
    message: 'writes need the header Authorization: Bearer <token>',
    when: 'a write request without the server\'s token',
    exit: EXIT_USAGE,
    http: 401,
  },
  DOSSIER_API_READ_ONLY: {
    message: 'this server is read-only: {how to allow writes}',
    when: 'a write request to a server started without a token',
    exit: EXIT_USAGE,
    http: 403,
  },
  DOSSIER_API_TOO_LARGE: {
    message: '{what} is larger than the limit of {n} bytes',
    when: 'an upload or request body over the server\'s limit',
    exit: EXIT_SOME_INPUTS_FAILED,
    http: 413,
  },
  DOSSIER_API_STOPPING: {
    message: 'the server is stopping',
    when: 'a request that arrives while the server shuts down',
    exit: EXIT_SOME_INPUTS_FAILED,
    http: 503,
  },
  DOSSIER_SEARCH_TIMEOUT: {
    message: 'the search took longer than its budget of {n} ms; {how to narrow it}',
    when: 'a full-text search over its time budget',
    exit: EXIT_SOME_INPUTS_FAILED,
    http: 503,
  },
  DOSSIER_SEARCH_BUSY: {
    message: '{n} searches are waiting for the search thread already (the limit is {max}); try again in a moment',
    when: 'a search that arrives while as many searches as `dossier serve --max-waiting-searches` allows wait for the search thread',
    exit: EXIT_SOME_INPUTS_FAILED,
    http: 503,
  },
  DOSSIER_READ_TIMEOUT: {
    message: 'the {list} took longer than its budget of {n} ms; {how to narrow it}',
    when: 'a list or count the API reads off its thread (the timeline, the stats) over its time budget',
    exit: EXIT_SOME_INPUTS_FAILED,
    http: 503,
  },
  DOSSIER_INTERNAL: {
    message: '{what broke} (the API answers "internal error; the server log has the details")',
    when: 'anything not in this catalogue: a bug, reported with its own message on the CLI and logged by the server',
    exit: EXIT_SOME_INPUTS_FAILED,
    http: 500,
  },
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export type InputErrorCode = Extract<ErrorCode, `DOSSIER_INPUT_${string}`>;
/** The codes that end the CLI with exit code 2: what the user asked cannot be done. */
export type UsageErrorCode = { [C in ErrorCode]: (typeof ERROR_CATALOGUE)[C]['exit'] extends typeof EXIT_USAGE ? C : never }[ErrorCode];

/** Where in an input a problem sits. Line is 1-based; byte is a 0-based offset. */
export interface InputLocation {
  readonly file: string;
  readonly line?: number;
  readonly byte?: number;
}

/** An error raised on purpose: its code says how every front end reports it. */
export class DossierError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DossierError';
    this.code = code;
  }
}

/** A problem with one input: the file is rejected, the batch goes on. */
export class InputError extends DossierError {
  declare readonly code: InputErrorCode;
  readonly location: InputLocation;
  readonly reason: string;

  constructor(code: InputErrorCode, location: InputLocation, reason: string) {
    super(code, `${formatLocation(location)}: ${reason}`);
    this.name = 'InputError';
    this.location = location;
    this.reason = reason;
  }
}

/** The user asked for something that cannot be done: exit code 2, nothing touched. */
export class UsageError extends DossierError {
  constructor(message: string, code: UsageErrorCode = 'DOSSIER_USAGE') {
    super(code, message);
    this.name = 'UsageError';
  }
}

/** The user named something the store does not hold (an article, a record, an actor): exit code 1. */
export class NotFoundError extends DossierError {
  constructor(what: string, id: string, hint = '') {
    super('DOSSIER_NOT_FOUND', `no ${what} with id ${id}${hint}`);
    this.name = 'NotFoundError';
  }
}

/** The catalogue code of any error: one raised without a code is a bug. */
export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof DossierError ? error.code : 'DOSSIER_INTERNAL';
}

/** The exit code the CLI ends with for any error. */
export function exitCodeOf(error: unknown): number {
  return ERROR_CATALOGUE[errorCodeOf(error)].exit;
}

/** Whether `code` is in the catalogue: a code that crossed a thread boundary as a string. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, code);
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
