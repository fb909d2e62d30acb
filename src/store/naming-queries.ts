import { articleHeads } from './article-heads.js';
import type { Store } from './open-store.js';

/** An article that names one of the actors or places asked about, with its first such mention. */
export interface NamingArticle {
  id: string;
  title: string;
  outlet: string | null;
  date: string | null;
  /** How the article writes the name, at its first mention. */
  spelling: string;
  start: number;
  end: number;
  /** Mentions of the actors and places in this article. */
  mentions: number;
}

/**
 * The articles whose resolved mentions point at these actors or places, newest first: what a
 * search for a name should list even when the article spells it another way than the query.
 */
export async function articlesNaming(db: Store, ids: { actors: readonly string[]; places: readonly string[] }, limit: number): Promise<NamingArticle[]> {
  const rows: Array<{ article_id: string; text: string; start: number; end: number }> = [];
  if (ids.actors.length > 0) {
    rows.push(...(await db.selectFrom('entity_mentions').select(['article_id', 'text', 'start', 'end']).where('actor_id', 'in', [...ids.actors]).execute()));
  }
  if (ids.places.length > 0) {
    rows.push(...(await db.selectFrom('place_mentions').select(['article_id', 'text', 'start', 'end']).where('place_id', 'in', [...ids.places]).execute()));
  }
  const first = new Map<string, { text: string; start: number; end: number; mentions: number }>();
  for (const r of rows) {
    const seen = first.get(r.article_id);
    if (!seen) first.set(r.article_id, { text: r.text, start: r.start, end: r.end, mentions: 1 });
    else {
      seen.mentions++;
      if (r.start < seen.start) Object.assign(seen, { text: r.text, start: r.start, end: r.end });
    }
  }
  if (first.size === 0) return [];
  const out: NamingArticle[] = [];
  for (const a of (await articleHeads(db, [...first.keys()])).values()) {
    const m = first.get(a.id)!;
    out.push({ ...a, spelling: m.text, start: m.start, end: m.end, mentions: m.mentions });
  }
  // Newest first across the chunks; undated last.
  out.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
  return out.slice(0, limit);
}

/** Every distinct way the news wrote each of these places ("Salahuddin" for Saladin Governorate). */
export async function placeSpellings(db: Store, placeIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < placeIds.length; i += 500) {
    const rows = await db.selectFrom('place_mentions').select(['place_id', 'text']).distinct().where('place_id', 'in', placeIds.slice(i, i + 500)).execute();
    for (const r of rows) {
      const list = out.get(r.place_id) ?? [];
      list.push(r.text);
      out.set(r.place_id, list);
    }
  }
  return out;
}
