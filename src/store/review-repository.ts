import { NotFoundError, UsageError } from '../errors.js';
import type { Store } from './open-store.js';
import type { EventsChanged } from './records-repository.js';

export type ReviewKind = 'event' | 'quote';
export type ReviewDecision = 'accept' | 'reject' | 'fix';

/** Fields an analyst may fix, per kind. Values are checked where they are applied. */
export const FIXABLE_FIELDS: Record<ReviewKind, readonly string[]> = {
  event: ['code', 'modality', 'date', 'place', 'source', 'target'],
  quote: ['speaker', 'kind'],
};

export interface Decision {
  readonly seq: number;
  readonly kind: ReviewKind;
  readonly itemId: string;
  readonly decision: ReviewDecision;
  readonly field: string | null;
  readonly value: string | null;
  readonly note: string | null;
  readonly createdAt: string;
}

/**
 * Records an analyst's decision. A decision on an event can add it to or remove it from its
 * record's shown reports (a live rejection hides it): `eventsChanged` then brings the records
 * holding it up to date (records/record-upkeep.ts refreshRecordsOfEvents).
 */
export async function recordDecision(
  db: Store,
  d: { kind: ReviewKind; itemId: string; decision: ReviewDecision; field?: string; value?: string; note?: string },
  eventsChanged: EventsChanged,
): Promise<number> {
  const table = d.kind === 'event' ? 'events' : 'quotes';
  const found = await db.selectFrom(table).select('id').where('id', '=', d.itemId).executeTakeFirst();
  if (!found) throw new NotFoundError(d.kind, d.itemId);
  if (d.decision === 'fix') {
    if (!d.field || !FIXABLE_FIELDS[d.kind].includes(d.field)) throw new UsageError(`fix needs a field: one of ${FIXABLE_FIELDS[d.kind].join(', ')}`);
    if (d.value === undefined) throw new UsageError('fix needs a value');
    if (d.field === 'code' && !/^\d{2,4}$/.test(d.value)) throw new UsageError('a CAMEO code is 2 to 4 digits');
    if (d.field === 'date' && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(d.value)) throw new UsageError('a date is YYYY, YYYY-MM or YYYY-MM-DD');
    if (d.field === 'modality' && !['asserted', 'reported', 'claimed', 'denied', 'planned', 'conditional', 'hypothetical', 'negated'].includes(d.value)) {
      throw new UsageError('modality is one of asserted, reported, claimed, denied, planned, conditional, hypothetical, negated');
    }
  }
  const row = await db
    .insertInto('review_decisions')
    .values({ item_kind: d.kind, item_id: d.itemId, decision: d.decision, field: d.field ?? null, value: d.value ?? null, note: d.note ?? null, created_at: new Date().toISOString() })
    .returning('seq')
    .executeTakeFirstOrThrow();
  if (d.kind === 'event') await eventsChanged(db, [d.itemId]);
  return row.seq;
}

/** Undoes the latest live decision; `eventsChanged` as for recordDecision. */
export async function undoLastDecision(db: Store, eventsChanged: EventsChanged): Promise<Decision | null> {
  const last = (await listDecisions(db)).at(-1);
  if (!last) return null;
  await db.updateTable('review_decisions').set({ undone: 1 }).where('seq', '=', last.seq).execute();
  if (last.kind === 'event') await eventsChanged(db, [last.itemId]);
  return last;
}

export async function listDecisions(db: Store, ids?: readonly string[]): Promise<Decision[]> {
  const query = db.selectFrom('review_decisions').selectAll().where('undone', '=', 0).orderBy('seq');
  let rows: Awaited<ReturnType<typeof query.execute>> = [];
  if (!ids) rows = await query.execute();
  // SQLite caps bound variables: long id lists go in chunks, then back in log order.
  else for (let i = 0; i < ids.length; i += 500) rows.push(...(await query.where('item_id', 'in', ids.slice(i, i + 500)).execute()));
  if (ids && ids.length > 500) rows.sort((a, b) => a.seq - b.seq);
  return rows.map((r) => ({
    seq: r.seq,
    kind: r.item_kind as ReviewKind,
    itemId: r.item_id,
    decision: r.decision as ReviewDecision,
    field: r.field,
    value: r.value,
    note: r.note,
    createdAt: r.created_at,
  }));
}

/** The state of each reviewed item once its decisions are replayed: rejected, accepted, and fixed fields. */
export interface ReviewState {
  readonly status: 'accepted' | 'rejected' | 'fixed' | null;
  readonly fixes: Readonly<Record<string, string>>;
}

export function reviewStates(decisions: readonly Decision[]): Map<string, ReviewState> {
  const out = new Map<string, { status: ReviewState['status']; fixes: Record<string, string> }>();
  for (const d of decisions) {
    const s = out.get(d.itemId) ?? { status: null, fixes: {} };
    if (d.decision === 'reject') s.status = 'rejected';
    else if (d.decision === 'accept') s.status = s.status === 'fixed' ? 'fixed' : 'accepted';
    else if (d.field && d.value !== null) {
      s.fixes[d.field] = d.value;
      s.status = 'fixed';
    }
    out.set(d.itemId, s);
  }
  return out;
}
