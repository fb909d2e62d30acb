import { Tag } from 'en-pos';
import type { Stage } from '../../pipeline/stage.js';
import type { Document, Layers } from '../../text/document.js';

/**
 * en-pos keeps its lexicon in a plain object, so "constructor" or "toString" finds a
 * function there and crashes it. Such words are tagged as an ordinary noun stands in for them.
 */
const PROTOTYPE_WORDS = new Set(Object.getOwnPropertyNames(Object.prototype).map((w) => w.toLowerCase()));

/** Curly quotes and dashes read as the ASCII forms the tagger's lexicon knows. */
function asciiForm(word: string): string {
  if (PROTOTYPE_WORDS.has(word.toLowerCase())) return 'thing';
  return word.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-');
}

/**
 * Penn Treebank tags for each token, sentence by sentence, with en-pos (a lexicon and
 * transformation-rule tagger): what event and quote extraction use to find verbs, passives
 * and clause edges. One tag per token, aligned with the tokens layer.
 */
export function tagDocument(doc: Document): Layers['pos'] {
  const tokens = doc.layers.tokens ?? [];
  const sentences = doc.layers.sentences ?? [];
  const out: Array<{ start: number; end: number; tag: string }> = [];
  let t = 0;
  for (const s of sentences) {
    const from = t;
    while (t < tokens.length && tokens[t]!.start < s.end) t++;
    const words = tokens.slice(from, t).map((tok) => asciiForm(doc.text.slice(tok.start, tok.end)));
    const tags = words.length > 0 ? new Tag(words).initial().smooth().tags : [];
    for (let i = from; i < t; i++) out.push({ start: tokens[i]!.start, end: tokens[i]!.end, tag: tags[i - from] ?? 'NN' });
  }
  // Tokens after the last sentence (none in practice): tagged as nouns rather than dropped.
  for (; t < tokens.length; t++) out.push({ start: tokens[t]!.start, end: tokens[t]!.end, tag: 'NN' });
  return out;
}

export function createPosStage(): Stage<'pos'> {
  return { name: 'pos', version: '1', requires: ['tokens', 'sentences'], assigns: 'pos', run: tagDocument };
}
