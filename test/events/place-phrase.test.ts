import { describe, expect, it } from 'vitest';
import { nounChunks } from '../../src/events/participants.js';
import { locativePreposition } from '../../src/events/place-phrase.js';
import { placeCandidates } from '../../src/events/place-time.js';
import { buildDocumentView } from '../../src/events/sentence-view.js';
import { treeOf } from '../../src/nlp/syntax/tree.js';
import type { Layers } from '../../src/text/document.js';
import { analyzeText } from './analyze-text.js';

// Sentences are our own; "Saltmere" and "Halvern" are invented, the rest are real places.

/**
 * A sentence from hand-written UD rows, "word head rel" with 1-based heads (0 for the root), and
 * the preposition that places each word in `names` (null for none).
 */
function prepositions(rows: readonly string[], names: readonly string[]): Array<string | null> {
  const syntax: Array<Layers['syntax'][number]> = [];
  const words: string[] = [];
  let at = 0;
  for (const row of rows) {
    const [word, h, rel] = row.split(' ') as [string, string, string];
    const lemma = word.toLowerCase();
    syntax.push({ start: at, end: at + word.length, upos: /^[a-z]/.test(word) ? 'NOUN' : 'PROPN', tag: 'NN', lemma, head: Number(h) - 1, rel });
    words.push(lemma);
    at += word.length + 1;
  }
  const tree = treeOf(syntax);
  return names.map((n) => {
    const i = words.indexOf(n.toLowerCase());
    return locativePreposition(tree, i, i, (t) => words[t] ?? '');
  });
}

describe('locativePreposition', () => {
  it('reads the phrase’s own preposition, and lends it to a later conjunct', () => {
    // Rebels fired rockets at the airport in Saltmere and Halvern
    const rows = ['Rebels 2 nsubj', 'fired 0 root', 'rockets 2 obj', 'at 6 case', 'the 6 det', 'airport 2 obl', 'in 8 case', 'Saltmere 6 nmod', 'and 10 cc', 'Halvern 8 conj'];
    expect(prepositions(rows, ['airport', 'Saltmere', 'Halvern', 'Rebels'])).toEqual(['at', 'in', 'in', null]);
  });

  it('passes through a geographic noun the name names or hangs on with "of"', () => {
    // Gunmen struck in the port city Saltmere / on the outskirts of Saltmere / in Saltmere province
    expect(prepositions(['Gunmen 2 nsubj', 'struck 0 root', 'in 6 case', 'the 6 det', 'port 6 compound', 'city 2 obl', 'Saltmere 6 appos'], ['Saltmere'])).toEqual(['in']);
    expect(prepositions(['Gunmen 2 nsubj', 'struck 0 root', 'on 5 case', 'the 5 det', 'outskirts 2 obl', 'of 7 case', 'Saltmere 5 nmod'], ['Saltmere'])).toEqual(['on']);
    expect(prepositions(['Gunmen 2 nsubj', 'struck 0 root', 'in 5 case', 'Saltmere 5 compound', 'province 2 obl'], ['Saltmere'])).toEqual(['in']);
  });

  it('places by a compass word with no preposition of its own: "positions east of Saltmere"', () => {
    // Rebels attacked positions east of Saltmere / from east of Saltmere
    expect(prepositions(['Rebels 2 nsubj', 'attacked 0 root', 'positions 2 obj', 'east 3 advmod', 'of 6 case', 'Saltmere 4 obl'], ['Saltmere'])).toEqual(['east of']);
    expect(prepositions(['Rebels 2 nsubj', 'fired 0 root', 'from 4 case', 'east 2 obl', 'of 6 case', 'Saltmere 4 nmod'], ['Saltmere'])).toEqual([null]);
  });

  it('gives nothing for a possessor, a modifier of another noun, a subject or a non-locative phrase', () => {
    // Saltmere shelled a hotel in Halvern's port from Kirkuk
    const rows = ['Saltmere 2 nsubj', 'shelled 0 root', 'a 4 det', 'hotel 2 obj', 'in 8 case', 'Halvern 8 nmod:poss', "'s 6 case", 'port 4 nmod', 'from 10 case', 'Kirkuk 2 obl'];
    expect(prepositions(rows, ['Saltmere', 'Halvern', 'Kirkuk', 'port'])).toEqual([null, null, null, 'in']);
  });
});

describe('event-place candidates', () => {
  /** Names of the places the first sentence offers as where something happened, with the tree and by the words alone. */
  function candidates(text: string): { tree: string[]; words: string[] } {
    const doc = analyzeText(text);
    const view = buildDocumentView(doc);
    const sentence = view.sentences[0]!;
    const chunks = nounChunks(sentence.tokens);
    const names = (tree: typeof view.tree) => placeCandidates(doc, sentence, chunks, new Set(), tree).map((c) => doc.layers.places?.[c.index]?.name ?? '');
    return { tree: names(view.tree), words: names(null) };
  }

  it.each([
    ['Gunmen stormed police stations in Mosul and Kirkuk on Monday.', ['Mosul', 'Kirkuk'], ['Mosul']],
    ['Rockets hit a weapons depot in Homs northern countryside on Monday.', ['Homs'], []],
  ])('adds what the words before a name miss: %s', (text, tree, words) => {
    expect(candidates(text)).toEqual({ tree, words });
  });

  it('places the event at a name the tree finds', () => {
    const doc = analyzeText('Rockets hit a weapons depot in Homs northern countryside on Monday.');
    const e = doc.layers.events?.find((x) => doc.text.slice(x.trigger.start, x.trigger.end) === 'hit');
    expect(e?.place ? doc.layers.places?.[e.place.placeIndex]?.name : null).toBe('Homs');
  });
});
