import { z } from 'zod';
import { InputError, NotFoundError, UsageError } from '../errors.js';
import { type Correction, effectiveActor, newActorId, overlayNames, splitActorId } from '../knowledge/actors/actor-overlay.js';
import { newActorRecord, upsertActor } from './mentions-repository.js';
import type { Store } from './open-store.js';
import type { EventsChanged } from './records-repository.js';

const CorrectionSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('merge'), into: z.string().min(1), from: z.string().min(1) }).strict(),
  z.object({ op: z.literal('split'), actor: z.string().min(1), surface: z.string().min(1), name: z.string().min(1).optional() }).strict(),
  z.object({ op: z.literal('rename'), actor: z.string().min(1), name: z.string().min(1) }).strict(),
  z.object({ op: z.literal('alias-add'), actor: z.string().min(1), alias: z.string().min(1) }).strict(),
  z.object({ op: z.literal('alias-remove'), actor: z.string().min(1), alias: z.string().min(1) }).strict(),
]);

/** The exchange file: a list of corrections in the order they were made. */
const CorrectionsFile = z.object({
  dossier: z.literal('actor-corrections'),
  version: z.literal(1),
  corrections: z.array(CorrectionSchema),
});

export interface StoredCorrection {
  readonly seq: number;
  readonly correction: Correction;
  readonly createdAt: string;
  readonly undone: boolean;
}

export async function listCorrections(db: Store, includeUndone = false): Promise<StoredCorrection[]> {
  let q = db.selectFrom('actor_corrections').selectAll().orderBy('seq');
  if (!includeUndone) q = q.where('undone', '=', 0);
  const rows = await q.execute();
  return rows.map((r) => ({
    seq: r.seq,
    correction: CorrectionSchema.parse({ op: r.op, ...JSON.parse(r.payload) }) as Correction,
    createdAt: r.created_at,
    undone: r.undone === 1,
  }));
}

export async function activeCorrections(db: Store): Promise<Correction[]> {
  return (await listCorrections(db)).map((c) => c.correction);
}

/**
 * Checks that the actors a correction names exist, records it, and re-derives every link;
 * `eventsChanged` as for reapplyCorrections.
 */
export async function addCorrection(db: Store, c: Correction, eventsChanged: EventsChanged): Promise<{ seq: number; changed: number }> {
  const named = c.op === 'merge' ? [c.into, c.from] : [c.actor];
  for (const id of named) {
    const found = await db.selectFrom('actors').select('id').where('id', '=', id).executeTakeFirst();
    if (!found) throw new NotFoundError('actor', `"${id}"`, ' (see dossier actors)');
  }
  if (c.op === 'merge' && c.into === c.from) throw new UsageError('cannot merge an actor into itself');
  const { op, ...payload } = c;
  const row = await db
    .insertInto('actor_corrections')
    .values({ op, payload: JSON.stringify(payload), created_at: new Date().toISOString() })
    .returning('seq')
    .executeTakeFirstOrThrow();
  return { seq: row.seq, changed: await reapplyCorrections(db, eventsChanged) };
}

/** Undoes the most recent correction still in force; null when there is none. */
export async function undoLastCorrection(db: Store, eventsChanged: EventsChanged): Promise<{ undone: StoredCorrection; changed: number } | null> {
  const last = (await listCorrections(db)).at(-1);
  if (!last) return null;
  await db.updateTable('actor_corrections').set({ undone: 1 }).where('seq', '=', last.seq).execute();
  return { undone: { ...last, undone: true }, changed: await reapplyCorrections(db, eventsChanged) };
}

/**
 * Replays the overlay over every stored mention's raw link and writes the links that change.
 * Returns how many mentions moved. Actors created by a split get their row here. The events
 * whose participants moved go to `eventsChanged`, in the same transaction: a record's sources,
 * targets and disputed perpetrator are read from these actor ids, and the store does not work
 * records out (records/record-upkeep.ts refreshRecordsOfEvents does).
 */
export async function reapplyCorrections(db: Store, eventsChanged: EventsChanged): Promise<number> {
  const corrections = await activeCorrections(db);
  return db.transaction().execute(async (trx) => {
    for (const c of corrections) {
      if (c.op !== 'split') continue;
      const base = await trx.selectFrom('actors').selectAll().where('id', '=', c.actor).executeTakeFirst();
      await upsertActor(
        trx,
        newActorRecord(splitActorId(c.actor, c.surface), c.name ?? c.surface, '', {
          type: base?.type ?? 'unknown',
          country: base?.country ?? null,
          sector: base?.sector ?? null,
          origin: 'split',
          aliases: [c.surface],
        }),
      );
    }
    const rows = await trx.selectFrom('entity_mentions').select(['article_id', 'idx', 'raw_actor_id', 'actor_id', 'text', 'type']).execute();
    let changed = 0;
    for (const r of rows) {
      const next = effectiveActor(corrections, { rawActorId: r.raw_actor_id, text: r.text, type: r.type });
      if (next === r.actor_id) continue;
      if (next?.startsWith('new:') && next === newActorId(r.type, r.text)) {
        await upsertActor(trx, newActorRecord(next, r.text, r.type));
      }
      await trx.updateTable('entity_mentions').set({ actor_id: next }).where('article_id', '=', r.article_id).where('idx', '=', r.idx).execute();
      changed++;
    }
    // Event participants and quote speakers follow the same overlay.
    const participants = await trx.selectFrom('event_actors').select(['event_id', 'role', 'pos', 'raw_actor_id', 'actor_id', 'text', 'type']).execute();
    const movedEvents = new Set<string>();
    for (const p of participants) {
      const next = effectiveActor(corrections, { rawActorId: p.raw_actor_id, text: p.text, type: p.type });
      if (next === p.actor_id) continue;
      await trx.updateTable('event_actors').set({ actor_id: next }).where('event_id', '=', p.event_id).where('role', '=', p.role).where('pos', '=', p.pos).execute();
      movedEvents.add(p.event_id);
    }
    await eventsChanged(trx, [...movedEvents]);
    const speakers = await trx.selectFrom('quotes').select(['id', 'raw_speaker_actor_id', 'speaker_actor_id', 'speaker_text']).where('raw_speaker_actor_id', 'is not', null).execute();
    for (const q of speakers) {
      const next = effectiveActor(corrections, { rawActorId: q.raw_speaker_actor_id, text: q.speaker_text ?? '', type: 'PERSON' });
      if (next !== q.speaker_actor_id) await trx.updateTable('quotes').set({ speaker_actor_id: next }).where('id', '=', q.id).execute();
    }
    return changed;
  });
}

/** The display names corrections give (renames, split actors), applied when actors are read. */
export async function correctedNames(db: Store): Promise<Map<string, string>> {
  return overlayNames(await activeCorrections(db));
}

export function exportCorrections(corrections: readonly Correction[]): string {
  return `${JSON.stringify({ dossier: 'actor-corrections', version: 1, corrections }, null, 2)}\n`;
}

/** Parses an exchange file; errors name the file and the entry that is wrong. */
export function parseCorrectionsFile(text: string, file: string): Correction[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError('DOSSIER_INPUT_BAD_JSON', { file }, `not JSON (${(error as Error).message})`);
  }
  const parsed = CorrectionsFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file }, `${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  return parsed.data.corrections as Correction[];
}

/** Appends the file's corrections that the store does not already hold, in order. */
export async function importCorrections(db: Store, corrections: readonly Correction[], eventsChanged: EventsChanged): Promise<{ added: number; changed: number }> {
  const have = new Set((await activeCorrections(db)).map((c) => JSON.stringify(c)));
  let added = 0;
  for (const c of corrections) {
    if (have.has(JSON.stringify(c))) continue;
    const { op, ...payload } = c;
    await db.insertInto('actor_corrections').values({ op, payload: JSON.stringify(payload), created_at: new Date().toISOString() }).execute();
    added++;
  }
  return { added, changed: added > 0 ? await reapplyCorrections(db, eventsChanged) : 0 };
}
