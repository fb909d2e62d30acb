import { fileURLToPath } from 'node:url';
import { InvalidArgumentError } from 'commander';
import { positiveInt } from '../cli-arguments.js';
import type { DefineCommand } from '../cli-context.js';

const port = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535');
  return n;
};

// dist/web beside src/ and dist/ alike: three levels up from this module.
const DEFAULT_WEB = fileURLToPath(new URL('../../../dist/web', import.meta.url));

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** `dossier serve`: the API and the web app until SIGINT or SIGTERM. */
export const define: DefineCommand = (command, context) => {
  command
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'port to listen on (0: any free port)', port, 8484)
    .option('--token <t>', 'allow writes (uploads, corrections, review) with Authorization: Bearer <t> (also $DOSSIER_TOKEN)')
    .option('--web <dir>', 'folder of the built web app', DEFAULT_WEB)
    // The default is DEFAULT_READ_RUNNER's (src/api/read-runner.ts), named here so that --help loads no server code.
    .option('--max-waiting-searches <n>', 'searches that may wait for the search thread on a SQLite store; one more is answered 503 at once (default 8)', positiveInt)
    .addHelpText('after', '\nExamples:\n  dossier serve\n  DOSSIER_TOKEN=s3cret dossier serve --port 9000 --db news.db')
    .action(async (o: { host: string; port: number; token?: string; web: string; maxWaitingSearches?: number }) => {
      const token = o.token ?? process.env.DOSSIER_TOKEN ?? null;
      // The registry is read at the first upload; a mistake in it is reported now, not then.
      const registryFiles = context.registryFiles();
      if (registryFiles.length > 0) (await import('../../knowledge/actors/load-registry.js')).loadActorRegistry({ extraFiles: registryFiles });
      const [{ buildServer }, { isPostgresTarget }, { untilStopSignal }, { DEFAULT_READ_RUNNER }] = await Promise.all([
        import('../../api/server.js'),
        import('../../store/dialect.js'),
        import('../stop-signal.js'),
        import('../../api/read-runner.js'),
      ]);
      const target = await context.storeTarget();
      const store = await context.openStore();
      const reads = { ...DEFAULT_READ_RUNNER, maxWaitingSearches: o.maxWaitingSearches ?? DEFAULT_READ_RUNNER.maxWaitingSearches };
      const app = await buildServer({ store, storePath: isPostgresTarget(target) ? null : target, reads, token, webRoot: o.web, logger: { level: 'warn' }, analyzer: context.analyzer });
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
};
