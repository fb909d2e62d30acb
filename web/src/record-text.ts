/** The words the record pages use for a record's witnesses and fields; DOM-free, so it is tested in Node. */

export interface WitnessGroupLike {
  readonly articleIds: readonly string[];
  readonly outlets: readonly string[];
  readonly reasons: readonly string[];
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "Example Wire", "Example Wire and Sample Daily", "A, B and C". */
export function listWords(xs: readonly string[]): string {
  if (xs.length <= 1) return xs[0] ?? '';
  return `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)!}`;
}

const REASON_WORDS: Record<string, string> = {
  'same outlet': 'the same outlet',
  'same owner': 'the same owner',
  'shared passage': 'they repeat the same passage',
};

/** Why one group of reports counts as a single witness, in words. */
export function groupWords(g: WitnessGroupLike): string {
  const why = g.reasons.map((r) => REASON_WORDS[r] ?? r).join(', ');
  const who = g.outlets.length === 1 ? `${g.articleIds.length} articles of ${g.outlets[0]!}` : listWords(g.outlets);
  return `${who} count as one witness (${why})`;
}

/**
 * The independence of a record in one sentence: "5 reports from 4 outlets; 2 independent
 * witnesses: Example Wire and Northern Ledger count as one witness (they repeat the same passage)."
 */
export function independenceWords(reports: number, articles: number, outlets: number, groups: readonly WitnessGroupLike[]): string {
  const head = `${plural(reports, 'report')} in ${plural(articles, 'article')} from ${plural(outlets, 'outlet')}; ${plural(groups.length, 'independent witness', 'independent witnesses')}`;
  const merged = groups.filter((g) => g.articleIds.length > 1);
  if (merged.length === 0) return `${head}: every article is its own witness.`;
  return `${head}: ${merged.map(groupWords).join('; ')}.`;
}

/** "number:killed" → "number killed"; the actor roles by what they mean. */
export function fieldWords(field: string): string {
  if (field === 'source') return 'who did it (source)';
  if (field === 'target') return 'to whom (target)';
  if (field.startsWith('number:')) return `number ${field.slice('number:'.length)}`;
  return field;
}

/** The fields of one report that another report contradicts, keyed like Contradiction.field. */
export function disputedFieldsOf(eventId: string, contradictions: ReadonlyArray<{ field: string; values: ReadonlyArray<{ eventIds: readonly string[] }> }>): Set<string> {
  return new Set(contradictions.filter((c) => c.values.some((v) => v.eventIds.includes(eventId))).map((c) => c.field));
}
