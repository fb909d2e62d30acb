import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { InputError, NotFoundError, UsageError } from '../errors.js';
import { StorageError } from '../store/storage-errors.js';

/** The codes of the contract's error body; READ_ONLY is the 403 of a server without a token. */
export type ApiErrorCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'UNAUTHORIZED' | 'READ_ONLY' | 'PAYLOAD_TOO_LARGE' | 'UNAVAILABLE' | 'INTERNAL';

/** An error a route throws on purpose: its status, code and message reach the client as they are. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  constructor(status: number, code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export const notFound = (what: string, id: string): ApiError => new ApiError(404, 'NOT_FOUND', `no ${what} with id "${id}"`);

export interface ErrorBody {
  error: { code: ApiErrorCode; message: string; file?: string; reason?: string };
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

const codeOfStatus = (status: number): ApiErrorCode =>
  status === 401 ? 'UNAUTHORIZED' : status === 403 ? 'READ_ONLY' : status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';


/** Turns any error into the contract's body; only errors meant for the client keep their message. */
export function errorReply(error: unknown): { status: number; body: ErrorBody; log: boolean } {
  if (error instanceof ApiError) return { status: error.status, body: { error: { code: error.code, message: error.message } }, log: false };
  // The store's "no event with id …": what the CLI exits 1 on is a 404 to a client.
  if (error instanceof NotFoundError) return { status: 404, body: { error: { code: 'NOT_FOUND', message: error.message } }, log: false };
  if (error instanceof UsageError) return { status: 400, body: { error: { code: 'BAD_REQUEST', message: error.message } }, log: false };
  if (error instanceof InputError) {
    return { status: 422, body: { error: { code: 'BAD_REQUEST', message: error.message, file: error.location.file, reason: error.reason } }, log: false };
  }
  // The store's trouble (locked past every retry, read-only, full) is no fault of the request: try again later.
  if (error instanceof StorageError) return { status: 503, body: { error: { code: 'UNAVAILABLE', message: error.message } }, log: true };
  if (hasZodFastifySchemaValidationErrors(error)) {
    return { status: 400, body: { error: { code: 'BAD_REQUEST', message: validationMessage(error.validationContext, error.validation) } }, log: false };
  }
  const fe = error as Partial<FastifyError>;
  // Fastify's and its plugins' own 4xx errors (body too large, bad JSON, not multipart) carry safe messages.
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500 && typeof fe.code === 'string' && fe.code.startsWith('FST_')) {
    const message = fe.validation ? validationMessage(fe.validationContext, fe.validation) : (fe.message ?? 'bad request');
    return { status: fe.statusCode, body: { error: { code: codeOfStatus(fe.statusCode), message } }, log: false };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error; the server log has the details' } }, log: true };
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body, log } = errorReply(error);
  if (log) request.log.error({ err: error }, 'request failed');
  reply.code(status).type('application/json; charset=utf-8').send(body);
}
