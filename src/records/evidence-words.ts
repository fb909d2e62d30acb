import type { LemmaRules } from '../nlp/syntax/lemmatizer.js';
import { lemmaOfWord } from '../nlp/syntax/word-lemma.js';

/**
 * The text-similarity part of the merge rule: two mentions of one event tend to share the
 * content words of their evidence sentences ("barrage", "rockets", "base", "Kirkuk"), two
 * like events of one type share only the type's words. Words are compared by lemma, with the
 * project's lemma rules on each word seen alone (word-lemma.ts): the evidence is stored text,
 * and both sides of a comparison must be lemmatised alike. Pure.
 */

const STOP = new Set(
  `the and for that with from this was were had has have been are not but its his her their they them than then there
  which who whom what when where while will would could should may might can into onto over under after before about
  also said says say according one two three four five six seven eight nine ten some more most other such only very
  just yet all any each both few many much own same out off per via upon being did does doing now new last first
  late early this these those our ours your you him she him its it's mr mrs ms`.split(/\s+/),
);

/** Nouns of time and of vague reference: "the following day" or "the country" point back to no event. */
const VAGUE = new Set(['following', 'same', 'other', 'latest', 'recent', 'day', 'week', 'month', 'year', 'time', 'morning', 'night', 'evening', 'weekend', 'moment', 'area', 'country', 'region', 'world', 'government', 'people', 'way', 'end', 'start', 'past', 'future', 'case', 'fact', 'issue', 'matter', 'situation', 'theme', 'idea', 'opportunity']);

/** The distinct content-word lemmas of a text, sorted: "rockets" → "rocket", "attacked" → "attack". */
export function contentWords(text: string, rules: LemmaRules): string[] {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOP.has(w) && !/^\d+$/.test(w))
    .map((w) => lemmaOfWord(rules, w));
  return [...new Set(words)].sort();
}

/** Cosine of two word sets (|A∩B| / √(|A|·|B|)); null when either is empty. */
export function wordCosine(a: readonly string[], b: readonly string[]): number | null {
  if (a.length === 0 || b.length === 0) return null;
  const set = new Set(b);
  const shared = a.filter((w) => set.has(w)).length;
  return shared / Math.sqrt(a.length * b.length);
}

/**
 * Nouns a sentence names with a definite article or demonstrative ("the base", "this attack"):
 * a retelling points back with them to what an earlier sentence introduced. "The killing of
 * Soleimani" or "the attacks on its allies" are not: the phrase after says which, so they
 * need no antecedent.
 */
export function definiteHeads(text: string, rules: LemmaRules): string[] {
  const lower = text.toLowerCase();
  // The noun right after the article, and the one after a modifier ("the rocket barrage").
  // Not "that": in news it is mostly a conjunction ("said that fighters…", "strikes that killed").
  const patterns = [
    /\b(?:the|this|those|these)\s+(\p{L}{3,})\b(?!\s+(?:of|on|against|in|at|by|from|to)\b)/gu,
    /\b(?:the|this|those|these)\s+[\p{L}-]+\s+(\p{L}{3,})\b(?!\s+(?:of|on|against|in|at|by|from|to)\b)/gu,
  ];
  const heads = patterns
    .flatMap((re) => [...lower.matchAll(re)].map((m) => [m[1]!, lemmaOfWord(rules, m[1]!)] as const))
    // "the following day", "the countries": as written or as lemma.
    .filter(([word, lemma]) => ![word, lemma].some((w) => STOP.has(w) || VAGUE.has(w)))
    .map(([, lemma]) => lemma);
  return [...new Set(heads)].sort();
}

/**
 * Plural event nouns ("three attacks", "the strikes on its allies") tell of several events or
 * a kind of event: undated, they are no retelling of one record's event. The weapon may
 * stand apart ("rocket attacks", a headline's "Rocket Attacks") or in one word ("airstrikes").
 */
const PLURAL_EVENT_NOUN = /^(?:(?:(?:air|drone|missile|rocket|mortar)\s*)?(?:attacks|strikes|raids|bombings|shellings|killings|assassinations|clashes|explosions|blasts|shootings|ambushes|assaults|incursions|offensives|protests|arrests|kidnappings|abductions)|airstrikes|air strikes)$/i;

const COUNTED = /^\s+(?:out\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|numerous|repeated|dozens of|scores of|a series of|a wave of)\s+(?:[a-z-]+\s+)?([a-z]+(?:\s+strikes)?)\b/i;

/**
 * The trigger is a plural event noun, or a verb whose object is a counted one ("carried out
 * three attacks"). `after` is the text right after the trigger.
 */
export function isPluralEventNoun(trigger: string, after = ''): boolean {
  // A trigger may span words ("carried out three attacks"): its last word names the event.
  const last = /(?:air\s+strikes|[a-z-]+)$/i.exec(trigger.trim())?.[0] ?? '';
  const counted0 = /\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|numerous|repeated)\s+(?:[a-z-]+\s+)?[a-z]+$/i.test(trigger.trim());
  if (PLURAL_EVENT_NOUN.test(trigger.trim()) || (counted0 && PLURAL_EVENT_NOUN.test(last))) return true;
  const counted = COUNTED.exec(after);
  return counted !== null && PLURAL_EVENT_NOUN.test(counted[1]!);
}
