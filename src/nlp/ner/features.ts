import { FNV_OFFSET, hashCodeOn, hashFeature, hashOn } from './feature-hash.js';
import { type Gazetteer, gazetteerMatches } from './gazetteer.js';
import { foldWord, hasLetter, isAllCaps, isCapitalized, longShape, shortShape } from './word-form.js';

/**
 * The tagger's features, as 32-bit hashes per token. Training and tagging call the same
 * function on a whole document, because some features read the rest of the document: how a
 * capitalized word is written elsewhere tells a name ("Mosul" mid-sentence) from a word that
 * is only capitalized by position or by an all-caps headline ("Troops", "WIN").
 */

/** How a sentence is cased: CoNLL headlines are all caps; news headlines are title case. */
export type SentenceForm = 'normal' | 'caps' | 'title';

// Arabic name particles, written as their own word ("Abu Mahdi", "bin Salman").
const PARTICLES = new Set(['abu', 'abou', 'bin', 'ben', 'ibn', 'bint', 'abd', 'abdul', 'abdel', 'umm', 'al', 'el', 'bani']);
// The article fused by a hyphen to a name ("al-Muhandis", "Al-Safirah", "ash-Sham").
const FUSED_ARTICLE = /^([A-Za-z]{2,3})-(?=\p{Lu})/u;
const ARTICLES = new Set(['al', 'el', 'ad', 'ash', 'as', 'at', 'az', 'ar', 'an', 'ul']);

interface SplitWord {
  readonly stem: string;
  readonly article: boolean;
}

/**
 * "al-Amiri" → "Amiri" plus a flag: the features read the name itself, which CoNLL taught
 * the model to recognize, and the flag says the article was there.
 */
function splitArticle(word: string): SplitWord {
  const match = FUSED_ARTICLE.exec(word);
  if (match === null || !ARTICLES.has(match[1]!.toLowerCase())) return { stem: word, article: false };
  return { stem: word.slice(match[0].length), article: true };
}

/** Title case: nearly every longer word after the first is capitalized, and there are several. */
export function sentenceForm(words: readonly string[]): SentenceForm {
  let letters = 0;
  let lower = 0;
  let long = 0;
  let longCapitalized = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!hasLetter(word)) continue;
    letters++;
    if (word !== word.toUpperCase()) lower++;
    if (i > 0 && word.length >= 4 && /^\p{L}/u.test(word)) {
      long++;
      if (isCapitalized(word)) longCapitalized++;
    }
  }
  if (letters >= 2 && lower === 0) return 'caps';
  if (long >= 4 && longCapitalized >= 0.85 * long) return 'title';
  return 'normal';
}

interface DocumentCasing {
  /** Lower-cased words written in lower case somewhere in the document. */
  readonly lower: ReadonlySet<string>;
  /** Lower-cased words written capitalized after the first word of a normal-case sentence. */
  readonly capitalizedMid: ReadonlySet<string>;
}

function documentCasing(sentences: readonly (readonly string[])[], forms: readonly SentenceForm[]): DocumentCasing {
  const lower = new Set<string>();
  const capitalizedMid = new Set<string>();
  sentences.forEach((words, s) => {
    if (forms[s] !== 'normal') return;
    words.forEach((raw, i) => {
      const word = foldWord(raw);
      if (!hasLetter(word)) return;
      const lw = word.toLowerCase();
      if (word === lw) lower.add(lw);
      else if (i > 0 && isCapitalized(word) && !isPrecededByOpener(words, i)) capitalizedMid.add(lw);
    });
  });
  return { lower, capitalizedMid };
}

function isPrecededByOpener(words: readonly string[], i: number): boolean {
  const prev = foldWord(words[i - 1] ?? '');
  return prev === '"' || prev === "'" || prev === '(' || prev === ':' || prev === '-';
}

/** "1996" and "1997" share their features: digits read as 0. */
function digitless(word: string): string {
  return /\d/.test(word) ? word.replace(/\d/g, '0') : word;
}

/** What the features look words up in: name lists and word clusters, both from the model. */
export interface FeatureResources {
  readonly gazetteer: Gazetteer;
  /** Word → cluster id per clustering, coarse to fine. */
  readonly clusters: ReadonlyMap<string, readonly number[]>;
  readonly clusterSizes: readonly number[];
}

interface TokenView {
  readonly word: string;
  readonly lower: string;
  readonly shape: string;
  readonly gazetteer: readonly string[];
  readonly particle: boolean;
  readonly clusters: readonly string[];
}

const BOUNDARY_BEFORE: TokenView = { word: '<S>', lower: '<s>', shape: '<S>', gazetteer: [], particle: false, clusters: ['<S>'] };
const BOUNDARY_AFTER: TokenView = { word: '</S>', lower: '</s>', shape: '</S>', gazetteer: [], particle: false, clusters: ['</S>'] };

/** Feature hashes for every token of every sentence of one document. */
export function documentFeatures(sentences: readonly (readonly string[])[], resources: FeatureResources): Uint32Array[][] {
  const of = sentenceFeaturesOf(sentences, resources);
  return sentences.map((_, s) => of(s));
}

/**
 * The feature hashes of one sentence of a document, made when asked: what the document says of
 * each word's casing is read from every sentence first. A tagger that asks sentence by sentence
 * holds one sentence's features at a time; the whole article's (a typed array per token) made a
 * long article's memory grow by about 300 bytes per token at once.
 */
export function sentenceFeaturesOf(sentences: readonly (readonly string[])[], resources: FeatureResources): (s: number) => Uint32Array[] {
  const partsOf = sentenceFeaturePartsOf(sentences, resources);
  const list = new HashList();
  return (s) => {
    const sentence = partsOf(s);
    return sentence.words.map((word, i) => {
      const own = wordFeatures(word, list);
      const rest = sentence.hashes.subarray(sentence.offsets[i]!, sentence.offsets[i + 1]!);
      const all = new Uint32Array(own.length + rest.length);
      all.set(own);
      all.set(rest, own.length);
      return all;
    });
  };
}

/**
 * A sentence's features in two parts per token: the word as the features read it, whose own
 * features (wordFeatures) depend on nothing else, and the hashes of the rest. A tagger can
 * keep what a word's own features weigh and not look them up again.
 */
export interface SentenceFeatureParts {
  readonly words: readonly string[];
  /** The rest of token t's features are hashes[offsets[t] .. offsets[t + 1]). */
  readonly hashes: Uint32Array;
  readonly offsets: Int32Array;
}

/** As sentenceFeaturesOf, with each token's features in two parts (SentenceFeatureParts). */
export function sentenceFeaturePartsOf(sentences: readonly (readonly string[])[], resources: FeatureResources): (s: number) => SentenceFeatureParts {
  const split = sentences.map((words) => words.map((w) => splitArticle(foldWord(w))));
  const stems = split.map((words) => words.map((w) => w.stem));
  const forms = stems.map(sentenceForm);
  const casing = documentCasing(stems, forms);
  const list = new HashList();
  // A document repeats its words: each word's clusters are looked up once per form it is read in.
  const clusters: ClusterMemo = { normal: new Map(), caps: new Map() };
  return (s) =>
    sentenceFeatures(
      stems[s]!,
      split[s]!.map((w) => w.article),
      forms[s]!,
      casing,
      resources,
      list,
      clusters,
    );
}

function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/** Cluster features already found, per word, for normal sentences and for all-caps ones. */
interface ClusterMemo {
  readonly normal: Map<string, readonly string[]>;
  readonly caps: Map<string, readonly string[]>;
}

function memoClusterFeatures(word: string, form: 'normal' | 'caps', resources: FeatureResources, memo: ClusterMemo): readonly string[] {
  const known = memo[form].get(word);
  if (known !== undefined) return known;
  const found = clusterFeatures(word, form, resources);
  memo[form].set(word, found);
  return found;
}

/** Cluster features of a word; in a headline its capitals say nothing, so "JAPAN" reads as "Japan". */
function clusterFeatures(word: string, form: SentenceForm, resources: FeatureResources): string[] {
  const forms = form === 'normal' ? [word, word.toLowerCase()] : [titleCase(word), word, word.toLowerCase()];
  for (const candidate of forms) {
    const ids = resources.clusters.get(candidate);
    if (ids !== undefined) return ids.map((id, k) => `${resources.clusterSizes[k]}:${id}`);
  }
  return resources.clusterSizes.map((size) => `${size}:none`);
}

/**
 * Every feature is named as `template` + `value` ("l-1=" + "the", "ss|ss+1=" + "Xx" + "|" +
 * "x") and stored as the FNV-1a hash of that name. The name is never built: the hash runs on
 * from the template's state (feature-hash.ts), which gives the same number.
 */
const template = (name: string): number => hashOn(FNV_OFFSET, name);
const PIPE = 0x7c;

const B = hashFeature('b');
const CAPS = hashFeature('caps');
const INIT = hashFeature('init');
const MIXED = hashFeature('mixed');
const HYPHEN = hashFeature('hyphen');
const APOS = hashFeature('apos');
const DIGIT = hashFeature('digit');
const PARTICLE = hashFeature('particle');
const ARTICLE = hashFeature('article');
const PARTICLE_BEFORE = hashFeature('particle-1');
const PARTICLE_AFTER = hashFeature('particle+1');
const FIRST = hashFeature('first');
const HEADLINE = hashFeature('headline');

const T_WORD = template('w=');
const T_LOWER = template('l=');
const T_SHAPE = template('s=');
const T_SHORT = template('ss=');
const T_PREFIX = [1, 2, 3, 4].map((k) => template(`p${k}=`));
const T_SUFFIX = [1, 2, 3, 4].map((k) => template(`x${k}=`));
const T_GAZETTEER = template('g=');
const T_CLUSTER = template('k=');
const T_ARTICLE_SHORT = template('article|ss=');
const T_LOWER_1 = template('l-1=');
const T_LOWER1 = template('l+1=');
const T_LOWER_2 = template('l-2=');
const T_LOWER2 = template('l+2=');
const T_SHORT_1 = template('ss-1=');
const T_SHORT1 = template('ss+1=');
const T_SHORT_2 = template('ss-2=');
const T_SHORT2 = template('ss+2=');
const T_LOWER_1_LOWER = template('l-1|l=');
const T_LOWER_LOWER1 = template('l|l+1=');
const T_SHORT_1_SHORT_SHORT1 = template('ss-1|ss|ss+1=');
const T_SHORT_SHORT1 = template('ss|ss+1=');
const T_SHORT_1_SHORT = template('ss-1|ss=');
const T_LOWER_1_SHORT = template('l-1|ss=');
const T_SHORT_LOWER1 = template('ss|l+1=');
const T_CLUSTER_1 = template('k-1=');
const T_CLUSTER1 = template('k+1=');
const T_GAZETTEER_1 = template('g-1=');
const T_GAZETTEER1 = template('g+1=');
const T_FIRST_SHORT = template('first|ss=');
const T_FIRST_LOWER = template('first|l=');
const T_HEADLINE_SHORT = template('headline|ss=');
const T_HEADLINE_LOWER = template('headline|l=');
/** "doc=" + what the document says of the word: its state, and the three templates that go on from it. */
const SEEN = ['lc', 'cm', 'lccm', 'none'].map((seen) => {
  const at = hashOn(FNV_OFFSET, `doc=${seen}`);
  return { alone: at >>> 0, where: hashOn(at, '|'), shape: hashOn(at, '|ss=') };
});

/** Hashes as they are written, for a token or a sentence, in a buffer reused from one to the next. */
export class HashList {
  private values = new Int32Array(1024);
  private n = 0;

  /** How many hashes the list holds. */
  get length(): number {
    return this.n;
  }

  /** Adds a finished hash (signed or not: the 32 bits are what count). */
  add(h: number): void {
    if (this.n === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.n++] = h;
  }

  /** The hashes, unsigned; the list is empty again. */
  take(): Uint32Array {
    const out = new Uint32Array(this.values.slice(0, this.n).buffer);
    this.n = 0;
    return out;
  }
}

/** `a` + "|" + `b` hashed on from `h`. */
function pair(h: number, a: string, b: string): number {
  return hashOn(hashCodeOn(hashOn(h, a), PIPE), b);
}

function sentenceFeatures(
  rawWords: readonly string[],
  articles: readonly boolean[],
  form: SentenceForm,
  casing: DocumentCasing,
  resources: FeatureResources,
  f: HashList,
  clusterMemo: ClusterMemo,
): SentenceFeatureParts {
  // A title-case headline reads like a CoNLL all-caps one: capitals say nothing there.
  const folded = rawWords.map(foldWord);
  const words = form === 'title' ? folded.map((w) => w.toUpperCase()) : folded;
  const lowers = words.map((w) => w.toLowerCase());
  const matches = gazetteerMatches(resources.gazetteer, lowers);
  const views: TokenView[] = words.map((word, i) => ({
    word: digitless(word),
    lower: digitless(lowers[i]!),
    shape: shortShape(word),
    gazetteer: matches[i]!,
    particle: PARTICLES.has(lowers[i]!),
    clusters: memoClusterFeatures(form === 'title' ? folded[i]! : word, form === 'caps' ? 'caps' : 'normal', resources, clusterMemo),
  }));
  const at = (i: number): TokenView => (i < 0 ? BOUNDARY_BEFORE : i >= views.length ? BOUNDARY_AFTER : views[i]!);
  const offsets = new Int32Array(words.length + 1);
  words.forEach((word, i) => {
    tokenFeatures(at(i), articles[i]!, f);
    contextFeatures(at, i, f);
    formFeatures(word, at(i), form, i, f);
    documentFeaturesOf(word, at(i), form, i, casing, f);
    offsets[i + 1] = f.length;
  });
  return { words, hashes: f.take(), offsets };
}

/**
 * The features of a word that read nothing but the word (as the sentence's form made it:
 * folded, and upper-cased in a title-case headline): the first of every token's features.
 */
export function wordFeatures(word: string, f = new HashList()): Uint32Array {
  const lw = digitless(word.toLowerCase());
  f.add(B);
  f.add(hashOn(T_WORD, digitless(word)));
  f.add(hashOn(T_LOWER, lw));
  f.add(hashOn(T_SHAPE, longShape(word)));
  f.add(hashOn(T_SHORT, shortShape(word)));
  // p1..p4 and x1..x4: the first and last k characters.
  for (let k = 1; k <= 4 && k < lw.length; k++) {
    let p = T_PREFIX[k - 1]!;
    for (let c = 0; c < k; c++) p = hashCodeOn(p, lw.charCodeAt(c));
    let x = T_SUFFIX[k - 1]!;
    for (let c = lw.length - k; c < lw.length; c++) x = hashCodeOn(x, lw.charCodeAt(c));
    f.add(p);
    f.add(x);
  }
  if (isAllCaps(word)) f.add(CAPS);
  else if (isCapitalized(word)) f.add(INIT);
  if (/\p{Ll}\p{Lu}/u.test(word)) f.add(MIXED);
  if (word.includes('-') && word.length > 1) f.add(HYPHEN);
  if (word.includes("'") && word.length > 2) f.add(APOS);
  if (/\d/.test(word)) f.add(DIGIT);
  return f.take();
}

/** The token's own features that are not the word's alone: name lists, clusters, particles. */
function tokenFeatures(view: TokenView, article: boolean, f: HashList): void {
  for (const g of view.gazetteer) f.add(hashOn(T_GAZETTEER, g));
  for (const k of view.clusters) f.add(hashOn(T_CLUSTER, k));
  if (view.particle) f.add(PARTICLE);
  if (article) {
    f.add(ARTICLE);
    f.add(hashOn(T_ARTICLE_SHORT, view.shape));
  }
}

function contextFeatures(at: (i: number) => TokenView, i: number, f: HashList): void {
  const p2 = at(i - 2);
  const p1 = at(i - 1);
  const c = at(i);
  const n1 = at(i + 1);
  const n2 = at(i + 2);
  f.add(hashOn(T_LOWER_1, p1.lower));
  f.add(hashOn(T_LOWER1, n1.lower));
  f.add(hashOn(T_LOWER_2, p2.lower));
  f.add(hashOn(T_LOWER2, n2.lower));
  f.add(hashOn(T_SHORT_1, p1.shape));
  f.add(hashOn(T_SHORT1, n1.shape));
  f.add(hashOn(T_SHORT_2, p2.shape));
  f.add(hashOn(T_SHORT2, n2.shape));
  f.add(pair(T_LOWER_1_LOWER, p1.lower, c.lower));
  f.add(pair(T_LOWER_LOWER1, c.lower, n1.lower));
  f.add(hashOn(hashCodeOn(pair(T_SHORT_1_SHORT_SHORT1, p1.shape, c.shape), PIPE), n1.shape));
  f.add(pair(T_SHORT_SHORT1, c.shape, n1.shape));
  f.add(pair(T_SHORT_1_SHORT, p1.shape, c.shape));
  f.add(pair(T_LOWER_1_SHORT, p1.lower, c.shape));
  f.add(pair(T_SHORT_LOWER1, c.shape, n1.lower));
  for (const k of p1.clusters) f.add(hashOn(T_CLUSTER_1, k));
  for (const k of n1.clusters) f.add(hashOn(T_CLUSTER1, k));
  for (const g of p1.gazetteer) f.add(hashOn(T_GAZETTEER_1, g));
  for (const g of n1.gazetteer) f.add(hashOn(T_GAZETTEER1, g));
  if (p1.particle) f.add(PARTICLE_BEFORE);
  if (n1.particle) f.add(PARTICLE_AFTER);
}

function formFeatures(word: string, view: TokenView, form: SentenceForm, i: number, f: HashList): void {
  if (i === 0) {
    f.add(FIRST);
    f.add(hashOn(T_FIRST_SHORT, view.shape));
    f.add(hashOn(T_FIRST_LOWER, view.lower));
  }
  if (form !== 'normal') {
    f.add(HEADLINE);
    f.add(hashOn(T_HEADLINE_SHORT, view.shape));
  }
  if (form !== 'normal' && hasLetter(word)) f.add(hashOn(T_HEADLINE_LOWER, view.lower));
}

function documentFeaturesOf(
  word: string,
  view: TokenView,
  form: SentenceForm,
  i: number,
  casing: DocumentCasing,
  f: HashList,
): void {
  if (!isCapitalized(word)) return;
  const lw = word.toLowerCase();
  const lower = casing.lower.has(lw);
  const mid = casing.capitalizedMid.has(lw);
  // "doc=lc", "doc=cm", "doc=lccm" or "doc=none".
  const seen = SEEN[lower ? (mid ? 2 : 0) : mid ? 1 : 3]!;
  const where = form !== 'normal' ? 'headline' : i === 0 ? 'first' : 'mid';
  f.add(seen.alone);
  f.add(hashOn(seen.where, where));
  f.add(hashOn(seen.shape, view.shape));
}
