import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { errorReply } from '../../src/api/api-errors.js';
import {
  DossierError,
  ERROR_CATALOGUE,
  type ErrorCode,
  errorCodeOf,
  exitCodeOf,
  InputError,
  isErrorCode,
  NotFoundError,
  UsageError,
} from '../../src/errors.js';
import { StorageError } from '../../src/store/storage-errors.js';
import { errorCatalogueMarkdown } from '../../scripts/error-docs.js';
import { tsFilesUnder } from '../architecture/module-graph.js';

const ROOT = resolve(__dirname, '../..');
const SRC = resolve(ROOT, 'src');

/** The classes under src/ that extend the built-in Error directly, as "file: Class". */
function directErrorSubclasses(): string[] {
  return tsFilesUnder(SRC).flatMap((file) => {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    return source.statements.flatMap((statement) => {
      if (!ts.isClassDeclaration(statement)) return [];
      const heritage = statement.heritageClauses?.flatMap((h) => h.types.map((t) => t.expression.getText(source))) ?? [];
      return heritage.includes('Error') ? [`${file.slice(SRC.length + 1)}: ${statement.name?.text ?? '(anonymous)'}`] : [];
    });
  });
}

describe('the error catalogue', () => {
  it('gives every code an exit code of 1 or 2 and an HTTP error status', () => {
    for (const [code, kind] of Object.entries(ERROR_CATALOGUE)) {
      expect([1, 2], code).toContain(kind.exit);
      expect(kind.http, code).toBeGreaterThanOrEqual(400);
      expect(kind.http, code).toBeLessThan(600);
      expect(kind.message.length, code).toBeGreaterThan(0);
    }
    // What the user asked that cannot be done ends with 2 on the CLI and is a 4xx to a client.
    const usage = (Object.keys(ERROR_CATALOGUE) as ErrorCode[]).filter((c) => ERROR_CATALOGUE[c].exit === 2);
    for (const code of usage) expect(ERROR_CATALOGUE[code].http, code).toBeLessThan(500);
  });

  it('is the one root of the errors raised on purpose: no other class extends Error itself', () => {
    expect(directErrorSubclasses()).toEqual(['errors.ts: DossierError']);
  });

  it('reads the code of any error; one raised without a code is internal', () => {
    expect(errorCodeOf(new UsageError('bad --limit'))).toBe('DOSSIER_USAGE');
    expect(errorCodeOf(new NotFoundError('article', 'a_1'))).toBe('DOSSIER_NOT_FOUND');
    expect(errorCodeOf(new InputError('DOSSIER_INPUT_EMPTY', { file: 'a.txt' }, 'the file is empty'))).toBe('DOSSIER_INPUT_EMPTY');
    expect(errorCodeOf(new StorageError('saving a.txt', new Error('disk full')))).toBe('DOSSIER_STORE_FAILED');
    expect(errorCodeOf(new TypeError('x is undefined'))).toBe('DOSSIER_INTERNAL');
    expect(errorCodeOf('a string')).toBe('DOSSIER_INTERNAL');
    expect([exitCodeOf(new UsageError('x')), exitCodeOf(new NotFoundError('event', 'e_1')), exitCodeOf(new Error('bug'))]).toEqual([2, 1, 1]);
    expect([isErrorCode('DOSSIER_USAGE'), isErrorCode('NOT_A_CODE'), isErrorCode('toString')]).toEqual([true, false, false]);
  });

  it('is what the API answers with, by code: status and code from the catalogue, the message only when meant for the client', () => {
    const cases: [unknown, number, ErrorCode][] = [
      [new UsageError('bad sort'), 400, 'DOSSIER_USAGE'],
      [new UsageError('bad search query "(": unclosed parenthesis', 'DOSSIER_SEARCH_BAD_QUERY'), 400, 'DOSSIER_SEARCH_BAD_QUERY'],
      [new NotFoundError('article', 'a_1'), 404, 'DOSSIER_NOT_FOUND'],
      [new InputError('DOSSIER_INPUT_BINARY', { file: 'x.bin', byte: 3 }, 'binary content'), 422, 'DOSSIER_INPUT_BINARY'],
      [new DossierError('DOSSIER_API_READ_ONLY', 'read-only'), 403, 'DOSSIER_API_READ_ONLY'],
      [new StorageError('saving a.txt', new Error('database is locked')), 503, 'DOSSIER_STORE_FAILED'],
    ];
    for (const [error, status, code] of cases) {
      const reply = errorReply(error);
      expect([reply.status, reply.body.error.code], code).toEqual([status, code]);
      expect(reply.body.error.message).toBe((error as Error).message);
    }
    const bug = errorReply(new Error('secret path /x/y'));
    expect(bug).toEqual({ status: 500, body: { error: { code: 'DOSSIER_INTERNAL', message: 'internal error; the server log has the details' } }, log: true });
    expect(errorReply(new InputError('DOSSIER_INPUT_EMPTY', { file: 'e.txt' }, 'the file is empty')).body.error).toEqual({
      code: 'DOSSIER_INPUT_EMPTY',
      message: 'e.txt: the file is empty',
      file: 'e.txt',
      reason: 'the file is empty',
    });
  });

  it('is listed in docs/errors.md as the catalogue is now (npx tsx scripts/error-docs.ts writes it)', () => {
    expect(readFileSync(resolve(ROOT, 'docs/errors.md'), 'utf8')).toBe(errorCatalogueMarkdown());
  });
});
