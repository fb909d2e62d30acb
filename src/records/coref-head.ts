import type { LemmaRules } from '../nlp/syntax/lemmatizer.js';
import { wordTag } from '../nlp/syntax/word-lemma.js';

/** The choice of an event trigger's head word, the word its lemma is taken from. */

/** Tags that make the first word of a phrase its head: "opened fire", "gunned down". */
const VERB_FORMS = new Set(['VBD', 'VBN', 'VBG']);

const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'to', 'of', 'in', 'on', 'at', 'by', 'for', 'with', 'up', 'out', 'off', 'over', 'down', 'into', 'onto', 'away', 'back',
  'under', 'no', 'not', 'never', 'longer', 'be', 'been', 'being', 'is', 'was', 'were', 'are', 'am', 'has', 'have', 'had', 'having', 'do', 'did',
  'does', 'will', 'would', 'could', 'should', 'may', 'might', 'can', 'must', 'shall', 'get', 'got', 'gets', 'getting', "n't", 'and', 'or', 'as',
  'from', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those', '-', "'s", 'first', 'second',
]);

/**
 * The head word of a trigger: its only content word, or for a phrase the first content word
 * when it looks verbal (a past form or participle by the lemma rules, "opened fire", or a
 * light verb, "take over") and the last one otherwise ("Academy Awards ceremony",
 * "first-degree murder").
 */
export function headWord(words: readonly string[], rules: LemmaRules): string {
  const content = words.filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()) && /[A-Za-z0-9]/.test(w));
  const pool = content.length > 0 ? content : words.filter((w) => w.trim() !== '');
  if (pool.length <= 1) return pool[0] ?? '';
  const first = pool[0] ?? '';
  const lower = first.toLowerCase();
  if (VERB_FORMS.has(wordTag(rules, lower)) || /^(?:take|make|give|set|open|put|run|go|come|hand|let|push|bring|reach|cast|hook|show|weed|part|pull|step|turn|call|shut|break|hold|carry|sign|kick|blow)s?$/.test(lower)) return first;
  return pool[pool.length - 1] ?? '';
}
