import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/pipeline/load-knowledge.js';
import { createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { reanalyzeStored } from '../../src/pipeline/reanalyze.js';
import { refreshRecordsOfEvents } from '../../src/records/record-upkeep.js';
import { getArticle, searchArticles } from '../../src/store/articles-repository.js';
import { findEvents, findQuotes } from '../../src/store/events-queries.js';
import { openStore, openStoreAt, type Store } from '../../src/store/open-store.js';
import { recordDecision } from '../../src/store/review-repository.js';
import type { Database } from '../../src/store/schema.js';
import { freshStoreTarget } from '../support/test-store.js';

/** Rows of a store the code of commit 224c0aa wrote: the body alone was the text (see the fixture's README). */
type Row = Record<string, unknown>;
const OLD: Readonly<Record<string, readonly Row[]>> = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/pre-headline-store/store.json'), 'utf8'));
const BEFORE = '2026-11-24-10-article-order';

const oldArticle = (outlet: string): Row => {
  const outletId = OLD.outlets!.find((o) => o.name === outlet)!.id;
  return OLD.articles!.find((a) => a.outlet_id === outletId)!;
};
const WIRE = oldArticle('Example Wire');
const LEDGER = oldArticle('Example Ledger');
const DAILY = oldArticle('Example Daily');
const HEADLINE = String(WIRE.title);
const SHIFT = HEADLINE.length + 2;
const oldText = (articleId: unknown): string => String(OLD.articles!.find((a) => a.id === articleId)!.text);
const words = (text: string, start: unknown, end: unknown): string => text.slice(Number(start), Number(end));

/** Writes the old rows, parents first, into a store migrated up to the migration before the headline one. */
async function writeOldStore(target: string): Promise<void> {
  const old = await openStoreAt(target, BEFORE);
  try {
    for (const [table, rows] of Object.entries(OLD)) {
      if (rows.length > 0) await old.insertInto(table as keyof Database).values(rows as never).execute();
    }
  } finally {
    await old.destroy();
  }
}

describe('migration 2026-12-06-01-headline-text on a store written before headlines were text', () => {
  let target: string;
  let store: Store;
  const texts = new Map<string, string>();

  beforeAll(async () => {
    target = await freshStoreTarget('headline-migration');
    await writeOldStore(target);
    store = await openStore(target);
    for (const r of await store.selectFrom('articles').select(['id', 'text']).execute()) texts.set(r.id, r.text);
  });
  afterAll(async () => {
    await store?.destroy();
  });

  it('puts the headline before a body that lacks it, and leaves a body that opens with it, or an untitled one, as it was', async () => {
    const rows = await store.selectFrom('articles').select(['id', 'text', 'body_start']).orderBy('id').execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(String(WIRE.id))).toMatchObject({ text: `${HEADLINE}\n\n${WIRE.text}`, body_start: SHIFT });
    expect(byId.get(String(LEDGER.id))).toMatchObject({ text: LEDGER.text, body_start: 0 });
    expect(byId.get(String(DAILY.id))).toMatchObject({ text: DAILY.text, body_start: 0 });
  });

  it('moves every stored offset so that it points at the same words', async () => {
    const tables = [
      ['entity_mentions', ['start', 'end']],
      ['place_mentions', ['start', 'end']],
      ['time_mentions', ['start', 'end']],
      ['passages', ['start', 'end']],
      ['events', ['start', 'end'], ['trigger_start', 'trigger_end']],
      ['quotes', ['start', 'end'], ['content_start', 'content_end']],
    ] as const;
    let checked = 0;
    for (const [table, ...spans] of tables) {
      const rows: Row[] = await store.selectFrom(table).selectAll().execute();
      expect(rows.length).toBe(OLD[table]!.length);
      for (const before of OLD[table]!) {
        const after = rows.find((r) => (r.id !== undefined ? r.id === before.id : r.article_id === before.article_id && r.idx === before.idx))!;
        for (const [s, e] of spans) {
          expect(words(texts.get(String(after.article_id))!, after[s], after[e])).toBe(words(oldText(before.article_id), before[s], before[e]));
          checked++;
        }
        // The mention tables keep the words themselves: the new offsets must cut them out exactly.
        if (typeof after.text === 'string') expect(words(texts.get(String(after.article_id))!, after.start, after.end)).toBe(after.text);
      }
    }
    expect(checked).toBeGreaterThan(30);
    const moved = await store.selectFrom('entity_mentions').select(['start']).where('article_id', '=', String(WIRE.id)).orderBy('idx').executeTakeFirstOrThrow();
    expect(moved.start).toBe(Number(OLD.entity_mentions!.find((m) => m.article_id === WIRE.id && m.idx === 0)!.start) + SHIFT);
  });

  it('moves the spans inside the events’ JSON fields and magnitudes too', async () => {
    const rows = await store.selectFrom('events').select(['id', 'article_id', 'fields', 'magnitudes']).execute();
    // Every span as written in the JSON, in order: trigger, place, time, cue, participants; each magnitude's.
    const spansOf = (json: string): Array<{ start: number; end: number }> =>
      [...json.matchAll(/\{"start":(\d+),"end":(\d+)\}/g)].map((m) => ({ start: Number(m[1]), end: Number(m[2]) }));
    let checked = 0;
    for (const before of OLD.events!) {
      const after = rows.find((r) => r.id === before.id)!;
      for (const column of ['fields', 'magnitudes'] as const) {
        const was = spansOf(String(before[column]));
        const now = spansOf(after[column]);
        expect(now.length).toBe(was.length);
        now.forEach((span, i) => {
          expect(words(texts.get(after.article_id)!, span.start, span.end)).toBe(words(oldText(before.article_id), was[i]!.start, was[i]!.end));
          checked++;
        });
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('makes the headline the first paragraph, a heading, and keeps the others in order behind it', async () => {
    const rows = await store.selectFrom('paragraphs').selectAll().where('article_id', '=', String(WIRE.id)).orderBy('idx').execute();
    const text = texts.get(String(WIRE.id))!;
    const old = OLD.paragraphs!.filter((p) => p.article_id === WIRE.id).map((p) => words(String(WIRE.text), p.start, p.end));
    expect(rows.map((p) => p.idx)).toEqual([0, 1, 2, 3]);
    expect(rows.map((p) => words(text, p.start, p.end))).toEqual([HEADLINE, ...old]);
    expect(rows[0]!.kind).toBe('heading');
    const ledger = await store.selectFrom('paragraphs').select(['idx', 'start']).where('article_id', '=', String(LEDGER.id)).orderBy('idx').execute();
    expect(ledger).toEqual(OLD.paragraphs!.filter((p) => p.article_id === LEDGER.id).map((p) => ({ idx: p.idx, start: p.start })));
  });

  it('keeps event and quote ids, and the API cuts the same evidence out of the new text', async () => {
    const events = await findEvents(store, { articleId: String(WIRE.id), includeRejected: true });
    const oldEvents = OLD.events!.filter((e) => e.article_id === WIRE.id);
    expect(events.map((e) => e.id).sort()).toEqual(oldEvents.map((e) => String(e.id)).sort());
    for (const e of events) {
      const was = oldEvents.find((o) => o.id === e.id)!;
      expect(e.evidence).toBe(words(String(WIRE.text), was.start, was.end));
      expect(e.evidenceSpan.start).toBe(Number(was.start) + SHIFT);
    }
    const quotes = await findQuotes(store, { articleId: String(WIRE.id), includeRejected: true });
    expect(quotes.map((q) => q.text)).toContain('We will close the port if they return,');
    const article = (await getArticle(store, String(WIRE.id)))!;
    expect(article.bodyStart).toBe(SHIFT);
    expect(article.text.slice(0, article.bodyStart).trim()).toBe(HEADLINE);
    expect(article.text.slice(article.bodyStart)).toBe(WIRE.text);
    expect(article.paragraphs[0]).toBe(HEADLINE);
  });

  it('finds the article by a word of its headline (and its search index still by one of its body)', async () => {
    const hits = async (q: string): Promise<string[]> => (await searchArticles(store, q, 10)).map((h) => h.id);
    expect(await hits('outposts')).toContain(WIRE.id);
    expect(await hits('smugglers')).toContain(WIRE.id);
    expect(await hits('smugglers')).not.toContain(LEDGER.id);
  });

  let bodyAfter: Array<[string, number, number]> = [];

  it('re-analyzes the migrated articles in place: same text, same body event ids, review decisions kept, and the headline read', async () => {
    const reviewed = String(OLD.events!.find((e) => e.article_id === WIRE.id && e.code === '193')!.id);
    await recordDecision(store, { kind: 'event', itemId: reviewed, decision: 'reject', note: 'checked before the upgrade' }, refreshRecordsOfEvents);
    const summary = await reanalyzeStored(store, createAnalyzer(loadKnowledge()));
    expect(summary).toMatchObject({ articles: 3, updated: 3, skipped: [] });
    const after = await store.selectFrom('articles').select(['id', 'text', 'body_start']).where('id', '=', String(WIRE.id)).executeTakeFirstOrThrow();
    expect(after).toEqual({ id: WIRE.id, text: texts.get(String(WIRE.id)), body_start: SHIFT });
    const events = await findEvents(store, { articleId: String(WIRE.id), includeRejected: true });
    // The body's events come back with the ids the old store gave them (an event the current
    // events stage still finds in the same sentence with the same code), so the decision still applies.
    const oldWire = OLD.events!.filter((e) => e.article_id === WIRE.id);
    const body = events.filter((e) => e.evidenceSpan.start >= SHIFT);
    let kept = 0;
    for (const e of body) {
      const same = oldWire.find((o) => Number(o.start) + SHIFT === e.evidenceSpan.start && o.code === e.code);
      if (!same) continue;
      expect(e.id).toBe(String(same.id));
      kept++;
    }
    expect(kept).toBeGreaterThan(0);
    expect(events.find((e) => e.id === reviewed)?.review).toBe('rejected');
    bodyAfter = body.map((e) => [e.id, e.evidenceSpan.start - SHIFT, e.evidenceSpan.end - SHIFT] as [string, number, number]);
    const headline = events.filter((e) => e.evidenceSpan.start < SHIFT);
    expect(headline.map((e) => [e.code, e.evidence])).toEqual([['0874', HEADLINE]]);
    expect(headline[0]!.reason).toContain('headline');
  });

  it('goes back down: the body alone again, every offset where it was', async () => {
    await store.destroy();
    const down = await openStoreAt(target, BEFORE);
    try {
      const rows = await down.selectFrom('articles').selectAll().execute();
      for (const a of OLD.articles!) expect(rows.find((r) => r.id === a.id)?.text).toBe(a.text);
      const events = await down.selectFrom('events').select(['id', 'start', 'end']).where('article_id', '=', String(WIRE.id)).execute();
      // The body's events as re-analysis left them, at their offsets in the body alone.
      expect(events.map((e) => [e.id, e.start, e.end]).sort()).toEqual([...bodyAfter].sort());
      const paragraphs = await down.selectFrom('paragraphs').select(['idx', 'start', 'end']).where('article_id', '=', String(WIRE.id)).orderBy('idx').execute();
      expect(paragraphs).toEqual(OLD.paragraphs!.filter((p) => p.article_id === WIRE.id).map((p) => ({ idx: p.idx, start: p.start, end: p.end })));
    } finally {
      await down.destroy();
    }
    store = await openStore(target);
  });
});
