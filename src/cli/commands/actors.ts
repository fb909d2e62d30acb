import { readFile, writeFile } from 'node:fs/promises';
import { UsageError } from '../../errors.js';
import type { Correction } from '../../knowledge/actors/actor-overlay.js';
import type { Store } from '../../store/open-store.js';
import { positiveInt } from '../cli-arguments.js';
import type { DefineCommand } from '../cli-context.js';
import { count } from '../plural.js';

const describe = (c: Correction): string => {
  switch (c.op) {
    case 'merge':
      return `merge ${c.from} into ${c.into}`;
    case 'split':
      return `split "${c.surface}" out of ${c.actor}${c.name ? ` as "${c.name}"` : ''}`;
    case 'rename':
      return `rename ${c.actor} to "${c.name}"`;
    case 'alias-add':
      return `alias "${c.alias}" added to ${c.actor}`;
    case 'alias-remove':
      return `alias "${c.alias}" removed from ${c.actor}`;
  }
};

/** The corrections repository and the records upkeep it calls back, loaded when a subcommand runs. */
const corrections = async () => {
  const [repository, { refreshRecordsOfEvents }] = await Promise.all([import('../../store/corrections-repository.js'), import('../../records/record-upkeep.js')]);
  return { ...repository, refreshRecordsOfEvents };
};

/** `dossier actors` and the analyst's corrections under it. */
export const define: DefineCommand = (actors, context) => {
  const withCorrections = (work: (store: Store, c: Awaited<ReturnType<typeof corrections>>) => Promise<void>): Promise<void> =>
    corrections().then((c) => context.withStore((store) => work(store, c)));
  actors
    .option('--name <text>', 'name or alias contains')
    .option('--type <type>', 'person, organization, state, ...')
    .option('--country <iso3>', 'ISO 3166-1 alpha-3 country')
    .option('--limit <n>', 'at most n actors', positiveInt)
    .option('--json', 'print a JSON array')
    .addHelpText('after', '\nExamples:\n  dossier actors --country IRQ --limit 20\n  dossier actors merge irq-pmu new:organization:hashd\n  dossier actors undo')
    .action(async (opts: { name?: string; type?: string; country?: string; limit?: number; json?: boolean }) => {
      const [{ findActors }, { printActors }] = await Promise.all([import('../../store/mentions-queries.js'), import('../print-mentions.js')]);
      await context.withStore(async (store) => printActors(await findActors(store, opts), opts.json === true));
    });

  const correct = (c: Correction) => () =>
    withCorrections(async (store, { addCorrection, refreshRecordsOfEvents }) => {
      const { seq, changed } = await addCorrection(store, c, refreshRecordsOfEvents);
      process.stdout.write(`correction #${seq}: ${describe(c)}; ${count(changed, 'mention')} relinked\n`);
    });
  actors
    .command('merge')
    .description('Merge actor <from> into actor <into>: every mention of <from> becomes <into>')
    .argument('<into>')
    .argument('<from>')
    .action((into: string, from: string) => correct({ op: 'merge', into, from })());
  actors
    .command('split')
    .description('Move the mentions of <actor> spelled <surface> to a new actor (optionally named --name)')
    .argument('<actor>')
    .argument('<surface>')
    .option('--name <name>', 'name of the new actor')
    .action((actor: string, surface: string, o: { name?: string }) => correct({ op: 'split', actor, surface, ...(o.name ? { name: o.name } : {}) })());
  actors
    .command('rename')
    .description('Give <actor> a new display name')
    .argument('<actor>')
    .argument('<name>')
    .action((actor: string, name: string) => correct({ op: 'rename', actor, name })());
  const alias = actors.command('alias').description('Add or remove an alias of an actor');
  alias
    .command('add')
    .argument('<actor>')
    .argument('<alias>')
    .description('Mentions spelled <alias> are this actor, now and in later runs')
    .action((actor: string, a: string) => correct({ op: 'alias-add', actor, alias: a })());
  alias
    .command('remove')
    .argument('<actor>')
    .argument('<alias>')
    .description('Mentions of <actor> spelled <alias> are no longer this actor')
    .action((actor: string, a: string) => correct({ op: 'alias-remove', actor, alias: a })());
  actors
    .command('undo')
    .description('Undo the most recent correction still in force')
    .action(() =>
      withCorrections(async (store, { undoLastCorrection, refreshRecordsOfEvents }) => {
        const r = await undoLastCorrection(store, refreshRecordsOfEvents);
        if (!r) throw new UsageError('no correction to undo');
        process.stdout.write(`undid correction #${r.undone.seq}: ${describe(r.undone.correction)}; ${count(r.changed, 'mention')} relinked\n`);
      }),
    );
  actors
    .command('corrections')
    .description('List corrections (with --all, undone ones too)')
    .option('--all', 'include undone corrections')
    .option('--json', 'print JSON')
    .action((o: { all?: boolean; json?: boolean }) =>
      withCorrections(async (store, { listCorrections }) => {
        const rows = await listCorrections(store, o.all === true);
        if (o.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        else for (const r of rows) process.stdout.write(`#${r.seq} ${r.createdAt} ${describe(r.correction)}${r.undone ? ' (undone)' : ''}\n`);
      }),
    );
  actors
    .command('export-corrections')
    .description('Write the corrections in force to a file (or stdout with -)')
    .argument('[file]', 'output file', '-')
    .action((file: string) =>
      withCorrections(async (store, { activeCorrections, exportCorrections }) => {
        const text = exportCorrections(await activeCorrections(store));
        if (file === '-') process.stdout.write(text);
        else await writeFile(file, text);
      }),
    );
  actors
    .command('import-corrections')
    .description('Apply the corrections of an exported file that this store does not hold yet')
    .argument('<file>')
    .action(async (file: string) => {
      const { parseCorrectionsFile } = await corrections();
      const parsed = parseCorrectionsFile(await readFile(file, 'utf8'), file);
      await withCorrections(async (store, { importCorrections, refreshRecordsOfEvents }) => {
        const r = await importCorrections(store, parsed, refreshRecordsOfEvents);
        process.stdout.write(`${count(r.added, 'correction')} imported, ${parsed.length - r.added} already present; ${count(r.changed, 'mention')} relinked\n`);
      });
    });
};
