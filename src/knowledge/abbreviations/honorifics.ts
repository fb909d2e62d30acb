/**
 * Titles written before a name, in their abbreviated, capitalized form. A title never ends
 * a sentence: "Lt. Gen. Arlo B Venn said" holds one sentence, not three.
 * Read for ideas from compromise's abbreviation lists; the entries are the team's own.
 */
export const honorifics: readonly string[] = Object.freeze([
  // Civil
  'Mr',
  'Mrs',
  'Ms',
  'Messrs',
  'Mme',
  'Dr',
  'Drs',
  'Prof',
  'Hon',
  'Amb',
  'Pres',
  'Gov',
  'Sen',
  'Sens',
  'Rep',
  'Reps',
  'Atty',
  'Supt',
  'Insp',
  // Religious
  'Rev',
  'Fr',
  'Msgr',
  // Military ranks, AP and NATO style
  'Gen',
  'Gens',
  'Lt',
  'Col',
  'Maj',
  'Capt',
  'Cpt',
  'Cmdr',
  'Cdr',
  'Adm',
  'Brig',
  'Sgt',
  'Cpl',
  'Pvt',
  'Pfc',
  'Spc',
  'Lieut',
  'Comdr',
]);
