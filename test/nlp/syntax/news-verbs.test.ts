import { describe, expect, it } from 'vitest';
import { loadEventDictionary } from '../../../src/knowledge/events/load-dictionary.js';
import { loadEventFrameWords } from '../../../src/knowledge/events/event-frames.js';
import { verbForms } from '../../../src/knowledge/events/inflection.js';
import { lemmatize, trainLemmatizer, withKnownLemmas } from '../../../src/nlp/syntax/lemmatizer.js';
import { analyzeSentences } from '../../../src/nlp/syntax/analyze-words.js';
import { loadSyntaxModel } from '../../../src/nlp/syntax/syntax-model.js';

describe('verbs news uses that the treebank lacks', () => {
  it('come back whole from a past form the suffix rules would cut', () => {
    // Rules learned from verbs that drop "-ed" only: "convened" would become "conven".
    const rules = trainLemmatizer(['opened:open', 'happened:happen', 'threatened:threaten', 'fired:fire', 'fired:fire', 'fired:fire'].map((p) => ({ form: p.split(':')[0]!, tag: 'VBD', lemma: p.split(':')[1]! })));
    expect(lemmatize(rules, 'convened', 'VBD')).toBe('conven');
    const more = withKnownLemmas(rules, 'V', ['convene']);
    expect(lemmatize(more, 'convened', 'VBD')).toBe('convene');
    expect(lemmatize(more, 'opened', 'VBD')).toBe('open');
  });

  it('include every verb the event dictionary and the frame words name, in each regular form', () => {
    const { lemmas } = loadSyntaxModel();
    const frames = loadEventFrameWords();
    const verbs = new Set<string>();
    for (const p of loadEventDictionary().patterns) if (p.kind === 'verb') for (const w of p.text.split(' ')[0]!.split('|')) verbs.add(w);
    for (const [name, words] of Object.entries(frames)) if (name.endsWith('Verbs')) for (const w of words as ReadonlySet<string>) verbs.add(w);
    // Base forms only: a few entries are inflected forms themselves ("said", "killed").
    const base = [...verbs].filter((v) => /^[a-z]+$/.test(v) && lemmatize(lemmas, v, 'VBD') === v);
    const knownVerbs = new Set(lemmas.known?.V?.split(' '));
    expect(base.length).toBeGreaterThan(500);
    const wrong: string[] = [];
    for (const v of base) {
      for (const form of verbForms(v)) {
        if (form === v || !/(ed|ing)$/.test(form)) continue;
        const got = lemmatize(lemmas, form, form.endsWith('ing') ? 'VBG' : 'VBD');
        // Over-generated spellings ("planing" for "plan") may belong to another verb ("plane").
        if (got !== v && !knownVerbs.has(got)) wrong.push(`${form} → ${got}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('a sentence the tagger leaves without a verb', () => {
  it('takes a known past form after its subject as the verb, and leaves a verbless fragment alone', () => {
    const model = loadSyntaxModel();
    const [shot, fragment] = analyzeSentences(model, [
      'The Ruritanian air force shot down an unmanned drone .'.split(' '),
      'High quality pup food at a good price .'.split(' '),
    ]);
    expect(shot![4]).toMatchObject({ upos: 'VERB', xpos: 'VBD', lemma: 'shoot', head: 0 });
    expect(fragment!.some((w) => w.upos === 'VERB')).toBe(false);
  });
});
