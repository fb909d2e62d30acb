/** Suffixes written after a personal name: "Arlo B. Venn Jr." may end a sentence. */
export const nameSuffixes: readonly string[] = Object.freeze(['Jr', 'Sr', 'Esq']);
