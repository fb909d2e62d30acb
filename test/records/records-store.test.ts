
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { needsFiles } from '../support/prerequisites.js';
import { loadKnowledge } from '../../src/pipeline/load-knowledge.js';
import { type Analyzer, createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import { reanalyzeStored } from '../../src/pipeline/reanalyze.js';
import { findRecords, getRecord, type RecordOut, recordStats } from '../../src/records/record-views.js';
import { findArticles } from '../../src/store/articles-repository.js';
import type { Store } from '../../src/store/open-store.js';
import { outletSummaries } from '../../src/store/records-queries.js';
import { openTestStore } from '../support/test-store.js';

const FIXTURES = join(__dirname, '../fixtures/records');
const SEED = join(__dirname, '../../../shared/corpus/seed-digest.txt');

let analyzer: Analyzer;
beforeAll(() => {
  analyzer = createAnalyzer(loadKnowledge());
});

const freshStore = (): Promise<Store> => openTestStore('records');

/** The record holding the Mosul base strike: the one whose mentions report killed soldiers. */
const strikeOf = (records: readonly RecordOut[]): RecordOut | undefined => records.find((r) => r.place?.name === 'Mosul' && r.code.startsWith('19') && r.mentions.length > 1);

describe('event records from three invented reports of one strike', () => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore();
    const s = await ingestFiles(store, [join(FIXTURES, 'wire-strike.txt'), join(FIXTURES, 'ledger-strike.txt'), join(FIXTURES, 'gazette-strike.txt')], { analyzer });
    expect(s.errors).toEqual([]);
  });

  it('links the three reports, the wire’s later retelling and the headlines into one record', async () => {
    const strike = strikeOf(await findRecords(store));
    expect(strike).toBeDefined();
    expect(new Set(strike!.mentions.map((m) => m.articleId)).size).toBe(3);
    // The wire's lead, its retelling and its headline "Rockets hit army base near Mosul".
    expect(strike!.mentions.filter((m) => m.outlet === 'Example Wire').length).toBe(3);
    expect([strike!.date, strike!.datePrecision]).toEqual(['2021-03-08', 'day']);
    expect(strike!.outlets).toEqual(['Example Wire', 'Harbor Gazette', 'Northern Ledger']);
  });

  it('counts the wire and the ledger, which share a paragraph, as one witness', async () => {
    const strike = (await getRecord(store, strikeOf(await findRecords(store))!.id))!;
    expect(strike.independentOutlets).toBe(2);
    const copied = strike.witnesses.find((g) => g.reasons.includes('shared passage'));
    expect(copied?.outlets.sort()).toEqual(['Example Wire', 'Northern Ledger']);
  });

  it('shows both death tolls without choosing, and no perpetrator dispute between "insurgents" and the group named', async () => {
    const strike = strikeOf(await findRecords(store))!;
    expect(strike.disputed).toBe(true);
    const killed = strike.contradictions.find((c) => c.field === 'number:killed');
    expect(killed?.values.map((v) => [v.value, [...v.outlets].sort()])).toEqual([
      ['4', ['Example Wire', 'Harbor Gazette']],
      ['6', ['Northern Ledger']],
    ]);
    // "Insurgents fired rockets" says not who they were: no claim against "Islamic State militants".
    expect(strike.contradictions.some((c) => c.field === 'source')).toBe(false);
    expect(strike.contradictions.some((c) => c.field === 'target')).toBe(false);
  });

  it('keeps the protest in Basra apart, and filters records', async () => {
    const protests = await findRecords(store, { code: '14' });
    expect(protests).toHaveLength(1);
    expect(protests[0]!.mentions).toHaveLength(1);
    expect((await findRecords(store, { disputed: true })).every((r) => r.disputed)).toBe(true);
    expect((await findRecords(store, { minIndependent: 2 })).map((r) => r.id)).toEqual([strikeOf(await findRecords(store))!.id]);
    expect((await findRecords(store, { outlet: 'gazette', code: '19' })).length).toBeGreaterThan(0);
    expect(await findRecords(store, { outlet: 'no such outlet' })).toEqual([]);
  });

  it('summarizes each outlet: articles, dates, actors, event types', async () => {
    const outlets = await outletSummaries(store);
    expect(outlets.map((o) => [o.name, o.articles, o.firstDate]).sort()).toEqual([
      ['Example Wire', 1, '2021-03-09'],
      ['Harbor Gazette', 1, '2021-03-10'],
      ['Northern Ledger', 1, '2021-03-10'],
    ]);
    const gazette = outlets.find((o) => o.name === 'Harbor Gazette')!;
    // ACCUSE: its headline "Islamic State blamed for Mosul base attack".
    expect(gazette.topEventTypes.map((t) => t.type).sort()).toEqual(['ACCUSE', 'ASSAULT', 'PROTEST']);
    expect(gazette.topActors.map((a) => a.name)).toContain('Islamic State');
  });

  it('gives the same records after re-annotating every article', async () => {
    const before = (await findRecords(store)).map((r) => [r.id, r.mentions.map((m) => m.eventId).sort()]);
    const s = await reanalyzeStored(store, analyzer, { force: true });
    expect(s.updated).toBe(3);
    const after = (await findRecords(store)).map((r) => [r.id, r.mentions.map((m) => m.eventId).sort()]);
    expect(after.sort()).toEqual(before.sort());
  });
});

describe('reports crediting one wire', () => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore();
    const s = await ingestFiles(store, [join(FIXTURES, 'valley-bridge.txt'), join(FIXTURES, 'coast-bridge.txt')], { analyzer });
    expect(s.errors).toEqual([]);
  });

  it('counts two outlets running one agency story as one witness, and says which wire', async () => {
    const attack = (await findRecords(store, { code: '1' })).find((r) => r.outlets.length === 2);
    expect(attack?.outlets).toEqual(['Coast Times', 'Valley Post']);
    expect(attack?.independentOutlets).toBe(1);
    const detail = (await getRecord(store, attack!.id))!;
    expect(detail.witnesses).toHaveLength(1);
    expect(detail.witnesses[0]!.reasons).toEqual(['wire: Associated Press']);
    expect(detail.reports.every((m) => m.wireCredits.some((c) => c.wire === 'Associated Press'))).toBe(true);
    expect(detail.inconsistencies).toEqual([]);
  });
});

describe('a strike and the air defenses that warded it off', () => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore();
    const s = await ingestFiles(store, [join(FIXTURES, 'gazette-depot.txt'), join(FIXTURES, 'courier-depot.txt')], { analyzer });
    expect(s.errors).toEqual([]);
  });

  it('makes one record of the strike and its defence, in one report and across the story', async () => {
    const records = (await findRecords(store, { code: '19' })).filter((r) => r.place?.name === 'Homs' || r.mentions.length > 1);
    expect(records).toHaveLength(1);
    const detail = (await getRecord(store, records[0]!.id))!;
    expect(detail.outlets).toEqual(['Example Courier', 'Harbor Gazette']);
    // "Syrian air defenses intercepted most of the missiles", two sentences after the strike;
    // "repelled an Israeli missile attack" in the other outlet's report.
    const defences = detail.reports.filter((m) => m.reason.includes('the defence against its attack'));
    expect(defences.map((m) => m.outlet).sort()).toEqual(['Example Courier', 'Harbor Gazette']);
  });

  it('keeps the attacker as the record’s source, and the defender as no rival perpetrator', async () => {
    const strike = (await findRecords(store, { code: '19' })).find((r) => r.mentions.length > 1)!;
    expect(strike.source.map((a) => a.name)).not.toContain('Syrian Air Defense Force');
    expect(strike.source.length).toBeGreaterThan(0);
    expect(strike.contradictions.filter((c) => c.field === 'source' || c.field === 'target')).toEqual([]);
  });
});

describe('event records on the seed digest', needsFiles(SEED), () => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore();
    expect((await ingestFiles(store, [SEED], { analyzer })).errors).toEqual([]);
  });

  it('makes the killing of Soleimani and al-Muhandis one record reported by several articles and outlets', async () => {
    const records = await findRecords(store, { actor: 'per-abu-mahdi-al-muhandis', code: '18' });
    expect(records).toHaveLength(1);
    const killing = records[0]!;
    expect(killing.date).toBe('2020-01-03');
    expect(killing.target.map((t) => t.id)).toEqual(expect.arrayContaining(['per-qasem-soleimani', 'per-abu-mahdi-al-muhandis']));
    // Four articles tell it: as news, as the reason for a vote, and in two looks back.
    expect(new Set(killing.mentions.map((m) => m.articleId)).size).toBeGreaterThanOrEqual(4);
    expect(killing.outlets.length).toBeGreaterThanOrEqual(2);
  });

  it('does not count the paragraphs repeated between the 18 and 23 April articles as two witnesses', async () => {
    const april = (await findArticles(store, {})).filter((a) => a.date === '2020-04-18' || a.date === '2020-04-23').map((a) => a.id);
    expect(april).toHaveLength(2);
    const shared = (await findRecords(store)).filter((r) => april.every((id) => r.mentions.some((m) => m.articleId === id)));
    expect(shared.length).toBeGreaterThan(0);
    for (const r of shared) {
      const witnesses = (await getRecord(store, r.id))!.witnesses;
      const aprilGroups = witnesses.filter((g) => g.articleIds.some((id) => april.includes(id)));
      expect(aprilGroups).toHaveLength(1);
      expect(aprilGroups[0]!.reasons).toContain('shared passage');
    }
  });

  it('links the later "had attacked the base" to the Kirkuk rocket barrage as its retelling', async () => {
    const kirkuk = (await findRecords(store, { place: 'kirkuk', code: '19' })).find((r) => r.mentions.length > 1);
    expect(kirkuk).toBeDefined();
    const detail = (await getRecord(store, kirkuk!.id))!;
    expect(new Set(detail.reports.map((m) => m.articleId)).size).toBe(1);
    expect(detail.reports.some((m) => m.reason.includes('("the base")'))).toBe(true);
  });

  it('shows the disputed perpetrator of the Kirkuk attack with each claimant', async () => {
    const kirkuk = (await findRecords(store, { place: 'kirkuk', code: '19' })).find((r) => r.mentions.length > 1)!;
    const source = kirkuk.contradictions.find((c) => c.field === 'source');
    expect(source?.values.map((v) => [v.value.replace(/ \(.*/, ''), v.claimants])).toEqual([
      ['Iranian proxies', ['Mike Pompeo']],
      ['Islamic State', ['Iraqi investigation']],
    ]);
  });

  it('keeps the strike near Damascus of 27 March 2020 and the air defenses’ downing of its missiles in one record', async () => {
    const strikes = (await findRecords(store, { code: '19', from: '2020-03-27', to: '2020-03-27' })).filter((r) => r.date === '2020-03-27');
    expect(strikes).toHaveLength(1);
    const detail = (await getRecord(store, strikes[0]!.id))!;
    expect(detail.place?.name).toBe('Damascus');
    expect(detail.reports.some((m) => m.reason.includes('the defence against its attack'))).toBe(true);
    expect(detail.disputed).toBe(false);
  });

  it('keeps "two rocket attacks hit coalition troops" earlier in March apart from Iran’s missile attack on al-Asad', async () => {
    const rockets = (await findRecords(store, { code: '19', place: 'baghdad' })).find((r) => r.date === '2020-03');
    expect(rockets).toBeDefined();
    expect(new Set(rockets!.mentions.map((m) => m.articleId)).size).toBe(1);
  });

  it('reads the Syrian air defenses of 4 May as no rival to the Israeli attack they repelled', async () => {
    const may4 = (await findRecords(store, { code: '19', from: '2020-05-04', to: '2020-05-04' })).find((r) => r.mentions.length > 1);
    expect(may4).toBeDefined();
    expect(may4!.contradictions.filter((c) => c.field === 'source')).toEqual([]);
  });

  it('keeps every record told by several articles to one time: no record joins a 2017 law and a 2018 statement', async () => {
    for (const r of await findRecords(store)) {
      if (new Set(r.mentions.map((m) => m.articleId)).size < 2) continue;
      const days = (await getRecord(store, r.id))!.reports.filter((m) => m.datePrecision === 'day').map((m) => Date.parse(m.date!.slice(0, 10)));
      if (days.length > 1) expect(Math.max(...days) - Math.min(...days), r.id).toBeLessThanOrEqual(7 * 86_400_000);
      // The years its evidence sentences name: a record of one event names one ("On August 2, 2017, … signed" and "said on February 22, 2018" are two).
      const years = new Set((await getRecord(store, r.id))!.reports.flatMap((m) => m.evidence.match(/\b(?:19|20)\d\d\b/g) ?? []));
      expect(years.size, r.id).toBeLessThanOrEqual(1);
    }
  });

  it('reports its figures', async () => {
    const s = await recordStats(store);
    expect(s.records).toBeGreaterThan(0);
    expect(s.multiArticle).toBeGreaterThan(0);
    expect(s.records).toBeLessThan(await store.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)));
  });
});
