import type { Kysely } from 'kysely';
import { deleteRecord, type EventsChanged, mentionFeatures, type RecordVerdict, recordsOfEvents, type StoredMention, upsertRecord, writeVerdicts } from '../store/records-repository.js';
import type { Database } from '../store/schema.js';
import { isDefenceAct } from './defence-acts.js';
import { canonicalRecord } from './link-events.js';
import { recordVerdicts } from './record-views.js';

/*
 * Keeps a stored record true to its mentions: its canonical attributes and its verdicts are
 * worked out here and written through the store. Linking calls it as mentions join; a review
 * decision or an actor correction calls refreshRecordsOfEvents through the store's hook.
 */

/** A record with no report left to show (all rejected) has no witness and no dispute. */
const NO_VERDICT: RecordVerdict = { independentOutlets: 0, outletCount: 0, disputed: false };

/** The canonical attributes from the current mentions; false when the record had none and was dropped. */
export async function refreshCanonical(db: Kysely<Database>, id: string): Promise<boolean> {
  // Every mention's event exists (record_mentions cascades from events): the same set as its event ids.
  const mentions = await mentionFeatures(db, { recordId: id });
  if (mentions.length === 0) {
    await deleteRecord(db, id);
    return false;
  }
  await writeCanonical(db, id, mentions);
  return true;
}

/** Writes the canonical attributes of a record holding these mentions, in mentionFeatures' order. */
export async function writeCanonical(db: Kysely<Database>, id: string, mentions: readonly StoredMention[]): Promise<void> {
  await upsertRecord(db, id, canonicalRecord(mentions.map((m) => ({ ...m, defence: isDefenceAct(m.trigger, m.afterTrigger) }))));
}

/**
 * Writes the verdicts of these records, worked out by the very function getRecord shows them
 * with (recordVerdicts), so a stored verdict never differs from the one shown.
 */
export async function storeVerdicts(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const verdicts = await recordVerdicts(db, ids);
  await writeVerdicts(db, new Map(ids.map((id) => [id, verdicts.get(id) ?? NO_VERDICT])));
}

/**
 * Rewrites a record's canonical attributes and its stored verdicts from its current mentions;
 * drops it when none is left. Call it whenever a record's mentions, or what its verdicts read
 * (a review rejection, an actor correction), change.
 */
export async function refreshRecord(db: Kysely<Database>, id: string): Promise<void> {
  if (await refreshCanonical(db, id)) await storeVerdicts(db, [id]);
}

/** The store's hook for writes that change events' reviews or actors: the records holding them are refreshed. */
export const refreshRecordsOfEvents: EventsChanged = async (db, eventIds) => {
  for (const id of await recordsOfEvents(db, eventIds)) await refreshRecord(db, id);
};
