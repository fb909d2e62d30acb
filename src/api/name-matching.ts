/**
 * Which of the actors or places a search found does the query *name*, rather than merely share
 * letters with? "KH" is an alias of Kata'ib Hezbollah and only a piece of "Khazali": the first
 * is named, the second is not. Names are compared after folding case, accents, apostrophes and
 * punctuation, so "Kata’ib Hezbollah", "Kata'ib Hezbollah" and "kataib hezbollah" are one name.
 */

/** Case, accents, apostrophes and punctuation folded; words kept apart by one space. */
export function comparableName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘ʼ`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Words that say what kind of unit a place is: "Saladin" names "Saladin Governorate".
const UNIT_WORDS = /\s(governorate|province|district|region|city|county|state|prefecture)$/;

export interface Nameable {
  readonly name: string;
  /** Aliases and spellings: the registry's, and every way the news wrote it. */
  readonly spellings: readonly string[];
}

/**
 * The candidates the query names: those with a name or spelling equal to it (a place also
 * without its unit word); failing any, those whose own name holds the query as whole words
 * ("Soleimani" in "Qasem Soleimani"), at most `max`, in the order given (most mentioned first).
 */
export function namedBy<T extends Nameable>(query: string, candidates: readonly T[], max = 5): T[] {
  const q = comparableName(query);
  if (q === '') return [];
  const forms = (c: T): string[] => [c.name, ...c.spellings].map(comparableName).flatMap((n) => [n, n.replace(UNIT_WORDS, '')]);
  const exact = candidates.filter((c) => forms(c).includes(q));
  if (exact.length > 0) return exact.slice(0, max);
  return candidates.filter((c) => ` ${comparableName(c.name)} `.includes(` ${q} `)).slice(0, max);
}
