/**
 * Labels abbreviated only before a number: "No. 2 official", "Vol. 3", "pp. 12". Without
 * a number after them they are words ("said no."), so the tokenizer checks what follows.
 * Matched case-insensitively.
 */
export const numberLabels: readonly string[] = Object.freeze([
  'no',
  'nos',
  'vol',
  'vols',
  'art',
  'fig',
  'ch',
  'sec',
  'para',
  'p',
  'pp',
  'tel',
  'ext',
]);
