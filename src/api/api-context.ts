import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Analyzer } from '../pipeline/analyze-article.js';
import type { Store } from '../store/open-store.js';
import type { SearchRunner } from './search-runner.js';

/** What every route plugin receives: the store, the write guard, and what ingest needs. */
export interface ApiContext {
  readonly store: Store;
  /** Full-text search, off the server's thread on SQLite (search-runner.ts). */
  readonly search: SearchRunner;
  /** onRequest hook of the write routes (see write-access.ts). */
  readonly guard: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** The analyzer, created on the first upload and kept. */
  readonly analyzer: () => Promise<Analyzer>;
  readonly maxUploadBytes: number;
  readonly version: string;
}
