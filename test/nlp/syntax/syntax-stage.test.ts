import { describe, expect, it } from 'vitest';
import { loadSyntaxModel } from '../../../src/nlp/syntax/syntax-model.js';
import { analyzeDocument } from '../../../src/nlp/syntax/syntax-stage.js';
import { createStages } from '../../../src/pipeline/stages.js';
import { createDocument } from '../../../src/text/create-document.js';
import type { Document, Layers } from '../../../src/text/document.js';

const model = loadSyntaxModel();

function analyze(text: string): { doc: Document; syntax: Layers['syntax']; at: (word: string, nth?: number) => number } {
  let doc = createDocument('t', text);
  for (const stage of createStages()) doc = { ...doc, layers: { ...doc.layers, [stage.assigns]: stage.run(doc) } as Partial<Layers> };
  const syntax = analyzeDocument(model, doc);
  const tokens = doc.layers.tokens ?? [];
  const at = (word: string, nth = 0): number => {
    const hits = tokens.map((t, i) => (doc.text.slice(t.start, t.end) === word ? i : -1)).filter((i) => i >= 0);
    if (hits[nth] === undefined) throw new Error(`no "${word}" #${nth}`);
    return hits[nth]!;
  };
  return { doc, syntax, at };
}

describe('the syntax stage on news sentences (trained model)', () => {
  it('finds who did what to whom, where and when', () => {
    const { syntax, at } = analyze('Gunmen attacked a police checkpoint in Saltmere on Tuesday.');
    expect(syntax[at('attacked')]).toMatchObject({ head: -1, rel: 'root', upos: 'VERB', tag: 'VBD', lemma: 'attack' });
    expect(syntax[at('Gunmen')]).toMatchObject({ head: at('attacked'), rel: 'nsubj', lemma: 'gunman' });
    expect(syntax[at('checkpoint')]).toMatchObject({ head: at('attacked'), rel: 'obj' });
    // "in Saltmere" may hang from the verb or from "checkpoint": both readings are English.
    expect(syntax[at('Saltmere')]).toMatchObject({ upos: 'PROPN' });
    expect([at('attacked'), at('checkpoint')]).toContain(syntax[at('Saltmere')]!.head);
    expect(syntax[at('Saltmere')]!.rel).toMatch(/^(?:obl|nmod)/);
    expect(syntax[at('in')]).toMatchObject({ head: at('Saltmere'), rel: 'case' });
    expect(syntax[at('Tuesday')]).toMatchObject({ head: at('attacked') });
  });

  it('never gives a word the treebank did not show a closed class: "drone" is no auxiliary', () => {
    const { syntax, at } = analyze('Rebels have carried out drone attacks on the base.');
    expect(syntax[at('drone')]).toMatchObject({ upos: 'NOUN', head: at('attacks') });
    expect(syntax[at('attacks')]).toMatchObject({ head: at('carried'), rel: 'obj' });
    // An inflected form the tagger read as an auxiliary stays a verb.
    const headline = analyze('Northern Brigade withdraws from two outposts near Saltmere');
    expect(headline.syntax[headline.at('withdraws')]).toMatchObject({ upos: 'VERB', tag: 'VBZ' });
  });

  it('reads the word after a possessive as the noun it owns when no noun follows', () => {
    const { syntax, at } = analyze("Ruritania's offensive began on Monday.");
    expect(syntax[at('offensive')]).toMatchObject({ upos: 'NOUN', tag: 'NN' });
    expect(syntax[at('offensive')]!.head).toBe(at('began'));
    const adjective = analyze("Ruritania's nuclear programme grew.");
    expect(adjective.syntax[adjective.at('nuclear')]).toMatchObject({ upos: 'ADJ' });
  });

  it('reads a passive and its agent', () => {
    const { syntax, at } = analyze('The convoy was attacked by militants near the border.');
    expect(syntax[at('convoy')]).toMatchObject({ head: at('attacked'), rel: 'nsubj:pass' });
    expect(syntax[at('was')]).toMatchObject({ head: at('attacked'), rel: 'aux:pass', lemma: 'be' });
    expect(syntax[at('militants')]).toMatchObject({ head: at('attacked'), lemma: 'militant' });
    expect(syntax[at('by')]).toMatchObject({ head: at('militants'), rel: 'case' });
  });

  it('keeps one entry per Dossier token when UD splits the token', () => {
    const { doc, syntax, at } = analyze("The U.S.-led coalition didn't respond.");
    expect(syntax).toHaveLength(doc.layers.tokens!.length);
    expect(syntax[at('U.S.-led')]).toMatchObject({ head: at('coalition'), lemma: 'U.S.-lead' });
    expect(syntax[at("didn't")]).toMatchObject({ head: at('respond'), upos: 'AUX', lemma: 'do' });
    expect(syntax[at('coalition')]).toMatchObject({ head: at('respond'), rel: 'nsubj' });
  });

  it('never lets a head cross a sentence boundary, and gives each sentence one root', () => {
    const { doc, syntax } = analyze('Rockets hit the base. Nobody was hurt, the ministry said.');
    const sentences = doc.layers.sentences!;
    const tokens = doc.layers.tokens!;
    const sentenceOf = (i: number): number => sentences.findIndex((s) => tokens[i]!.start >= s.start && tokens[i]!.end <= s.end);
    syntax.forEach((entry, i) => {
      if (entry.head >= 0) expect(sentenceOf(entry.head)).toBe(sentenceOf(i));
    });
    expect(syntax.filter((e) => e.head === -1)).toHaveLength(sentences.length);
  });
});
