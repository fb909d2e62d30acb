import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { type Correction, effectiveActor } from '../knowledge/actors/actor-overlay.js';
import type { Document, EventParticipant } from '../text/document.js';
import { markRecordsLosingArticle } from './records-repository.js';
import type { Database } from './schema.js';

const shortHash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 20);

/**
 * Stable across re-runs: the same article, evidence and code give the same id. Offsets count
 * from the body's start (a headline's are negative), so the ids of body events stayed what
 * they were when the headline was put in front of the text, and review decisions still find them.
 */
export function eventId(articleId: string, start: number, end: number, code: string): string {
  return `e_${shortHash(`${articleId}|${start}|${end}|${code}`)}`;
}

export function quoteId(articleId: string, start: number, end: number): string {
  return `q_${shortHash(`${articleId}|${start}|${end}`)}`;
}

const CHUNK = 50;

/** Replaces an article's events and quotes with the Document's layers. */
export async function saveEventsAndQuotes(trx: Transaction<Database>, articleId: string, doc: Document, corrections: readonly Correction[]): Promise<void> {
  await markRecordsLosingArticle(trx, articleId);
  await trx.deleteFrom('events').where('article_id', '=', articleId).execute();
  await trx.deleteFrom('quotes').where('article_id', '=', articleId).execute();
  const entities = doc.layers.entities ?? [];
  const places = doc.layers.places ?? [];
  const quotes = doc.layers.quotes ?? [];
  const slice = (s: { start: number; end: number }): string => doc.text.slice(s.start, s.end);
  const effective = (p: EventParticipant): string | null =>
    effectiveActor(corrections, { rawActorId: p.actorId, text: slice(p.span), type: p.entity === null ? 'ORG' : (entities[p.entity]?.type ?? 'ORG') });

  const quoteRows = quotes.map((q, idx) => ({
    id: quoteId(articleId, q.start - doc.bodyStart, q.end - doc.bodyStart),
    article_id: articleId,
    idx,
    start: q.start,
    end: q.end,
    kind: q.kind,
    content_start: q.content.start,
    content_end: q.content.end,
    speaker_text: q.speaker ? slice(q.speaker) : null,
    raw_speaker_actor_id: q.speakerActorId,
    speaker_actor_id: q.speakerActorId ? effectiveActor(corrections, { rawActorId: q.speakerActorId, text: q.speaker ? slice(q.speaker) : '', type: 'PERSON' }) : null,
    speaker_name: q.speakerName,
    speaker_role: q.speakerRole,
    via_name: q.via?.name ?? null,
    via_actor_id: q.via?.actorId ?? null,
    topic_actor_ids: JSON.stringify(q.topicActorIds),
    confidence: q.confidence,
    reason: q.reason,
  }));
  for (let i = 0; i < quoteRows.length; i += CHUNK) await trx.insertInto('quotes').values(quoteRows.slice(i, i + CHUNK)).execute();

  const seen = new Set<string>();
  for (const [idx, e] of (doc.layers.events ?? []).entries()) {
    const id = eventId(articleId, e.start - doc.bodyStart, e.end - doc.bodyStart, e.code);
    // Two identical readings of one sentence are one event.
    if (seen.has(id)) continue;
    seen.add(id);
    const place = e.place ? places[e.place.placeIndex] : undefined;
    await trx
      .insertInto('events')
      .values({
        id,
        article_id: articleId,
        idx,
        start: e.start,
        end: e.end,
        trigger_start: e.trigger.start,
        trigger_end: e.trigger.end,
        code: e.code,
        root_code: e.rootCode,
        plover: e.plover,
        plover_mode: e.ploverMode,
        place_id: place?.placeId ?? null,
        place_name: place?.name ?? null,
        lat: place?.lat ?? null,
        lon: place?.lon ?? null,
        place_precision: place?.precision ?? null,
        date: e.date,
        date_end: e.dateEnd,
        date_precision: e.datePrecision,
        modality: e.modality,
        speaker: e.attribution?.speaker ?? null,
        speaker_actor_id: e.attribution?.speakerActorId ?? null,
        quote_idx: e.attribution?.quote ?? null,
        magnitudes: JSON.stringify(e.magnitudes.map((m) => ({ ...m, text: slice(m.span) }))),
        fields: JSON.stringify({
          trigger: e.trigger,
          place: e.place?.span ?? null,
          time: e.time?.span ?? null,
          modalityCue: e.modalityCue,
          sources: e.sources.map((p) => p.span),
          targets: e.targets.map((p) => p.span),
        }),
        confidence: e.confidence,
        reason: e.reason,
      })
      .execute();
    const participants = [
      ...e.sources.map((p, pos) => ({ p, pos, role: 'source' })),
      ...e.targets.map((p, pos) => ({ p, pos, role: 'target' })),
    ].map(({ p, pos, role }) => ({
      event_id: id,
      role,
      pos,
      text: slice(p.span),
      type: p.entity === null ? 'ORG' : (entities[p.entity]?.type ?? 'ORG'),
      raw_actor_id: p.actorId,
      actor_id: effective(p),
      name: p.name,
      cameo: p.cameo,
    }));
    if (participants.length > 0) await trx.insertInto('event_actors').values(participants).execute();
  }
}
