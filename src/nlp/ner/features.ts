import { hashFeature } from './feature-hash.js';
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
  const split = sentences.map((words) => words.map((w) => splitArticle(foldWord(w))));
  const stems = split.map((words) => words.map((w) => w.stem));
  const forms = stems.map(sentenceForm);
  const casing = documentCasing(stems, forms);
  return (s) =>
    sentenceFeatures(
      stems[s]!,
      split[s]!.map((w) => w.article),
      forms[s]!,
      casing,
      resources,
    );
}

function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
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

function sentenceFeatures(
  rawWords: readonly string[],
  articles: readonly boolean[],
  form: SentenceForm,
  casing: DocumentCasing,
  resources: FeatureResources,
): Uint32Array[] {
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
    clusters: clusterFeatures(form === 'title' ? folded[i]! : word, form === 'title' ? 'normal' : form, resources),
  }));
  const at = (i: number): TokenView => (i < 0 ? BOUNDARY_BEFORE : i >= views.length ? BOUNDARY_AFTER : views[i]!);
  return words.map((word, i) => {
    const f: string[] = [];
    tokenFeatures(word, at(i), articles[i]!, f);
    contextFeatures(at, i, f);
    formFeatures(word, at(i), form, i, f);
    documentFeaturesOf(word, at(i), form, i, casing, f);
    const hashes = new Uint32Array(f.length);
    for (let k = 0; k < f.length; k++) hashes[k] = hashFeature(f[k]!);
    return hashes;
  });
}

function tokenFeatures(word: string, view: TokenView, article: boolean, f: string[]): void {
  const lw = view.lower;
  f.push('b', `w=${view.word}`, `l=${lw}`, `s=${longShape(word)}`, `ss=${view.shape}`);
  for (let k = 1; k <= 4 && k < lw.length; k++) f.push(`p${k}=${lw.slice(0, k)}`, `x${k}=${lw.slice(-k)}`);
  if (isAllCaps(word)) f.push('caps');
  else if (isCapitalized(word)) f.push('init');
  if (/\p{Ll}\p{Lu}/u.test(word)) f.push('mixed');
  if (word.includes('-') && word.length > 1) f.push('hyphen');
  if (word.includes("'") && word.length > 2) f.push('apos');
  if (/\d/.test(word)) f.push('digit');
  for (const g of view.gazetteer) f.push(`g=${g}`);
  for (const k of view.clusters) f.push(`k=${k}`);
  if (view.particle) f.push('particle');
  if (article) f.push('article', `article|ss=${view.shape}`);
}

function contextFeatures(at: (i: number) => TokenView, i: number, f: string[]): void {
  const p2 = at(i - 2);
  const p1 = at(i - 1);
  const c = at(i);
  const n1 = at(i + 1);
  const n2 = at(i + 2);
  f.push(`l-1=${p1.lower}`, `l+1=${n1.lower}`, `l-2=${p2.lower}`, `l+2=${n2.lower}`);
  f.push(`ss-1=${p1.shape}`, `ss+1=${n1.shape}`, `ss-2=${p2.shape}`, `ss+2=${n2.shape}`);
  f.push(`l-1|l=${p1.lower}|${c.lower}`, `l|l+1=${c.lower}|${n1.lower}`);
  f.push(`ss-1|ss|ss+1=${p1.shape}|${c.shape}|${n1.shape}`);
  f.push(`ss|ss+1=${c.shape}|${n1.shape}`, `ss-1|ss=${p1.shape}|${c.shape}`);
  f.push(`l-1|ss=${p1.lower}|${c.shape}`, `ss|l+1=${c.shape}|${n1.lower}`);
  for (const k of p1.clusters) f.push(`k-1=${k}`);
  for (const k of n1.clusters) f.push(`k+1=${k}`);
  for (const g of p1.gazetteer) f.push(`g-1=${g}`);
  for (const g of n1.gazetteer) f.push(`g+1=${g}`);
  if (p1.particle) f.push('particle-1');
  if (n1.particle) f.push('particle+1');
}

function formFeatures(word: string, view: TokenView, form: SentenceForm, i: number, f: string[]): void {
  if (i === 0) f.push('first', `first|ss=${view.shape}`, `first|l=${view.lower}`);
  if (form !== 'normal') f.push('headline', `headline|ss=${view.shape}`);
  if (form !== 'normal' && hasLetter(word)) f.push(`headline|l=${view.lower}`);
}

function documentFeaturesOf(
  word: string,
  view: TokenView,
  form: SentenceForm,
  i: number,
  casing: DocumentCasing,
  f: string[],
): void {
  if (!isCapitalized(word)) return;
  const lw = word.toLowerCase();
  const lower = casing.lower.has(lw);
  const mid = casing.capitalizedMid.has(lw);
  const seen = `${lower ? 'lc' : ''}${mid ? 'cm' : ''}` || 'none';
  const where = form !== 'normal' ? 'headline' : i === 0 ? 'first' : 'mid';
  f.push(`doc=${seen}`, `doc=${seen}|${where}`, `doc=${seen}|ss=${view.shape}`);
}
