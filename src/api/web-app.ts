import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DossierError } from '../errors.js';
import { handleError } from './api-errors.js';

/** The built web app's folder, when it is there to serve. */
export function webFolder(webRoot: string | null | undefined): string | null {
  if (!webRoot) return null;
  const dir = resolve(webRoot);
  return existsSync(dir) && statSync(dir).isDirectory() ? dir : null;
}

/**
 * Serves the web app's files and falls back to its index.html for page URLs the client routes
 * itself (/actors/irq-pmu?from=2020). /api/* and file-like paths that do not exist stay 404 JSON.
 */
export async function registerWebApp(app: FastifyInstance, root: string | null): Promise<void> {
  if (root) await app.register(fastifyStatic, { root, prefix: '/', index: ['index.html'], wildcard: true });
  const hasIndex = root !== null && existsSync(resolve(root, 'index.html'));
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    const lastSegment = path.slice(path.lastIndexOf('/') + 1);
    const page = (request.method === 'GET' || request.method === 'HEAD') && !path.startsWith('/api/') && path !== '/api' && !lastSegment.includes('.');
    if (page && hasIndex) reply.type('text/html; charset=utf-8').sendFile('index.html');
    else handleError(new DossierError('DOSSIER_NOT_FOUND', `no route ${request.method} ${path}`), request, reply);
  });
}
