/**
 * The article-extraction benchmark's metric (scrapinghub/article-extraction-benchmark,
 * `evaluate.py`), rebuilt from its description: texts become multisets of token 4-grams,
 * each page scores precision and recall over them, and the corpus figures are the means of
 * the per-page figures. F1 is taken from the two means, not averaged per page.
 */

// Python's `\w` on str: letters, digits of every script, and "_" (combining marks are not in it).
const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE_SIZE = 4;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Token 4-grams with their counts; a text of 1-3 tokens is one shorter shingle, an empty one none. */
export function shingles(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  const last = Math.max(1, tokens.length - SHINGLE_SIZE + 1);
  // Tokens never hold a space, so a space-joined key cannot confuse two shingles.
  for (let i = 0; i < last; i++) {
    const key = tokens.slice(i, i + SHINGLE_SIZE).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** One page: TP, FP, FN scaled to sum to 1 (when any is positive), and what follows from them. */
export interface PageComparison {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  /** The predicted token list equals the true one. */
  readonly exact: boolean;
}

export function comparePage(truth: string, predicted: string): PageComparison {
  const trueTokens = tokenize(truth);
  const predictedTokens = tokenize(predicted);
  const expected = shingles(trueTokens);
  const got = shingles(predictedTokens);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, trueCount] of expected) {
    const count = got.get(key) ?? 0;
    tp += Math.min(trueCount, count);
    fn += Math.max(0, trueCount - count);
  }
  for (const [key, count] of got) fp += Math.max(0, count - (expected.get(key) ?? 0));
  const total = tp + fp + fn;
  if (total > 0) {
    tp /= total;
    fp /= total;
    fn /= total;
  }
  return {
    tp,
    fp,
    fn,
    precision: ratio(tp, fp, fn),
    recall: ratio(tp, fn, fp),
    exact: sameTokens(trueTokens, predictedTokens),
  };
}

// precision = ratio(tp, fp, fn) and recall = ratio(tp, fn, fp): the rules are symmetric.
function ratio(tp: number, wrong: number, other: number): number {
  if (wrong === 0 && other === 0) return 1;
  if (tp === 0 && wrong === 0) return 0;
  return tp / (tp + wrong);
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((token, i) => token === b[i]);
}

export interface CorpusScores {
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
  readonly accuracy: number;
  readonly pages: number;
}

export function corpusScores(pages: readonly PageComparison[]): CorpusScores {
  const precision = mean(pages.filter((p) => p.tp + p.fp > 0).map((p) => p.precision));
  const recall = mean(pages.filter((p) => p.tp + p.fn > 0).map((p) => p.recall));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const accuracy = mean(pages.map((p) => (p.exact ? 1 : 0)));
  return { f1, precision, recall, accuracy, pages: pages.length };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * Scores predictions against the truth, both keyed by page id. Like upstream, refuses a
 * prediction set whose pages differ from the truth's: a missing page is not a zero.
 */
export function scoreExtraction(
  truth: ReadonlyMap<string, string>,
  predicted: ReadonlyMap<string, string>,
): CorpusScores & { readonly perPage: ReadonlyMap<string, PageComparison> } {
  const missing = [...truth.keys()].filter((id) => !predicted.has(id));
  const extra = [...predicted.keys()].filter((id) => !truth.has(id));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`prediction pages differ from the truth: ${missing.length} missing, ${extra.length} unexpected`);
  }
  const perPage = new Map<string, PageComparison>();
  for (const [id, text] of truth) perPage.set(id, comparePage(text, predicted.get(id)!));
  return { ...corpusScores([...perPage.values()]), perPage };
}
