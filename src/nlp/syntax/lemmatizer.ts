import { foldWord } from '../ner/word-form.js';

/**
 * The lemmatizer: suffix rules learned from a treebank per Penn tag ("VBD" + "-ied" → "-y"),
 * and the words the rules get wrong kept as exceptions ("VBD went" → "go", "PRP me" → "I",
 * "JJ palestinian" → "Palestinian"). Unknown words take the rule of their longest known
 * suffix, so "drone-struck" or "de-escalated" still work; proper nouns and acronyms keep
 * their case ("Americans" → "American", "UNHCR" → "UNHCR"), other words are lower-cased.
 */

export interface LemmaRules {
  /** "TAG\tsuffix" → edits "strip\tappend", most frequent first, joined by "|". */
  readonly rules: Readonly<Record<string, string>>;
  /** "TAG\tword" → lemma. */
  readonly exceptions: Readonly<Record<string, string>>;
  /**
   * Lemmas known per word class ("V", "N", "J"), space-separated: a rule's result that is a
   * known lemma wins over a more frequent rule's that is not ("blamed" → "blame", not "blam";
   * "armed" → "arm", not "arme"), as spaCy's rule lemmatizer checks its lemma index.
   */
  readonly known?: Readonly<Record<string, string>>;
}

const MAX_SUFFIX = 6;

/**
 * The rules with more known lemmas of one word class: words a small treebank never showed
 * ("convene", "resume") so that their unseen forms are not cut by the commonest suffix rule.
 */
export function withKnownLemmas(rules: LemmaRules, wordClass: 'V' | 'N' | 'J', lemmas: readonly string[]): LemmaRules {
  const known = { ...(rules.known ?? {}) };
  const words = new Set((known[wordClass] ?? '').split(' ').filter((w) => w !== ''));
  for (const l of lemmas) words.add(l.toLowerCase());
  known[wordClass] = [...words].sort().join(' ');
  return { ...rules, known };
}

/** Rules apply to the word as written for names and acronyms, to its lower case otherwise. */
function ruleForm(word: string, tag: string): string {
  const folded = foldWord(word);
  if (tag === 'NNP' || tag === 'NNPS') return folded;
  const acronym = folded.length >= 2 && folded === folded.toUpperCase() && folded !== folded.toLowerCase();
  if (acronym && (tag === 'NN' || tag === 'NNS')) return folded;
  return folded.toLowerCase();
}

function editOf(form: string, lemma: string): string {
  let common = 0;
  while (common < form.length && common < lemma.length && form[common] === lemma[common]) common++;
  return `${form.length - common}\t${lemma.slice(common)}`;
}

function applyEdit(form: string, edit: string): string {
  const tab = edit.indexOf('\t');
  const strip = Number(edit.slice(0, tab));
  return strip >= form.length ? form : form.slice(0, form.length - strip) + edit.slice(tab + 1);
}

/** The word class whose known lemmas a tag's results are checked against. */
function classOf(tag: string): string | null {
  if (tag.startsWith('VB')) return 'V';
  if (tag === 'NN' || tag === 'NNS') return 'N';
  if (tag.startsWith('JJ')) return 'J';
  return null;
}

/**
 * The longest known suffix's edits, tried most frequent first; the first result that is a
 * known lemma of the word class wins, else the most frequent edit's result.
 */
function byRule(rules: (key: string) => string | undefined, known: ReadonlySet<string> | null, form: string, tag: string): string {
  for (let k = Math.min(MAX_SUFFIX, form.length); k >= 1; k--) {
    const edits = rules(`${tag}\t${form.slice(form.length - k)}`);
    if (edits === undefined) continue;
    const list = edits.split('|');
    const first = applyEdit(form, list[0]!);
    if (known === null || known.has(first)) return first;
    for (let e = 1; e < list.length; e++) {
      const other = applyEdit(form, list[e]!);
      if (known.has(other)) return other;
    }
    // Shorter suffixes may know an edit whose result is a known lemma ("fled": "-led" knows none).
    for (let j = k - 1; j >= 1; j--) {
      const more = rules(`${tag}\t${form.slice(form.length - j)}`);
      if (more === undefined) continue;
      for (const edit of more.split('|')) {
        const other = applyEdit(form, edit);
        if (known.has(other)) return other;
      }
    }
    return first;
  }
  return form;
}

/** The rules as Maps, made once per rules object: lookups in a 13,000-key object are slow. */
interface LemmaIndex {
  readonly rules: ReadonlyMap<string, string>;
  readonly exceptions: ReadonlyMap<string, string>;
  readonly known: ReadonlyMap<string, ReadonlySet<string>>;
  /** Lemmas already found, per tag and word: news repeats its words. Emptied when full. */
  readonly found: Map<string, Map<string, string>>;
  size: number;
}

const MAX_FOUND = 50_000;

const indexes = new WeakMap<LemmaRules, LemmaIndex>();

function indexOf(rules: LemmaRules): LemmaIndex {
  let index = indexes.get(rules);
  if (!index) {
    index = {
      rules: new Map(Object.entries(rules.rules)),
      exceptions: new Map(Object.entries(rules.exceptions)),
      known: new Map(Object.entries(rules.known ?? {}).map(([k, words]) => [k, new Set(words.split(' '))])),
      found: new Map(),
      size: 0,
    };
    indexes.set(rules, index);
  }
  return index;
}

/** Punctuation tags: the lemma is the word. */
const AS_WRITTEN = new Set([',', '.', ':', '``', "''", '-LRB-', '-RRB-', 'HYPH', 'NFP', 'ADD']);

export function lemmatize(rules: LemmaRules, word: string, tag: string): string {
  if (AS_WRITTEN.has(tag)) return tag === 'ADD' ? word : foldWord(word);
  const index = indexOf(rules);
  let byWord = index.found.get(tag);
  if (byWord === undefined) {
    byWord = new Map();
    index.found.set(tag, byWord);
  }
  let lemma = byWord.get(word);
  if (lemma === undefined) {
    if (index.size >= MAX_FOUND) {
      for (const m of index.found.values()) m.clear();
      index.size = 0;
    }
    lemma = findLemma(index, word, tag);
    byWord.set(word, lemma);
    index.size++;
  }
  return lemma;
}

/**
 * Whether a word is a past-tense form the rules know: an irregular one the treebank showed
 * ("shot" → "shoot"), or an "-ed" form whose lemma is a known verb ("downed" → "down").
 */
export function isKnownPastTense(rules: LemmaRules, word: string): boolean {
  const index = indexOf(rules);
  const lower = foldWord(word).toLowerCase();
  const irregular = index.exceptions.get(`VBD\t${lower}`);
  if (irregular !== undefined) return irregular !== lower;
  return lower.endsWith('ed') && (index.known.get('V')?.has(lemmatize(rules, lower, 'VBD')) ?? false);
}

function findLemma(index: LemmaIndex, word: string, tag: string): string {
  const folded = foldWord(word);
  const lower = folded.toLowerCase();
  const wordClass = classOf(tag);
  const known = wordClass === null ? null : (index.known.get(wordClass) ?? null);
  return index.exceptions.get(`${tag}\t${lower}`) ?? byRule((key) => index.rules.get(key), known, ruleForm(folded, tag), tag);
}

export interface LemmaExample {
  readonly form: string;
  readonly tag: string;
  readonly lemma: string;
}

/** Learns rules (suffixes seen at least `minCount` times) and the exceptions to them. */
export function trainLemmatizer(examples: readonly LemmaExample[], minCount = 3): LemmaRules {
  const edits = new Map<string, Map<string, number>>();
  const words = new Map<string, Map<string, number>>();
  /** The first spelling seen of each key, to test the rules on the word as it was written. */
  const written = new Map<string, string>();
  const count = (table: Map<string, Map<string, number>>, key: string, value: string): void => {
    const inner = table.get(key) ?? new Map<string, number>();
    inner.set(value, (inner.get(value) ?? 0) + 1);
    table.set(key, inner);
  };
  for (const { form: raw, tag, lemma: rawLemma } of examples) {
    const form = ruleForm(raw, tag);
    const lemma = foldWord(rawLemma);
    const ruled = form === foldWord(raw) ? lemma : lemma.toLowerCase();
    const key = `${tag}\t${foldWord(raw).toLowerCase()}`;
    count(words, key, lemma);
    if (!written.has(key)) written.set(key, foldWord(raw));
    const edit = editOf(form, ruled);
    const [strip, append] = edit.split('\t') as [string, string];
    // A rule rewrites a suffix, not a whole word: "best" → "good" teaches nothing about "-est".
    if (append.length > 3) continue;
    for (let k = Math.max(1, Number(strip)); k <= Math.min(MAX_SUFFIX, form.length - 1); k++) count(edits, `${tag}\t${form.slice(form.length - k)}`, edit);
  }
  const rules: Record<string, string> = {};
  for (const key of [...edits.keys()].sort()) {
    const inner = edits.get(key)!;
    let total = 0;
    for (const c of inner.values()) total += c;
    if (total < minCount) continue;
    rules[key] = byFrequency(inner).join('|');
  }
  const knownSets = new Map<string, Set<string>>();
  for (const { tag, lemma } of examples) {
    const wordClass = classOf(tag);
    if (wordClass === null || lemma.includes(' ')) continue;
    const set = knownSets.get(wordClass) ?? new Set<string>();
    set.add(foldWord(lemma).toLowerCase());
    knownSets.set(wordClass, set);
  }
  const known: Record<string, string> = {};
  for (const wordClass of [...knownSets.keys()].sort()) known[wordClass] = [...knownSets.get(wordClass)!].sort().join(' ');
  const lookup = (key: string): string | undefined => rules[key];
  const exceptions: Record<string, string> = {};
  for (const key of [...words.keys()].sort()) {
    const tag = key.slice(0, key.indexOf('\t'));
    const lemma = mostFrequent(words.get(key)!);
    const wordClass = classOf(tag);
    const knownSet = wordClass === null ? null : (knownSets.get(wordClass) ?? null);
    if (byRule(lookup, knownSet, ruleForm(written.get(key)!, tag), tag) !== lemma) exceptions[key] = lemma;
  }
  return { rules, exceptions, known };
}

/** Values by count, most frequent first (ties by value), keeping those seen at least twice after the first. */
function byFrequency(counts: ReadonlyMap<string, number>): string[] {
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return sorted.filter(([, c], i) => i === 0 || c >= 2).map(([v]) => v);
}

function mostFrequent(counts: ReadonlyMap<string, number>): string {
  let best = '';
  let max = -1;
  for (const [value, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (c > max) {
      best = value;
      max = c;
    }
  }
  return best;
}
