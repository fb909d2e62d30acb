import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A local feed server for the watcher tests: 127.0.0.1, a free port, routes the test swaps. */

export const WATCH_FIXTURES = fileURLToPath(new URL('../fixtures/watch/', import.meta.url));
export const fixture = (name: string): string => readFileSync(join(WATCH_FIXTURES, name), 'utf8');

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface SeenRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

export interface FeedServer {
  readonly base: string;
  readonly requests: SeenRequest[];
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Handler>();
  const requests: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const handler = routes.get(path);
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('no such feed');
  });
  // Idle connections stay open: this server shares the test's event loop, which the CLI run in
  // process blocks while it loads the knowledge, and a keep-alive timer firing as that ends
  // reset the socket the next poll was reusing (ECONNRESET).
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging handlers keep their sockets open; drop them so close() returns.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Serves a feed as a well-behaved server does: ETag and Last-Modified on 200, 304 when the
 * client sends back either validator unchanged.
 */
export function conditionalFeed(body: string, etag: string, lastModified: string, type = 'application/rss+xml'): Handler {
  return (req, res) => {
    if (req.headers['if-none-match'] === etag || (req.headers['if-none-match'] === undefined && req.headers['if-modified-since'] === lastModified)) {
      res.writeHead(304, { etag, 'last-modified': lastModified }).end();
      return;
    }
    res.writeHead(200, { 'content-type': type, etag, 'last-modified': lastModified }).end(body);
  };
}

/** Never answers: the client's timeout has to end the request. */
export const hang: Handler = () => {};

export const status =
  (code: number, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(code, { 'content-type': 'text/plain', ...headers }).end(`status ${code}`);
  };

/** A fake clock: `sleep` advances it instead of waiting. */
export function fakeClock(startIso: string): { now: () => Date; sleep: (ms: number) => Promise<void>; advance: (ms: number) => void } {
  let t = Date.parse(startIso);
  return {
    now: () => new Date(t),
    sleep: async (ms: number) => {
      t += ms;
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}
