import type { TokenSpan } from '../../eval/conll.js';

/**
 * The tagger's labels. The chain runs over BILOU (Begin, Inside, Last, Unit, Outside), which
 * lets the weights tell a one-word name from the first word of a longer one; callers see
 * BIO. Index order is the model file's.
 */
export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof ENTITY_TYPES)[number];

export const LABELS: readonly string[] = Object.freeze([
  'O',
  ...ENTITY_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`, `L-${t}`, `U-${t}`]),
]);

const opens = (label: string): boolean => label.startsWith('B-') || label.startsWith('I-');

/** Whether label `to` may follow label `from` (null: sentence start) in well-formed BILOU. */
export function allowedTransition(from: string | null, to: string): boolean {
  const continues = to.startsWith('I-') || to.startsWith('L-');
  if (from === null || !opens(from)) return !continues;
  return continues && from.slice(2) === to.slice(2);
}

/** Whether a sentence may end on `label`: not inside an open entity. */
export function allowedEnd(label: string): boolean {
  return !opens(label);
}

/** BILOU labels for entities over `length` tokens. */
export function spansToLabels(spans: readonly TokenSpan[], length: number): string[] {
  const labels = new Array<string>(length).fill('O');
  for (const { start, end, type } of spans) {
    if (end - start === 1) {
      labels[start] = `U-${type}`;
      continue;
    }
    for (let i = start; i < end; i++) labels[i] = `${i === start ? 'B' : i === end - 1 ? 'L' : 'I'}-${type}`;
  }
  return labels;
}

/** The BIO label a BILOU label reads as: U → B, L → I. */
export function toBio(label: string): string {
  if (label.startsWith('U-')) return `B-${label.slice(2)}`;
  if (label.startsWith('L-')) return `I-${label.slice(2)}`;
  return label;
}
