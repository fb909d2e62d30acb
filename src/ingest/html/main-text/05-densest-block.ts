import type { DomElement } from '../dom-types.js';
import { textWeights } from './text-weight.js';

/**
 * A fallback for pages Readability gives up on: the element whose own text blocks hold the
 * most text outside links. Text blocks are elements with no block inside them (a <p>, or a
 * <div> of text and <br>s); each adds its plain text, less its link text, to its parent, and
 * half of that to its grandparent, so a story split into sections still wins as a whole.
 */

const CONTAINERS = 'p, div, section, article, main, ul, ol, table, blockquote, pre, h1, h2, h3, h4, h5, h6, li, td';

export function densestBlock(body: DomElement): DomElement | null {
  const weights = textWeights(body);
  const scores = new Map<DomElement, number>();
  const add = (element: DomElement | null, score: number): void => {
    if (element !== null) scores.set(element, (scores.get(element) ?? 0) + score);
  };
  for (const block of Array.from(body.querySelectorAll(CONTAINERS))) {
    if (block.querySelector(CONTAINERS) !== null) continue;
    const weight = weights.get(block);
    if (weight === undefined) continue;
    const score = weight.plain - weight.linked;
    if (score <= 0) continue;
    add(block.parentElement, score);
    add(block.parentElement?.parentElement ?? null, score / 2);
  }
  let best: DomElement | null = null;
  let bestScore = 0;
  for (const [element, score] of scores) {
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  return best;
}
