import { articleHeads } from './article-heads.js';
import type { Store } from './open-store.js';

export interface RepeatArticle {
  id: string;
  title: string;
  outlet: string | null;
  date: string | null;
}

/** Two articles that share passages: the earlier one first (the one the other repeats, as far as dates tell). */
export interface RepeatPair {
  first: RepeatArticle;
  second: RepeatArticle;
  /** How many passages of the second article repeat one of the first. */
  passages: number;
  /** The closest of those repeats (1: word for word). */
  similarity: number;
  /** exact, near… as the repeats library classes them. */
  kinds: string[];
}

/**
 * Every pair of articles that share a passage, most shared passages first. An outlet filter
 * keeps the pairs where either article is of an outlet whose name contains it.
 */
export async function repeatPairs(db: Store, f: { outlet?: string } = {}): Promise<RepeatPair[]> {
  const rows = await db
    .selectFrom('repeats as r')
    .innerJoin('passages as mine', 'mine.id', 'r.passage_id')
    .innerJoin('passages as theirs', 'theirs.id', 'r.other_passage_id')
    .select(['mine.article_id as a', 'theirs.article_id as b', 'r.passage_id', 'r.other_passage_id', 'r.similarity', 'r.kind'])
    .execute();
  const ids = [...new Set(rows.flatMap((r) => [r.a, r.b]))];
  const articles: ReadonlyMap<string, RepeatArticle> = await articleHeads(db, ids);
  // Earlier first; same day or undated: by id, so the order never depends on the row order.
  const earlier = (x: RepeatArticle, y: RepeatArticle): boolean => (x.date ?? '\uffff') < (y.date ?? '\uffff') || ((x.date ?? '') === (y.date ?? '') && x.id < y.id);
  const pairs = new Map<string, RepeatPair & { seen: Set<number> }>();
  for (const r of rows) {
    if (r.a === r.b) continue;
    const [x, y] = [articles.get(r.a), articles.get(r.b)];
    if (!x || !y) continue;
    const [first, second] = earlier(x, y) ? [x, y] : [y, x];
    const key = `${first.id} ${second.id}`;
    const pair = pairs.get(key) ?? { first, second, passages: 0, similarity: 0, kinds: [], seen: new Set<number>() };
    // A passage of the later article counts once, however many of the earlier one's it matches.
    const later = second.id === r.a ? r.passage_id : r.other_passage_id;
    if (!pair.seen.has(later)) {
      pair.seen.add(later);
      pair.passages++;
    }
    pair.similarity = Math.max(pair.similarity, r.similarity);
    if (!pair.kinds.includes(r.kind)) pair.kinds.push(r.kind);
    pairs.set(key, pair);
  }
  const needle = f.outlet?.toLowerCase();
  return [...pairs.values()]
    .filter((p) => !needle || [p.first.outlet, p.second.outlet].some((o) => o?.toLowerCase().includes(needle)))
    .map(({ seen: _seen, ...p }) => ({ ...p, kinds: p.kinds.sort() }))
    .sort((p, q) => q.passages - p.passages || (q.second.date ?? '').localeCompare(p.second.date ?? '') || p.first.id.localeCompare(q.first.id) || p.second.id.localeCompare(q.second.id));
}
