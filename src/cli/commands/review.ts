import { UsageError } from '../../errors.js';
import { FIXABLE_FIELDS, type ReviewKind } from '../../store/review-repository.js';
import { positiveInt, unitInterval } from '../cli-arguments.js';
import type { DefineCommand } from '../cli-context.js';

const out = (s: string): void => {
  process.stdout.write(s);
};

const kindOf = (id: string): ReviewKind => {
  if (id.startsWith('e_')) return 'event';
  if (id.startsWith('q_')) return 'quote';
  throw new UsageError(`"${id}" is neither an event (e_…) nor a quote (q_…) id`);
};

/** The review repository and the records upkeep it calls back, loaded when a decision is made. */
const decisions = async () => {
  const [repository, { refreshRecordsOfEvents }] = await Promise.all([import('../../store/review-repository.js'), import('../../records/record-upkeep.js')]);
  return { ...repository, refreshRecordsOfEvents };
};

/** `dossier review` and its decisions: accept, reject, fix, undo. */
export const define: DefineCommand = (review, context) => {
  review
    .option('--threshold <x>', 'confidence below which an item needs review', unitInterval, 0.5)
    .option('--limit <n>', 'at most n items', positiveInt)
    .option('--json', 'print JSON')
    .action(async (o: { threshold: number; limit?: number; json?: boolean }) => {
      const { reviewQueue } = await import('../../store/events-queries.js');
      await context.withStore(async (store) => {
        const items = await reviewQueue(store, o.threshold, o.limit);
        if (o.json) out(`${JSON.stringify(items, null, 2)}\n`);
        else for (const i of items) out(`${i.kind} ${i.id} ${i.confidence.toFixed(2)}  ${i.summary}\n    why: ${i.reason}\n`);
      });
    });
  const decide = (decision: 'accept' | 'reject') => async (id: string, o: { note?: string }) => {
    const { recordDecision, refreshRecordsOfEvents } = await decisions();
    await context.withStore(async (store) => {
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
      const { recordDecision, refreshRecordsOfEvents } = await decisions();
      await context.withStore(async (store) => {
        const seq = await recordDecision(store, { kind: kindOf(id), itemId: id, decision: 'fix', field, value, ...(o.note ? { note: o.note } : {}) }, refreshRecordsOfEvents);
        out(`decision #${seq}: ${id} ${field} = ${value}\n`);
      });
    });
  review
    .command('undo')
    .description('Undo the most recent review decision')
    .action(async () => {
      const { undoLastDecision, refreshRecordsOfEvents } = await decisions();
      await context.withStore(async (store) => {
        const d = await undoLastDecision(store, refreshRecordsOfEvents);
        if (!d) throw new UsageError('no review decision to undo');
        out(`undid decision #${d.seq}: ${d.decision} ${d.itemId}${d.field ? ` ${d.field}` : ''}\n`);
      });
    });
};
