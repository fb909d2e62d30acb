import type { TokenSpan } from '../../eval/conll.js';

/**
 * Training-time variants of CoNLL sentences with Arabic name particles. CoNLL-2003 has a
 * handful of "al-" names, while Dossier's news is full of them ("Abu Mahdi al-Muhandis",
 * "Asa'ib Ahl al-Haq", "Rami bin Saleh"); without examples the tagger cuts such names at the
 * lower-case particle. A variant rewrites some gold names the way those names are written,
 * keeping their type and extending their span.
 */

export interface LabelledSentence {
  readonly words: readonly string[];
  readonly entities: readonly TokenSpan[];
}

/** How often each rewrite is applied to a name that allows it. */
export interface AugmentRates {
  /** Last word "Saleh" → "al-Saleh" (any type). */
  readonly article: number;
  /** "Abu" before a person's name. */
  readonly abu: number;
  /** "bin" between a person's first and second word. */
  readonly bin: number;
}

const withCase = (particle: string, like: string): string =>
  like === like.toUpperCase() && like !== like.toLowerCase() ? particle.toUpperCase() : particle;

/** The sentence with some names rewritten; `random` decides which (a seeded generator). */
export function arabicNameVariant(sentence: LabelledSentence, rates: AugmentRates, random: () => number): LabelledSentence {
  const words: string[] = [];
  const entities: TokenSpan[] = [];
  let next = 0;
  for (const entity of [...sentence.entities].sort((a, b) => a.start - b.start)) {
    words.push(...sentence.words.slice(next, entity.start));
    const name = sentence.words.slice(entity.start, entity.end);
    const last = name[name.length - 1]!;
    const start = words.length;
    if (entity.type === 'PER' && random() < rates.abu) words.push(withCase('Abu', last));
    name.forEach((word, i) => {
      const isLast = i === name.length - 1;
      const article = isLast && /^\p{Lu}\p{L}+$/u.test(word) && random() < rates.article;
      words.push(article ? `${withCase('al', word)}-${word}` : word);
      if (entity.type === 'PER' && i === 0 && name.length > 1 && random() < rates.bin) words.push(withCase('bin', word));
    });
    entities.push({ start, end: words.length, type: entity.type });
    next = entity.end;
  }
  words.push(...sentence.words.slice(next));
  return { words, entities };
}
