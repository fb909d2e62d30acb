/**
 * The figures of a passage: its words that contain a digit. Wire copy is full of templates
 * that differ only in their numbers ("That is 30 basis points more than…" / "That is 80
 * basis points more than…"; one company's 50 mln dlr debentures, another's 60 mln). Those
 * share most of their shingles, yet report different facts, so they are no repeat unless
 * nearly all their text is shared. A reused paragraph may drop a figure ("…newspaper on
 * April 18." / "…newspaper."), so figures agree when one side's all reappear in the other.
 */

/** Distinct figures, sorted, space-separated: a compact column for the store. */
export function passageFigures(words: readonly string[]): string {
  const figures = new Set<string>();
  for (const word of words) if (/\d/.test(word)) figures.add(word);
  return [...figures].sort().join(' ');
}

/** True when either passage's figures are all among the other's. */
export function figuresAgree(a: string, b: string): boolean {
  if (a === b || a === '' || b === '') return true;
  const setA = a.split(' ');
  const setB = b.split(' ');
  return isSubset(setA, new Set(setB)) || isSubset(setB, new Set(setA));
}

function isSubset(items: readonly string[], of: ReadonlySet<string>): boolean {
  return items.every((item) => of.has(item));
}
