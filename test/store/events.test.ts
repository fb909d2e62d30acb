import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refreshRecordsOfEvents } from '../../src/records/record-upkeep.js';
import { addCorrection } from '../../src/store/corrections-repository.js';
import { countEvents, countQuotes, findEvents, findQuotes, reviewQueue } from '../../src/store/events-queries.js';
import { getActor } from '../../src/store/mentions-queries.js';
import { saveMentions } from '../../src/store/mentions-repository.js';
import type { Store } from '../../src/store/open-store.js';
import { recordDecision, undoLastDecision } from '../../src/store/review-repository.js';
import { createDocument } from '../../src/text/create-document.js';
import type { Document, EventAttrs, Span } from '../../src/text/document.js';
import { openTestStore } from '../support/test-store.js';
import { describeNewActor, insertArticleRow } from './store-fixtures.js';

const TEXT = 'Harbour guards shot two smugglers near Saltmere on Monday, the Tide Council said. "We will close the port if they return," said Ona Brill, a council spokeswoman.';

const at = (surface: string, from = 0): Span => {
  const start = TEXT.indexOf(surface, from);
  if (start < 0) throw new Error(surface);
  return { start, end: start + surface.length };
};

const describeActor = describeNewActor;

/** Every layer written by hand, as the stages would: two events (one inside the quote) and one quote. */
function annotatedDoc(id: string): Document {
  // No headline: the layers below are written by hand as offsets into TEXT alone.
  const base = createDocument(id, TEXT, { published: '2020-05-05', title: '', outlet: 'Example Wire' });
  const entities = [
    { ...at('Harbour guards'), type: 'ORG' as const, confidence: 0.9, source: 'model' as const },
    { ...at('Saltmere'), type: 'GPE' as const, confidence: 0.9, source: 'model' as const },
    { ...at('Tide Council'), type: 'ORG' as const, confidence: 0.9, source: 'model' as const },
    { ...at('Ona Brill'), type: 'PERSON' as const, confidence: 0.9, source: 'model' as const },
  ];
  const actors = [
    { ...entities[0]!, entity: 0, actorId: 'new:organization:harbour-guards', name: 'Harbour guards', confidence: 0.6, reason: 'new' },
    { ...entities[2]!, entity: 2, actorId: 'new:organization:tide-council', name: 'Tide Council', confidence: 0.6, reason: 'new' },
    { ...entities[3]!, entity: 3, actorId: 'new:person:ona-brill', name: 'Ona Brill', confidence: 0.6, reason: 'new' },
  ];
  const places = [{ ...at('Saltmere'), entity: 1, placeId: 'site:saltmere', name: 'Saltmere', lat: 51.5, lon: -3.2, geonamesId: null, featureClass: 'P', country: 'GBR', admin1: null, precision: 'city' as const, confidence: 0.8, reason: 'test' }];
  const times = [{ ...at('Monday'), type: 'DATE' as const, value: '2020-05-04', precision: 'day' as const, anchor: 'dct' as const, mod: null, reason: 'weekday' }];
  const quotes = [
    {
      start: at('"We will').start,
      end: TEXT.length - 1,
      kind: 'direct' as const,
      content: at('We will close the port if they return,'),
      cue: at('said', 90),
      speaker: at('Ona Brill'),
      speakerActorId: 'new:person:ona-brill',
      speakerName: 'Ona Brill',
      speakerRole: 'council spokeswoman',
      via: null,
      topicActorIds: [],
      confidence: 0.4,
      reason: 'direct quote; speaker after',
    },
  ];
  const sentence1 = { start: 0, end: TEXT.indexOf('"') - 1 };
  const shot: EventAttrs = {
    code: '190',
    rootCode: '19',
    plover: 'ASSAULT',
    ploverMode: null,
    trigger: at('shot'),
    sources: [{ span: at('Harbour guards'), entity: 0, actorId: 'new:organization:harbour-guards', name: 'Harbour guards', cameo: 'GBRCOP' }],
    targets: [{ span: at('two smugglers'), entity: null, actorId: null, name: 'smugglers', cameo: 'GBRCRM' }],
    place: { span: at('Saltmere'), placeIndex: 0 },
    time: { span: at('Monday'), timeIndex: 0 },
    date: '2020-05-04',
    dateEnd: '2020-05-04',
    datePrecision: 'day',
    modality: 'reported',
    modalityCue: at('said'),
    attribution: null,
    magnitudes: [{ kind: 'killed', value: 2, qualifier: 'exact', span: at('two') }],
    confidence: 0.8,
    reason: 'verb shot → 190',
  };
  const close: EventAttrs = {
    ...shot,
    code: '1312',
    rootCode: '13',
    plover: 'THREATEN',
    trigger: at('close'),
    sources: [{ span: at('Ona Brill'), entity: 3, actorId: 'new:person:ona-brill', name: 'Ona Brill', cameo: null }],
    targets: [],
    place: null,
    time: null,
    date: null,
    dateEnd: null,
    datePrecision: null,
    modality: 'conditional',
    modalityCue: at('if'),
    attribution: { quote: 0, speakerActorId: 'new:person:ona-brill', speaker: 'Ona Brill' },
    magnitudes: [],
    confidence: 0.35,
    reason: 'threat inside a quote, conditional on "if"',
  };
  const events = [
    { ...sentence1, ...shot },
    { start: quotes[0]!.start, end: quotes[0]!.end, ...close },
  ];
  return { ...base, layers: { entities, actors, places, times, quotes, events } };
}

describe('events and quotes in the store', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore('events');
    await store.transaction().execute(async (trx) => {
      await insertArticleRow(trx, 'a1', TEXT);
      await saveMentions(trx, 'a1', annotatedDoc('a1'), { corrections: [], describeActor }, []);
    });
  });
  afterEach(async () => {
    await store.destroy();
  });

  it('stores each field of an event with its evidence and filters on them', async () => {
    const all = await findEvents(store);
    expect(all).toHaveLength(2);
    const shot = all.find((e) => e.code === '190')!;
    expect(shot).toMatchObject({
      rootCode: '19',
      plover: 'ASSAULT',
      date: '2020-05-04',
      modality: 'reported',
      place: { name: 'Saltmere', lat: 51.5, precision: 'city' },
      source: [{ id: 'new:organization:harbour-guards', cameo: 'GBRCOP' }],
      magnitudes: [{ kind: 'killed', value: 2, text: 'two' }],
      trigger: 'shot',
    });
    expect(shot.evidence).toMatch(/^Harbour guards shot two smugglers/);
    expect(shot.id).toMatch(/^e_[0-9a-f]{20}$/);
    expect((await findEvents(store, { code: '19' })).map((e) => e.code)).toEqual(['190']);
    expect((await findEvents(store, { modality: 'conditional' })).map((e) => e.code)).toEqual(['1312']);
    expect(await findEvents(store, { bbox: [-4, 51, -3, 52] })).toHaveLength(1);
    expect(await findEvents(store, { bbox: [10, 10, 20, 20] })).toHaveLength(0);
    expect(await findEvents(store, { actor: 'brill' })).toHaveLength(1);
    // By the actor's id, by the words the text used ("two smugglers", named "smugglers"), by none.
    expect((await findEvents(store, { actor: 'new:organization:harbour-guards' })).map((e) => e.code)).toEqual(['190']);
    expect((await findEvents(store, { actor: 'two smugglers' })).map((e) => e.code)).toEqual(['190']);
    expect(await findEvents(store, { actor: 'no such actor' })).toEqual([]);
    expect(await findEvents(store, { from: '2020-05-04', to: '2020-05-04' })).toHaveLength(1);
    expect(await findEvents(store, { minConfidence: 0.5 })).toHaveLength(1);
    const threat = all.find((e) => e.code === '1312')!;
    expect(threat.attributedTo).toMatchObject({ speaker: 'Ona Brill', speakerId: 'new:person:ona-brill' });
  });

  it('stores quotes with speaker and role, and filters them', async () => {
    const [q] = await findQuotes(store);
    expect(q).toMatchObject({ kind: 'direct', direct: true, speaker: { id: 'new:person:ona-brill', role: 'council spokeswoman' }, text: 'We will close the port if they return,' });
    expect(await findQuotes(store, { speaker: 'nobody' })).toHaveLength(0);
  });

  it('queues low-confidence items, and applies accept, reject, fix and undo', async () => {
    const queue = await reviewQueue(store, 0.5);
    expect(queue.map((i) => i.kind)).toEqual(['event', 'quote']);
    expect(queue[0]!.reason).toMatch(/conditional/);
    const threat = queue[0]!.id;
    await recordDecision(store, { kind: 'event', itemId: threat, decision: 'fix', field: 'code', value: '138' }, refreshRecordsOfEvents);
    expect((await findEvents(store, { code: '13' }))[0]).toMatchObject({ code: '138', review: 'fixed' });
    await recordDecision(store, { kind: 'event', itemId: threat, decision: 'reject' }, refreshRecordsOfEvents);
    expect(await findEvents(store, { code: '13' })).toHaveLength(0);
    expect(await findEvents(store, { code: '13', includeRejected: true })).toHaveLength(1);
    expect((await reviewQueue(store, 0.5)).map((i) => i.kind)).toEqual(['quote']);
    await undoLastDecision(store, refreshRecordsOfEvents);
    expect(await findEvents(store, { code: '13' })).toHaveLength(1);
    await expect(recordDecision(store, { kind: 'event', itemId: threat, decision: 'fix', field: 'modality', value: 'maybe' }, refreshRecordsOfEvents)).rejects.toThrow(/modality is one of/);
    await expect(recordDecision(store, { kind: 'event', itemId: 'e_missing', decision: 'accept' }, refreshRecordsOfEvents)).rejects.toThrow(/no event/);
  });

  it('keeps decisions and corrections across a re-run of the stages', async () => {
    const [shot] = await findEvents(store, { code: '190' });
    await recordDecision(store, { kind: 'event', itemId: shot!.id, decision: 'fix', field: 'date', value: '2020-05-03' }, refreshRecordsOfEvents);
    await addCorrection(store, { op: 'rename', actor: 'new:organization:harbour-guards', name: 'Harbour Guard' }, refreshRecordsOfEvents);
    await addCorrection(store, { op: 'merge', into: 'new:person:ona-brill', from: 'new:organization:tide-council' }, refreshRecordsOfEvents);
    await store.transaction().execute(async (trx) => {
      await saveMentions(trx, 'a1', annotatedDoc('a1'), { corrections: [{ op: 'merge', into: 'new:person:ona-brill', from: 'new:organization:harbour-guards' }], describeActor }, []);
    });
    const [again] = await findEvents(store, { code: '190' });
    expect(again!.id).toBe(shot!.id);
    expect(again!.date).toBe('2020-05-03');
    expect(again!.source[0]!.id).toBe('new:person:ona-brill');
  });
});

describe('pages of the events and quotes lists', () => {
  let store: Store;
  // Four articles, each with two events and a quote: two the same day, one later, one undated.
  const DATES: Array<[string, string | null]> = [['a1', '2020-05-05'], ['a2', '2020-05-07'], ['a3', null], ['a4', '2020-05-05']];
  beforeEach(async () => {
    store = await openTestStore('event-pages');
    await store.transaction().execute(async (trx) => {
      for (const [id, date] of DATES) {
        await insertArticleRow(trx, id, TEXT);
        await trx.updateTable('articles').set({ date }).where('id', '=', id).execute();
        await saveMentions(trx, id, annotatedDoc(id), { corrections: [], describeActor }, []);
      }
    });
  });
  afterEach(async () => {
    await store.destroy();
  });

  it('lists quotes latest article first (undated last), and every page is that list sliced, with the count of it all', async () => {
    const all = await findQuotes(store);
    expect(all.map((q) => q.articleId)).toEqual(['a2', 'a4', 'a1', 'a3']);
    expect(await countQuotes(store)).toBe(4);
    for (const offset of [0, 1, 2, 3, 4]) expect(await findQuotes(store, { limit: 2, offset })).toEqual(all.slice(offset, offset + 2));
    // The same with a filter that reads the outlet, and with one that reads only the quote.
    expect(await findQuotes(store, { outlet: 'nowhere', limit: 2 })).toEqual([]);
    expect(await countQuotes(store, { outlet: 'nowhere' })).toBe(0);
    expect(await findQuotes(store, { speaker: 'new:person:ona-brill', limit: 3, offset: 1 })).toEqual(all.slice(1, 4));
    // A rejected quote leaves the list, its pages and its count.
    await recordDecision(store, { kind: 'quote', itemId: all[1]!.id, decision: 'reject' }, refreshRecordsOfEvents);
    const kept = await findQuotes(store);
    expect(kept.map((q) => q.id)).toEqual(all.filter((_, i) => i !== 1).map((q) => q.id));
    expect(await findQuotes(store, { limit: 2, offset: 1 })).toEqual(kept.slice(1, 3));
    expect(await countQuotes(store)).toBe(3);
  });

  it("an actor's latest mentions are the first of all its mentions, whether read from its mentions or by walking the articles", async () => {
    const all = (await getActor(store, 'new:person:ona-brill'))!.mentionList;
    expect(all.map((m) => m.articleId)).toEqual(['a2', 'a4', 'a1', 'a3']);
    // More mentions than the list holds: the articles are walked latest first until it is full.
    expect((await getActor(store, 'new:person:ona-brill', 2))!.mentionList).toEqual(all.slice(0, 2));
    expect((await getActor(store, 'new:person:ona-brill', 3))!.mentions).toBe(4);
  });

  it('every page of events, latest first or least sure first, is the whole list sliced', async () => {
    for (const order of ['date', 'confidence'] as const) {
      const all = await findEvents(store, { order });
      expect(all).toHaveLength(8);
      expect(await countEvents(store)).toBe(8);
      for (const offset of [0, 3, 6, 8]) expect(await findEvents(store, { order, limit: 3, offset })).toEqual(all.slice(offset, offset + 3));
    }
    // With a filter that reads the article's text and one that reads only the event.
    const shots = await findEvents(store, { text: 'shot' });
    expect(shots).toHaveLength(4);
    expect(await countEvents(store, { text: 'shot' })).toBe(4);
    expect(await findEvents(store, { text: 'shot', limit: 2, offset: 1 })).toEqual(shots.slice(1, 3));
    expect(await countEvents(store, { code: '190' })).toBe(4);
  });
});
