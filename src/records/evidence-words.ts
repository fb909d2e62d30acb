/**
 * The text-similarity part of the merge rule: two mentions of one event tend to share the
 * content words of their evidence sentences ("barrage", "rockets", "base", "Kirkuk"), two
 * like events of one type share only the type's words. Pure.
 */

const STOP = new Set(
  `the and for that with from this was were had has have been are not but its his her their they them than then there
  which who whom what when where while will would could should may might can into onto over under after before about
  also said says say according one two three four five six seven eight nine ten some more most other such only very
  just yet all any each both few many much own same out off per via upon being did does doing now new last first
  late early this these those our ours your you him she him its it's mr mrs ms`.split(/\s+/),
);

/** Nouns of time and of vague reference: "the following day" or "the country" point back to no event. */
const VAGUE = new Set(['follow', 'same', 'other', 'latest', 'recent', 'day', 'week', 'month', 'year', 'time', 'morning', 'night', 'evening', 'weekend', 'moment', 'area', 'country', 'region', 'world', 'government', 'people', 'way', 'end', 'start', 'past', 'future', 'case', 'fact', 'issue', 'matter', 'situation', 'theme', 'idea', 'opportunity']);

/** A crude English stem: enough for "rockets"/"rocket", "attacked"/"attack", "killing"/"kill". */
function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** The distinct content-word stems of a text, sorted. */
export function contentWords(text: string): string[] {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOP.has(w) && !/^\d+$/.test(w))
    .map(stem);
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
export function definiteHeads(text: string): string[] {
  const lower = text.toLowerCase();
  // The noun right after the article, and the one after a modifier ("the rocket barrage").
  // Not "that": in news it is mostly a conjunction ("said that fighters…", "strikes that killed").
  const patterns = [
    /\b(?:the|this|those|these)\s+(\p{L}{3,})\b(?!\s+(?:of|on|against|in|at|by|from|to)\b)/gu,
    /\b(?:the|this|those|these)\s+[\p{L}-]+\s+(\p{L}{3,})\b(?!\s+(?:of|on|against|in|at|by|from|to)\b)/gu,
  ];
  const heads = patterns.flatMap((re) => [...lower.matchAll(re)].map((m) => stem(m[1]!)));
  return [...new Set(heads.filter((w) => !STOP.has(w) && !VAGUE.has(w)))].sort();
}
