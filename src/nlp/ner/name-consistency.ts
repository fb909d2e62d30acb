import type { TaggedWord } from './recognize.js';
import { foldWord } from './word-form.js';

/**
 * A one-word mention of someone named in full elsewhere in the document is that person:
 * "Tamimi" after "Abu Fadil al-Tamimi" is PER even where the tagger, seeing one unknown word,
 * said MISC or ORG, or nothing. Only surnames of multi-word PER mentions count, and only
 * one-word mentions change: a longer span was read with more context than this rule has.
 */

const FUSED_ARTICLE = /^(?:al|el|ad|ash|as|at|az|ar|an)-(?=\p{L})/u;

/** Confidence of a word the model left outside any entity and this rule made a person. */
const RULE_CONFIDENCE = 0.5;

export function harmonizePersonNames(
  sentences: readonly (readonly string[])[],
  tagged: readonly (readonly TaggedWord[])[],
): TaggedWord[][] {
  const surnames = new Set<string>();
  sentences.forEach((words, s) => {
    const labels = tagged[s]!;
    labels.forEach((t, i) => {
      if (t.label !== 'I-PER' || labels[i + 1]?.label === 'I-PER') return;
      const surname = foldWord(words[i]!).toLowerCase();
      surnames.add(surname);
      // "al-Tamimi" is "Tamimi" on second mention.
      surnames.add(surname.replace(FUSED_ARTICLE, ''));
    });
  });
  if (surnames.size === 0) return tagged.map((labels) => [...labels]);
  return tagged.map((labels, s) =>
    labels.map((t, i) => {
      const word = sentences[s]![i]!;
      if (!surnames.has(foldWord(word).toLowerCase())) return t;
      const alone = labels[i + 1]?.label.startsWith('I-') !== true;
      if (t.label === 'O' && alone && /^\p{Lu}/u.test(word) && (labels[i - 1]?.label ?? 'O') === 'O') {
        return { label: 'B-PER', confidence: RULE_CONFIDENCE };
      }
      if (t.label.startsWith('B-') && t.label !== 'B-PER' && alone) return { label: 'B-PER', confidence: t.confidence };
      return t;
    }),
  );
}
