import { describe, expect, it } from 'vitest';
import { lemmatize, trainLemmatizer } from '../../../src/nlp/syntax/lemmatizer.js';
import {
  decodeLinearModel,
  encodeLinearModel,
  PerceptronTrainer,
  readDenseBlock,
  readSparseBlock,
  scoreDense4,
  scoreFeatures,
  toDense,
  writeDenseBlock,
  writeSparseBlock,
} from '../../../src/nlp/syntax/linear-model.js';
import { type ParserExample, parse, projectivize, trainParser } from '../../../src/nlp/syntax/parser.js';
import { tokenAnalyses, udWords } from '../../../src/nlp/syntax/ud-words.js';
import { tokenize } from '../../../src/text/tokenize.js';

describe('udWords', () => {
  const words = (text: string) => {
    const tokens = tokenize(text);
    return udWords(text, tokens).words;
  };

  it('splits negations, clitics and hyphens as UD writes them, and keeps numbers whole', () => {
    expect(words("They don't know")).toEqual(['They', 'do', "n't", 'know']);
    expect(words('we cannot wait')).toEqual(['we', 'can', 'not', 'wait']);
    expect(words('the U.S.-led coalition')).toEqual(['the', 'U.S.', '-', 'led', 'coalition']);
    expect(words('Abu al-Zubair left')).toEqual(['Abu', 'al', '-', 'Zubair', 'left']);
    expect(words('on 2024-03-05 they’re here')).toEqual(['on', '2024-03-05', 'they', '’re', 'here']);
    expect(words('Abu al\u2010Zubair and the U.S.\u2011led force')).toEqual(['Abu', 'al', '\u2010', 'Zubair', 'and', 'the', 'U.S.', '\u2011', 'led', 'force']);
    expect(words("They CANNOT wait, we can’t, DON'T")).toEqual(['They', 'CAN', 'NOT', 'wait', ',', 'we', 'ca', 'n’t', ',', 'DO', "N'T"]);
  });

  it('folds word analyses back onto tokens: the word whose head is outside the token speaks for it', () => {
    const text = 'The U.S.-led coalition left.';
    const tokens = tokenize(text);
    const w = udWords(text, tokens);
    expect(w.words).toEqual(['The', 'U.S.', '-', 'led', 'coalition', 'left', '.']);
    const a = (upos: string, xpos: string, lemma: string, head: number, deprel: string) => ({ upos, xpos, lemma, head, deprel });
    const analysis = [
      a('DET', 'DT', 'the', 5, 'det'),
      a('PROPN', 'NNP', 'U.S.', 4, 'obl:npmod'),
      a('PUNCT', 'HYPH', '-', 4, 'punct'),
      a('VERB', 'VBN', 'lead', 5, 'amod'),
      a('NOUN', 'NN', 'coalition', 6, 'nsubj'),
      a('VERB', 'VBD', 'leave', 0, 'root'),
      a('PUNCT', '.', '.', 6, 'punct'),
    ];
    const folded = tokenAnalyses(text, tokens.length, w, analysis);
    expect(folded.map((t) => t.head)).toEqual([2, 2, 3, -1, 3]);
    expect(folded[1]).toMatchObject({ upos: 'VERB', tag: 'VBN', lemma: 'U.S.-lead', rel: 'amod' });
    expect(folded[3]).toMatchObject({ rel: 'root', lemma: 'leave' });
  });
});

describe('lemmatizer', () => {
  const rules = trainLemmatizer([
    ...['attacked:attack', 'killed:kill', 'fired:fire', 'struck:strike', 'arrived:arrive', 'bombed:bomb'].map((p) => {
      const [form, lemma] = p.split(':') as [string, string];
      return { form, tag: 'VBD', lemma };
    }),
    ...['rockets:rocket', 'drones:drone', 'forces:force', 'bases:base', 'militias:militia'].map((p) => {
      const [form, lemma] = p.split(':') as [string, string];
      return { form, tag: 'NNS', lemma };
    }),
    { form: 'Kurds', tag: 'NNPS', lemma: 'Kurd' },
    { form: 'Americans', tag: 'NNPS', lemma: 'American' },
    { form: 'Germans', tag: 'NNPS', lemma: 'German' },
  ], 2);

  it('keeps the words its rules get wrong as exceptions, and applies suffix rules to new words', () => {
    expect(lemmatize(rules, 'struck', 'VBD')).toBe('strike');
    expect(lemmatize(rules, 'Shelled', 'VBD')).toBe('shell');
    expect(lemmatize(rules, 'missiles', 'NNS')).toBe('missile');
    expect(lemmatize(rules, 'Iraqis', 'NNPS')).toBe('Iraqi');
  });
});

describe('linear model', () => {
  it('learns a separable toy problem and survives encoding', () => {
    const trainer = new PerceptronTrainer(3, 8);
    const features = (k: number) => Int32Array.from([k * 7 + 1, 99]);
    const scores = new Float32Array(3);
    for (let epoch = 0; epoch < 5; epoch++) {
      for (let k = 0; k < 3; k++) {
        trainer.score(features(k), 2, scores);
        let best = 0;
        for (let y = 1; y < 3; y++) if (scores[y]! > scores[best]!) best = y;
        if (best !== k) {
          trainer.update(features(k), 2, k, 1);
          trainer.update(features(k), 2, best, -1);
        }
        trainer.tick();
      }
    }
    const model = decodeLinearModel(encodeLinearModel(trainer.averaged(0)), 0).model;
    const sums = new Int32Array(3);
    for (let k = 0; k < 3; k++) {
      scoreFeatures(model, features(k), 2, sums);
      expect(sums.indexOf(Math.max(...sums))).toBe(k);
    }
  });
});

describe('model file blocks', () => {
  // Several classes per bucket, one class per bucket, and empty buckets, with negative weights.
  const trainer = new PerceptronTrainer(4, 6);
  const features = (k: number) => Int32Array.from([k, k * 3 + 1, 40 + (k % 2)]);
  for (let k = 0; k < 12; k++) {
    trainer.update(features(k), 3, k % 4, 1 + (k % 3));
    trainer.update(features(k), 3, (k + 1) % 4, -1);
    trainer.tick();
  }
  const model = trainer.averaged(0);

  it('reads a sparse block back to the same scores, from a 4-byte aligned offset', () => {
    const block = writeSparseBlock(model);
    const bytes = new Uint8Array(8 + block.length);
    bytes.set(block, 8);
    const { model: read, next } = readSparseBlock(bytes, 8);
    expect(next).toBe(bytes.length);
    const want = new Int32Array(4);
    const got = new Int32Array(4);
    for (let k = 0; k < 12; k++) {
      scoreFeatures(model, features(k), 3, want);
      scoreFeatures(read, features(k), 3, got);
      expect([...got]).toEqual([...want]);
    }
    expect(want.some((v) => v < 0)).toBe(true);
  });

  it('reads a dense block back, and a dense model scores as the sparse one', () => {
    const dense = toDense(model);
    const { model: read } = readDenseBlock(new Uint8Array(writeDenseBlock(dense)), 0);
    const sparse = new Int32Array(4);
    const sums = new Int32Array(4);
    for (let k = 0; k < 12; k++) {
      scoreFeatures(model, features(k), 3, sparse);
      scoreDense4(read, features(k), 3, sums);
      expect([...sums]).toEqual([...sparse]);
    }
  });
});

describe('projectivize', () => {
  it('keeps a projective tree and lifts a crossing arc to its head’s head', () => {
    // 1 is the root; 2 ← 1, 3 ← 4, 4 ← 1: no arc crosses another.
    expect([...projectivize(Int32Array.from([0, 0, 1, 4, 1]))]).toEqual([0, 0, 1, 4, 1]);
    // 2 ← 4 spans 3, which hangs from 1, not from 4: 2 is lifted to 4's head, 1.
    expect([...projectivize(Int32Array.from([0, 0, 4, 1, 1]))]).toEqual([0, 0, 1, 1, 1]);
  });
});

describe('finished-tree labeller', () => {
  // A toy language of four words: V N F C. V is the root, N its object, C hangs from N and F
  // from C. N's relation is 'first' when C is of kind 1 and 'second' when of kind 2; when the
  // arc V → N is made, C is two words ahead, beyond what the arc-time labeller reads.
  const relations = ['root', 'first', 'second', 'dep'];
  const example = (kind: number, variant: number): ParserExample => {
    const codes = Int32Array.from([0, 10, 20 + variant, 30, 40 + kind]);
    return {
      input: { n: 4, word: codes, tag: Int32Array.from([0, 1, 2, 3, 3 + kind]), fine: codes, coarse: codes },
      heads: Int32Array.from([0, 0, 1, 4, 2]),
      relations: Int32Array.from([0, 0, kind, 3, 3]),
    };
  };
  const examples = [1, 2].flatMap((kind) => [0, 1, 2, 3].map((variant) => example(kind, variant)));
  const options = { relations, epochs: 20, seed: 7, transitionBits: 12, labelBits: 12, explore: 0 };

  it('names a relation that depends on the dependent’s later children, which the arc-time labels cannot', () => {
    const model = trainParser(examples, { ...options, relabel: true });
    expect(model.relabel).not.toBeNull();
    const arcTime = { ...model, relabel: null };
    const nRelation = (m: typeof model, e: ParserExample): number => parse(m, e.input).relations[2]!;
    for (const e of examples) {
      expect([...parse(model, e.input).heads]).toEqual([...e.heads]);
      expect(nRelation(model, e)).toBe(e.relations[2]);
    }
    // The arc-time labeller sees the same features for both kinds: one of them it gets wrong.
    const arcTimeRight = examples.filter((e) => nRelation(arcTime, e) === e.relations[2]).length;
    expect(arcTimeRight).toBeLessThan(examples.length);
  });
});
