/**
 * A headline sums up what its article's body tells at length. When both name one event record,
 * the body speaks for the article on what the record's reports disagree about: a headline's
 * "Soldiers die in Mosul base attack" leaves out the count and the perpetrator; it does not
 * dispute them. A headline with no body mention of its own in the record still counts.
 */
export function bodyTold<T extends { readonly articleId: string; readonly headline: boolean }>(mentions: readonly T[]): T[] {
  const withBody = new Set(mentions.filter((m) => !m.headline).map((m) => m.articleId));
  return mentions.filter((m) => !m.headline || !withBody.has(m.articleId));
}
