import table from './lexicon/document-frequencies.json' with { type: 'json' };

/**
 * How rare a word is in news: the inverse document frequency of a content-word lemma, from
 * counts over Reuters-21578 and CoNLL-2003 (lexicon/document-frequencies.json, built by
 * scripts/build-document-frequencies.ts). A word the table does not list is rarer than any it
 * lists, and weighs the most: a name ("Fakhrizadeh", "Abqaiq") is what tells stories apart.
 */
export interface DocumentFrequencies {
  readonly idf: (lemma: string) => number;
}

export function loadDocumentFrequencies(): DocumentFrequencies {
  const counts = new Map<string, number>(Object.entries(table.df));
  const n = table.documents;
  const rarest = Math.log((n + 1) / 1);
  return { idf: (lemma) => { const df = counts.get(lemma); return df === undefined ? rarest : Math.log((n + 1) / (df + 1)); } };
}
