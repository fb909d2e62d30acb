import { readFileSync } from 'node:fs';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Analyzer } from '../pipeline/analyze-article.js';
import type { Store } from '../store/open-store.js';
import { actorsRoutes } from './actors-routes.js';
import type { ApiContext } from './api-context.js';
import { type ReadRunnerOptions, readRunnerFor } from './read-runner.js';
import { handleError } from './api-errors.js';
import { articlesRoutes } from './articles-routes.js';
import { eventsRoutes } from './events-routes.js';
import { findRoutes } from './find-routes.js';
import { ingestRoutes } from './ingest-routes.js';
import { metaRoutes } from './meta-routes.js';
import { networkRoutes } from './network-routes.js';
import { outletsRoutes } from './outlets-routes.js';
import { placesRoutes } from './places-routes.js';
import { quotesRoutes } from './quotes-routes.js';
import { recordsRoutes } from './records-routes.js';
import { repeatsRoutes } from './repeats-routes.js';
import { reviewRoutes } from './review-routes.js';
import { registerWebApp, webFolder } from './web-app.js';
import { writeGuard } from './write-access.js';

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** JSON bodies are small (a decision, a correction); anything bigger is a mistake or an attack. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/** The Content-Security-Policy of the contract: nothing but this origin, no inline script or style. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
};

export interface ServerOptions {
  readonly store: Store;
  /**
   * The SQLite file the store was opened from: searches and heavy lists then run in threads with
   * their own read-only connections, within a time budget. Without it (tests, PostgreSQL) they
   * run on the store's connection (PostgreSQL with a statement timeout).
   */
  readonly storePath?: string | null;
  /** Read threads and the budget of one read; default DEFAULT_READ_RUNNER (2 list threads, 1 search thread, 5 s). */
  readonly reads?: ReadRunnerOptions;
  /** Writes are refused (403) without a token, and need `Authorization: Bearer <token>` with one. */
  readonly token?: string | null;
  /** The built web app (dist/web); served with an SPA fallback when the folder exists. */
  readonly webRoot?: string | null;
  /** Per uploaded file; default 20 MB. */
  readonly maxUploadBytes?: number;
  /** Made once, at the first upload; default: the full pipeline with the shipped knowledge. */
  readonly analyzer?: () => Promise<Analyzer>;
  /** Fastify's pino logger; off by default (tests), on for `dossier serve`. */
  readonly logger?: boolean | { level: string };
}

// Two levels up from src/api and from dist/api alike.
const packageVersion = (): string => (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const defaultAnalyzer = async (): Promise<Analyzer> => {
  const [{ loadKnowledge }, { createAnalyzer }] = await Promise.all([import('../pipeline/load-knowledge.js'), import('../pipeline/analyze-article.js')]);
  return createAnalyzer(loadKnowledge());
};

/** The Dossier HTTP API (docs: /api/openapi.json) and the web app, ready to inject or listen. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  // Helmet's headers, as it sends them on an ordinary answer (filled in once the app is ready).
  let securityHeaders: Record<string, string> = {};
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    // An address that cannot be decoded ("/actor/%E0%A4%A"): a page of the app that says so, with
    // a way back, for a person; the contract's JSON error for a client of /api.
    frameworkErrors: (error, request, reply) => {
      // Fastify answers these before any onRequest hook, helmet's included: its headers are set here.
      void reply.headers(securityHeaders);
      const raw = request.raw.url ?? '/';
      if (!raw.startsWith('/api') && (request.method === 'GET' || request.method === 'HEAD')) {
        void reply.redirect(`/malformed-address?address=${encodeURIComponent(raw.slice(0, 500))}`);
        return;
      }
      handleError(error, request, reply);
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // Served over plain HTTP on a local address: HSTS would only get in the way.
    strictTransportSecurity: false,
  });
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  await app.register(fastifyMultipart, { limits: { fileSize: maxUploadBytes, fieldSize: 64 * 1024, fields: 20 } });
  const version = packageVersion();
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Dossier API', version, description: 'Sourced, queryable news records: articles, actors, places, events, quotes, review.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });

  let analyzer: Promise<Analyzer> | undefined;
  const reads = readRunnerFor(options.store, options.storePath ?? null, options.reads);
  app.addHook('onClose', () => reads.close());
  const ctx: ApiContext = {
    store: options.store,
    reads,
    guard: writeGuard(options.token),
    analyzer: () => {
      analyzer ??= (options.analyzer ?? defaultAnalyzer)();
      return analyzer;
    },
    maxUploadBytes,
    version,
  };
  for (const routes of [metaRoutes, articlesRoutes, findRoutes, actorsRoutes, placesRoutes, eventsRoutes, quotesRoutes, networkRoutes, recordsRoutes, outletsRoutes, repeatsRoutes, reviewRoutes, ingestRoutes]) {
    await app.register(routes, ctx);
  }
  await registerWebApp(app, webFolder(options.webRoot));
  await app.ready();
  securityHeaders = await helmetHeaders(app);
  return app;
}

/** What an answer carries whatever it holds; the rest of /api/health's headers are helmet's. */
const ORDINARY_HEADERS = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'etag', 'vary', 'cache-control', 'last-modified']);

/**
 * The security headers helmet puts on an answer, read from one: the answers Fastify makes
 * before routing (a path it cannot decode) get the same ones without restating helmet's list.
 */
async function helmetHeaders(app: FastifyInstance): Promise<Record<string, string>> {
  const probe = await app.inject('/api/health');
  return Object.fromEntries(Object.entries(probe.headers).flatMap(([name, value]) => (ORDINARY_HEADERS.has(name) || typeof value !== 'string' ? [] : [[name, value]])));
}
