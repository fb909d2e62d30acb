import type { Transaction } from 'kysely';
import { canonicalOutletName, outletKey } from '../knowledge/outlets/outlet-names.js';
import type { RawArticle } from '../ingest/raw-article.js';
import type { Document } from '../text/document.js';
import { refreshPassages, savePassages } from './passages-repository.js';
import type { Database } from './schema.js';

/** What saving an article reads: the article as read, its id and content hash, and its analyzed document (pipeline/analyze-article.ts makes it). */
export interface ArticleToSave {
  readonly raw: RawArticle;
  readonly id: string;
  readonly contentHash: string;
  readonly doc: Document;
}

/**
 * Writes one article, its paragraphs and passages; 'known' when its id is already stored, in
 * which case only passages made by another version of the passages layer are made again.
 */
export async function saveArticle(trx: Transaction<Database>, a: ArticleToSave, now: string): Promise<'new' | 'known'> {
  const existing = await trx.selectFrom('articles').select('id').where('id', '=', a.id).executeTakeFirst();
  if (existing) {
    await refreshPassages(trx, a);
    return 'known';
  }
  const { raw, doc } = a;
  const outletId = raw.outlet ? await upsertName(trx, 'outlets', outletKey(raw.outlet), canonicalOutletName(raw.outlet)) : null;
  const authorId = raw.author ? await upsertName(trx, 'authors', raw.author.toLowerCase().replace(/\s+/g, ' ').trim(), raw.author.trim()) : null;
  await trx
    .insertInto('articles')
    .values({
      id: a.id,
      title: raw.title,
      outlet_id: outletId,
      author_id: authorId,
      date: raw.date?.value ?? null,
      date_precision: raw.date?.precision ?? null,
      date_reason: raw.date?.reason ?? null,
      url: raw.url,
      text: doc.text,
      body_start: doc.bodyStart,
      author_bio: raw.authorBio,
      content_hash: a.contentHash,
      extra: JSON.stringify(raw.extra),
      source_file: raw.provenance.file,
      start_line: raw.provenance.startLine,
      end_line: raw.provenance.endLine,
      start_byte: raw.provenance.startByte,
      end_byte: raw.provenance.endByte,
      reader: raw.provenance.reader,
      ingested_at: now,
    })
    .execute();
  const paragraphs = doc.layers.paragraphs ?? [];
  for (let i = 0; i < paragraphs.length; i += 200) {
    const rows = paragraphs.slice(i, i + 200).map((p, k) => ({ article_id: a.id, idx: i + k, start: p.start, end: p.end, kind: p.kind }));
    await trx.insertInto('paragraphs').values(rows).execute();
  }
  await savePassages(trx, a);
  return 'new';
}

async function upsertName(trx: Transaction<Database>, table: 'outlets' | 'authors', key: string, name: string): Promise<number> {
  const found = await trx.selectFrom(table).select(['id', 'name']).where('key', '=', key).executeTakeFirst();
  if (found) {
    // Keep the better-capitalized spelling: "American Herald Tribune" over "American Herald tribune".
    if (capitals(name) > capitals(found.name)) await trx.updateTable(table).set({ name }).where('id', '=', found.id).execute();
    return found.id;
  }
  const row = await trx.insertInto(table).values({ key, name }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const capitals = (s: string): number => (s.match(/\p{Lu}/gu) ?? []).length;
