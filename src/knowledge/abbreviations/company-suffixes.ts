/**
 * Suffixes of company names. They often end a sentence ("…a unit of Example Holdings
 * Inc.") and just as often sit in one ("Example Holdings Inc. said").
 */
export const companySuffixes: readonly string[] = Object.freeze([
  'Inc',
  'Corp',
  'Co',
  'Cos',
  'Ltd',
  'Bros',
  'Assn',
  'Dept',
  'Univ',
  'Intl',
  'Natl',
  'Govt',
]);
