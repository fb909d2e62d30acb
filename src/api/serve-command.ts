import { fileURLToPath } from 'node:url';
import { type Command, InvalidArgumentError } from 'commander';
import { untilStopSignal } from '../cli/stop-signal.js';
import type { Analyzer } from '../pipeline/analyze-article.js';
import { isPostgresTarget } from '../store/dialect.js';
import { openStore } from '../store/open-store.js';

export interface ServeCommandOptions {
  /** The store file, resolved when the command runs (after --db is parsed). */
  readonly storePath: () => string;
  /** The analyzer for uploads (e.g. with --registry files); default: the shipped knowledge. */
  readonly analyzer?: () => Promise<Analyzer>;
}

const port = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return n;
};

// dist/web beside src/ and dist/ alike: two levels up from this module.
const DEFAULT_WEB = fileURLToPath(new URL('../../dist/web', import.meta.url));

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** `dossier serve`: the API and the web app until SIGINT or SIGTERM. */
export function registerServeCommand(program: Command, options: ServeCommandOptions): void {
  program
    .command('serve')
    .description('Serve the HTTP API (/api, OpenAPI at /api/openapi.json) and the web app; read-only unless a token is set')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'port to listen on (0: any free port)', port, 8484)
    .option('--token <t>', 'allow writes (uploads, corrections, review) with Authorization: Bearer <t> (also $DOSSIER_TOKEN)')
    .option('--web <dir>', 'folder of the built web app', DEFAULT_WEB)
    .addHelpText('after', '\nExamples:\n  dossier serve\n  DOSSIER_TOKEN=s3cret dossier serve --port 9000 --db news.db')
    .action(async (o: { host: string; port: number; token?: string; web: string }) => {
      const token = o.token ?? process.env.DOSSIER_TOKEN ?? null;
      const store = await openStore(options.storePath());
      const app = await (await import('./server.js')).buildServer({ store, storePath: isPostgresTarget(options.storePath()) ? null : options.storePath(), token, webRoot: o.web, logger: { level: 'warn' }, ...(options.analyzer ? { analyzer: options.analyzer } : {}) });
      try {
        await app.listen({ host: o.host, port: o.port });
      } catch (error) {
        await app.close();
        await store.destroy();
        throw error;
      }
      const address = app.server.address();
      const shownHost = o.host.includes(':') ? `[${o.host}]` : o.host;
      const url = `http://${shownHost}:${typeof address === 'object' && address ? address.port : o.port}/`;
      process.stdout.write(`dossier: serving ${url} (${token ? 'writes need the token' : 'read-only'}); Ctrl-C stops\n`);
      if (!LOOPBACK.has(o.host)) process.stderr.write(`dossier: warning: listening on ${o.host}, reachable from other machines\n`);
      await untilStopSignal();
      await app.close();
      await store.destroy();
      process.stdout.write('dossier: stopped\n');
    });
}
