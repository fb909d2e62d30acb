import type { Transaction } from 'kysely';
import type { Document } from '../text/document.js';
import {
  type ArticleFingerprint,
  articleFingerprint,
  comparePassages,
  contentWordHashes,
  countComparable,
  deserializeSignature,
  FINGERPRINT_VERSION,
  MIN_PARALLEL_SENTENCES,
  type ShingledFingerprint,
  serializeSignature,
  wordsFingerprint,
} from '../text/repeats/index.js';
import { type PassageSpan, passageSpans } from './passage-spans.js';
import { type LinkRow, type NewSentence, rewordedLinks } from './reworded-links.js';
import type { Database } from './schema.js';

/** What savePassages reads of an article: its id, text, paragraphs and sentences. */
export interface PassageSource {
  readonly id: string;
  readonly doc: Pick<Document, 'text' | 'layers'>;
}

type Candidate = {
  id: number;
  article_id: string;
  kind: string;
  start: number;
  end: number;
  exact_hash: string;
  word_count: number;
  shingle_count: number;
  figures: string;
  signature: string;
};

/**
 * The passages layer's version, kept in article_layers (layer 'passages'): re-ingesting an
 * article whose passages another version made recomputes them (refreshPassages). 2: quotations
 * hidden, furniture left out, one-sentence paragraphs indexed as sentences, an article-level
 * fingerprint and reworded copies (reworded-links.ts).
 */
export const PASSAGES_LAYER = 'passages';
export const PASSAGES_VERSION = `2/${FINGERPRINT_VERSION}`;
const PASSAGES_STAGE = 'repeats';

/** The stored row of an article's own fingerprint (article-fingerprint.ts), beside its passages. */
export const ARTICLE_KIND = 'article';

// Article band keys are numbered after the passage bands (0–31), so the two never meet.
const ARTICLE_BAND_BASE = 64;

// SQLite allows 32,766 bound variables; stay far below it.
const CHUNK = 500;

/**
 * Fingerprints the article's paragraphs and sentences, looks up every earlier passage that
 * shares an LSH band (one query per chunk of band keys, not per passage), verifies each
 * candidate, and stores passages, bands and links. A sentence inside a paragraph already
 * linked to the same other article is not linked again. Then the article as a whole is
 * compared with the articles whose content words it shares, for reworded copies.
 */
export async function savePassages(trx: Transaction<Database>, a: PassageSource): Promise<number> {
  await trx.insertInto('article_layers').values({ article_id: a.id, layer: PASSAGES_LAYER, stage: PASSAGES_STAGE, version: PASSAGES_VERSION }).execute();
  const items = passageSpans(a.doc.text, a.doc.layers.paragraphs ?? [], a.doc.layers.sentences ?? []).map((span) => ({ span, fp: wordsFingerprint(span.words) }));
  if (items.length === 0) return 0;
  const sentenceAt = items.flatMap((item, k) => (item.span.kind === 'sentence' ? [k] : []));
  const sentences = sentenceAt.map((k) => ({ start: items[k]!.span.start, end: items[k]!.span.end, words: contentWordHashes(items[k]!.span.words), figures: items[k]!.fp.figures }));
  // Too few sentences to hold a chain of reworded ones (parallel-sentences.ts): no article fingerprint.
  const whole = countComparable(sentences) >= MIN_PARALLEL_SENTENCES ? articleFingerprint(sentences.map((s) => s.words)) : null;
  const passageKeys = items.flatMap((i) => i.fp.bandKeys.map(bandNumber));
  const articleKeys = whole === null ? [] : Array.from(whole.bandHashes, (hash, band) => (ARTICLE_BAND_BASE + band) * 2 ** 32 + hash);
  const byBand = await candidatesByBand(trx, a.id, [...new Set([...passageKeys, ...articleKeys])]);

  // The article's own row goes in last, with the passages: ids[items.length] is its id.
  const rows = [...items.map(({ span, fp }) => passageRow(a.id, span, fp)), ...(whole === null ? [] : [articleRow(a.id, a.doc.text.length, whole)])];
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const inserted = await trx.insertInto('passages').values(rows.slice(i, i + CHUNK)).returning('id').execute();
    ids.push(...inserted.map((r) => r.id));
  }

  const links = nearDuplicateLinks(items, ids, byBand);
  const ownSentences: NewSentence[] = sentences.map((s, n) => ({ ...s, id: ids[sentenceAt[n]!]! }));
  const ownSpans = new Map(items.map((item, k) => [ids[k]!, item.span]));
  const candidates = whole === null ? [] : articleCandidates(articleKeys, byBand);
  links.push(...(await rewordedLinks(trx, { articleId: a.id, fingerprint: whole, sentences: ownSentences, ownSpans, links, candidates })));

  for (let i = 0; i < links.length; i += CHUNK) {
    const linkRows = links.slice(i, i + CHUNK).map(({ passage_id, other_passage_id, similarity, kind }) => ({ passage_id, other_passage_id, similarity, kind }));
    await trx.insertInto('repeats').values(linkRows).execute();
  }
  const bands = items.flatMap(({ fp }, k) => fp.bandKeys.map((key) => ({ band_key: bandNumber(key), passage_id: ids[k]! })));
  if (whole !== null) bands.push(...articleKeys.map((band_key) => ({ band_key, passage_id: ids[items.length]! })));
  for (let i = 0; i < bands.length; i += CHUNK) await trx.insertInto('passage_bands').values(bands.slice(i, i + CHUNK)).execute();
  return links.length;
}

/**
 * Recomputes an already stored article's passages and links when another passages version
 * made them; false when they are current. Its links to other articles go with its passages and
 * are found again from its side, so after every article is refreshed the links are those a
 * fresh ingest makes (oriented from whichever was refreshed later).
 */
export async function refreshPassages(trx: Transaction<Database>, a: PassageSource): Promise<boolean> {
  const stored = await trx.selectFrom('article_layers').select('version').where('article_id', '=', a.id).where('layer', '=', PASSAGES_LAYER).executeTakeFirst();
  if (stored?.version === PASSAGES_VERSION) return false;
  // Offsets are into the stored text: an article that now normalizes differently keeps its passages.
  const article = await trx.selectFrom('articles').select('text').where('id', '=', a.id).executeTakeFirst();
  if (article?.text !== a.doc.text) return false;
  await deletePassages(trx, a.id);
  await savePassages(trx, a);
  return true;
}

/** An article's passages, their bands and links, and the version row that said who made them. */
async function deletePassages(trx: Transaction<Database>, articleId: string): Promise<void> {
  const own = trx.selectFrom('passages').select('id').where('article_id', '=', articleId);
  await trx
    .deleteFrom('repeats')
    .where((eb) => eb.or([eb('passage_id', 'in', own), eb('other_passage_id', 'in', own)]))
    .execute();
  await trx.deleteFrom('passage_bands').where('passage_id', 'in', own).execute();
  await trx.deleteFrom('passages').where('article_id', '=', articleId).execute();
  await trx.deleteFrom('article_layers').where('article_id', '=', articleId).where('layer', '=', PASSAGES_LAYER).execute();
}

/** Links from each new passage to the stored ones its bands reach, verified on fingerprints. */
function nearDuplicateLinks(items: ReadonlyArray<{ span: PassageSpan; fp: ShingledFingerprint }>, ids: readonly number[], byBand: ReadonlyMap<number, Candidate[]>): LinkRow[] {
  const linkedParagraphs: Array<{ start: number; end: number; other: string }> = [];
  const links: LinkRow[] = [];
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
        links.push({ passage_id: ids[k]!, other_passage_id: c.id, similarity: match.similarity, kind: match.kind, other: { articleId: c.article_id, start: c.start, end: c.end } });
        if (span.kind === 'paragraph') linkedParagraphs.push({ start: span.start, end: span.end, other: c.article_id });
      }
    }
  });
  return links;
}

/** The stored article fingerprints sharing a band with this article's, each once. */
function articleCandidates(keys: readonly number[], byBand: ReadonlyMap<number, Candidate[]>): Array<{ articleId: string } & Pick<ArticleFingerprint, 'wordCount' | 'signature'>> {
  const seen = new Set<number>();
  const out: Array<{ articleId: string } & Pick<ArticleFingerprint, 'wordCount' | 'signature'>> = [];
  for (const key of keys) {
    for (const c of byBand.get(key) ?? []) {
      if (c.kind !== ARTICLE_KIND || seen.has(c.id)) continue;
      seen.add(c.id);
      out.push({ articleId: c.article_id, wordCount: c.shingle_count, signature: deserializeSignature(c.signature) });
    }
  }
  return out;
}

/** "3:123456789" → 3 * 2^32 + 123456789: an exact integer (below 2^53) SQLite indexes cheaply. */
function bandNumber(key: string): number {
  const colon = key.indexOf(':');
  return Number(key.slice(0, colon)) * 2 ** 32 + Number(key.slice(colon + 1));
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

/** The article's own fingerprint row: its whole text, its distinct content words as the count. */
function articleRow(articleId: string, length: number, whole: ArticleFingerprint) {
  return { article_id: articleId, kind: ARTICLE_KIND, start: 0, end: length, exact_hash: '', word_count: whole.wordCount, shingle_count: whole.wordCount, figures: '', signature: serializeSignature(whole.signature) };
}

async function candidatesByBand(trx: Transaction<Database>, articleId: string, keys: readonly number[]): Promise<Map<number, Candidate[]>> {
  const byBand = new Map<number, Candidate[]>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await trx
      .selectFrom('passage_bands')
      .innerJoin('passages', 'passages.id', 'passage_bands.passage_id')
      .select([
        'passage_bands.band_key',
        'passages.id',
        'passages.article_id',
        'passages.kind',
        'passages.start',
        'passages.end',
        'passages.exact_hash',
        'passages.word_count',
        'passages.shingle_count',
        'passages.figures',
        'passages.signature',
      ])
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
