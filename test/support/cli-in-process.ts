import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

/*
 * The CLI run in the test's own process: `main` with what it writes to stdout and stderr kept,
 * as a child process's output would be. For tests of what a command says and exits with, this
 * covers the same code as spawning bin/dossier.js without starting Node and loading the modules
 * again for every command. The tests that need a real process (signals, the built bin script,
 * workers) spawn one: test/support/run-cli.ts, test/cli/exit-codes-and-summaries.test.ts.
 */

export interface CliRun {
  /** main's exit code. */
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `dossier <argv>` in this process; paths in argv must be absolute (the working folder is the test's). */
export async function runCli(argv: readonly string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const keep = (into: string[]) => (chunk: string | Uint8Array) => into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')) > 0;
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(keep(out));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(keep(err));
  try {
    const status = await main(argv);
    return { status, stdout: out.join(''), stderr: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}
