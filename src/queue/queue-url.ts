import { z } from 'zod';
import { UsageError } from '../errors.js';

/** Where the ingest queue lives: a Redis server and the queue's name on it. */
export interface QueueTarget {
  readonly connection: { readonly host: string; readonly port: number; readonly db: number; readonly username?: string; readonly password?: string };
  readonly name: string;
}

export const DEFAULT_QUEUE_NAME = 'dossier-ingest';

const target = z.object({
  protocol: z.literal('redis:', { error: 'the queue URL must start with redis://' }),
  hostname: z.string().min(1, { error: 'the queue URL has no host' }),
  port: z.coerce.number().int().min(1).max(65_535).default(6379),
  db: z.coerce.number().int().min(0).max(15),
  name: z.string().regex(/^[\w.-]{1,100}$/, { error: 'a queue name is 1 to 100 letters, digits, dots, dashes or underscores' }),
});

/**
 * `redis://[user:password@]host[:port][/db][?queue=name]`: the database number selects one of
 * Redis's numbered databases, `queue` names the queue (default dossier-ingest), so several
 * stores can share one Redis server.
 */
export function parseQueueUrl(url: string): QueueTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError(`bad queue URL "${url}": expected redis://host:port[/db]`);
  }
  const parsed = target.safeParse({
    protocol: u.protocol,
    hostname: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port === '' ? undefined : u.port,
    db: u.pathname.replace(/^\//, '') || '0',
    name: u.searchParams.get('queue') ?? DEFAULT_QUEUE_NAME,
  });
  if (!parsed.success) throw new UsageError(`bad queue URL "${url}": ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const p = parsed.data;
  return {
    connection: {
      host: p.hostname,
      port: p.port,
      db: p.db,
      ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
      ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    },
    name: p.name,
  };
}
