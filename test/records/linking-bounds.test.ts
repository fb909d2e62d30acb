import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/pipeline/load-knowledge.js';
import { createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import { candidateDateWindows, type MentionFeatures, type PlaceFeatures, type RecordFeatures, scoreMerge } from '../../src/records/link-events.js';
import { dayRange } from '../../src/time/day-range.js';
import { openStore, openStoreAt, type Store } from '../../src/store/open-store.js';
import { LOOKBACK_DAYS, recordCandidates, staleRecords, upsertRecord } from '../../src/store/records-repository.js';
import { freshStoreTarget, openTestStore } from '../support/test-store.js';

/**
 * recordCandidates reads only the records the merge rule could join a mention to: dated ones in
 * its date window, those of its article or story, those sharing a target. These tests hold the
 * rule (records/link-events.ts) to that: a change that lets a mention join some other record must
 * widen recordCandidates too, or linking would silently miss it.
 */

const DAY_MS = 86_400_000;

const DATES = [
  { date: null, dateEnd: null, datePrecision: null },
  { date: '2020-01-05', dateEnd: '2020-01-05', datePrecision: 'day' },
  { date: '2020-01-07', dateEnd: '2020-01-07', datePrecision: 'part-of-day' },
  { date: '2020-01', dateEnd: '2020-01-31', datePrecision: 'month' },
  { date: '2020', dateEnd: '2020-12-31', datePrecision: 'week' },
  { date: '2020', dateEnd: '2020-12-31', datePrecision: 'year' },
  { date: '2019-06-20', dateEnd: '2019-06-20', datePrecision: 'day' },
  { date: '2020-03-10', dateEnd: '2020-03-10', datePrecision: 'day' },
  // Near the others by more than a day's window and less than a coarser one's: each precision's window counts.
  { date: '2020-02-10', dateEnd: '2020-02-10', datePrecision: 'day' },
  { date: '2020-01-13', dateEnd: '2020-01-19', datePrecision: 'week' },
  { date: '2019', dateEnd: '2019-12-31', datePrecision: 'year' },
  { date: '2020-02', dateEnd: '2020-02-29', datePrecision: 'season' },
] as const;
const PLACES: ReadonlyArray<PlaceFeatures | null> = [
  null,
  { id: 'mosul', name: 'Mosul', lat: 36.34, lon: 43.13, precision: 'city', country: 'IQ', admin1: 'NIN' },
  { id: 'erbil', name: 'Erbil', lat: 36.19, lon: 44.01, precision: 'city', country: 'IQ', admin1: 'ERB' },
  { id: 'iq', name: 'Iraq', lat: 33, lon: 44, precision: 'country', country: 'IQ', admin1: null },
];
const CODES = [
  { code: '190', rootCode: '19', plover: 'ASSAULT' },
  { code: '193', rootCode: '19', plover: 'ASSAULT' },
  { code: '1823', rootCode: '18', plover: 'ASSAULT' },
  { code: '180', rootCode: '18', plover: null },
  { code: '141', rootCode: '14', plover: 'PROTEST' },
] as const;
const ACTORS = ['cc-usa', 'cc-irn', 'per-qasem-soleimani', 'name:the base', 'name:protesters'];
const WORDS = ['rocket', 'base', 'attack', 'kill', 'soldier', 'protest', 'drone'];
const ARTICLES = ['a1', 'a2', 'a3'];
const STORIES = ['s1', 's2', null];

const actors = fc.uniqueArray(fc.constantFrom(...ACTORS), { maxLength: 2 });
const words = fc.uniqueArray(fc.constantFrom(...WORDS), { maxLength: 4 });

const mention = fc
  .record({
    when: fc.constantFrom(...DATES),
    published: fc.constantFrom('2020-01-08', '2020-03-12', '2021-06-01', null),
    type: fc.constantFrom(...CODES),
    place: fc.constantFrom(...PLACES),
    sources: actors,
    targets: actors,
    articleId: fc.constantFrom(...ARTICLES),
    start: fc.integer({ min: 0, max: 2500 }),
    words,
    definites: fc.uniqueArray(fc.constantFrom(...WORDS), { maxLength: 2 }),
    plural: fc.boolean(),
    headline: fc.boolean(),
    story: fc.constantFrom(...STORIES),
    lead: fc.boolean(),
    defence: fc.boolean(),
  })
  .map(
    (x): MentionFeatures => ({
      ...x.when,
      ...x.type,
      eventId: 'e',
      articleId: x.articleId,
      published: x.published,
      place: x.place,
      sources: x.sources,
      targets: x.targets,
      start: x.start,
      words: x.words,
      definites: x.definites,
      plural: x.plural,
      headline: x.headline,
      story: x.story,
      lead: x.lead,
      defence: x.defence,
    }),
  );

/** A record's per-mention fields come from one list of mentions, as recordCandidates builds them. */
const record = fc
  .record({
    when: fc.constantFrom(...DATES),
    type: fc.constantFrom(...CODES),
    place: fc.constantFrom(...PLACES),
    sources: actors,
    targets: actors,
    mentions: fc.array(fc.record({ articleId: fc.constantFrom(...ARTICLES), start: fc.integer({ min: 0, max: 2500 }), words, lead: fc.boolean() }), { minLength: 1, maxLength: 3 }),
    storyOf: fc.dictionary(fc.constantFrom(...ARTICLES), fc.constantFrom('s1', 's2')),
    defence: fc.boolean(),
  })
  .map(
    (x): RecordFeatures => ({
      ...x.when,
      ...x.type,
      id: 'r',
      place: x.place,
      sources: x.sources,
      targets: x.targets,
      articleIds: [...new Set(x.mentions.map((m) => m.articleId))],
      spans: x.mentions.map((m) => ({ articleId: m.articleId, start: m.start })),
      mentionWords: x.mentions.map((m) => m.words),
      storyOf: new Map(Object.entries(x.storyOf).filter(([a]) => x.mentions.some((m) => m.articleId === a))),
      leadStories: [...new Set(x.mentions.filter((m) => m.lead && x.storyOf[m.articleId]).map((m) => x.storyOf[m.articleId]!))],
      leadArticles: x.mentions.filter((m) => m.lead).map((m) => m.articleId),
      defence: x.defence,
    }),
  );

/** The records recordCandidates reads for the mention, but the look-back (a choice, not the rule's). */
function reachable(m: MentionFeatures, r: RecordFeatures): boolean {
  const sameType = m.rootCode === r.rootCode || (m.plover !== null && m.plover === r.plover);
  if (!sameType) return false;
  const mr = m.date ? dayRange(m.date, m.dateEnd) : null;
  const rr = r.date ? dayRange(r.date, r.dateEnd) : null;
  // As the store reads them: the window for the record's precision, and a day.
  const windows = candidateDateWindows(m.datePrecision);
  const days = (windows.byPrecision.find((w) => w.precisions.includes(r.datePrecision ?? '')) ?? { days: windows.otherDays }).days + 1;
  const inWindow = mr !== null && rr !== null && rr[1] >= mr[0] - days * DAY_MS && rr[0] <= mr[1] + days * DAY_MS;
  const ofArticle = r.articleIds?.includes(m.articleId) === true;
  const ofStory = m.story !== null && m.story !== undefined && [...(r.storyOf ?? new Map<string, string>()).values()].includes(m.story);
  const sharedTarget = m.targets.some((k) => r.targets.includes(k));
  // A dated mention finds a dated record by its date alone.
  return inWindow || ((mr === null || rr === null) && (ofArticle || ofStory || sharedTarget));
}

describe('the records a mention could join', () => {
  it('are all among the candidates recordCandidates reads', () => {
    fc.assert(
      fc.property(mention, record, (m, r) => {
        if (scoreMerge(m, r).linkable) expect(reachable(m, r)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('candidates and stale records in a store', () => {
  const FIXTURES = join(__dirname, '../fixtures/records');
  let target: string;
  let store: Store;
  beforeAll(async () => {
    target = await freshStoreTarget('linking-bounds');
    const first = await openStore(target);
    const analyzer = createAnalyzer(loadKnowledge());
    const files = ['wire-strike.txt', 'ledger-strike.txt', 'gazette-strike.txt'].map((f) => join(FIXTURES, f));
    expect((await ingestFiles(first, files, { analyzer })).errors).toEqual([]);
    await first.destroy();
    // Back to before the migration, a mention lost as an older version lost it, and up again.
    const old = await openStoreAt(target, '2026-12-07-01-stories');
    const held = await old.selectFrom('record_mentions').select(['event_id', 'record_id']).orderBy('event_id').execute();
    const counts = new Map<string, number>();
    for (const h of held) counts.set(h.record_id, (counts.get(h.record_id) ?? 0) + 1);
    const shared = held.find((h) => (counts.get(h.record_id) ?? 0) > 1)!;
    await old.deleteFrom('record_mentions').where('event_id', '=', shared.event_id).execute();
    await old.destroy();
    store = await openStore(target);
  });
  afterAll(async () => {
    await store?.destroy();
  });

  it('marks, on migrating, the records whose mentions were lost, and nothing else', async () => {
    const stale = await staleRecords(store);
    expect(stale).toHaveLength(1);
    const counts = await store
      .selectFrom('event_records as r')
      .select(['r.id', 'r.mention_count', (eb) => eb.selectFrom('record_mentions as m').select(eb.fn.countAll<number>().as('n')).whereRef('m.record_id', '=', 'r.id').as('n')])
      .execute();
    expect(counts.filter((c) => Number(c.n) !== c.mention_count).map((c) => c.id)).toEqual(stale);
  });

  it('fills each record’s targets in, and finds by them a record dated in the look-back, not before', async () => {
    const records = await store.selectFrom('event_records').select(['id', 'targets', 'root_code', 'plover', 'date', 'date_end']).execute();
    const rows = await store.selectFrom('record_targets').select(['record_id', 'key']).execute();
    const keys = (id: string): string[] => rows.filter((t) => t.record_id === id).map((t) => t.key).sort();
    for (const r of records) expect(keys(r.id)).toEqual([...new Set(JSON.parse(r.targets) as string[])].sort());
    const dated = records.find((r) => r.date !== null && (JSON.parse(r.targets) as string[]).length > 0)!;
    const end = dayRange(dated.date!, dated.date_end)![1];
    const undatedMention = (published: number): MentionFeatures => ({
      eventId: 'e_test',
      articleId: 'a_elsewhere',
      published: new Date(published).toISOString().slice(0, 10),
      code: `${dated.root_code}0`,
      rootCode: dated.root_code,
      plover: dated.plover,
      date: null,
      dateEnd: null,
      datePrecision: null,
      place: null,
      sources: [],
      targets: [(JSON.parse(dated.targets) as string[])[0]!],
    });
    const near = await recordCandidates(store, undatedMention(end + (LOOKBACK_DAYS - 1) * DAY_MS), candidateDateWindows(null));
    expect(near.map((c) => c.id)).toContain(dated.id);
    const far = await recordCandidates(store, undatedMention(end + (LOOKBACK_DAYS + 2) * DAY_MS), candidateDateWindows(null));
    expect(far.map((c) => c.id)).not.toContain(dated.id);
  });
});

describe('dated candidates in a store', () => {
  let store: Store;
  // Records of one type, each dated at a precision and some days before or after 2020-03-10.
  const RECORDS = [
    { id: 'r_day_3', date: '2020-03-13', dateEnd: '2020-03-13', datePrecision: 'day' },
    { id: 'r_day_6', date: '2020-03-16', dateEnd: '2020-03-16', datePrecision: 'day' },
    { id: 'r_day_40', date: '2020-01-30', dateEnd: '2020-01-30', datePrecision: 'day' },
    { id: 'r_week_6', date: '2020-03-16', dateEnd: '2020-03-22', datePrecision: 'week' },
    { id: 'r_month_10', date: '2020-02', dateEnd: '2020-02-29', datePrecision: 'month' },
    { id: 'r_month_39', date: '2020-01', dateEnd: '2020-01-31', datePrecision: 'month' },
    { id: 'r_year_0', date: '2020', dateEnd: '2020-12-31', datePrecision: 'year' },
    { id: 'r_season_50', date: '2019-12', dateEnd: '2020-01-20', datePrecision: 'season' },
    { id: 'r_year_435', date: '2018', dateEnd: '2018-12-31', datePrecision: 'year' },
  ];
  const mention = (date: string, dateEnd: string, datePrecision: string): MentionFeatures => ({
    eventId: 'e_dated',
    articleId: 'a_none',
    published: '2020-03-20',
    code: '190',
    rootCode: '19',
    plover: 'ASSAULT',
    date,
    dateEnd,
    datePrecision,
    place: null,
    sources: [],
    targets: [],
  });
  const found = async (m: MentionFeatures): Promise<string[]> => (await recordCandidates(store, m, candidateDateWindows(m.datePrecision))).map((c) => c.id).sort();
  beforeAll(async () => {
    store = await openTestStore('dated-candidates');
    for (const r of RECORDS) {
      await upsertRecord(store, r.id, {
        ...r,
        code: '190',
        rootCode: '19',
        plover: 'ASSAULT',
        place: null,
        sources: [],
        targets: [],
        firstReported: '2020-03-20',
        lastReported: '2020-03-20',
        mentionCount: 1,
      });
    }
  });
  afterAll(async () => {
    await store?.destroy();
  });

  it('are, for a day, the day-precise records of a few days and the coarser ones within their own windows', async () => {
    expect(await found(mention('2020-03-10', '2020-03-10', 'day'))).toEqual(['r_day_3', 'r_month_10', 'r_season_50', 'r_week_6', 'r_year_0']);
  });

  it('are, for a month, the records its own wider window reaches', async () => {
    // r_day_40 and r_month_39, out of a day's reach, are a day or two from February.
    expect(await found(mention('2020-02', '2020-02-29', 'month'))).toEqual(RECORDS.filter((r) => r.id !== 'r_year_435').map((r) => r.id).sort());
  });

  it('are, for a year, every record within two months of it, whatever its precision', async () => {
    expect(await found(mention('2020', '2020-12-31', 'year'))).toEqual(RECORDS.filter((r) => r.id !== 'r_year_435').map((r) => r.id).sort());
  });
});
