import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordMembers } from '../../src/records/record-members.js';
import type { Store } from '../../src/store/open-store.js';
import type { StoredMention } from '../../src/store/records-repository.js';
import { openTestStore } from '../support/test-store.js';

/** A mention of the invented article a_b at `start`; `headline` ones come last in mentionFeatures' order. */
const mention = (eventId: string, start: number, headline = false): StoredMention => ({
  eventId,
  articleId: 'a_b',
  published: '2025-03-10',
  code: '190',
  rootCode: '19',
  plover: 'ASSAULT',
  date: '2025-03-10',
  dateEnd: '2025-03-10',
  datePrecision: 'day',
  place: null,
  sources: [],
  targets: ['name:depot'],
  modality: 'asserted',
  start,
  headline,
  evidence: 'Example Wire said jets struck a depot.',
  trigger: 'struck',
  afterTrigger: ' a depot.',
});

describe('the records one article joins, kept while it links', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore('record-members');
  });
  afterAll(async () => {
    await store.destroy();
  });

  it('puts each joining mention where mentionFeatures lists it, whatever order they join in', async () => {
    // Body first by start, the headline's mention last: the order the article's mentions are read in.
    const own = [mention('e_1', 40), mention('e_2', 90), mention('e_3', 140), mention('e_0', 0, true)];
    const members = new RecordMembers(own);
    // The lead (the headline's) starts the record; the body's join it later, out of their order.
    members.started('r_x', 'e_0');
    expect((await members.joined(store, 'r_x', 'e_3')).map((m) => m.eventId)).toEqual(['e_3', 'e_0']);
    expect((await members.joined(store, 'r_x', 'e_1')).map((m) => m.eventId)).toEqual(['e_1', 'e_3', 'e_0']);
    expect((await members.joined(store, 'r_x', 'e_2')).map((m) => m.eventId)).toEqual(['e_1', 'e_2', 'e_3', 'e_0']);
  });

  it('reads a record it has not seen from the store', async () => {
    const members = new RecordMembers([mention('e_1', 40)]);
    // Nothing is stored under that id: what the store holds, not what the article brought.
    expect(await members.joined(store, 'r_unknown', 'e_1')).toEqual([]);
  });
});
