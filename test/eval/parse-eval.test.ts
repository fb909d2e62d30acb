import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { InputError } from '../../src/errors.js';
import { ConlluError, parseConllu, readConllu } from '../../src/eval/conllu.js';
import { runningTexts } from '../../src/eval/conllu-text.js';
import { alignWords, matchingSpans } from '../../src/eval/parse-alignment.js';
import { formatParseEvalJson, formatParseEvalLines, type ParseSystem, runParseEval, type SystemWordAnalysis } from '../../src/eval/parse-eval.js';
import { scoreParse } from '../../src/eval/parse-score.js';
import { documentUdText, goldUdText, type UdText, type UdWord } from '../../src/eval/parse-words.js';
import { createDocument } from '../../src/text/create-document.js';
import type { Document, Layers, Span, SyntaxAttrs } from '../../src/text/document.js';

// Three invented sentences: a multiword token ("didn't" = did + n't), a name split at its
// hyphen ("al-Tesk" = al + - + Tesk), an empty node (8.1), subtyped relations
// (nmod:poss, obl:tmod), two documents.
const FIXTURE = join(import.meta.dirname, '../fixtures/conllu/saltmere.conllu');

/** CoNLL-U text from rows of columns written with single spaces (no form here holds one). */
const conllu = (...lines: string[]): string => `${lines.map((l) => (l.startsWith('#') || l === '' ? l : l.split(' ').join('\t'))).join('\n')}\n`;

const word = (start: number, end: number, over: Partial<UdWord> = {}): UdWord => ({
  span: { start, end },
  form: 'w',
  multiword: false,
  upos: 'NOUN',
  xpos: 'NN',
  lemma: 'w',
  parent: -1,
  deprel: 'root',
  ...over,
});

const udText = (words: UdWord[]): UdText => ({
  tokens: words.map((w) => w.span),
  sentences: words.length > 0 ? [{ start: words[0]!.span.start, end: words[words.length - 1]!.span.end }] : [],
  words,
  length: words[words.length - 1]?.span.end ?? 0,
});

/** The fake systems' knowledge of each form, as a real tagger's would be: mostly right. */
const gold = readConllu(FIXTURE).flatMap((s) => s.words);
const known = new Map(gold.map((w) => [w.form, w]));
const VERBS = new Set(['sail', 'stayed', 'resume']);
const WRONG_UPOS: Record<string, string> = { Monday: 'NOUN' };
// "ashore": a wrong universal relation; "Monday": obl for obl:tmod, right for LAS, wrong for las-full.
const WRONG_DEPREL: Record<string, string> = { ashore: 'obl', Monday: 'obl' };
const guess = (form: string, head: number): SystemWordAnalysis => ({
  upos: WRONG_UPOS[form] ?? known.get(form)?.upos ?? 'X',
  xpos: known.get(form)?.xpos ?? 'FW',
  lemma: form.toLowerCase(),
  head,
  deprel: WRONG_DEPREL[form] ?? known.get(form)?.deprel ?? 'dep',
});

/** Every word hangs from the sentence's verb: right for the verb's dependents only. */
function analyzeWords(words: readonly string[]): SystemWordAnalysis[] {
  const verb = words.findIndex((w) => VERBS.has(w));
  return words.map((w, i) => guess(w, i === verb ? 0 : verb + 1));
}

/**
 * From raw text: tokens are letter runs with inner hyphens and apostrophes kept ("didn't",
 * "al-Tesk" whole, as Dossier's tokenizer keeps them) or single symbols; a sentence ends
 * after ".".
 */
function analyzeText(id: string, raw: string): Document {
  const doc = createDocument(id, raw);
  const tokens = [...doc.text.matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|\S/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    norm: m[0].toLowerCase(),
    kind: 'word' as const,
  }));
  const sentences: Array<Span & { paragraph: number }> = [];
  const syntax: Array<Span & SyntaxAttrs> = [];
  let first = 0;
  tokens.forEach((t, i) => {
    if (doc.text.slice(t.start, t.end) !== '.' && i + 1 < tokens.length) return;
    const forms = tokens.slice(first, i + 1).map((x) => doc.text.slice(x.start, x.end));
    analyzeWords(forms).forEach((a, k) => {
      const { start, end } = tokens[first + k]!;
      syntax.push({ start, end, upos: a.upos, tag: a.xpos, lemma: a.lemma, head: a.head === 0 ? -1 : first + a.head - 1, rel: a.deprel });
    });
    sentences.push({ start: tokens[first]!.start, end: t.end, paragraph: 0 });
    first = i + 1;
  });
  const layers: Partial<Layers> = { tokens, sentences, syntax };
  return { ...doc, layers };
}

const fakeSystem = (): ParseSystem => ({ analyzeWords, analyzeText });

describe('goldUdText', () => {
  it('gives words offsets over the text without spaces; a multiword token’s words share its span; empty nodes are no words', () => {
    const text = goldUdText(readConllu(FIXTURE), FIXTURE);
    expect(text.words).toHaveLength(26);
    expect(text.tokens).toHaveLength(25);
    const [the, ferry, did, not] = text.words;
    expect([the!.span, ferry!.span]).toEqual([
      { start: 0, end: 3 },
      { start: 3, end: 8 },
    ]);
    expect(did!.span).toEqual({ start: 8, end: 14 });
    expect(not!.span).toBe(did!.span);
    expect([did!.multiword, not!.multiword, the!.multiword]).toEqual([true, true, false]);
    expect(text.words.filter((w) => w.form === 'stayed')).toHaveLength(1);
    // Heads become indices into the whole list: sentence 2 starts at word 9; "captain" (its
    // word 2) hangs from "stayed" (its word 9).
    expect(text.words[10]!.parent).toBe(9 + 8);
    expect(text.sentences).toHaveLength(3);
    expect(text.sentences[1]!.start).toBe(text.sentences[0]!.end);
    expect(text.length).toBe(text.sentences[2]!.end);
  });

  it('rejects overlapping multiword tokens, naming the file and the sentence’s line', () => {
    const sentences = parseConllu(conllu('# sent_id = x', '1-2 ab _ _ _ _ _ _ _ _', '2-3 bc _ _ _ _ _ _ _ _', '1 a a X X _ 0 root _ _', '2 b b X X _ 1 dep _ _', '3 c c X X _ 1 dep _ _'), 'bad.conllu');
    expect(() => goldUdText(sentences, 'bad.conllu')).toThrow(/^bad\.conllu:1: multiword token 2-3 of sentence x overlaps another/);
  });
});

describe('runningTexts', () => {
  it('makes one text per # newdoc, paragraphs at # newpar, sentences joined by a space', () => {
    const sentences = parseConllu(
      conllu(
        '# newdoc',
        '# text = Ships left.',
        '1 Ships ship NOUN NNS _ 2 nsubj _ _',
        '2 left leave VERB VBD _ 0 root _ SpaceAfter=No',
        '3 . . PUNCT . _ 2 punct _ _',
        '',
        '# text = Gulls stayed.',
        '1 Gulls gull NOUN NNS _ 2 nsubj _ _',
        '2 stayed stay VERB VBD _ 0 root _ SpaceAfter=No',
        '3 . . PUNCT . _ 2 punct _ _',
        '',
        '# newpar',
        '1 Tide tide NOUN NN _ 2 nsubj _ _',
        '2 rose rise VERB VBD _ 0 root _ SpaceAfter=No',
        '3 . . PUNCT . _ 2 punct _ _',
        '',
        '# newdoc',
        '1 Quiet quiet ADJ JJ _ 0 root _ SpaceAfter=No',
        '2 . . PUNCT . _ 1 punct _ _',
      ),
      'docs.conllu',
    );
    // The last two sentences have no # text: their FORMs and SpaceAfter spell it.
    expect(runningTexts(sentences, 'docs.conllu').map((t) => t.raw)).toEqual(['Ships left. Gulls stayed.\n\nTide rose.', 'Quiet.']);
  });

  it('rejects a # text that the FORMs do not spell, naming the file and line', () => {
    const sentences = parseConllu(conllu('', '# text = The quay opened.', '1 The the DET DT _ 2 det _ _', '2 pier pier NOUN NN _ 0 root _ SpaceAfter=No', '3 . . PUNCT . _ 2 punct _ _'), 'drift.conllu');
    expect(() => runningTexts(sentences, 'drift.conllu')).toThrow(/^drift\.conllu:2: the # text of sentence 2 differs from its FORMs after "The": "quayopened" in the text, "pier\." in the FORMs/);
  });
});

describe('documentUdText', () => {
  it('counts the raw characters whatever normalization did to them', () => {
    // "Cafe" + combining acute: NFC makes one char of two; the no-break space goes.
    const raw = 'Cafe\u0301\u00a0opens';
    const doc = createDocument('x', raw);
    expect(doc.text).toBe('Café opens');
    const tokens = [
      { start: 0, end: 4, norm: 'café', kind: 'word' as const },
      { start: 5, end: 10, norm: 'opens', kind: 'word' as const },
    ];
    const syntax = [
      { start: 0, end: 4, upos: 'PROPN', tag: 'NNP', lemma: 'Café', head: 1, rel: 'nsubj' },
      { start: 5, end: 10, upos: 'VERB', tag: 'VBZ', lemma: 'open', head: -1, rel: 'root' },
    ];
    const layers: Partial<Layers> = { tokens, sentences: [{ start: 0, end: 10, paragraph: 0 }], syntax };
    const text = documentUdText({ ...doc, layers }, raw, 100, 7);
    expect(text.words.map((w) => [w.span.start, w.span.end, w.parent])).toEqual([
      [100, 105, 8],
      [105, 110, -1],
    ]);
    expect(text.sentences).toEqual([{ start: 100, end: 110 }]);
    expect(text.length).toBe(10);
  });
});

describe('alignWords (conll18_ud_eval.py)', () => {
  const sentence = goldUdText(readConllu(FIXTURE).slice(0, 1), FIXTURE);
  const g = sentence.words;

  it('pairs identical words one to one', () => {
    expect([...alignWords(g, g)]).toEqual(g.map((_, i) => i));
  });

  it('matches nothing of a multiword token the system keeps whole', () => {
    const system = [g[0]!, g[1]!, word(8, 14, { form: "didn't" }), ...g.slice(4)];
    expect([...alignWords(g, system)]).toEqual([0, 1, -1, -1, 3, 4, 5, 6, 7]);
  });

  it('matches the words of a multiword token by form when the system splits it', () => {
    const system = [g[0]!, g[1]!, word(8, 11, { form: 'did' }), word(11, 14, { form: "N'T" }), ...g.slice(4)];
    expect([...alignWords(g, system)]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('matches a word only on both ends: "al-Tesk" against al + - + Tesk matches none', () => {
    const gold = [word(0, 4), word(4, 6), word(6, 7), word(7, 11), word(11, 12)];
    const system = [word(0, 4), word(4, 11), word(11, 12)];
    expect([...alignWords(gold, system)]).toEqual([0, -1, -1, -1, 2]);
  });

  /** Tokens written "form" or "form word word…" (a multiword token), spans over their concatenation. */
  const tokensToWords = (tokens: readonly string[]): UdWord[] => {
    let at = 0;
    return tokens.flatMap((token) => {
      const [form = '', ...parts] = token.split(' ');
      const span = { start: at, end: at + form.length };
      at = span.end;
      return parts.length === 0 ? [word(span.start, span.end, { form })] : parts.map((part) => ({ ...word(0, 0, { form: part, multiword: true }), span }));
    });
  };

  // The cases of the script's own TestAlignment: how many words align.
  it.each([
    [['abc a b c'], ['a', 'b', 'c'], 3],
    [['a', 'bc b c', 'd'], ['a', 'b', 'c', 'd'], 4],
    [['abcd a b c d'], ['ab a b', 'cd c d'], 4],
    [['abc a b c', 'de d e'], ['a', 'bcd b c d', 'e'], 5],
    [['abcd'], ['a', 'b', 'c', 'd'], 0],
    [['abc', 'd'], ['a', 'b', 'c', 'd'], 1],
    [['a', 'bc', 'd'], ['a', 'b', 'c', 'd'], 2],
    [['a', 'bc b c', 'd'], ['a', 'b', 'cd'], 2],
    [['abc a BX c', 'def d EX f'], ['ab a b', 'cd c d', 'ef e f'], 4],
    [['ab a b', 'cd bc d'], ['a', 'bc', 'd'], 2],
    [['a', 'bc b c', 'd'], ['ab AX BX', 'cd CX a'], 1],
  ])('aligns gold %j with system %j: %i words', (gold, system, aligned) => {
    expect([...alignWords(tokensToWords(gold), tokensToWords(system))].filter((s) => s >= 0)).toHaveLength(aligned);
  });

  it('scores spans that match exactly (tokens, sentences)', () => {
    expect(matchingSpans([{ start: 0, end: 3 }, { start: 3, end: 5 }, { start: 5, end: 9 }], [{ start: 0, end: 5 }, { start: 5, end: 9 }])).toBe(1);
  });
});

describe('scoreParse', () => {
  it('counts heads through the alignment, LAS on the universal relation, las-full on the whole one', () => {
    const gold = udText([
      word(0, 2, { parent: 1, deprel: 'nmod:poss', lemma: 'its' }),
      word(2, 5, { parent: -1, deprel: 'root', lemma: '_' }),
      word(5, 8, { parent: 1, deprel: 'obl:tmod' }),
      word(8, 9, { parent: 1, deprel: 'punct', upos: 'PUNCT' }),
    ]);
    const system = udText([
      word(0, 2, { parent: 1, deprel: 'nmod', lemma: 'it' }),
      word(2, 5, { parent: -1, deprel: 'root', lemma: 'anything' }),
      word(5, 8, { parent: 0, deprel: 'obl:tmod' }),
      word(8, 9, { parent: 1, deprel: 'obj', upos: 'NOUN' }),
    ]);
    const s = scoreParse(gold, system);
    expect(s.words.correct).toBe(4);
    expect(s.upos.correct).toBe(3);
    // "_" in the gold lemma counts as matched.
    expect(s.lemma.correct).toBe(3);
    expect(s.uas.correct).toBe(3);
    expect(s.las.correct).toBe(2);
    expect(s.lasFull.correct).toBe(1);
    expect(s.deprelConfusions).toEqual([{ gold: 'punct', system: 'obj', count: 1 }]);
    expect(s.uposConfusions).toEqual([{ gold: 'PUNCT', system: 'NOUN', count: 1 }]);
    expect(s.relations.map((r) => [r.deprel, r.gold - r.correct, r.wrongHead, r.wrongLabel])).toEqual([
      ['obl', 1, 1, 0],
      ['punct', 1, 0, 1],
      ['nmod', 0, 0, 0],
      ['root', 0, 0, 0],
    ]);
  });

  it('is an F1 over words when the tokenizations differ: precision over system words, recall over gold', () => {
    // Gold "al", "-", "Tesk", "." against system "al-Tesk", ".": one word of four aligned.
    const gold = udText([word(0, 2, { parent: 1 }), word(2, 3, { parent: 2 }), word(3, 7, { parent: 3 }), word(7, 8)]);
    const system = udText([word(0, 7, { parent: 1 }), word(7, 8)]);
    const s = scoreParse(gold, system);
    expect([s.words.precision, s.words.recall, s.words.f1]).toEqual([0.5, 0.25, 1 / 3]);
    expect(s.uas.alignedAccuracy).toBe(1);
    expect(s.tokens.correct).toBe(1);
    expect(s.relations[0]).toMatchObject({ deprel: 'root', gold: 4, correct: 1, unaligned: 3 });
  });
});

describe('runParseEval', () => {
  it('scores on gold tokenization: every word aligned, F1 is accuracy', async () => {
    const result = await runParseEval(FIXTURE, { loadSystem: fakeSystem });
    const { scores } = result;
    expect(result.mode).toBe('gold-tokenization');
    expect([result.sentences, result.words, result.systemWords]).toEqual([3, 26, 26]);
    expect(scores.upos.correct).toBe(25);
    expect(scores.xpos.correct).toBe(26);
    // Lower-cased forms: wrong for do, not, Rowan, Bay, Mara, Tesk, stay, Monday, talk.
    expect(scores.lemma.correct).toBe(17);
    expect(scores.uas.correct).toBe(14);
    expect(scores.las.correct).toBe(13);
    expect(scores.lasFull.correct).toBe(12);
    expect(scores.las.f1).toBeCloseTo(13 / 26, 10);
    const lines = formatParseEvalLines(result);
    expect(lines[lines.length - 1]).toMatch(/^eval parse upos=0\.9615 xpos=1\.0000 lemma=0\.6538 uas=0\.5385 las=0\.5000 words=26 wps=\d+$/);
    expect(lines.some((l) => /^las-full +0\.4615/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('tokens'))).toBe(false);
    expect(lines).toContain('upos confusions: PROPN→NOUN 1');
    expect(lines).toContain('relation confusions (right head): advmod→obl 1');
  });

  it('scores from raw text: tokens, sentences and words F1, the rest as F1 over aligned words', async () => {
    const result = await runParseEval(FIXTURE, { raw: true, loadSystem: fakeSystem });
    const { scores } = result;
    expect(result.mode).toBe('raw');
    expect(result.systemWords).toBe(23);
    expect([scores.tokens.gold, scores.tokens.system, scores.tokens.correct]).toEqual([25, 23, 22]);
    expect([scores.sentences.gold, scores.sentences.system, scores.sentences.correct]).toEqual([3, 3, 3]);
    // did + n't and al + - + Tesk have no system word.
    expect(scores.words.correct).toBe(21);
    expect([scores.upos.correct, scores.xpos.correct, scores.lemma.correct]).toEqual([20, 21, 15]);
    expect([scores.uas.correct, scores.las.correct, scores.lasFull.correct]).toEqual([12, 11, 10]);
    const lines = formatParseEvalLines(result);
    expect(lines.find((l) => l.startsWith('words'))).toMatch(/^words +0\.9130 +0\.8077 +0\.8571$/);
    expect(lines[lines.length - 1]).toMatch(/^eval parse upos=0\.8163 xpos=0\.8571 lemma=0\.6122 uas=0\.4898 las=0\.4490 words=26 wps=\d+$/);
  });

  // conllu.ts reads a bare "# newdoc" but not UD's usual "# newdoc id = …" (its comment
  // pattern allows only "key = value"), so the fixture's two documents read as one.
  // Flip to `it` once the reader takes "# newdoc id = …" and "# newpar id = …".
  it('makes one running text per "# newdoc id = …" document', async () => {
    const result = await runParseEval(FIXTURE, { raw: true, loadSystem: fakeSystem });
    expect(result.documents).toBe(2);
  });

  it('takes the first N sentences with limit, and prints JSON', async () => {
    const result = await runParseEval(FIXTURE, { limit: 1, loadSystem: fakeSystem });
    expect([result.sentences, result.words]).toEqual([1, 9]);
    const json = JSON.parse(formatParseEvalJson(result)) as { words: number; scores: { las: { f1: number } } };
    expect(json.words).toBe(9);
    expect(json.scores.las.f1).toBeCloseTo(result.scores.las.f1, 10);
  });

  it('rejects a missing file, an empty one, and a malformed line, naming the file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-parse-eval-'));
    const empty = join(dir, 'empty.conllu');
    const short = join(dir, 'short.conllu');
    writeFileSync(empty, '\n');
    writeFileSync(short, conllu('# text = Gulls flew.', '1 Gulls gull NOUN NNS _ 2 nsubj _ _', '2\tflew\tfly'));
    await expect(runParseEval(join(dir, 'missing.conllu'), { loadSystem: fakeSystem })).rejects.toThrow(/missing\.conllu.*cannot read/);
    await expect(runParseEval(empty, { loadSystem: fakeSystem })).rejects.toThrow(InputError);
    await expect(runParseEval(short, { loadSystem: fakeSystem })).rejects.toThrow(ConlluError);
    await expect(runParseEval(short, { loadSystem: fakeSystem })).rejects.toThrow(/short\.conllu:3: expected 10 tab-separated columns, found 3/);
  });

  it('checks the analysis it is given: one per word, heads inside the sentence', async () => {
    const broken = (heads: number): ParseSystem => ({ analyzeWords: (words) => words.map(() => guess('x', heads)), analyzeText });
    await expect(runParseEval(FIXTURE, { loadSystem: () => broken(40) })).rejects.toThrow(/head 40, outside 0\.\.9/);
  });
});

describe('dossier eval parse', () => {
  it('fails on a missing file with its name, exit 1, before loading any model', async () => {
    const stderr: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => stderr.push(chunk) > 0) as typeof process.stderr.write;
    try {
      expect(await main(['eval', 'parse', '--conllu', 'no-such-file.conllu'])).toBe(1);
      expect(await main(['eval', 'parse', '--conllu', FIXTURE, '--limit', '0'])).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(stderr.join('')).toMatch(/no-such-file\.conllu.*cannot read/);
    expect(stderr.join('')).toMatch(/--limit must be at least 1/);
  });
});
