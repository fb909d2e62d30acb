/**
 * Links for reworded copies, made when an article is saved, after its near-duplicate links
 * (passages-repository.ts). Two ways, both on the sentences' content words
 * (text/repeats/parallel-sentences.ts):
 *
 * - parallel text: an article whose content words overlap the new one's
 *   (`mayBeReworded`) is compared sentence by sentence, and a long enough chain of agreeing
 *   sentences in the same order links each pair of the chain (a spun or localised copy);
 * - lineage: where the new article's passage repeats a passage of B, and that passage of B
 *   (or one overlapping it) repeats one of C, the new article's sentences there are linked to
 *   the C sentences they agree with. Copy of a copy: a spun copy of an early version shares
 *   the text of the later version only through the early one. Likewise two stored articles
 *   that the new one links at the same place are linked to each other, so the outcome does
 *   not hang on the order the three arrive in.
 *
 * Lineage stops after one step, goes through copies only (both of its steps must link their
 * articles at MIN_PARALLEL_SENTENCES places or more) and asks the two sentences to agree, so
 * a chain of partial overlaps cannot drift from one passage to an unrelated one.
 */

import type { Transaction } from 'kysely';
import {
  type ArticleFingerprint,
  type ComparableSentence,
  contentWordHashes,
  MIN_PARALLEL_SENTENCES,
  mayBeReworded,
  parallelSentences,
  passageFigures,
  rewordedSimilarity,
} from '../text/repeats/index.js';
import { hiddenQuotes, spanWords } from './passage-spans.js';
import type { Database } from './schema.js';

/** The kind of link a reworded sentence gets in `repeats` (besides 'exact' and 'near'). */
export const REWORDED_KIND = 'reworded';

/**
 * Lineage looks through an article only when it links to at most this many others. A text
 * that dozens of outlets carry is a hub: a verbatim copy of it links to each carrier directly,
 * and a reworded one links to the hub, which already says whose copy it is; following every
 * spoke would read dozens of articles per save.
 */
const MAX_LINEAGE_FANOUT = 32;

// SQLite allows 32,766 bound variables; stay far below it.
const CHUNK = 500;

interface Span {
  readonly start: number;
  readonly end: number;
}

/** A link about to be written, with where its other passage lies. */
export interface LinkRow {
  readonly passage_id: number;
  readonly other_passage_id: number;
  readonly similarity: number;
  readonly kind: string;
  readonly other: { readonly articleId: string } & Span;
}

/** A sentence passage of the article being saved: its row id, content words and figures. */
export interface NewSentence extends Span, ComparableSentence {
  readonly id: number;
}

type StoredSentence = NewSentence;

/** A stored link seen from one of its articles: its passage there, and the other end. */
interface StoredLink extends Span {
  readonly id: number;
  readonly other: { readonly articleId: string; readonly id: number } & Span;
}

export interface RewordedInput {
  readonly articleId: string;
  /** Null when the article has too few sentences to be compared as a whole. */
  readonly fingerprint: Pick<ArticleFingerprint, 'wordCount' | 'signature'> | null;
  /** The article's sentence passages, in text order. */
  readonly sentences: readonly NewSentence[];
  /** Spans of the article's passages by row id. */
  readonly ownSpans: ReadonlyMap<number, Span>;
  /** The near-duplicate links found for it. */
  readonly links: readonly LinkRow[];
  /** Stored articles whose fingerprints share a band with the article's. */
  readonly candidates: ReadonlyArray<{ readonly articleId: string } & Pick<ArticleFingerprint, 'wordCount' | 'signature'>>;
}

/** The reworded links of a new article, to write with its near-duplicate links. */
export async function rewordedLinks(trx: Transaction<Database>, input: RewordedInput): Promise<LinkRow[]> {
  const sentences = new SentenceLoader(trx);
  const made = new LinkSet(input);
  const whole = input.fingerprint;
  // An article the near-duplicate links already show to be a copy needs no second look.
  const known = copiesOf(input.links.map((l) => l.other.articleId));
  const candidates = whole === null ? [] : input.candidates.filter((c) => !known.has(c.articleId) && mayBeReworded(whole, c));
  await sentences.load(candidates.map((c) => c.articleId));
  for (const candidate of candidates) {
    const others = sentences.of(candidate.articleId);
    const chain = parallelSentences(input.sentences, others);
    for (const pair of chain) made.add(input.sentences[pair.a]!, candidate.articleId, others[pair.b]!, pair.similarity);
  }
  await addLineage(trx, input, made, sentences);
  return made.added;
}

/** One step of lineage through each article the new one links to (see the file comment). */
async function addLineage(trx: Transaction<Database>, input: RewordedInput, made: LinkSet, sentences: SentenceLoader): Promise<void> {
  const direct = [...input.links, ...made.added];
  const newCopies = copiesOf(direct.map((l) => l.other.articleId));
  // Lineage goes through copies only, so only the copies' links are read.
  if (newCopies.size === 0 || newCopies.size > MAX_LINEAGE_FANOUT) return;
  const stored = await storedLinksOf(trx, [...newCopies]);
  const hubs = new Set([...stored].filter(([, links]) => new Set(links.map((l) => l.other.articleId)).size > MAX_LINEAGE_FANOUT).map(([article]) => article));
  const copiesOfB = new Map([...stored].map(([b, links]) => [b, copiesOf(links.map((l) => l.other.articleId))]));
  const throughCopies = direct.filter((l) => newCopies.has(l.other.articleId));
  // The new article → B → C, where B is a copy of both.
  const steps = throughCopies.flatMap((link) =>
    hubs.has(link.other.articleId)
      ? []
      : (stored.get(link.other.articleId) ?? [])
          .filter((via) => via.other.articleId !== input.articleId && overlaps(via, link.other) && copiesOfB.get(link.other.articleId)?.has(via.other.articleId))
          .map((via) => ({ link, via })),
  );
  // B ← the new article → C, at overlapping places of the new article, both copies of it.
  const forks = throughCopies.flatMap((link) =>
    throughCopies
      .filter((second) => second.other.articleId > link.other.articleId && overlaps(input.ownSpans.get(second.passage_id)!, input.ownSpans.get(link.passage_id)!))
      .map((second) => ({ link, second })),
  );
  await sentences.load([...steps.map((s) => s.via.other.articleId), ...forks.flatMap((f) => [f.link.other.articleId, f.second.other.articleId])]);
  for (const { link, via } of steps) {
    const own = input.ownSpans.get(link.passage_id)!;
    const theirs = sentences.of(via.other.articleId).filter((s) => overlaps(s, via.other));
    for (const mine of input.sentences.filter((s) => overlaps(s, own))) {
      const best = bestAgreeing(mine, theirs);
      if (best) made.add(mine, via.other.articleId, best.sentence, best.similarity);
    }
  }
  for (const { link, second } of forks) {
    const bSentences = sentences.of(link.other.articleId).filter((s) => overlaps(s, link.other));
    const cSentences = sentences.of(second.other.articleId).filter((s) => overlaps(s, second.other));
    for (const b of bSentences) {
      const best = bestAgreeing(b, cSentences);
      if (best && !storedCovers(stored.get(link.other.articleId) ?? [], b, second.other.articleId, best.sentence)) {
        made.addBetweenStored(b, link.other.articleId, best.sentence, second.other.articleId, best.similarity);
      }
    }
  }
}

/**
 * The articles that a list of links (one entry per link: the other article) shows to be
 * copies: linked at MIN_PARALLEL_SENTENCES places or more. Lineage goes through a copy only:
 * a single shared sentence is often stock wording (a wire template, a standard background
 * line), and following it would link whatever else shares that wording.
 */
function copiesOf(linkedArticles: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const article of linkedArticles) counts.set(article, (counts.get(article) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= MIN_PARALLEL_SENTENCES).map(([article]) => article));
}

function bestAgreeing(sentence: StoredSentence, among: readonly StoredSentence[]): { sentence: StoredSentence; similarity: number } | null {
  let best: { sentence: StoredSentence; similarity: number } | null = null;
  for (const other of among) {
    const similarity = rewordedSimilarity(sentence, other);
    if (similarity !== null && (best === null || similarity > best.similarity)) best = { sentence: other, similarity };
  }
  return best;
}

/** The links made so far (near-duplicate and reworded), so no place is linked twice. */
class LinkSet {
  readonly added: LinkRow[] = [];
  private readonly keys = new Set<string>();

  constructor(private readonly input: RewordedInput) {}

  /** Links a sentence of the new article to a stored one, unless that place is linked already. */
  add(mine: NewSentence, otherArticle: string, theirs: StoredSentence, similarity: number): void {
    if (this.covers(mine, otherArticle, theirs)) return;
    this.push({ passage_id: mine.id, other_passage_id: theirs.id, similarity, kind: REWORDED_KIND, other: { articleId: otherArticle, start: theirs.start, end: theirs.end } });
  }

  /** Links two stored sentences of other articles, the later row first as a new link would be; once per pair. */
  addBetweenStored(b: StoredSentence, bArticle: string, c: StoredSentence, cArticle: string, similarity: number): void {
    const [later, earlier, earlierArticle] = b.id > c.id ? [b, c, cArticle] : [c, b, bArticle];
    this.push({ passage_id: later.id, other_passage_id: earlier.id, similarity, kind: REWORDED_KIND, other: { articleId: earlierArticle, start: earlier.start, end: earlier.end } });
  }

  private covers(mine: Span, otherArticle: string, theirs: Span): boolean {
    return [...this.input.links, ...this.added].some((l) => {
      const own = this.input.ownSpans.get(l.passage_id);
      return own !== undefined && l.other.articleId === otherArticle && overlaps(own, mine) && overlaps(l.other, theirs);
    });
  }

  private push(link: LinkRow): void {
    const key = `${Math.min(link.passage_id, link.other_passage_id)}:${Math.max(link.passage_id, link.other_passage_id)}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.added.push(link);
  }
}

function storedCovers(linksOfB: readonly StoredLink[], b: Span, cArticle: string, c: Span): boolean {
  return linksOfB.some((l) => l.other.articleId === cArticle && overlaps(l, b) && overlaps(l.other, c));
}

function overlaps(x: Span, y: Span): boolean {
  return x.start < y.end && y.start < x.end;
}

/**
 * Stored articles' sentence passages with their content words and figures, as savePassages
 * made them (the quotations found again from the text); each article is read once, and
 * those wanted together in two queries.
 */
class SentenceLoader {
  private readonly loaded = new Map<string, StoredSentence[]>();

  constructor(private readonly trx: Transaction<Database>) {}

  of(articleId: string): StoredSentence[] {
    return this.loaded.get(articleId) ?? [];
  }

  async load(articleIds: readonly string[]): Promise<void> {
    const missing = [...new Set(articleIds)].filter((id) => !this.loaded.has(id));
    for (let i = 0; i < missing.length; i += CHUNK) {
      const ids = missing.slice(i, i + CHUNK);
      const texts = await this.trx.selectFrom('articles').select(['id', 'text']).where('id', 'in', ids).execute();
      const rows = await this.trx.selectFrom('passages').select(['article_id', 'id', 'start', 'end']).where('article_id', 'in', ids).where('kind', '=', 'sentence').orderBy('article_id').orderBy('start').execute();
      for (const { id, text } of texts) {
        const quotes = hiddenQuotes(text);
        this.loaded.set(
          id,
          rows
            .filter((r) => r.article_id === id)
            .map(({ id: passageId, start, end }) => {
              const words = spanWords(text, quotes, { start, end });
              return { id: passageId, start, end, words: contentWordHashes(words), figures: passageFigures(words) };
            }),
        );
      }
      for (const id of ids) if (!this.loaded.has(id)) this.loaded.set(id, []);
    }
  }
}

/** The stored links of each of these articles, seen from its side. */
async function storedLinksOf(trx: Transaction<Database>, articleIds: readonly string[]): Promise<Map<string, StoredLink[]>> {
  const byArticle = new Map<string, StoredLink[]>();
  if (articleIds.length === 0) return byArticle;
  for (const [mineColumn, theirsColumn] of [
    ['repeats.passage_id', 'repeats.other_passage_id'],
    ['repeats.other_passage_id', 'repeats.passage_id'],
  ] as const) {
    const rows = await trx
      .selectFrom('repeats')
      .innerJoin('passages as mine', 'mine.id', mineColumn)
      .innerJoin('passages as theirs', 'theirs.id', theirsColumn)
      .select(['mine.article_id as article', 'mine.id as id', 'mine.start as start', 'mine.end as end', 'theirs.article_id as otherArticle', 'theirs.id as otherId', 'theirs.start as otherStart', 'theirs.end as otherEnd'])
      .where('mine.article_id', 'in', articleIds)
      .execute();
    for (const r of rows) {
      const link: StoredLink = { id: r.id, start: r.start, end: r.end, other: { articleId: r.otherArticle, id: r.otherId, start: r.otherStart, end: r.otherEnd } };
      const links = byArticle.get(r.article);
      if (links) links.push(link);
      else byArticle.set(r.article, [link]);
    }
  }
  return byArticle;
}
