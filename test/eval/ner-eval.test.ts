
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsFiles } from '../support/prerequisites.js';
import { InputError } from '../../src/errors.js';
import { bioToSpans, iob1ToSpans, parseConll, readConll, spansToBio } from '../../src/eval/conll.js';
import { formatNerEvalLines, runNerEval, scoreEntities } from '../../src/eval/ner-eval.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/conll/tiny.conll');
const TESTA = join(import.meta.dirname, '../../../shared/eval/conll2003/eng.testa');

describe('iob1ToSpans', () => {
  it('starts an entity at I-X after O, another type, or the sentence start', () => {
    expect(iob1ToSpans(['I-PER', 'I-PER', 'O', 'I-LOC', 'I-ORG', 'I-ORG'])).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 6, type: 'ORG' },
    ]);
  });

  it('splits two same-type entities at B-X', () => {
    expect(iob1ToSpans(['I-MISC', 'B-MISC', 'I-MISC', 'O'])).toEqual([
      { start: 0, end: 1, type: 'MISC' },
      { start: 1, end: 3, type: 'MISC' },
    ]);
  });

  it('reads B-X after O as the start of an entity', () => {
    expect(iob1ToSpans(['O', 'B-LOC', 'I-LOC'])).toEqual([{ start: 1, end: 3, type: 'LOC' }]);
  });
});

describe('bioToSpans and spansToBio', () => {
  it('round-trip entities, adjacent ones included', () => {
    const spans = [
      { start: 0, end: 2, type: 'PER' },
      { start: 2, end: 3, type: 'PER' },
      { start: 4, end: 5, type: 'LOC' },
    ];
    const labels = spansToBio(spans, 6);
    expect(labels).toEqual(['B-PER', 'I-PER', 'B-PER', 'O', 'B-LOC', 'O']);
    expect(bioToSpans(labels)).toEqual(spans);
  });

  it('reads a stray I-X as a start, as conlleval does', () => {
    expect(bioToSpans(['O', 'I-ORG', 'I-PER'])).toEqual([
      { start: 1, end: 2, type: 'ORG' },
      { start: 2, end: 3, type: 'PER' },
    ]);
  });
});

describe('readConll', () => {
  it('reads documents, sentences and IOB1 entities from the fixture', async () => {
    const docs = await readConll(FIXTURE);
    expect(docs).toHaveLength(2);
    expect(docs.map((d) => d.sentences.length)).toEqual([3, 2]);
    const talks = docs[1]!.sentences[0]!;
    expect(talks.words.slice(2, 6)).toEqual(['Tamsin', 'Okafor', 'Jun', 'Hale']);
    expect(talks.entities).toEqual([
      { start: 2, end: 4, type: 'PER' },
      { start: 4, end: 6, type: 'PER' },
    ]);
    expect(docs[0]!.line).toBe(1);
    expect(docs[0]!.sentences[1]!.line).toBe(9);
  });

  it('starts a document at any line beginning -DOCSTART-, and tolerates none and CRLF', () => {
    const docs = parseConll('Ada NNP I-NP I-PER\r\n\r\n-DOCSTART- x\r\nOslo NNP I-NP I-LOC\r\n', 'mem.conll');
    expect(docs.map((d) => d.sentences.map((s) => s.entities))).toEqual([
      [[{ start: 0, end: 1, type: 'PER' }]],
      [[{ start: 0, end: 1, type: 'LOC' }]],
    ]);
  });

  it('names the file and line of a malformed token line', () => {
    const bad = 'Ada NNP I-NP I-PER\nOslo\n';
    expect(() => parseConll(bad, 'bad.conll')).toThrow(InputError);
    expect(() => parseConll(bad, 'bad.conll')).toThrow(/^bad\.conll:2: /);
  });

  it('rejects an NER tag that is not IOB', () => {
    expect(() => parseConll('-DOCSTART- -X- O O\n\nAda NNP I-NP PERSON\n', 'tag.conll')).toThrow(/tag\.conll:3: .*PERSON/);
  });

  it('rejects a file without tokens, and a missing file', async () => {
    expect(() => parseConll('-DOCSTART- -X- O O\n\n', 'empty.conll')).toThrow(/empty\.conll: .*no tokens/);
    await expect(readConll(join(import.meta.dirname, 'no-such.conll'))).rejects.toThrow(InputError);
  });
});

describe('scoreEntities', () => {
  it('counts only exact type-and-boundary matches, per type and micro over the chosen types', () => {
    const gold = [
      [
        { start: 0, end: 2, type: 'PER' },
        { start: 3, end: 4, type: 'LOC' },
      ],
      [
        { start: 0, end: 1, type: 'ORG' },
        { start: 2, end: 3, type: 'MISC' },
      ],
    ];
    const predicted = [
      [
        { start: 0, end: 2, type: 'PER' }, // right
        { start: 3, end: 5, type: 'LOC' }, // wrong end
      ],
      [
        { start: 0, end: 1, type: 'LOC' }, // wrong type
        { start: 2, end: 3, type: 'MISC' }, // right
      ],
    ];
    const scores = scoreEntities(gold, predicted, ['PER', 'LOC', 'ORG']);
    expect(scores.perType.map((e) => [e.type, e.gold, e.predicted, e.correct])).toEqual([
      ['PER', 1, 1, 1],
      ['LOC', 1, 2, 0],
      ['ORG', 1, 0, 0],
      ['MISC', 1, 1, 1],
    ]);
    expect(scores.micro).toMatchObject({ gold: 3, predicted: 3, correct: 1 });
    expect(scores.micro.f1).toBeCloseTo(1 / 3, 10);
    expect(scores.all).toMatchObject({ gold: 4, predicted: 4, correct: 2, f1: 0.5 });
    expect(scores.perType.find((e) => e.type === 'ORG')).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('runNerEval', () => {
  it('tags the fixture and prints a table whose last line is the summary', async () => {
    const scores = await runNerEval(FIXTURE, { types: ['PER', 'LOC', 'ORG'] });
    expect(scores).toMatchObject({ documents: 2, sentences: 5, words: 36 });
    expect(scores.micro.gold).toBe(10);
    expect(scores.all.gold).toBe(12);
    const lines = formatNerEvalLines(scores);
    expect(lines.at(-1)).toBe(
      `eval ner f1=${scores.micro.f1.toFixed(4)} precision=${scores.micro.precision.toFixed(4)} recall=${scores.micro.recall.toFixed(4)}`,
    );
    expect(lines.some((line) => /words\/s/.test(line))).toBe(true);
    expect(scores.micro.f1).toBeGreaterThan(0.5);
  });

  describe('on CoNLL-2003 eng.testa', needsFiles(TESTA), () => {
    it('reaches F1 ≥ 0.88 on PER, LOC and ORG', async () => {
      const scores = await runNerEval(TESTA, { types: ['PER', 'LOC', 'ORG'] });
      expect(scores.sentences).toBe(3250);
      expect(scores.micro.gold).toBe(1842 + 1341 + 1837);
      expect(scores.micro.f1).toBeGreaterThanOrEqual(0.88);
      expect(scores.all.f1).toBeGreaterThanOrEqual(0.85);
    });
  });
});
