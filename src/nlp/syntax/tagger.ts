import { seededRandom } from '../seeded-random.js';
import { mix1, mix2, mix3 } from './feature-mix.js';
import { addFeatures, argmaxInt, type LinearModel, PerceptronTrainer, scoreFeatures } from './linear-model.js';
import type { WordCodes } from './word-codes.js';

/**
 * Part-of-speech tagger: a greedy left-to-right averaged perceptron over one joint label per
 * word, "UPOS XPOS" ("AUX VBD", "PROPN NNP"), so the two tag sets never disagree. Features:
 * the word and its neighbours two either side, affixes, shape, distributional clusters, the
 * tag ambiguity class of the word and of the words to its right, and the two tags already
 * chosen on its left. Frequent words that always take one tag in the treebank ("the", ",",
 * "of") are tagged by the lexicon without scoring. A second pass reads the first pass's tags on the right as well
 * ("that" before a verb is not "that" before a noun), trained on first-pass tags from
 * taggers that had not seen the sentence.
 */

export interface TaggerModel {
  /** "UPOS XPOS" per class. */
  readonly labels: readonly string[];
  readonly weights: LinearModel;
  /** The second pass, when trained. */
  readonly second: LinearModel | null;
  /** First-pass margin below which the second pass re-tags a word (Infinity: every word). */
  readonly recheckBelow: number;
}

const MAX_FEATURES = 56;
const NONE = 0x5bd1e995;

/** Word j's code in `a`, or a stand-in for "one/two before the start" or "one/two past the end". */
function at(a: Int32Array, j: number, length: number): number {
  if (j < 0) return NONE + j;
  return j < length ? a[j]! : NONE + 100 + j - length;
}

/** Which of a word's features tagFeatures writes. */
const ALL = 0;
/** Those that read the word's neighbours, its position or the tags: they differ from token to token. */
const CONTEXT = 1;
/** Those that read nothing but the word's own codes: one word type's are the same everywhere. */
const WORD = 2;

/**
 * Writes the features of word i into `out` and returns how many: all of them (training), or
 * the context or the word part alone (tagging adds a word type's part from its cache).
 */
function tagFeatures(w: WordCodes, i: number, prev1: number, prev2: number, right: Int32Array | null, out: Int32Array, part = ALL): number {
  let n = 0;
  const word = part !== CONTEXT;
  const context = part !== WORD;
  const len = w.length;
  const lower = w.lower[i]!;
  const amb = w.ambiguity[i]!;
  const suffix3 = w.suffix3[i]!;
  const ambNext = at(w.ambiguity, i + 1, len);
  if (right !== null && context) {
    const r1 = at(right, i + 1, len);
    const r2 = at(right, i + 2, len);
    out[n++] = mix1(60, r1);
    out[n++] = mix2(61, r1, r2);
    out[n++] = mix2(62, prev1, r1);
    out[n++] = mix2(63, lower, r1);
    out[n++] = mix2(64, amb, r1);
    out[n++] = mix3(65, amb, prev1, r1);
    out[n++] = mix2(66, suffix3, r1);
    out[n++] = mix1(67, at(right, i - 1, len) === prev1 ? 1 : 0);
  }
  if (word) out[n++] = mix1(0, 0);
  if (word) out[n++] = mix1(1, lower);
  if (word) out[n++] = mix1(2, w.form[i]!);
  if (context) out[n++] = mix1(3, at(w.lower, i - 1, len));
  if (context) out[n++] = mix1(4, at(w.lower, i + 1, len));
  if (context) out[n++] = mix1(5, at(w.lower, i - 2, len));
  if (context) out[n++] = mix1(6, at(w.lower, i + 2, len));
  if (word) out[n++] = mix1(7, w.suffix1[i]!);
  if (word) out[n++] = mix1(8, w.suffix2[i]!);
  if (word) out[n++] = mix1(9, suffix3);
  if (word) out[n++] = mix1(10, w.suffix4[i]!);
  if (word) out[n++] = mix1(11, w.prefix1[i]!);
  if (word) out[n++] = mix1(12, w.prefix2[i]!);
  if (word) out[n++] = mix1(13, w.prefix3[i]!);
  if (word) out[n++] = mix1(14, w.shape[i]!);
  if (context) out[n++] = mix2(15, w.short[i]!, w.flags[i]!);
  if (context) out[n++] = mix1(16, prev1);
  if (context) out[n++] = mix1(17, prev2);
  if (context) out[n++] = mix2(18, prev1, prev2);
  if (context) out[n++] = mix2(19, prev1, lower);
  if (context) out[n++] = mix2(20, at(w.lower, i - 1, len), lower);
  if (context) out[n++] = mix2(21, lower, at(w.lower, i + 1, len));
  if (context) out[n++] = mix1(22, at(w.suffix3, i - 1, len));
  if (context) out[n++] = mix1(23, at(w.suffix3, i + 1, len));
  if (word) out[n++] = mix1(24, w.coarse[i]!);
  if (word) out[n++] = mix1(25, w.fine[i]!);
  if (context) out[n++] = mix1(26, at(w.fine, i - 1, len));
  if (context) out[n++] = mix1(27, at(w.fine, i + 1, len));
  if (context) out[n++] = mix1(28, at(w.coarse, i + 2, len));
  if (word) out[n++] = mix1(29, amb);
  if (context) out[n++] = mix1(30, ambNext);
  if (context) out[n++] = mix1(31, at(w.ambiguity, i + 2, len));
  if (context) out[n++] = mix2(32, amb, ambNext);
  if (context) out[n++] = mix2(33, prev1, amb);
  if (context) out[n++] = mix3(34, prev1, amb, ambNext);
  if (context) out[n++] = mix2(35, lower, ambNext);
  if (context) out[n++] = mix2(36, prev1, suffix3);
  if (context) out[n++] = mix2(37, w.flags[i]!, suffix3);
  if (context) out[n++] = mix2(38, at(w.lower, i - 1, len), at(w.lower, i + 1, len));
  if (context) out[n++] = mix2(39, w.fine[i]!, ambNext);
  if (context) out[n++] = mix2(40, prev1, at(w.fine, i + 1, len));
  if (word) out[n++] = mix2(41, amb, w.suffix2[i]!);
  // Capitalization in context tells a name ("Port Authority") from a headline-cased noun.
  if (context) out[n++] = mix2(42, w.flags[i]!, at(w.flags, i - 1, len));
  if (context) out[n++] = mix2(43, w.flags[i]!, at(w.flags, i + 1, len));
  if (context) out[n++] = mix3(44, w.flags[i]!, prev1, w.short[i]!);
  if (context) out[n++] = mix2(45, at(w.short, i - 1, len), w.short[i]!);
  return n;
}

/**
 * Predicted class per word. The second pass looks again only at words the first was unsure
 * of (a margin below `model.recheckBelow` between its two best tags): most words are not in
 * doubt, and re-reading them would double the tagger's time for nothing.
 */
export function tagClasses(model: TaggerModel, words: WordCodes, recheckBelow = model.recheckBelow): Int32Array {
  const margins = new Float32Array(words.length);
  const open = openClassesOf(model);
  const first = tagPass(model.weights, model.labels.length, words, null, null, margins, open);
  const tags = model.second === null ? first : tagPass(model.second, model.labels.length, words, first, recheckBelow === Number.POSITIVE_INFINITY ? null : margins, null, open, recheckBelow);
  return withPossessedHeads(model.labels, tags);
}

/**
 * A possessive is followed by the noun it owns: an adjective right after "'s" with no noun
 * after it is that noun ("Turkey's offensive began", "the army's wounded were evacuated"),
 * as English grammar requires, however rarely the treebank showed the word as one.
 */
function withPossessedHeads(labels: readonly string[], tags: Int32Array): Int32Array {
  const possessive = labels.indexOf('PART POS');
  const adjective = labels.indexOf('ADJ JJ');
  const noun = labels.indexOf('NOUN NN');
  if (possessive < 0 || adjective < 0 || noun < 0) return tags;
  const nominal = (y: number | undefined) => y !== undefined && /^(NOUN|PROPN|ADJ|NUM) /.test(labels[y]!);
  for (let i = 1; i < tags.length; i++) {
    if (tags[i - 1] === possessive && tags[i] === adjective && !nominal(tags[i + 1])) tags[i] = noun;
  }
  return tags;
}

/**
 * The closed word classes: a word the treebank never showed is none of them. Without this
 * a new noun can come out an auxiliary ("drone attacks" read as "drone" AUX), and the tree
 * built on it has no object. An auxiliary's reading of an inflected form keeps its Penn tag as a
 * verb ("withdraws" AUX VBZ is VERB VBZ): the tagger was sure of the verb, only not of its kind.
 */
const CLOSED_UPOS = new Set(['AUX', 'DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'PART']);
const INFLECTED = new Set(['VBZ', 'VBD', 'VBN', 'VBG']);

interface OpenClasses {
  /** Per class, 1 when an unseen word may take it. */
  readonly open: Uint8Array;
  /** Per class, the open class that stands in for it ("AUX VBZ" → "VERB VBZ"), else -1. */
  readonly standIn: Int32Array;
}

const openClasses = new WeakMap<TaggerModel, OpenClasses>();

function openClassesOf(model: TaggerModel): OpenClasses {
  let found = openClasses.get(model);
  if (found === undefined) {
    const open = Uint8Array.from(model.labels, (label) => (CLOSED_UPOS.has(label.split(' ')[0]!) ? 0 : 1));
    const standIn = Int32Array.from(model.labels, (label) => {
      const [upos, xpos] = label.split(' ');
      // Only an inflected form ("-s", "-ed", "-ing") shows a verb; a bare "drone" may be a noun.
      return upos === 'AUX' && INFLECTED.has(xpos ?? '') ? model.labels.indexOf(`VERB ${xpos}`) : -1;
    });
    found = { open, standIn };
    openClasses.set(model, found);
  }
  return found;
}

/** The best class an unseen word may take: the best of all, its stand-in, or the best open class. */
function argmaxAllowed(sums: Int32Array, classes: number, allowed: OpenClasses): number {
  const top = argmaxInt(sums, classes);
  if (allowed.open[top] === 1) return top;
  if (allowed.standIn[top]! >= 0) return allowed.standIn[top]!;
  let best = -1;
  for (let y = 0; y < classes; y++) if (allowed.open[y] === 1 && (best === -1 || sums[y]! > sums[best]!)) best = y;
  return best === -1 ? top : best;
}

/**
 * Per model, per word type: the sum of the type's own features (WORD). A third of a word's
 * features read nothing but the word, and the words news repeats need not look them up
 * again. Kept as long as word-codes.ts remembers the type.
 */
const ownSums = new WeakMap<LinearModel, WeakMap<Int32Array, Int32Array>>();

/**
 * One left-to-right pass. With `right`, the first pass's tags are read on the right; with
 * `keep`, words whose first-pass margin is at least `threshold` keep their first-pass tag.
 */
function tagPass(
  weights: LinearModel,
  classes: number,
  words: WordCodes,
  right: Int32Array | null,
  keep: Float32Array | null,
  margins: Float32Array | null,
  open: OpenClasses,
  threshold = 0,
): Int32Array {
  const out = new Int32Array(words.length);
  const features = new Int32Array(MAX_FEATURES);
  const sums = new Int32Array(classes);
  let typeSums = ownSums.get(weights);
  if (typeSums === undefined) {
    typeSums = new WeakMap();
    ownSums.set(weights, typeSums);
  }
  let prev1 = -1;
  let prev2 = -2;
  for (let i = 0; i < words.length; i++) {
    let best: number;
    const fixed = words.fixed[i]!;
    if (fixed > 0) {
      best = fixed - 1;
      if (margins !== null) margins[i] = Number.POSITIVE_INFINITY;
    } else if (keep !== null && right !== null && keep[i]! >= threshold) best = right[i]!;
    else {
      const type = words.types[i]!;
      let own = typeSums.get(type);
      if (own === undefined) {
        own = new Int32Array(classes);
        scoreFeatures(weights, features, tagFeatures(words, i, prev1, prev2, right, features, WORD), own);
        typeSums.set(type, own);
      }
      sums.set(own);
      addFeatures(weights, features, tagFeatures(words, i, prev1, prev2, right, features, CONTEXT), sums);
      // Ambiguity class 0: the treebank never showed the word.
      best = words.ambiguity[i] === 0 ? argmaxAllowed(sums, classes, open) : argmaxInt(sums, classes);
      if (margins !== null) {
        let second = -0x7fffffff;
        for (let y = 0; y < classes; y++) if (y !== best && sums[y]! > second) second = sums[y]!;
        margins[i] = (sums[best]! - second) * weights.scale;
      }
    }
    out[i] = best;
    prev2 = prev1;
    prev1 = best;
  }
  return out;
}

export function argmax(scores: Float32Array, n: number): number {
  let best = 0;
  for (let y = 1; y < n; y++) if (scores[y]! > scores[best]!) best = y;
  return best;
}

export interface TaggerExample {
  readonly words: WordCodes;
  readonly gold: Int32Array;
  /** First-pass tags, when training the second pass. */
  readonly firstPass?: Int32Array;
  /** How much a mistake on this sentence moves the weights (1 when absent): less for noisier tags. */
  readonly weight?: number;
}

export interface TaggerTrainOptions {
  readonly labels: readonly string[];
  readonly epochs: number;
  readonly seed: number;
  readonly bits: number;
  readonly onEpoch?: (epoch: number, weights: LinearModel) => void;
}

/** Trains one pass: the first when examples carry no first-pass tags, else the second. */
export function trainTagPass(examples: readonly TaggerExample[], options: TaggerTrainOptions): LinearModel {
  const C = options.labels.length;
  const trainer = new PerceptronTrainer(C, options.bits);
  const features = new Int32Array(MAX_FEATURES);
  const scores = new Float32Array(C);
  const next = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  let model: LinearModel | null = null;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, next);
    for (const index of order) {
      const { words, gold, firstPass, weight = 1 } = examples[index]!;
      let prev1 = -1;
      let prev2 = -2;
      for (let i = 0; i < words.length; i++) {
        const n = tagFeatures(words, i, prev1, prev2, firstPass ?? null, features);
        trainer.score(features, n, scores);
        const guess = argmax(scores, C);
        const truth = gold[i]!;
        if (guess !== truth) {
          trainer.update(features, n, truth, weight);
          trainer.update(features, n, guess, -weight);
        }
        trainer.tick();
        prev2 = prev1;
        // Trained on its own guesses, as it will tag.
        prev1 = guess;
      }
    }
    if (options.onEpoch || epoch === options.epochs) {
      model = trainer.averaged(1e-3);
      options.onEpoch?.(epoch, model);
    }
  }
  return model ?? trainer.averaged(1e-3);
}

export function shuffle(order: number[], next: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}
