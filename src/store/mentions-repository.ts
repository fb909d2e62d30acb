import type { Transaction } from 'kysely';
import { type Correction, effectiveActor } from '../knowledge/actors/actor-overlay.js';
import type { Document } from '../text/document.js';
import { saveEventsAndQuotes } from './events-repository.js';
import { PASSAGES_LAYER } from './passages-repository.js';
import type { Database } from './schema.js';

/** What the store keeps of an actor: the registry's facts, or what the news alone says. */
export interface ActorRecord {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly country: string | null;
  readonly sector: string | null;
  readonly cameo: string | null;
  readonly wikidata: string | null;
  readonly origin: 'registry' | 'new' | 'split';
  readonly aliases: readonly string[];
  readonly memberOf: readonly string[];
  readonly roles: readonly unknown[];
}

/** The record of an actor nobody listed: its surface as name, its type from the entity's. */
export function newActorRecord(id: string, surface: string, entityType: string, overrides: Partial<ActorRecord> = {}): ActorRecord {
  const type = entityType === 'PERSON' ? 'person' : entityType === 'GPE' ? 'state' : 'organization';
  return { id, name: surface, type, country: null, sector: null, cameo: null, wikidata: null, origin: 'new', aliases: [], memberOf: [], roles: [], ...overrides };
}

export interface MentionContext {
  /** Replayed over every raw link, so a correction made earlier applies to this article too. */
  readonly corrections: readonly Correction[];
  /** The facts to store for an actor id met for the first time. */
  readonly describeActor: (id: string, surface: string, entityType: string) => ActorRecord;
}

const CHUNK = 100;

async function insertChunks<T extends 'entity_mentions' | 'place_mentions' | 'time_mentions'>(
  trx: Transaction<Database>,
  table: T,
  rows: ReadonlyArray<Parameters<ReturnType<Transaction<Database>['insertInto']>['values']>[0]>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}

/**
 * Replaces an article's entity, actor, place and time rows with the Document's layers, and
 * records the stage versions that made them. Actors and places are upserted on first sight.
 */
export async function saveMentions(
  trx: Transaction<Database>,
  articleId: string,
  doc: Document,
  ctx: MentionContext,
  stageVersions: ReadonlyArray<{ layer: string; stage: string; version: string }>,
): Promise<void> {
  for (const table of ['entity_mentions', 'place_mentions', 'time_mentions'] as const) {
    await trx.deleteFrom(table).where('article_id', '=', articleId).execute();
  }
  // The passages layer's row is savePassages' own: passages are not remade here.
  await trx.deleteFrom('article_layers').where('article_id', '=', articleId).where('layer', '!=', PASSAGES_LAYER).execute();
  const entities = doc.layers.entities ?? [];
  const links = new Map((doc.layers.actors ?? []).map((l) => [l.entity, l]));
  const seenActors = new Set<string>();
  const entityRows = entities.map((e, idx) => {
    const link = links.get(idx);
    const text = doc.text.slice(e.start, e.end);
    const raw = link?.actorId ?? null;
    const actorId = effectiveActor(ctx.corrections, { rawActorId: raw, text, type: e.type });
    if (raw) seenActors.add(`${raw}\u0000${text}\u0000${e.type}`);
    if (actorId && actorId !== raw) seenActors.add(`${actorId}\u0000${text}\u0000${e.type}`);
    return {
      article_id: articleId,
      idx,
      start: e.start,
      end: e.end,
      text,
      type: e.type,
      confidence: e.confidence,
      source: e.source,
      raw_actor_id: raw,
      actor_id: actorId,
      link_confidence: link?.confidence ?? null,
      link_reason: link?.reason ?? null,
    };
  });
  const done = new Set<string>();
  for (const key of seenActors) {
    const [id, surface, type] = key.split('\u0000') as [string, string, string];
    if (done.has(id)) continue;
    done.add(id);
    await upsertActor(trx, ctx.describeActor(id, surface, type));
  }
  await insertChunks(trx, 'entity_mentions', entityRows);

  const places = doc.layers.places ?? [];
  const placeIds = new Set<string>();
  for (const p of places) {
    if (placeIds.has(p.placeId)) continue;
    placeIds.add(p.placeId);
    await trx
      .insertInto('places')
      .values({
        id: p.placeId,
        name: p.name,
        lat: p.lat,
        lon: p.lon,
        geonames_id: p.geonamesId,
        feature_class: p.featureClass,
        country: p.country,
        admin1: p.admin1,
        precision: p.precision,
        bbox_west: p.bbox?.[0] ?? null,
        bbox_south: p.bbox?.[1] ?? null,
        bbox_east: p.bbox?.[2] ?? null,
        bbox_north: p.bbox?.[3] ?? null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  await insertChunks(
    trx,
    'place_mentions',
    places.map((p, idx) => ({
      article_id: articleId,
      idx,
      start: p.start,
      end: p.end,
      text: doc.text.slice(p.start, p.end),
      entity_idx: p.entity,
      place_id: p.placeId,
      confidence: p.confidence,
      reason: p.reason,
    })),
  );
  await insertChunks(
    trx,
    'time_mentions',
    (doc.layers.times ?? []).map((t, idx) => ({
      article_id: articleId,
      idx,
      start: t.start,
      end: t.end,
      text: doc.text.slice(t.start, t.end),
      type: t.type,
      value: t.value,
      precision: t.precision,
      anchor: t.anchor,
      mod: t.mod,
      reason: t.reason,
    })),
  );
  await saveEventsAndQuotes(trx, articleId, doc, ctx.corrections);
  if (stageVersions.length > 0) {
    await trx
      .insertInto('article_layers')
      .values(stageVersions.map((s) => ({ article_id: articleId, ...s })))
      .execute();
  }
}

export async function upsertActor(trx: Transaction<Database>, a: ActorRecord): Promise<void> {
  await trx
    .insertInto('actors')
    .values({
      id: a.id,
      name: a.name,
      type: a.type,
      country: a.country,
      sector: a.sector,
      cameo: a.cameo,
      wikidata: a.wikidata,
      origin: a.origin,
      aliases: JSON.stringify(a.aliases),
      member_of: JSON.stringify(a.memberOf),
      roles: JSON.stringify(a.roles),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}
