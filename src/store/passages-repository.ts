import type { Transaction } from 'kysely';
import type { Document } from '../text/document.js';
import {
  comparePassages,
  deserializeSignature,
  isEligiblePassage,
  passageFingerprint,
  type ShingledFingerprint,
  serializeSignature,
} from '../text/repeats/index.js';
import type { Database } from './schema.js';

/** What passages are cut from: an article's id and its document, with paragraphs and sentences. */
type PassageSource = { readonly id: string; readonly doc: Document };

type PassageSpan = { kind: 'paragraph' | 'sentence'; start: number; end: number };
type Candidate = {
  id: number;
  article_id: string;
  kind: string;
  exact_hash: string;
  word_count: number;
  shingle_count: number;
  figures: string;
  signature: string;
};

// SQLite allows 32,766 bound variables; stay far below it.
const CHUNK = 500;

/**
 * Fingerprints the article's paragraphs and sentences, looks up every earlier passage that
 * shares an LSH band (one query per chunk of band keys, not per passage), verifies each
 * candidate, and stores passages, bands and links. A sentence inside a paragraph already
 * linked to the same other article is not linked again.
 */
export async function savePassages(trx: Transaction<Database>, a: PassageSource): Promise<number> {
  const items = eligiblePassages(a).map((span) => ({ span, fp: passageFingerprint(a.doc.text.slice(span.start, span.end)) }));
  if (items.length === 0) return 0;
  const byBand = await candidatesByBand(trx, a.id, [...new Set(items.flatMap((i) => i.fp.bandKeys.map(bandNumber)))]);

  const ids: number[] = [];
  for (let i = 0; i < items.length; i += CHUNK) {
    const rows = items.slice(i, i + CHUNK).map(({ span, fp }) => passageRow(a.id, span, fp));
    const inserted = await trx.insertInto('passages').values(rows).returning('id').execute();
    ids.push(...inserted.map((r) => r.id));
  }

  const linkedParagraphs: Array<{ start: number; end: number; other: string }> = [];
  const links: Array<{ passage_id: number; other_passage_id: number; similarity: number; kind: string }> = [];
  items.forEach(({ span, fp }, k) => {
    const seen = new Set<number>();
    for (const key of fp.bandKeys) {
      for (const c of byBand.get(bandNumber(key)) ?? []) {
        if (seen.has(c.id) || c.kind !== span.kind) continue;
        seen.add(c.id);
        if (span.kind === 'sentence' && linkedParagraphs.some((p) => p.other === c.article_id && p.start <= span.start && span.end <= p.end)) continue;
        const match = comparePassages(fp, {
          exactHash: c.exact_hash,
          wordCount: c.word_count,
          shingleCount: c.shingle_count,
          figures: c.figures,
          signature: deserializeSignature(c.signature),
        });
        if (!match) continue;
        links.push({ passage_id: ids[k]!, other_passage_id: c.id, similarity: match.similarity, kind: match.kind });
        if (span.kind === 'paragraph') linkedParagraphs.push({ start: span.start, end: span.end, other: c.article_id });
      }
    }
  });
  for (let i = 0; i < links.length; i += CHUNK) await trx.insertInto('repeats').values(links.slice(i, i + CHUNK)).execute();
  const bands = items.flatMap(({ fp }, k) => fp.bandKeys.map((key) => ({ band_key: bandNumber(key), passage_id: ids[k]! })));
  for (let i = 0; i < bands.length; i += CHUNK) await trx.insertInto('passage_bands').values(bands.slice(i, i + CHUNK)).execute();
  return links.length;
}

/** "3:123456789" → 3 * 2^32 + 123456789: an exact integer (below 2^53) SQLite indexes cheaply. */
function bandNumber(key: string): number {
  const colon = key.indexOf(':');
  return Number(key.slice(0, colon)) * 2 ** 32 + Number(key.slice(colon + 1));
}

/** Paragraphs, then sentences that are not a whole paragraph, long enough to mean something. */
function eligiblePassages(a: PassageSource): PassageSpan[] {
  const paragraphs = (a.doc.layers.paragraphs ?? []).map((p) => ({ kind: 'paragraph' as const, start: p.start, end: p.end }));
  const whole = new Set(paragraphs.map((p) => `${p.start}:${p.end}`));
  const sentences = (a.doc.layers.sentences ?? [])
    .filter((s) => !whole.has(`${s.start}:${s.end}`))
    .map((s) => ({ kind: 'sentence' as const, start: s.start, end: s.end }));
  return [...paragraphs, ...sentences].filter((s) => isEligiblePassage(a.doc.text.slice(s.start, s.end)));
}

function passageRow(articleId: string, span: PassageSpan, fp: ShingledFingerprint) {
  return {
    article_id: articleId,
    kind: span.kind,
    start: span.start,
    end: span.end,
    exact_hash: fp.exactHash,
    word_count: fp.wordCount,
    shingle_count: fp.shingleCount,
    figures: fp.figures,
    signature: serializeSignature(fp.signature),
  };
}

async function candidatesByBand(trx: Transaction<Database>, articleId: string, keys: readonly number[]): Promise<Map<number, Candidate[]>> {
  const byBand = new Map<number, Candidate[]>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await trx
      .selectFrom('passage_bands')
      .innerJoin('passages', 'passages.id', 'passage_bands.passage_id')
      .select(['passage_bands.band_key', 'passages.id', 'passages.article_id', 'passages.kind', 'passages.exact_hash', 'passages.word_count', 'passages.shingle_count', 'passages.figures', 'passages.signature'])
      .where('passage_bands.band_key', 'in', keys.slice(i, i + CHUNK))
      .where('passages.article_id', '!=', articleId)
      .execute();
    for (const { band_key, ...c } of rows) {
      const list = byBand.get(band_key);
      if (list) list.push(c);
      else byBand.set(band_key, [c]);
    }
  }
  return byBand;
}
