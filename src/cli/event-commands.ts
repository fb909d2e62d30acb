import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { refreshRecordsOfEvents } from '../records/record-upkeep.js';
import { type EventOut, findEvents, findQuotes, type QuoteOut, reviewQueue } from '../store/events-queries.js';
import type { Store } from '../store/open-store.js';
import { FIXABLE_FIELDS, type ReviewKind, recordDecision, undoLastDecision } from '../store/review-repository.js';
import { addEventFilterOptions, boundingBox, positiveInt, unitInterval } from './cli-arguments.js';

type WithStore = (work: (store: Store) => Promise<void>) => Promise<void>;

const MODALITIES = ['asserted', 'reported', 'claimed', 'denied', 'planned', 'conditional', 'hypothetical', 'negated'];

const out = (s: string): void => {
  process.stdout.write(s);
};

function printEvents(events: readonly EventOut[], json: boolean): void {
  if (json) {
    out(`${JSON.stringify(events, null, 2)}\n`);
    return;
  }
  const who = (xs: EventOut['source']): string => xs.map((x) => x.name).join(' + ') || '?';
  for (const e of events) {
    const mags = e.magnitudes.map((m) => `${m.kind} ${m.text}`).join(', ');
    out(`${e.id}  ${(e.date ?? '?').padEnd(10)}  ${e.code.padEnd(4)} ${(e.plover ?? '-').padEnd(9)} ${who(e.source)} → ${who(e.target)}${e.place ? ` @ ${e.place.name}` : ''}  [${e.modality}${e.attributedTo?.speaker ? `, per ${e.attributedTo.speaker}` : ''}] ${e.confidence.toFixed(2)}${mags ? `  (${mags})` : ''}\n`);
    out(`    ${e.outlet ?? '-'} ${e.articleId}: ${e.evidence.replace(/\s+/g, ' ').slice(0, 200)}\n`);
  }
}

function printQuotes(quotes: readonly QuoteOut[], json: boolean): void {
  if (json) {
    out(`${JSON.stringify(quotes, null, 2)}\n`);
    return;
  }
  for (const q of quotes) {
    out(`${q.id}  ${(q.date ?? '?').padEnd(10)}  ${q.speaker.name ?? '?'}${q.speaker.role ? ` (${q.speaker.role})` : ''}${q.via ? ` via ${q.via.name}` : ''} [${q.kind}] in ${q.outlet ?? '-'}\n    ${q.text.replace(/\s+/g, ' ').slice(0, 220)}\n`);
  }
}

/** `dossier events`, `dossier quotes` and `dossier review`. */
export function registerEventCommands(program: Command, withStore: WithStore): void {
  addEventFilterOptions(program.command('events').description('List coded events: who did what to whom, where, when, and according to whom'))
    .option('--plover <type>', 'PLOVER event type (ASSAULT, PROTEST, ...)')
    .option('--bbox <box>', 'minLon,minLat,maxLon,maxLat', boundingBox)
    .option('--modality <m>', MODALITIES.join(', '))
    .option('--min-confidence <x>', 'only events at or above this confidence (0..1)', unitInterval)
    .option('--all', 'include events an analyst rejected')
    .option('--limit <n>', 'at most n events', positiveInt)
    .option('--json', 'print a JSON array')
    .addHelpText('after', '\nExamples:\n  dossier events --code 19 --from 2020-01 --json\n  dossier events --actor irq-pmu --modality conditional\n  dossier events --bbox 38,29,49,38 --min-confidence 0.6')
    .action(
      async (o: { actor?: string; code?: string; plover?: string; place?: string; bbox?: [number, number, number, number]; from?: string; to?: string; outlet?: string; modality?: string; minConfidence?: number; all?: boolean; limit?: number; json?: boolean }) => {
        if (o.modality && !MODALITIES.includes(o.modality)) throw new UsageError(`unknown modality "${o.modality}"; one of ${MODALITIES.join(', ')}`);
        if (o.code && !/^\d{1,4}$/.test(o.code)) throw new UsageError('a CAMEO code is digits: "19", "190", "1951"');
        await withStore(async (store) => printEvents(await findEvents(store, { ...o, includeRejected: o.all === true }), o.json === true));
      },
    );

  program
    .command('quotes')
    .description('List quotes and claims with their speakers, intermediaries and outlets')
    .option('--speaker <id|name>', 'speaker actor id, or a name it contains')
    .option('--outlet <name>', 'outlet name contains')
    .option('--about <actor-id>', 'quotes whose content mentions this actor')
    .option('--min-confidence <x>', 'only quotes at or above this confidence (0..1)', unitInterval)
    .option('--all', 'include quotes an analyst rejected')
    .option('--limit <n>', 'at most n quotes', positiveInt)
    .option('--json', 'print a JSON array')
    .action(async (o: { speaker?: string; outlet?: string; about?: string; minConfidence?: number; all?: boolean; limit?: number; json?: boolean }) => {
      await withStore(async (store) => printQuotes(await findQuotes(store, { ...o, includeRejected: o.all === true }), o.json === true));
    });

  const review = program
    .command('review')
    .description('The review queue: events and quotes below a confidence threshold, with their reasons')
    .option('--threshold <x>', 'confidence below which an item needs review', unitInterval, 0.5)
    .option('--limit <n>', 'at most n items', positiveInt)
    .option('--json', 'print JSON')
    .action(async (o: { threshold: number; limit?: number; json?: boolean }) => {
      await withStore(async (store) => {
        const items = await reviewQueue(store, o.threshold, o.limit);
        if (o.json) out(`${JSON.stringify(items, null, 2)}\n`);
        else for (const i of items) out(`${i.kind} ${i.id} ${i.confidence.toFixed(2)}  ${i.summary}\n    why: ${i.reason}\n`);
      });
    });
  const kindOf = (id: string): ReviewKind => {
    if (id.startsWith('e_')) return 'event';
    if (id.startsWith('q_')) return 'quote';
    throw new UsageError(`"${id}" is neither an event (e_…) nor a quote (q_…) id`);
  };
  const decide = (decision: 'accept' | 'reject') => async (id: string, o: { note?: string }) => {
    await withStore(async (store) => {
      const seq = await recordDecision(store, { kind: kindOf(id), itemId: id, decision, ...(o.note ? { note: o.note } : {}) }, refreshRecordsOfEvents);
      out(`decision #${seq}: ${decision} ${id}\n`);
    });
  };
  review.command('accept').argument('<id>').option('--note <text>').description('Accept an event or quote as extracted').action(decide('accept'));
  review.command('reject').argument('<id>').option('--note <text>').description('Reject it: hidden from lists unless --all').action(decide('reject'));
  review
    .command('fix')
    .argument('<id>')
    .argument('<field>', `event: ${FIXABLE_FIELDS.event.join(', ')}; quote: ${FIXABLE_FIELDS.quote.join(', ')}`)
    .argument('<value>')
    .option('--note <text>')
    .description('Fix one field of an event or quote; the fix holds across re-runs')
    .action(async (id: string, field: string, value: string, o: { note?: string }) => {
      await withStore(async (store) => {
        const seq = await recordDecision(store, { kind: kindOf(id), itemId: id, decision: 'fix', field, value, ...(o.note ? { note: o.note } : {}) }, refreshRecordsOfEvents);
        out(`decision #${seq}: ${id} ${field} = ${value}\n`);
      });
    });
  review
    .command('undo')
    .description('Undo the most recent review decision')
    .action(async () => {
      await withStore(async (store) => {
        const d = await undoLastDecision(store, refreshRecordsOfEvents);
        if (!d) throw new UsageError('no review decision to undo');
        out(`undid decision #${d.seq}: ${d.decision} ${d.itemId}${d.field ? ` ${d.field}` : ''}\n`);
      });
    });
}
