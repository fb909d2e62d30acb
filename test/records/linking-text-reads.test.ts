import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, sql, type UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Analyzer, createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import { loadKnowledge } from '../../src/pipeline/load-knowledge.js';
import { linkingKnowledge } from '../../src/pipeline/save-and-link.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { linkArticle } from '../../src/records/link-article.js';
import { headlineEnd } from '../../src/store/headline-span.js';
import type { Store } from '../../src/store/open-store.js';
import { AFTER_TRIGGER_CHARS, clearRecords, mentionFeatures } from '../../src/store/records-repository.js';
import { clearStories } from '../../src/store/stories-repository.js';
import { openTestStore } from '../support/test-store.js';

/*
 * Issue 20: an article telling one event in hundreds of like sentences took minutes to link,
 * each query cutting every row's sentence out of the whole article text in SQL. Linking now
 * reads an article's text once per query; these tests hold it to that, and to cutting the very
 * pieces the engine's substr cut.
 */

const VERBS = ['struck', 'hit', 'bombed', 'attacked'];

/** One invented report repeating its event `n` times, with a character outside the BMP before it. */
function repeatingReport(n: number): string {
  const sentences = Array.from({ length: n }, (_, i) => `Ruritanian jets ${VERBS[i % VERBS.length]} a depot in Saltmere on Monday, killing ${2 + (i % 7)} people, the ministry said.`);
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 5) paragraphs.push(sentences.slice(i, i + 5).join(' '));
  return ['Ruritanian jets strike depot in Saltmere', 'Example Wire – March 10, 2025', `Residents posted 🔥 pictures of the depot, the agency said. ${paragraphs[0]}`, ...paragraphs.slice(1), ''].join('\n');
}

/** Counts the rows of the queries that read the articles' text, in SQL or out of it. */
class TextReads implements KyselyPlugin {
  rows = 0;
  private readonly reading = new WeakMap<object, boolean>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const q = JSON.stringify(args.node);
    this.reading.set(args.queryId, q.includes('"name":"articles"') && (q.includes('"name":"text"') || q.includes('a.text')));
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.reading.get(args.queryId)) this.rows += args.result.rows.length;
    return args.result;
  }
}

describe('linking an article that repeats its event', () => {
  let knowledge: Knowledge;
  let analyzer: Analyzer;
  let store: Store;
  let dir: string;
  const ids = new Map<number, string>();
  beforeAll(async () => {
    knowledge = loadKnowledge();
    analyzer = createAnalyzer(knowledge);
    store = await openTestStore('linking-text-reads');
    dir = mkdtempSync(join(tmpdir(), 'linking-text-reads-'));
    for (const n of [12, 24]) {
      const file = join(dir, `repeat-${n}.txt`);
      writeFileSync(file, repeatingReport(n));
      expect((await ingestFiles(store, [file], { analyzer })).errors).toEqual([]);
      const row = await store.selectFrom('articles').select('id').where('source_file', 'like', `%repeat-${n}.txt`).executeTakeFirstOrThrow();
      ids.set(n, row.id);
    }
  }, 120_000);
  afterAll(async () => {
    await store.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('cuts each mention’s evidence and trigger at its offsets, past a character outside the BMP, and finds its headline as SQL does', async () => {
    const id = ids.get(12) ?? '';
    const mentions = await mentionFeatures(store, { articleId: id });
    expect(mentions.length).toBeGreaterThanOrEqual(12);
    const { text } = await store.selectFrom('articles').select('text').where('id', '=', id).executeTakeFirstOrThrow();
    const events = await store
      .selectFrom('events as e')
      .innerJoin('articles as a', 'a.id', 'e.article_id')
      .select(['e.id', 'e.start', 'e.end', 'e.trigger_start', 'e.trigger_end', sql<number>`CASE WHEN e.start < ${headlineEnd} THEN 1 ELSE 0 END`.as('in_headline')])
      .where('e.article_id', '=', id)
      .execute();
    const byId = new Map(events.map((e) => [e.id, e]));
    for (const m of mentions) {
      const e = byId.get(m.eventId);
      expect([m.evidence, m.trigger, m.afterTrigger, m.headline]).toEqual([
        text.slice(e?.start, e?.end),
        text.slice(e?.trigger_start, e?.trigger_end),
        text.slice(e?.trigger_end, (e?.trigger_end ?? 0) + AFTER_TRIGGER_CHARS),
        Number(e?.in_headline) === 1,
      ]);
    }
    // The fire emoji comes before them: the engines' substr, counting characters, cut "truck" out of "struck".
    expect(mentions.filter((m) => m.evidence.startsWith('Ruritanian jets')).length).toBeGreaterThanOrEqual(12);
    expect(new Set(mentions.filter((m) => !m.headline).map((m) => m.trigger.trim()))).toEqual(new Set(VERBS));
  });

  it('reads the article’s text a bounded number of times per mention, however many mentions it has', async () => {
    const readsPerMention = async (n: number): Promise<number> => {
      await clearRecords(store);
      await clearStories(store);
      const reads = new TextReads();
      const counted = store.withPlugin(reads);
      const id = ids.get(n) ?? '';
      const linked = await counted.transaction().execute((trx) => linkArticle(trx, id, linkingKnowledge(knowledge)));
      expect(linked.joined + linked.created).toBeGreaterThanOrEqual(n);
      return reads.rows / (linked.joined + linked.created);
    };
    const small = await readsPerMention(12);
    const twice = await readsPerMention(24);
    expect(small).toBeGreaterThan(0);
    // Read once per query, a few queries a mention: the same per mention at twice the mentions.
    // Read once per row, it was the number of mentions already linked: twice as many.
    expect(twice).toBeLessThanOrEqual(small * 1.25);
    expect(twice).toBeLessThan(6);
  });
});
