import { delimiter } from 'node:path';
import { Command, CommanderError, Help } from 'commander';
import { EXIT_OK, EXIT_SOME_INPUTS_FAILED, EXIT_USAGE, exitCodeOf } from '../errors.js';
import type { Store } from '../store/open-store.js';
import { checkDateOptions } from './cli-arguments.js';
import type { CliContext } from './cli-context.js';
import { COMMANDS, type CommandEntry } from './command-list.js';

/** The program with its global options and every command named, none of them defined yet. */
function programShell(): Command {
  const program = new Command('dossier')
    .description('Turn raw news into a sourced, queryable record.')
    .option('--db <path|url>', 'SQLite database file, or a postgres:// URL (default: $DOSSIER_DB or ./dossier.db)')
    // One file per flag, repeated for more: a variadic option would take the command's name
    // ("--registry my.yaml ingest ...") as a second file.
    .option(
      '--registry <file>',
      'your actor registry file (YAML or JSON), applied over the shipped actors; repeat for more (also $DOSSIER_REGISTRY, separated by the path delimiter)',
      (file: string, files: string[] = []) => [...files, file],
    )
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  // A command not loaded has no options or arguments yet: the list says what follows its name.
  const terms = new Map(COMMANDS.map((c) => [c.name, c.term]));
  program.configureHelp({
    subcommandTerm: (cmd) => {
      const term = cmd.parent === program ? terms.get(cmd.name()) : undefined;
      return term === undefined ? new Help().subcommandTerm(cmd) : `${cmd.name()}${term ? ` ${term}` : ''}`;
    },
  });
  for (const c of COMMANDS) program.command(c.name).description(c.summary);
  return program;
}

/**
 * The command argv runs (or asks help for), found as commander will find it: after the global
 * options, wherever they stand. Undefined for `--help`, no command, or an unknown one.
 */
export function commandToLoad(argv: readonly string[]): CommandEntry | undefined {
  // Silent: an error here is reported by the real parse.
  const scan = programShell().configureOutput({ writeErr: () => {} });
  let operands: string[];
  try {
    ({ operands } = scan.parseOptions([...argv]));
  } catch {
    // A global option without its value: the real parse reports it.
    return undefined;
  }
  const [first, second] = operands;
  const name = first === 'help' ? second : first;
  return COMMANDS.find((c) => c.name === name);
}

/** Runs the CLI and returns its exit code: 0 all went in, 1 some inputs failed, 2 usage. */
export async function main(argv: readonly string[]): Promise<number> {
  let code = EXIT_OK;
  const program = programShell();
  const dbOption = (): string | undefined => program.opts<{ db?: string }>().db;
  const registryFiles = (): string[] => program.opts<{ registry?: string[] }>().registry ?? (process.env.DOSSIER_REGISTRY ?? '').split(delimiter).filter(Boolean);
  const openStore = async (): Promise<Store> => {
    const store = await import('../store/open-store.js');
    return store.openStore(store.storeTarget(dbOption()));
  };
  const context: CliContext = {
    storeTarget: async () => (await import('../store/open-store.js')).storeTarget(dbOption()),
    openStore,
    withStore: async (work) => {
      const store = await openStore();
      try {
        await work(store);
      } finally {
        await store.destroy();
      }
    },
    registryFiles,
    // The models and gazetteer load only for the commands that analyze text, and there at the
    // first article that needs them (an ingest of known articles reads none).
    analyzer: async () => {
      const [{ loadKnowledge }, { createAnalyzer }] = await Promise.all([import('../pipeline/load-knowledge.js'), import('../pipeline/analyze-article.js')]);
      const options = { registryFiles: registryFiles() };
      return createAnalyzer(() => loadKnowledge(options));
    },
    someInputsFailed: () => {
      code = EXIT_SOME_INPUTS_FAILED;
    },
  };
  // Only the command that runs is loaded and defined; the others stay names in the help.
  const chosen = commandToLoad(argv);
  if (chosen) {
    const command = program.commands.find((c) => c.name() === chosen.name);
    if (command) (await chosen.load()).define(command, context);
  }
  program.hook('preAction', (_program, action) => checkDateOptions(action));

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    // One prefix for every error, as commander and the per-file ingest errors write it; the exit code is the catalogue's.
    process.stderr.write(`error: ${(error as Error).message}\n`);
    return exitCodeOf(error);
  }
  return code;
}
