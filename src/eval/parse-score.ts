import { alignWords, matchingSpans } from './parse-alignment.js';
import type { UdText, UdWord } from './parse-words.js';

/**
 * The CoNLL 2018 shared task's metrics (conll18_ud_eval.py) over aligned words: a metric
 * counts a gold word correct when it has a system word and the two agree. Precision is over
 * the system's words, recall over the gold's, F1 of the two; on gold tokenization every
 * word aligns and F1 is plain accuracy. LAS, as the task defines it, compares only the
 * universal relation ("acl" for "acl:relcl"); "lasFull" compares the full relation.
 */

export interface Score {
  readonly gold: number;
  readonly system: number;
  readonly correct: number;
  /** Aligned words; null for spans (tokens, sentences) and for the words score itself. */
  readonly aligned: number | null;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** correct / aligned: the accuracy on the words both sides have. */
  readonly alignedAccuracy: number | null;
}

/** How one gold relation fared: its LAS errors split into wrong head and wrong label. */
export interface RelationErrors {
  /** Universal relation of the gold words. */
  readonly deprel: string;
  readonly gold: number;
  /** Aligned with the right head and the right universal relation. */
  readonly correct: number;
  readonly wrongHead: number;
  /** Right head, wrong relation. */
  readonly wrongLabel: number;
  /** No system word matches (always 0 on gold tokenization). */
  readonly unaligned: number;
}

/** "gold → system" and how often, most frequent first. */
export interface Confusion {
  readonly gold: string;
  readonly system: string;
  readonly count: number;
}

export interface ParseScores {
  readonly tokens: Score;
  readonly sentences: Score;
  readonly words: Score;
  readonly upos: Score;
  readonly xpos: Score;
  readonly lemma: Score;
  readonly uas: Score;
  readonly las: Score;
  readonly lasFull: Score;
  /** Every gold relation, most LAS errors first. */
  readonly relations: readonly RelationErrors[];
  /** Universal relations confused on words with the right head. */
  readonly deprelConfusions: readonly Confusion[];
  readonly uposConfusions: readonly Confusion[];
}

export function makeScore(gold: number, system: number, correct: number, aligned: number | null = null): Score {
  return {
    gold,
    system,
    correct,
    aligned,
    precision: system > 0 ? correct / system : 0,
    recall: gold > 0 ? correct / gold : 0,
    f1: system + gold > 0 ? (2 * correct) / (system + gold) : 0,
    alignedAccuracy: aligned === null ? null : aligned > 0 ? correct / aligned : 0,
  };
}

export const universal = (deprel: string): string => deprel.split(':')[0]!;

/**
 * Scores system against gold. `systemOf` gives each gold word's system word (-1 for none);
 * by default the words are aligned by span as the shared task aligns them.
 */
export function scoreParse(gold: UdText, system: UdText, systemOf: Int32Array = alignWords(gold.words, system.words)): ParseScores {
  let aligned = 0;
  const correct = { upos: 0, xpos: 0, lemma: 0, uas: 0, las: 0, lasFull: 0 };
  const relations = new Map<string, { gold: number; correct: number; wrongHead: number; wrongLabel: number; unaligned: number }>();
  const deprelConfusions = new Map<string, number>();
  const uposConfusions = new Map<string, number>();
  gold.words.forEach((g, gi) => {
    const rel = universal(g.deprel);
    let counts = relations.get(rel);
    if (counts === undefined) {
      counts = { gold: 0, correct: 0, wrongHead: 0, wrongLabel: 0, unaligned: 0 };
      relations.set(rel, counts);
    }
    counts.gold++;
    const si = systemOf[gi]!;
    const s = system.words[si];
    if (si < 0 || s === undefined) {
      counts.unaligned++;
      return;
    }
    aligned++;
    if (g.upos === s.upos) correct.upos++;
    else bump(uposConfusions, `${g.upos}\t${s.upos}`);
    if (g.xpos === s.xpos) correct.xpos++;
    // A gold lemma "_" (none given) counts as matched, as in the script.
    if (g.lemma === '_' || g.lemma === s.lemma) correct.lemma++;
    if (!sameHead(g, s, systemOf)) {
      counts.wrongHead++;
      return;
    }
    correct.uas++;
    if (rel === universal(s.deprel)) {
      correct.las++;
      counts.correct++;
    } else {
      counts.wrongLabel++;
      bump(deprelConfusions, `${rel}\t${universal(s.deprel)}`);
    }
    if (g.deprel === s.deprel) correct.lasFull++;
  });
  const words = (n: number): Score => makeScore(gold.words.length, system.words.length, n, aligned);
  return {
    tokens: makeScore(gold.tokens.length, system.tokens.length, matchingSpans(gold.tokens, system.tokens)),
    sentences: makeScore(gold.sentences.length, system.sentences.length, matchingSpans(gold.sentences, system.sentences)),
    words: makeScore(gold.words.length, system.words.length, aligned),
    upos: words(correct.upos),
    xpos: words(correct.xpos),
    lemma: words(correct.lemma),
    uas: words(correct.uas),
    las: words(correct.las),
    lasFull: words(correct.lasFull),
    relations: [...relations.entries()]
      .map(([deprel, c]) => ({ deprel, ...c }))
      .sort((a, b) => b.gold - b.correct - (a.gold - a.correct) || b.gold - a.gold || a.deprel.localeCompare(b.deprel)),
    deprelConfusions: confusions(deprelConfusions),
    uposConfusions: confusions(uposConfusions),
  };
}

/** Both roots, or the system head is the word aligned with the gold head. */
function sameHead(g: UdWord, s: UdWord, systemOf: Int32Array): boolean {
  if (g.parent < 0) return s.parent < 0;
  return s.parent >= 0 && systemOf[g.parent] === s.parent;
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function confusions(counts: Map<string, number>): Confusion[] {
  return [...counts.entries()]
    .map(([key, count]) => {
      const [gold = '', system = ''] = key.split('\t');
      return { gold, system, count };
    })
    .sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold) || a.system.localeCompare(b.system));
}
