/**
 * Builds the passages of an invented article for tests: paragraphs joined by blank lines
 * into one text, each paragraph also cut into sentences after . ! or ? and a space.
 */

import type { Passage } from '../../../src/text/repeats/index.js';

export interface InventedArticle {
  readonly id: string;
  readonly paragraphs: readonly string[];
}

export function articlePassages(article: InventedArticle, withSentences = true): Passage[] {
  const passages: Passage[] = [];
  let offset = 0;
  for (const paragraph of article.paragraphs) {
    const start = offset;
    passages.push({ articleId: article.id, kind: 'paragraph', start, end: start + paragraph.length, text: paragraph });
    if (withSentences) passages.push(...sentencePassages(article.id, paragraph, start));
    offset += paragraph.length + 2;
  }
  return passages;
}

function sentencePassages(articleId: string, paragraph: string, paragraphStart: number): Passage[] {
  const sentences: Passage[] = [];
  let start = 0;
  for (const gap of paragraph.matchAll(/(?<=[.!?]["”]?) +/g)) {
    sentences.push(sentence(articleId, paragraph, paragraphStart, start, gap.index));
    start = gap.index + gap[0].length;
  }
  sentences.push(sentence(articleId, paragraph, paragraphStart, start, paragraph.length));
  return sentences;
}

function sentence(articleId: string, paragraph: string, base: number, from: number, to: number): Passage {
  return { articleId, kind: 'sentence', start: base + from, end: base + to, text: paragraph.slice(from, to) };
}
