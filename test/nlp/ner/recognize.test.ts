import { describe, expect, it } from 'vitest';
import { type EntityMention, loadNerModel, recognizeEntities, tagWords } from '../../../src/nlp/ner/recognize.js';
import { textDocument } from './text-document.js';

// Invented wire copy in the style Dossier reads: curly quotes, Arabic names with particles,
// a title-case headline, names opening sentences, possessives split off by the tokenizer.
const STORY = [
  'Militia Leader Vows Revenge After Drone Strike Near Baghdad Airport',
  'Example Wire – June 3, 2031',
  'Abu Fadil al-Tamimi, a commander of the Sadiqun Brigades, said on Tuesday that the group would respond to the strike. ' +
    'Speaking to a local news agency, Rami bin Saleh said Iraq’s parliament would meet in Baghdad next week. ' +
    'Tamimi added that his fighters would not leave Anbar.',
  'Hadi al-Amiri met Prime Minister Karim Yassin in Basra on Sunday. “We will not leave,” Amiri told reporters. ' +
    'Abdul-Karim Hassan, a spokesman for the ministry, said troops had reached the city of Mosul.',
].join('\n');

const model = loadNerModel();

function mentions(raw: string): Array<{ text: string; type: string }> {
  const doc = textDocument(raw);
  return recognizeEntities(model, doc).map((e: EntityMention) => ({ text: doc.text.slice(e.start, e.end), type: e.type }));
}

describe('recognizeEntities', () => {
  const found = mentions(STORY);
  const typeOf = (text: string) => found.filter((m) => m.text === text).map((m) => m.type);

  it('finds whole Arabic names with al-, Abu, bin and Abdul- particles as persons', () => {
    for (const name of ['Abu Fadil al-Tamimi', 'Rami bin Saleh', 'Hadi al-Amiri', 'Abdul-Karim Hassan', 'Karim Yassin']) {
      expect(typeOf(name), name).toEqual(['PER']);
    }
  });

  it('reads a later one-word mention as the person named in full earlier', () => {
    expect(typeOf('Tamimi')).toEqual(['PER']);
    expect(typeOf('Amiri')).toEqual(['PER']);
  });

  it('finds places, and “Iraq” before a split-off possessive', () => {
    expect(typeOf('Iraq')).toEqual(['LOC']);
    expect(typeOf('Basra')).toEqual(['LOC']);
    expect(found.filter((m) => m.text === 'Baghdad').length).toBeGreaterThanOrEqual(1);
  });

  it('does not take the capitals of a title-case headline for names', () => {
    const headline = found.filter((m) => /Militia|Leader|Vows|Revenge|Drone/.test(m.text));
    expect(headline).toEqual([]);
  });

  it('gives spans on token boundaries with confidences in (0, 1]', () => {
    const doc = textDocument(STORY);
    const starts = new Set(doc.layers.tokens!.map((t) => t.start));
    const ends = new Set(doc.layers.tokens!.map((t) => t.end));
    for (const e of recognizeEntities(model, doc)) {
      expect(starts.has(e.start) && ends.has(e.end)).toBe(true);
      expect(e.confidence).toBeGreaterThan(0);
      expect(e.confidence).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it('tags curly-quoted and ASCII-quoted text alike', () => {
    const curly = 'Kata’ib Sayyid al-Zubair said Nadia al-Hakim’s office in Mosul was closed.';
    expect(mentions(curly)).toEqual(mentions(curly.replace(/’/g, "'")));
  });

  it('needs the tokens and sentences layers', () => {
    const doc = textDocument('Nadia Hakim spoke.');
    expect(() => recognizeEntities(model, { ...doc, layers: {} })).toThrow(/tokens or sentences/);
  });
});

describe('tagWords', () => {
  it('labels one sentence in BIO, a label and a confidence per word', () => {
    const words = ['Nadia', 'Hakim', 'flew', 'from', 'Amman', 'to', 'Paris', 'on', 'Monday', '.'];
    const tagged = tagWords(model, words);
    expect(tagged).toHaveLength(words.length);
    expect(tagged.map((t) => t.label)).toEqual(['B-PER', 'I-PER', 'O', 'O', 'B-LOC', 'O', 'B-LOC', 'O', 'O', 'O']);
    for (const t of tagged) expect(t.confidence).toBeGreaterThan(0.3);
  });

  it('returns nothing for no words', () => {
    expect(tagWords(model, [])).toEqual([]);
  });
});
