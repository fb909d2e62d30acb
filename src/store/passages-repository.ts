import type { Transaction } from 'kysely';
import type { AnalyzedArticle } from '../pipeline/analyze-article.js';
import {
  comparePassages,
  deserializeSignature,
  isEligiblePassage,
  passageFingerprint,
  serializeSignature,
} from '../text/repeats/index.js';
import type { Database } from './schema.js';

/**
 * Fingerprints the article's paragraphs and sentences, finds earlier passages sharing an LSH
 * band, verifies each candidate, and stores the links. Sentences inside a paragraph that
 * already linked to the same other article are not linked again.
 */
export async function savePassages(trx: Transaction<Database>, a: AnalyzedArticle): Promise<number> {
  const { doc } = a;
  const spans = [
    ...(doc.layers.paragraphs ?? []).map((p) => ({ kind: 'paragraph' as const, start: p.start, end: p.end })),
    ...(doc.layers.sentences ?? []).map((s) => ({ kind: 'sentence' as const, start: s.start, end: s.end })),
  ];
  const linkedParagraphs: Array<{ start: number; end: number; other: string }> = [];
  let links = 0;
  for (const span of spans) {
    const text = doc.text.slice(span.start, span.end);
    if (!isEligiblePassage(text)) continue;
    // A one-sentence paragraph is already fingerprinted as the paragraph.
    if (span.kind === 'sentence' && spans.some((p) => p.kind === 'paragraph' && p.start === span.start && p.end === span.end)) continue;
    const fp = passageFingerprint(text);
    const row = await trx
      .insertInto('passages')
      .values({
        article_id: a.id,
        kind: span.kind,
        start: span.start,
        end: span.end,
        exact_hash: fp.exactHash,
        word_count: fp.wordCount,
        shingle_count: fp.shingleCount,
        figures: fp.figures,
        signature: serializeSignature(fp.signature),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (fp.bandKeys.length === 0) continue;
    const candidates = await trx
      .selectFrom('passage_bands')
      .innerJoin('passages', 'passages.id', 'passage_bands.passage_id')
      .select(['passages.id', 'passages.article_id', 'passages.kind', 'passages.start', 'passages.end', 'passages.exact_hash', 'passages.word_count', 'passages.shingle_count', 'passages.figures', 'passages.signature'])
      .distinct()
      .where('passage_bands.band_key', 'in', [...fp.bandKeys])
      .where('passages.article_id', '!=', a.id)
      .where('passages.kind', '=', span.kind)
      .execute();
    for (const c of candidates) {
      if (span.kind === 'sentence' && linkedParagraphs.some((p) => p.other === c.article_id && p.start <= span.start && span.end <= p.end)) continue;
      const match = comparePassages(fp, {
        exactHash: c.exact_hash,
        wordCount: c.word_count,
        shingleCount: c.shingle_count,
        figures: c.figures,
        signature: deserializeSignature(c.signature),
      });
      if (!match) continue;
      await trx.insertInto('repeats').values({ passage_id: row.id, other_passage_id: c.id, similarity: match.similarity, kind: match.kind }).execute();
      if (span.kind === 'paragraph') linkedParagraphs.push({ start: span.start, end: span.end, other: c.article_id });
      links++;
    }
    await trx.insertInto('passage_bands').values(fp.bandKeys.map((band_key) => ({ band_key, passage_id: row.id }))).execute();
  }
  return links;
}
