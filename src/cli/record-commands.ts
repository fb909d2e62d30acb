import type { Command } from 'commander';
import { NotFoundError, UsageError } from '../errors.js';
import { loadSyntaxModel } from '../nlp/syntax/syntax-model.js';
import type { Contradiction, FigureUpdates } from '../records/contradictions.js';
import type { Inconsistency } from '../records/inconsistencies.js';
import type { Store } from '../store/open-store.js';
import { outletSummaries, type RecordActorOut } from '../store/records-queries.js';
import { loadDocumentFrequencies } from '../knowledge/document-frequencies.js';
import { type RelinkSummary, relinkAllArticles } from '../records/link-article.js';
import { recordWithReports } from '../records/record-detail-view.js';
import { type RecordOut, recordsPage } from '../records/record-views.js';
import { addEventFilterOptions, positiveInt } from './cli-arguments.js';
import { count } from './plural.js';

type WithStore = (work: (store: Store) => Promise<void>) => Promise<void>;

const out = (s: string): void => {
  process.stdout.write(s);
};

const who = (xs: readonly RecordActorOut[]): string => xs.map((x) => x.name).join(' + ') || '?';

function recordLine(r: RecordOut): string {
  const date = r.date ? `${r.date}${r.datePrecision && r.datePrecision !== 'day' ? ` (${r.datePrecision})` : ''}` : '?';
  const flags = `${r.disputed ? ', DISPUTED' : ''}${r.inconsistencies.length > 0 ? `, ${r.inconsistencies.length} inconsistent` : ''}`;
  return `${r.id}  ${date.padEnd(10)}  ${r.code.padEnd(4)} ${(r.plover ?? '-').padEnd(9)} ${who(r.source)} → ${who(r.target)}${r.place ? ` @ ${r.place.name}` : ''}  [${count(r.mentions.length, 'mention')}, ${count(r.outlets.length, 'outlet')}, ${r.independentOutlets} independent${flags}]\n`;
}

/** " (per X)" for the claimants a value does not already name (a claim's value says whose it is). */
const perClaimants = (v: Contradiction['values'][number]): string => {
  const more = v.claimants.filter((c) => !v.value.includes(`per ${c}`));
  return more.length > 0 ? ` (per ${more.join(', ')})` : '';
};

function contradictionLines(cs: readonly Contradiction[]): string {
  return cs
    .map((c) => `  ${c.field} disputed:\n${c.values.map((v) => `    ${v.value}${perClaimants(v)}: ${v.outlets.join(', ') || '?'} (${v.eventIds.join(', ')})\n      “${(v.evidence[0] ?? '').replace(/\s+/g, ' ').slice(0, 160)}”\n`).join('')}`)
    .join('');
}

function updateLines(us: readonly FigureUpdates[]): string {
  return us.map((u) => `  ${u.kind}, as reports came out: ${u.series.map((v) => `${v.value} (${v.published}, ${v.outlets.join(', ') || '?'})`).join(' → ')}\n`).join('');
}

function inconsistencyLines(xs: readonly Inconsistency[]): string {
  return xs.map((x) => `  inside one article (${x.outlet ?? '?'} ${x.articleId}): ${x.kind}: ${x.note} (${x.eventIds.join(', ')})\n`).join('');
}

/** Runs the rebuild; the first SIGINT or SIGTERM stops it after the batch in hand is committed. */
async function relinkUntilStopped(store: Store, batch: number, onProgress: (done: number, total: number) => void): Promise<RelinkSummary> {
  let stop = false;
  const onSignal = (): void => {
    stop = true;
    // A second signal gets Node's default: exit now (the batch in hand is rolled back).
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    // Linking compares words by lemma and weighs them by rarity: the syntax model's lemma rules and the document frequencies, loaded once here.
    return await relinkAllArticles(store, { lemmas: loadSyntaxModel().lemmas, documentFrequencies: loadDocumentFrequencies() }, { batch, shouldStop: () => stop, onProgress: ({ done, total }) => onProgress(done, total) });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** `dossier records`, `dossier record <id>`, `dossier relink` and `dossier outlets`. */
export function registerRecordCommands(program: Command, withStore: WithStore): void {
  addEventFilterOptions(
    program.command('records').description('List event records: one per real-world event, with its outlets, independent witnesses and contradictions'),
  )
    .option('--disputed', 'only records whose reports contradict each other')
    .option('--min-independent <n>', 'only records with at least n independent outlets', positiveInt)
    .option('--limit <n>', 'at most n records', positiveInt)
    .option('--json', 'print a JSON array')
    .addHelpText('after', '\nExamples:\n  dossier records --disputed\n  dossier records --actor per-qasem-soleimani --json\n  dossier records --code 19 --min-independent 2')
    .action(async (o: { actor?: string; code?: string; from?: string; to?: string; place?: string; outlet?: string; disputed?: boolean; minIndependent?: number; limit?: number; json?: boolean }) => {
      if (o.code && !/^\d{1,4}$/.test(o.code)) throw new UsageError('a CAMEO code is digits: "19", "190", "1951"');
      const { limit, json: _json, ...filter } = o;
      await withStore(async (store) => {
        // The same query path as GET /api/records, with the same filters.
        const { items: records } = await recordsPage(store, filter, { limit });
        if (o.json) out(`${JSON.stringify(records, null, 2)}\n`);
        else for (const r of records) out(recordLine(r) + contradictionLines(r.contradictions) + updateLines(r.updates) + inconsistencyLines(r.inconsistencies));
      });
    });

  program
    .command('record')
    .description('Show one event record: who reported what, the independent witnesses, the contradictions')
    .argument('<id>')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { json?: boolean }) => {
      await withStore(async (store) => {
        const r = await recordWithReports(store, id);
        if (!r) throw new NotFoundError('event record', id, ' (see dossier records)');
        if (o.json) {
          out(`${JSON.stringify(r, null, 2)}\n`);
          return;
        }
        out(recordLine(r));
        out(`  first reported ${r.firstReported ?? '?'}, last ${r.lastReported ?? '?'}\n  witnesses:\n`);
        for (const g of r.witnesses) out(`    ${g.outlets.join(', ')}: ${count(g.articleIds.length, 'article')}${g.reasons.length ? ` (one witness: ${g.reasons.join(', ')})` : ''}\n`);
        out('  reports:\n');
        for (const m of r.reports) {
          const mags = m.magnitudes.map((x) => `${x.kind} ${x.text}`).join(', ');
          const wires = m.wireCredits.map((c) => `${c.wire ?? 'unnamed agency'} (${c.kind})`).join(', ');
          out(`    ${m.outlet ?? '-'} ${m.published ?? '?'} ${m.articleId} ${m.eventId}: ${m.code} ${who(m.source)} → ${who(m.target)} ${m.date ?? 'undated'}${m.place ? ` @ ${m.place}` : ''} [${m.modality}]${mags ? ` (${mags})` : ''}\n      “${m.evidence.replace(/\s+/g, ' ').slice(0, 200)}”\n      linked: ${m.reason}${wires ? `\n      credits: ${wires}` : ''}\n`);
        }
        if (r.contradictions.length > 0) out(`  contradictions:\n${contradictionLines(r.contradictions)}`);
        if (r.updates.length > 0) out(`  figures updated over time (not disputes):\n${updateLines(r.updates)}`);
        if (r.inconsistencies.length > 0) out(`  inconsistencies:\n${inconsistencyLines(r.inconsistencies)}`);
      });
    });

  program
    .command('relink')
    .description('Rebuild every event record: drop them all and link every article’s events again, in ingest order')
    .option('--batch <n>', 'articles per transaction', positiveInt, 100)
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      [
        '',
        'For a store made before event records existed, after an upgrade of the linking rule, or after',
        '`dossier reanalyze`: the records come out as a fresh ingest of the same articles makes them.',
        'Ctrl-C stops after the batch in hand; the store then holds the records of the articles linked',
        'so far, each consistent with its mentions, and exits 1. Run it again: it starts from zero.',
        '',
        'Example:\n  dossier relink --db dossier.db',
      ].join('\n'),
    )
    .action(async (o: { batch: number; json?: boolean }) => {
      await withStore(async (store) => {
        const tty = process.stderr.isTTY === true;
        const s = await relinkUntilStopped(store, o.batch, (done, total) => {
          if (tty) process.stderr.write(`\rrelinking: ${done}/${total} articles`);
        });
        if (tty && s.done > 0) process.stderr.write('\n');
        if (o.json) out(`${JSON.stringify(s)}\n`);
        else out(`relinked ${s.done} of ${count(s.total, 'article')} with events: ${count(s.records, 'record')}\n`);
        // An error, so the exit code says the records are incomplete.
        if (s.interrupted) throw new Error(`relink interrupted: only the first ${s.done} of ${count(s.total, 'article')} are linked; run dossier relink again (it starts from zero)`);
      });
    });

  program
    .command('outlets')
    .description('List outlets with their article counts, date ranges, most frequent actors and event types')
    .option('--json', 'print a JSON array')
    .action(async (o: { json?: boolean }) => {
      await withStore(async (store) => {
        const outlets = await outletSummaries(store);
        if (o.json) {
          out(`${JSON.stringify(outlets, null, 2)}\n`);
          return;
        }
        for (const x of outlets) {
          out(`${x.name}: ${count(x.articles, 'article')}, ${x.firstDate ?? '?'} – ${x.lastDate ?? '?'}\n`);
          out(`    actors: ${x.topActors.map((a) => `${a.name} (${a.events})`).join(', ') || '-'}\n    events: ${x.topEventTypes.map((t) => `${t.type} (${t.events})`).join(', ') || '-'}\n`);
        }
      });
    });
}
