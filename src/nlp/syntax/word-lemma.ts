import { foldWord } from '../ner/word-form.js';
import { type LemmaRules, lemmatize } from './lemmatizer.js';

/**
 * The lemmatizer for a word seen alone, without a sentence to tag it in: stored evidence
 * text, or the gold tokens of an evaluation corpus. It guesses the word's Penn tag from the
 * lemma rules themselves, then lemmatizes with that tag (lemmatizer.ts):
 *   1. a word the treebank lists as an irregular verb form or plural ("went", "children")
 *      takes that tag;
 *   2. otherwise the tag whose rules know the longest ending of the word wins: a rule exists
 *      for a tag and an ending only when the treebank had that ending under that tag, so
 *      "morning" (NN knows "orning") stays a noun, while "attacked" (VBD and VBN know
 *      "tacked") is a verb;
 *   3. equal endings prefer a verb form, then a plural ("killing" → "kill", "bombings" →
 *      "bombing"), but not a tag whose rule rewrites the whole ending it matched.
 * Proper nouns are never guessed: the word is lower-cased, so "Americans" → "american".
 * A guess from endings alone errs on short words whose ending an irregular verb shares
 * ("host" → "hose" as "lost" → "lose"): on the content words of the UD English EWT dev set,
 * 91.3% of the lemmas come out right, against 97.5% with the gold tag. In a sentence, read
 * the syntax layer's lemma instead.
 */

/** Tags whose listed exceptions are tried first, in this order. */
const EXCEPTION_TAGS = ['VBD', 'VBN', 'VBZ', 'VBP', 'VBG', 'NNS'] as const;

/** Tags preferred when several know an ending of the same length; the rest follow in code order. */
const PREFERENCE = ['VBD', 'VBN', 'VBG', 'VBZ', 'NNS', 'VBP', 'VB', 'NN', 'JJ'];

/** Proper nouns keep their case in lemmatize(); a lower-cased word is not one. */
const NOT_GUESSED = new Set(['NNP', 'NNPS']);

const MAX_SUFFIX = 6;

/** Ending → the tags with a rule for it, most preferred first. */
type SuffixIndex = ReadonlyMap<string, readonly string[]>;

/** Derived once per rules object (an index of the data passed in, not a copy of it). */
const indexes = new WeakMap<LemmaRules, SuffixIndex>();

const rank = (tag: string): number => {
  const i = PREFERENCE.indexOf(tag);
  return i < 0 ? PREFERENCE.length : i;
};

function suffixIndex(rules: LemmaRules): SuffixIndex {
  const known = indexes.get(rules);
  if (known) return known;
  const index = new Map<string, string[]>();
  for (const key of Object.keys(rules.rules)) {
    const tab = key.indexOf('\t');
    const tag = key.slice(0, tab);
    if (NOT_GUESSED.has(tag)) continue;
    const suffix = key.slice(tab + 1);
    const tags = index.get(suffix);
    if (tags) tags.push(tag);
    else index.set(suffix, [tag]);
  }
  for (const tags of index.values()) tags.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  indexes.set(rules, index);
  return index;
}

const keyOf = (word: string): string => foldWord(word).toLowerCase();

/** The most plausible Penn tag of a word seen alone, by the rules above; "" when no rule knows any ending of it. */
export function wordTag(rules: LemmaRules, word: string): string {
  const form = keyOf(word);
  for (const tag of EXCEPTION_TAGS) if (rules.exceptions[`${tag}\t${form}`] !== undefined) return tag;
  const index = suffixIndex(rules);
  // Rules are learned on endings shorter than the word they come from: a whole word matched
  // as an ending would be some longer word's ending ("killed" in "skilled").
  for (let k = Math.min(MAX_SUFFIX, form.length - 1); k >= 1; k--) {
    const suffix = form.slice(form.length - k);
    const tags = index.get(suffix);
    if (tags === undefined) continue;
    // A rule that rewrites the whole ending it matched ("ot" → "et", learned from "got") tells
    // of the words it came from, not of the tag of another word ending alike ("riot").
    return tags.find((tag) => strippedBy(rules.rules[`${tag}\t${suffix}`]!) < k) ?? tags[0]!;
  }
  return '';
}

/** How few letters the edits "strip\tappend|strip\tappend…" of a rule remove. */
const strippedBy = (edits: string): number => Math.min(...edits.split('|').map((edit) => Number(edit.slice(0, edit.indexOf('\t')))));

/** The lower-cased lemma of a word seen alone: "killed" → "kill", "rockets" → "rocket", "Iraqis" → "iraqi". */
export function lemmaOfWord(rules: LemmaRules, word: string): string {
  const tag = wordTag(rules, word);
  // The lemma of a demonym is capitalized ("Palestinian"): lower-case it like the word.
  return tag === '' ? keyOf(word) : lemmatize(rules, keyOf(word), tag).toLowerCase();
}
