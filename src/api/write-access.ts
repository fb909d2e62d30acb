import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DossierError } from '../errors.js';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * The onRequest hook of every write route: without a configured token the server is read-only
 * (403); with one, the request needs `Authorization: Bearer <token>` (401). It runs before the
 * body is read, so a refused upload is never written anywhere.
 */
export function writeGuard(token: string | null | undefined): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  const want = token ? digest(token) : null;
  return async (request) => {
    if (!want) throw new DossierError('DOSSIER_API_READ_ONLY', 'this server is read-only: start it with --token (or DOSSIER_TOKEN) to allow writes');
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    // Compared as digests: equal lengths, constant time, whatever the client sent.
    if (!match || !timingSafeEqual(digest(match[1]!), want)) throw new DossierError('DOSSIER_API_UNAUTHORIZED', 'writes need the header Authorization: Bearer <token>');
  };
}
