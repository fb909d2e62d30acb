import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Analyzer } from '../pipeline/analyze-article.js';
import type { Store } from '../store/open-store.js';
import type { ReadRunner } from './read-runner.js';

/** What every route plugin receives: the store, the write guard, and what ingest needs. */
export interface ApiContext {
  readonly store: Store;
  /** Search and the heavy lists, off the server's thread on SQLite, within a budget (read-runner.ts). */
  readonly reads: ReadRunner;
  /** onRequest hook of the write routes (see write-access.ts). */
  readonly guard: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** The analyzer, created on the first upload and kept. */
  readonly analyzer: () => Promise<Analyzer>;
  readonly maxUploadBytes: number;
  readonly version: string;
}
