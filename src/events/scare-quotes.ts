import type { Token } from './sentence-view.js';

/**
 * Scare quotes: quotation marks around one to three words of a noun phrase (Iranian
 * “proxies”, the ‘militias’). They distance the writer from a word; they do not open a
 * quotation, so they must neither cut a noun phrase nor a clause, nor make what follows a
 * speaker's words.
 */

/** Token norms that open or close a quotation (the tokenizer folds “ ” to " and ‘ ’ to '). */
const QUOTE_MARKS = new Set(['"', '“', '”', "'", '‘', '’']);
const MAX_WORDS = 3;

const isWordInPhrase = (t: Token): boolean => /^(NN|JJ|CD|FW)/.test(t.tag) || t.entity >= 0;

/** Sentence positions of the quotation marks that are scare quotes. */
export function scareQuotes(tokens: readonly Token[]): ReadonlySet<number> {
  const out = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (!QUOTE_MARKS.has(tokens[i]!.norm)) continue;
    let close = -1;
    for (let j = i + 1; j < tokens.length && j <= i + MAX_WORDS + 1; j++) {
      if (QUOTE_MARKS.has(tokens[j]!.norm)) {
        close = j;
        break;
      }
      if (!isWordInPhrase(tokens[j]!)) break;
    }
    if (close <= i + 1) continue;
    // A quoted word or two that ends the sentence ("he called it “a crime”.") is a
    // quotation; inside a noun phrase (words or a verb around it) it is a scare quote.
    const before = tokens[i - 1];
    const after = tokens[close + 1];
    if (!before || !after) continue;
    const phraseBefore = /^(DT|JJ|PRP\$|POS|NN|CD|IN)/.test(before.tag) || before.entity >= 0;
    const continues = after.tag.startsWith('VB') || after.tag === 'MD' || /^(NN|IN|CC)/.test(after.tag) || after.norm === ',';
    if (!phraseBefore || !continues) continue;
    out.add(i);
    out.add(close);
    i = close;
  }
  return out;
}

/** Removes scare-quote marks from a phrase's text: "Iranian “proxies”" → "Iranian proxies". */
export function withoutQuoteMarks(text: string): string {
  return text
    .replace(/[“”"‘’]|(?<!\w)'|'(?!\w)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
