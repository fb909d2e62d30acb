import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { NotFoundError, UsageError } from '../errors.js';
import type { Correction } from '../knowledge/actors/actor-overlay.js';
import { refreshRecordsOfEvents } from '../records/record-upkeep.js';
import {
  activeCorrections,
  addCorrection,
  exportCorrections,
  importCorrections,
  listCorrections,
  parseCorrectionsFile,
  undoLastCorrection,
} from '../store/corrections-repository.js';
import { findActors, findPlaces, getActor, timeline } from '../store/mentions-queries.js';
import type { Store } from '../store/open-store.js';
import { isoDate, positiveInt } from './cli-arguments.js';
import { count } from './plural.js';
import { printActor, printActors, printPlaces, printTimeline } from './print-mentions.js';

type WithStore = (work: (store: Store) => Promise<void>) => Promise<void>;

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

/** `dossier actors|actor|places|timeline` and the analyst's corrections under `dossier actors`. */
export function registerMentionCommands(program: Command, withStore: WithStore): void {
  const actors = program
    .command('actors')
    .description('List actors with their aliases and mention counts; correct them (merge, split, rename, alias, undo)')
    .option('--name <text>', 'name or alias contains')
    .option('--type <type>', 'person, organization, state, ...')
    .option('--country <iso3>', 'ISO 3166-1 alpha-3 country')
    .option('--limit <n>', 'at most n actors', positiveInt)
    .option('--json', 'print a JSON array')
    .addHelpText('after', '\nExamples:\n  dossier actors --country IRQ --limit 20\n  dossier actors merge irq-pmu new:organization:hashd\n  dossier actors undo')
    .action(async (opts: { name?: string; type?: string; country?: string; limit?: number; json?: boolean }) => {
      await withStore(async (store) => printActors(await findActors(store, opts), opts.json === true));
    });

  const correct = (c: Correction) => async () => {
    await withStore(async (store) => {
      const { seq, changed } = await addCorrection(store, c, refreshRecordsOfEvents);
      process.stdout.write(`correction #${seq}: ${describe(c)}; ${count(changed, 'mention')} relinked\n`);
    });
  };
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
    .action(async () => {
      await withStore(async (store) => {
        const r = await undoLastCorrection(store, refreshRecordsOfEvents);
        if (!r) throw new UsageError('no correction to undo');
        process.stdout.write(`undid correction #${r.undone.seq}: ${describe(r.undone.correction)}; ${count(r.changed, 'mention')} relinked\n`);
      });
    });
  actors
    .command('corrections')
    .description('List corrections (with --all, undone ones too)')
    .option('--all', 'include undone corrections')
    .option('--json', 'print JSON')
    .action(async (o: { all?: boolean; json?: boolean }) => {
      await withStore(async (store) => {
        const rows = await listCorrections(store, o.all === true);
        if (o.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        else for (const r of rows) process.stdout.write(`#${r.seq} ${r.createdAt} ${describe(r.correction)}${r.undone ? ' (undone)' : ''}\n`);
      });
    });
  actors
    .command('export-corrections')
    .description('Write the corrections in force to a file (or stdout with -)')
    .argument('[file]', 'output file', '-')
    .action(async (file: string) => {
      await withStore(async (store) => {
        const text = exportCorrections(await activeCorrections(store));
        if (file === '-') process.stdout.write(text);
        else await writeFile(file, text);
      });
    });
  actors
    .command('import-corrections')
    .description('Apply the corrections of an exported file that this store does not hold yet')
    .argument('<file>')
    .action(async (file: string) => {
      const corrections = parseCorrectionsFile(await readFile(file, 'utf8'), file);
      await withStore(async (store) => {
        const r = await importCorrections(store, corrections, refreshRecordsOfEvents);
        process.stdout.write(`${count(r.added, 'correction')} imported, ${corrections.length - r.added} already present; ${count(r.changed, 'mention')} relinked\n`);
      });
    });

  program
    .command('actor')
    .description('One actor: facts, aliases, roles, members, and where it is mentioned')
    .argument('<id>')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      await withStore(async (store) => {
        const a = await getActor(store, id);
        if (!a) throw new NotFoundError('actor', id, ' (see dossier actors)');
        printActor(a, opts.json === true);
      });
    });

  program
    .command('places')
    .description('List resolved places with coordinates, precision and mention counts')
    .option('--name <text>', 'name contains')
    .option('--country <iso3>', 'ISO 3166-1 alpha-3 country')
    .option('--precision <p>', 'site, city, district, region, country, area')
    .option('--limit <n>', 'at most n places', positiveInt)
    .option('--json', 'print a JSON array')
    .action(async (opts: { name?: string; country?: string; precision?: string; limit?: number; json?: boolean }) => {
      await withStore(async (store) => printPlaces(await findPlaces(store, opts), opts.json === true));
    });

  program
    .command('timeline')
    .description('Dated mentions in time order, each with its article and context')
    .option('--from <date>', 'on or after (YYYY[-MM[-DD]])', isoDate)
    .option('--to <date>', 'on or before (YYYY[-MM[-DD]])', isoDate)
    .option('--limit <n>', 'at most n entries', positiveInt)
    .option('--json', 'print a JSON array')
    .action(async (opts: { from?: string; to?: string; limit?: number; json?: boolean }) => {
      await withStore(async (store) => printTimeline(await timeline(store, opts), opts.json === true));
    });
}
