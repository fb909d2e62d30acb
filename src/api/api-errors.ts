import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DossierError, ERROR_CATALOGUE, type ErrorCode, errorCodeOf, InputError } from '../errors.js';

/*
 * Every error reaches a client as its catalogue code (src/errors.ts), with the status the
 * catalogue gives that code. Only errors raised on purpose keep their message: anything else is
 * DOSSIER_INTERNAL, logged, and told to the client in a fixed sentence.
 */

export const notFound = (what: string, id: string): DossierError => new DossierError('DOSSIER_NOT_FOUND', `no ${what} with id "${id}"`);

export interface ErrorBody {
  error: { code: ErrorCode; message: string; file?: string; reason?: string };
}

const PLACES: Record<string, string> = { querystring: 'query parameter', params: 'path parameter', body: 'body field', headers: 'header' };

interface ValidationIssue {
  readonly instancePath: string;
  readonly message?: string;
}

/** "query parameter "limit": Too big: expected number to be <=500", one clause per issue. */
export function validationMessage(context: string | undefined, issues: readonly ValidationIssue[]): string {
  const where = PLACES[context ?? ''] ?? 'parameter';
  return issues
    .map((i) => {
      const name = i.instancePath.replace(/^\//, '').replace(/\//g, '.');
      return name ? `${where} "${name}": ${i.message ?? 'invalid'}` : `${context ?? 'request'}: ${i.message ?? 'invalid'}`;
    })
    .join('; ');
}

/** Fastify's own 4xx errors by status; any other 4xx of Fastify's is a bad request, with Fastify's status. */
const CODE_OF_STATUS: Readonly<Record<number, ErrorCode>> = {
  401: 'DOSSIER_API_UNAUTHORIZED',
  403: 'DOSSIER_API_READ_ONLY',
  404: 'DOSSIER_NOT_FOUND',
  413: 'DOSSIER_API_TOO_LARGE',
};

/** Turns any error into the contract's body; only errors meant for the client keep their message. */
export function errorReply(error: unknown): { status: number; body: ErrorBody; log: boolean } {
  if (hasZodFastifySchemaValidationErrors(error)) {
    return { status: 400, body: { error: { code: 'DOSSIER_USAGE', message: validationMessage(error.validationContext, error.validation) } }, log: false };
  }
  const fe = error as Partial<FastifyError>;
  // Fastify's and its plugins' own 4xx errors (body too large, bad JSON, not multipart) carry safe messages.
  if (!(error instanceof DossierError) && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500 && typeof fe.code === 'string' && fe.code.startsWith('FST_')) {
    const message = fe.validation ? validationMessage(fe.validationContext, fe.validation) : (fe.message ?? 'bad request');
    return { status: fe.statusCode, body: { error: { code: CODE_OF_STATUS[fe.statusCode] ?? 'DOSSIER_USAGE', message } }, log: false };
  }
  const code = errorCodeOf(error);
  const { http } = ERROR_CATALOGUE[code];
  // A bug or a failing store is no fault of the request, but the operator should see it.
  const log = code === 'DOSSIER_INTERNAL' || code === 'DOSSIER_STORE_FAILED' || code === 'DOSSIER_STORE_UNREACHABLE';
  if (code === 'DOSSIER_INTERNAL') return { status: http, body: { error: { code, message: 'internal error; the server log has the details' } }, log };
  const message = (error as Error).message;
  if (error instanceof InputError) return { status: http, body: { error: { code, message, file: error.location.file, reason: error.reason } }, log };
  return { status: http, body: { error: { code, message } }, log };
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body, log } = errorReply(error);
  if (log) request.log.error({ err: error }, 'request failed');
  reply.code(status).type('application/json; charset=utf-8').send(body);
}
