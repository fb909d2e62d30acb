import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { ecbTopicInputs, formatCorefEvalLines, goldClusters, runCorefEval } from '../../src/eval/coref-eval.js';
import { scoreCoref } from '../../src/eval/coref-metrics.js';
import { loadEcbPlus, parseEcbDocument, parseValidatedSentences } from '../../src/eval/ecbplus.js';
import { loadSyntaxModel } from '../../src/nlp/syntax/syntax-model.js';
import { sameLemmaClusters } from '../../src/records/coref-model.js';

const fixture = join(import.meta.dirname, '../fixtures/ecbplus');

const sortClusters = (c: readonly (readonly string[])[]): string[][] => c.map((x) => [...x].sort()).sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));

describe('ECB+ loader', () => {
  it('reads tokens, mentions and chains, restricted to the validated sentences', async () => {
    const docs = await loadEcbPlus(fixture);
    expect(docs.map((d) => d.name)).toEqual(['1_1ecb', '1_2ecb', '1_1ecbplus']);
    const first = docs[0];
    expect(first?.kind).toBe('ecb');
    expect(first?.tokens[3]).toEqual({ id: 4, sentence: 0, text: 'blaze' });
    // "said" sits in sentence 2, which the CSV does not list
    expect(first?.mentions.some((m) => m.tag === 'ACTION_REPORTING')).toBe(false);
    expect(first?.mentions.find((m) => m.id === '1_1ecb:8')).toMatchObject({ event: false, tag: 'HUMAN_PART_PER', sentence: 0 });
    const gold = sortClusters(goldClusters(ecbTopicInputs(docs)));
    expect(gold).toEqual(
      sortClusters([
        ['1_1ecb:2', '1_1ecb:5', '1_2ecb:1'],
        ['1_1ecb:6', '1_2ecb:2'],
        ['1_2ecb:4', '1_2ecb:5'],
        ['1_1ecb:1'],
        ['1_2ecb:6'],
        ['1_1ecbplus:1'],
        ['1_1ecbplus:2'],
      ]),
    );
  });

  it('gives each event mention its sentence words and the arguments of that sentence', async () => {
    const [topic] = ecbTopicInputs(await loadEcbPlus(fixture));
    const battled = topic?.mentions.find((m) => m.id === '1_1ecb:1');
    expect(battled?.trigger).toEqual(['battled']);
    expect(battled?.arguments).toEqual(expect.arrayContaining(['Riverton', 'Monday', 'Crews']));
    expect(battled?.times).toEqual(['Monday']);
    expect(battled?.places).toEqual(['Riverton']);
  });

  it('restricts to the topics asked for', async () => {
    await expect(loadEcbPlus(fixture, { topics: ['7'] })).rejects.toThrow(/no ECB\+ document of topics 7/);
    expect(await loadEcbPlus(fixture, { topics: ['1'] })).toHaveLength(3);
  });

  it('names the file and line of a malformed element', () => {
    const xml = '<Document doc_name="3_1ecb.xml">\n<token t_id="1" sentence="0" number="0">Hi</token>\n<Markables>\n<ACTION_OCCURRENCE m_id="1">\n  <token_anchor t_id="9"/>\n</ACTION_OCCURRENCE>\n</Markables>\n</Document>\n';
    let error: unknown;
    try {
      parseEcbDocument(xml, 'x/3_1ecb.xml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe('x/3_1ecb.xml:5: token_anchor t_id="9" names no token');
    expect(() => parseEcbDocument('<Document>\n<token t_id="2" sentence="0" number="0">a</token>\n</Document>', 'y/3_2ecb.xml')).toThrow('y/3_2ecb.xml:2: token t_id="2" out of order (expected 1)');
    expect(() => parseEcbDocument('<Document></Document>', 'notes.xml')).toThrow(InputError);
  });

  it('rejects a malformed row of the validated-sentence list with its line', () => {
    expect(() => parseValidatedSentences('Topic,File,Sentence Number\n1,1ecb,0\n1,first,2\n', 'list.csv')).toThrow(/^list\.csv:3: expected/);
    expect(parseValidatedSentences('Topic,File,Sentence Number\n4,10ecbplus,3\n', 'list.csv')).toEqual(new Set(['4_10ecbplus/3']));
  });

  it('fails clearly when the folder has no validated-sentence list', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ecbplus-'));
    writeFileSync(join(empty, '1_1ecb.xml'), '<Document></Document>');
    await expect(loadEcbPlus(empty)).rejects.toThrow(/ECBplus_coreference_sentences\.csv/);
  });
});

describe('coref eval on the fixture', () => {
  const rules = loadSyntaxModel().lemmas;
  it('the same-lemma baseline groups equal head lemmas within the topic', async () => {
    const [topic] = ecbTopicInputs(await loadEcbPlus(fixture));
    expect(sortClusters(sameLemmaClusters(topic?.mentions ?? [], rules))).toEqual(
      sortClusters([
        ['1_1ecb:1'],
        ['1_1ecb:2', '1_1ecb:5'],
        ['1_1ecb:6'],
        ['1_2ecb:1', '1_1ecbplus:2'],
        ['1_2ecb:2'],
        ['1_2ecb:4', '1_2ecb:5'],
        ['1_2ecb:6'],
        ['1_1ecbplus:1'],
      ]),
    );
  });

  it('scores both systems and ends with the summary line', async () => {
    const scores = await runCorefEval(fixture);
    expect(scores.mentions).toBe(11);
    expect(scores.goldClusters).toBe(7);
    const [topic] = ecbTopicInputs(await loadEcbPlus(fixture));
    const gold = goldClusters(topic ? [topic] : []);
    expect(scores.lemma.conll).toBeCloseTo(scoreCoref(gold, sameLemmaClusters(topic?.mentions ?? [], rules)).conll, 12);
    const lines = formatCorefEvalLines(scores);
    expect(lines.at(-1)).toMatch(/^eval coref conll_f1=0\.\d{4} muc=0\.\d{4} b3=0\.\d{4} ceafe=0\.\d{4} lemma_conll_f1=0\.\d{4}$/);
  });
});
