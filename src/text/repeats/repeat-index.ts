/**
 * An incremental, in-memory index of passages. It is the model for the store's SQL version:
 * a passages table (ref and fingerprint), a band table (band key → passage id) and the
 * paragraph links found so far; `add` does per passage what the store will do per row. The
 * store goes on to reworded copies (parallel-sentences.ts, store/reworded-links.ts), which
 * compare whole articles and so have no model here.
 */

import { BandBuckets } from './band-buckets.js';
import { type ComparableFingerprint, comparePassages } from './compare-passages.js';
import { isEligibleWords } from './eligibility.js';
import { type Passage, type PassageRef, passageRef, type RepeatLink, spanWithin } from './passage.js';
import { fingerprintWords } from './passage-fingerprint.js';
import { passageWords } from './passage-words.js';

interface IndexedPassage {
  readonly ref: PassageRef;
  // No signature: with shingles at hand the true Jaccard is cheaper and exact.
  readonly fingerprint: ComparableFingerprint & { readonly shingles: Uint32Array };
}

export class RepeatIndex {
  private readonly passages: IndexedPassage[] = [];
  private readonly buckets = new BandBuckets();
  private readonly paragraphsByArticle = new Map<string, number[]>();
  private readonly linkedParagraphs = new Set<string>();

  /** Passages indexed so far (ineligible ones are skipped, not counted). */
  get size(): number {
    return this.passages.length;
  }

  /**
   * Indexes the passages and returns their links to everything indexed before and to each
   * other. Paragraphs go first, so a sentence link can be dropped when the paragraphs that
   * contain its two sentences are already linked: the paragraph link says it all.
   */
  add(passages: readonly Passage[]): RepeatLink[] {
    const links: RepeatLink[] = [];
    for (const passage of passages) if (passage.kind === 'paragraph') this.addOne(passage, links);
    for (const passage of passages) if (passage.kind === 'sentence') this.addOne(passage, links);
    return links;
  }

  private addOne(passage: Passage, links: RepeatLink[]): void {
    const words = passageWords(passage.text, passage.hidden);
    if (!isEligibleWords(words, passage.text)) return;
    const { shingles, exactHash, wordCount, shingleCount, figures, bandHashes } = fingerprintWords(words);
    const entry: IndexedPassage = {
      ref: passageRef(passage),
      fingerprint: { shingles, exactHash, wordCount, shingleCount, figures },
    };
    const id = this.passages.length;
    for (const candidate of this.buckets.candidates(bandHashes)) {
      const link = this.verify(this.passages[candidate]!, entry);
      if (link === null) continue;
      links.push(link);
      if (entry.ref.kind === 'paragraph') this.linkedParagraphs.add(pairKey(candidate, id));
    }
    this.passages.push(entry);
    this.buckets.add(id, bandHashes);
    if (entry.ref.kind === 'paragraph') this.registerParagraph(id, entry.ref.articleId);
  }

  /**
   * Links join passages of the same kind in different articles: a sentence reused inside
   * a paragraph shows as a link between the two sentences, provided both kinds are added.
   */
  private verify(earlier: IndexedPassage, later: IndexedPassage): RepeatLink | null {
    if (earlier.ref.articleId === later.ref.articleId || earlier.ref.kind !== later.ref.kind) return null;
    const match = comparePassages(earlier.fingerprint, later.fingerprint);
    if (match === null) return null;
    if (later.ref.kind === 'sentence' && this.paragraphsLinked(earlier.ref, later.ref)) return null;
    return { a: earlier.ref, b: later.ref, ...match };
  }

  private paragraphsLinked(a: PassageRef, b: PassageRef): boolean {
    for (const pa of this.containingParagraphs(a)) {
      for (const pb of this.containingParagraphs(b)) {
        if (this.linkedParagraphs.has(pairKey(pa, pb))) return true;
      }
    }
    return false;
  }

  private containingParagraphs(sentence: PassageRef): number[] {
    const ids = this.paragraphsByArticle.get(sentence.articleId) ?? [];
    return ids.filter((id) => spanWithin(sentence, this.passages[id]!.ref));
  }

  private registerParagraph(id: number, articleId: string): void {
    const ids = this.paragraphsByArticle.get(articleId);
    if (ids === undefined) this.paragraphsByArticle.set(articleId, [id]);
    else ids.push(id);
  }
}

function pairKey(x: number, y: number): string {
  return x < y ? `${x}:${y}` : `${y}:${x}`;
}
