import words from './lexicon/news-verbs.json' with { type: 'json' };

/** Verb lemmas the lemmatizer's treebank lacks (lexicon/news-verbs.json), for its known-lemma index. */
export function loadNewsVerbs(): readonly string[] {
  return words.lemmas;
}
