import { afterEach, describe, expect, it } from 'vitest';
import type { RawArticle } from '../../src/ingest/raw-article.js';
import { createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { saveRawArticles } from '../../src/pipeline/ingest-files.js';
import type { Store } from '../../src/store/open-store.js';
import { PASSAGES_LAYER, PASSAGES_VERSION } from '../../src/store/passages-repository.js';
import { openTestStore } from '../support/test-store.js';
import { EDITED_COPY, FERRY_TIMETABLE, MARKET_REPORT, OWN_REPORT, SPUN_COPY, WIRE_STORY, WRITE_THROUGH } from './invented-copies.js';

// The text stages alone: paragraphs and sentences are all that passages read.
const analyzer = createAnalyzer();

let store: Store | undefined;
afterEach(async () => {
  await store?.destroy();
  store = undefined;
});

async function ingest(...articles: RawArticle[]): Promise<Store> {
  store = await openTestStore('repeats');
  for (const article of articles) await saveRawArticles(store, [article], { analyzer });
  return store;
}

interface Link {
  readonly between: string;
  readonly kind: string;
  readonly text: string;
}

const NAMES = new Map([WIRE_STORY, EDITED_COPY, SPUN_COPY, OWN_REPORT, WRITE_THROUGH, FERRY_TIMETABLE, MARKET_REPORT].map((a) => [a.title, a]));
const name = (title: string): string => {
  const article = NAMES.get(title)!;
  return article === WRITE_THROUGH ? 'Example Wire (later)' : article.outlet!;
};

/** Every stored link, named by the two articles' outlets (in alphabetical order), with its kind and the first one's text. */
async function links(db: Store): Promise<Link[]> {
  const rows = await db
    .selectFrom('repeats')
    .innerJoin('passages as x', 'x.id', 'repeats.passage_id')
    .innerJoin('passages as y', 'y.id', 'repeats.other_passage_id')
    .innerJoin('articles as ax', 'ax.id', 'x.article_id')
    .innerJoin('articles as ay', 'ay.id', 'y.article_id')
    .select(['ax.title as aTitle', 'ay.title as bTitle', 'repeats.kind', 'ax.text as aText', 'x.start as aStart', 'x.end as aEnd', 'ay.text as bText', 'y.start as bStart', 'y.end as bEnd'])
    .execute();
  return rows.map((r) => {
    const [a, b] = [name(r.aTitle), name(r.bTitle)];
    const [first, text] = a < b ? [a, r.aText.slice(r.aStart, r.aEnd)] : [b, r.bText.slice(r.bStart, r.bEnd)];
    return { between: [a, b].sort().join(' ~ '), kind: r.kind, text: `${first}: ${text}` };
  });
}

const pairs = (found: readonly Link[]): string[] => [...new Set(found.map((l) => l.between))].sort();

describe('repeated passages between invented reports of one event', () => {
  it('links a lightly edited copy to its source, passage by passage, as near duplicates', async () => {
    const found = await links(await ingest(WIRE_STORY, EDITED_COPY));
    expect(pairs(found)).toEqual(['Example Wire ~ Harbor Gazette']);
    expect(found.every((l) => l.kind === 'near' || l.kind === 'exact')).toBe(true);
    // The lead, both sentences of the second paragraph, the missing workers and the inspection.
    expect(found).toHaveLength(5);
    // The dateline is the outlet's own: the linked lead starts after it.
    expect(found.map((l) => l.text)).toContain(
      'Example Wire: A fire tore through a grain terminal at the port of Kessow on Tuesday, injuring four dock workers and forcing the evacuation of two nearby ferry piers, port officials said.',
    );
  });

  it('links a synonym-spun copy to its source sentence by sentence, as reworded', async () => {
    const found = await links(await ingest(WIRE_STORY, SPUN_COPY));
    expect(pairs(found)).toEqual(['Daily Newsfeed Hub ~ Example Wire']);
    expect(found.every((l) => l.kind === 'reworded')).toBe(true);
    // Lead, blaze, missing workers, inspection, ferries; the garbled exports sentence is not one.
    expect(found.map((l) => l.text.split(' ').slice(3, 6).join(' ')).sort()).toEqual([
      'A blaze ripped',
      'Ferry services to',
      'The depot, constructed',
      'The fire commenced',
      'Two labourers were',
    ]);
  });

  it('does not link an outlet’s own report of the same event: same names, figures and place, and a quote in common', async () => {
    expect(await links(await ingest(WIRE_STORY, OWN_REPORT))).toEqual([]);
    expect(await links(await ingest(SPUN_COPY, OWN_REPORT))).toEqual([]);
  });

  it('does not link two reports by the rights notice their site prints under both', async () => {
    expect(await links(await ingest(FERRY_TIMETABLE, MARKET_REPORT))).toEqual([]);
  });

  // The later version shares three sentences with the first; the spun copy garbled one of them,
  // so the two share a chain of two: too short on its own, linked through the first version.
  it.each([
    ['source, spun copy, later version', [WIRE_STORY, SPUN_COPY, WRITE_THROUGH]],
    ['source, later version, spun copy', [WIRE_STORY, WRITE_THROUGH, SPUN_COPY]],
    ['spun copy, later version, source', [SPUN_COPY, WRITE_THROUGH, WIRE_STORY]],
  ])('links a spun copy of a first version to the later version through the first (%s)', async (_order, articles) => {
    const found = await links(await ingest(...articles));
    expect(pairs(found)).toEqual(['Daily Newsfeed Hub ~ Example Wire', 'Daily Newsfeed Hub ~ Example Wire (later)', 'Example Wire ~ Example Wire (later)']);
    const spunAndLater = found.filter((l) => l.between === 'Daily Newsfeed Hub ~ Example Wire (later)');
    expect(spunAndLater.map((l) => [l.kind, l.text.split(' ').slice(3, 5).join(' ')]).sort()).toEqual([
      ['reworded', 'The depot,'],
      ['reworded', 'Two labourers'],
    ]);
  });

  it('keeps the whole set free of links between the own report and the copies', async () => {
    const found = await links(await ingest(WIRE_STORY, EDITED_COPY, SPUN_COPY, OWN_REPORT, WRITE_THROUGH, FERRY_TIMETABLE, MARKET_REPORT));
    expect(pairs(found)).toEqual([
      'Daily Newsfeed Hub ~ Example Wire',
      'Daily Newsfeed Hub ~ Example Wire (later)',
      'Daily Newsfeed Hub ~ Harbor Gazette',
      'Example Wire (later) ~ Harbor Gazette',
      'Example Wire ~ Example Wire (later)',
      'Example Wire ~ Harbor Gazette',
    ]);
  });
});

describe('the passages layer version', () => {
  it('is stored with each article, and a re-ingest leaves current passages as they are', async () => {
    const db = await ingest(WIRE_STORY, SPUN_COPY);
    const versions = await db.selectFrom('article_layers').select('version').where('layer', '=', PASSAGES_LAYER).execute();
    expect(versions.map((v) => v.version)).toEqual([PASSAGES_VERSION, PASSAGES_VERSION]);
    const before = await db.selectFrom('passages').select(['id', 'article_id', 'start']).orderBy('id').execute();
    await saveRawArticles(db, [WIRE_STORY, SPUN_COPY], { analyzer });
    expect(await db.selectFrom('passages').select(['id', 'article_id', 'start']).orderBy('id').execute()).toEqual(before);
  });

  it('has a re-ingest recompute the passages and links that another version made', async () => {
    const db = await ingest(WIRE_STORY, SPUN_COPY);
    const expected = await links(db);
    // As an older version would have left it: other rows, no link, another version.
    const spun = await db.selectFrom('articles').select('id').where('title', '=', SPUN_COPY.title).executeTakeFirstOrThrow();
    await db.deleteFrom('repeats').execute();
    await db.updateTable('article_layers').set({ version: '1' }).where('article_id', '=', spun.id).where('layer', '=', PASSAGES_LAYER).execute();
    await saveRawArticles(db, [SPUN_COPY], { analyzer });
    expect(await links(db)).toEqual(expected);
    const version = await db.selectFrom('article_layers').select('version').where('article_id', '=', spun.id).where('layer', '=', PASSAGES_LAYER).executeTakeFirst();
    expect(version?.version).toBe(PASSAGES_VERSION);
  });
});
