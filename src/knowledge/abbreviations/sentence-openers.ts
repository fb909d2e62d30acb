/**
 * Capitalized words that commonly open a news sentence. After an abbreviation that can end
 * a sentence ("U.S.", "Inc.", "Jr.", "a.m."), one of these tells that it did:
 * "…left the U.S. The talks…" breaks, "…the U.S. Embassy…" does not.
 * Stored lower-case; the caller checks that the word is capitalized.
 */
export const sentenceOpeners: readonly string[] = Object.freeze([
  // Determiners and pronouns
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'there', 'here', 'it', 'its', 'he', 'she',
  'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'your', 'some', 'many', 'most',
  'all', 'both', 'each', 'every', 'such', 'another', 'other', 'others', 'one', 'two', 'three',
  'several', 'few', 'no', 'none', 'nobody', 'nothing', 'any',
  // Conjunctions and connectives
  'but', 'and', 'or', 'so', 'yet', 'nor', 'however', 'meanwhile', 'also', 'still', 'then', 'thus',
  'therefore', 'instead', 'indeed', 'moreover', 'furthermore', 'nevertheless', 'nonetheless',
  'otherwise', 'besides', 'likewise', 'accordingly', 'finally', 'now', 'later', 'earlier',
  'last', 'next', 'first', 'second', 'third', 'yesterday', 'today', 'tomorrow',
  // Prepositions and subordinators that open a clause
  'in', 'on', 'at', 'for', 'from', 'with', 'without', 'by', 'as', 'after', 'before', 'since',
  'until', 'when', 'while', 'where', 'whereas', 'if', 'unless', 'although', 'though', 'because',
  'despite', 'during', 'under', 'over', 'among', 'amid', 'against', 'between', 'according',
  'to', 'of', 'about', 'following', 'speaking', 'asked',
  // Question words
  'what', 'why', 'how', 'who', 'whom', 'whose', 'which',
]);
