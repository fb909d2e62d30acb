import { InputError } from '../errors.js';
import type { Document } from '../text/document.js';
import { type ConlluSentence, readConllu } from './conllu.js';
import { type RunningText, runningTexts } from './conllu-text.js';
import { type ParseScores, type Score, scoreParse } from './parse-score.js';
import { documentUdText, goldUdText, type UdText, type UdWord } from './parse-words.js';

/**
 * `dossier eval parse`: the tagger, lemmatizer and parser scored on a CoNLL-U file as the
 * CoNLL 2018 shared task scores them, on syntactic words, punctuation included. By default
 * on the gold words; with `raw`, from the running text through Dossier's own tokenizer and
 * sentence splitter, every metric then an F1 over words aligned by their characters.
 */

/** What the parser says of one word (the shape of src/nlp/syntax's WordAnalysis). */
export interface SystemWordAnalysis {
  readonly upos: string;
  readonly xpos: string;
  readonly lemma: string;
  /** 1-based head in the sentence, 0 for the root. */
  readonly head: number;
  readonly deprel: string;
}

/** The system under test; parse-system.ts makes Dossier's, tests make their own. */
export interface ParseSystem {
  /** One sentence of given words (gold tokenization). */
  analyzeWords(words: readonly string[]): readonly SystemWordAnalysis[];
  /** A Document of `raw` with its tokens, sentences and syntax layers. */
  analyzeText(id: string, raw: string): Document;
}

export interface ParseEvalOptions {
  /** From the running text (`# text`) through Dossier's tokenizer and sentence splitter. */
  readonly raw?: boolean;
  /** Score the first N sentences only. */
  readonly limit?: number;
  /** Dossier's own system unless given. */
  readonly loadSystem?: () => ParseSystem | Promise<ParseSystem>;
}

export interface ParseEvalResult {
  readonly file: string;
  readonly mode: 'gold-tokenization' | 'raw';
  readonly documents: number;
  readonly sentences: number;
  /** Gold syntactic words (multiword tokens and empty nodes are not words). */
  readonly words: number;
  readonly systemWords: number;
  readonly scores: ParseScores;
  /** Analysis only: neither reading the file, nor loading the model, nor scoring. */
  readonly seconds: number;
  readonly loadSeconds: number;
  /** Gold words per second of analysis. */
  readonly wordsPerSecond: number;
}

const loadDossierSystem = async (): Promise<ParseSystem> => (await import('./parse-system.js')).loadParseSystem();

export async function runParseEval(file: string, options: ParseEvalOptions = {}): Promise<ParseEvalResult> {
  const all = readConllu(file);
  if (all.length === 0) throw new InputError('DOSSIER_INPUT_EMPTY', { file }, 'the CoNLL-U file holds no sentences');
  const sentences = options.limit === undefined ? all : all.slice(0, options.limit);
  // Everything the file can get wrong is found before the model loads.
  const gold = goldUdText(sentences, file);
  const texts = options.raw ? runningTexts(sentences, file) : null;
  const loadStarted = performance.now();
  const system = await (options.loadSystem ?? loadDossierSystem)();
  const loadSeconds = (performance.now() - loadStarted) / 1000;

  let analysis: { text: UdText; seconds: number };
  let documents: number;
  if (texts === null) {
    analysis = analyzeGoldWords(system, sentences, gold);
    documents = sentences.filter((s, i) => i === 0 || s.newDoc).length;
  } else {
    analysis = analyzeRunningTexts(system, texts);
    documents = texts.length;
  }
  // On gold words the pairing is given; from raw text the words are aligned by span.
  const identity = Int32Array.from(gold.words, (_, i) => i);
  const scores = texts === null ? scoreParse(gold, analysis.text, identity) : scoreParse(gold, analysis.text);
  return {
    file,
    mode: texts === null ? 'gold-tokenization' : 'raw',
    documents,
    sentences: sentences.length,
    words: gold.words.length,
    systemWords: analysis.text.words.length,
    scores,
    seconds: analysis.seconds,
    loadSeconds,
    wordsPerSecond: analysis.seconds > 0 ? gold.words.length / analysis.seconds : 0,
  };
}

/** The system's analysis of each gold sentence's words, on the gold spans. */
function analyzeGoldWords(system: ParseSystem, sentences: readonly ConlluSentence[], gold: UdText): { text: UdText; seconds: number } {
  const words: UdWord[] = [];
  let ms = 0;
  for (const sentence of sentences) {
    const forms = sentence.words.map((w) => w.form);
    const started = performance.now();
    const analyzed = system.analyzeWords(forms);
    ms += performance.now() - started;
    if (analyzed.length !== forms.length) {
      throw new Error(`eval parse: the parser returned ${analyzed.length} analyses for the ${forms.length} words of sentence ${sentence.id}`);
    }
    const base = words.length;
    analyzed.forEach((a, i) => {
      if (!Number.isInteger(a.head) || a.head < 0 || a.head > forms.length) {
        throw new Error(`eval parse: the parser gave word ${i + 1} of sentence ${sentence.id} head ${a.head}, outside 0..${forms.length}`);
      }
      const g = gold.words[base + i]!;
      words.push({ ...g, upos: a.upos, xpos: a.xpos, lemma: a.lemma, parent: a.head === 0 ? -1 : base + a.head - 1, deprel: a.deprel });
    });
  }
  return { text: { tokens: gold.tokens, sentences: gold.sentences, words, length: gold.length }, seconds: ms / 1000 };
}

/** The system's tokens, sentences and words of each running text, offsets continued from one text to the next. */
function analyzeRunningTexts(system: ParseSystem, texts: readonly RunningText[]): { text: UdText; seconds: number } {
  const parts: UdText[] = [];
  let ms = 0;
  let base = 0;
  let wordBase = 0;
  texts.forEach((text, d) => {
    const started = performance.now();
    const doc = system.analyzeText(`conllu-${d + 1}`, text.raw);
    ms += performance.now() - started;
    const part = documentUdText(doc, text.raw, base, wordBase);
    base += part.length;
    wordBase += part.words.length;
    parts.push(part);
  });
  return {
    text: {
      tokens: parts.flatMap((p) => p.tokens),
      sentences: parts.flatMap((p) => p.sentences),
      words: parts.flatMap((p) => p.words),
      length: base,
    },
    seconds: ms / 1000,
  };
}

const figure = (value: number): string => value.toFixed(4);

/** Top relations by LAS errors shown in the table. */
const RELATION_ROWS = 12;
const CONFUSIONS_SHOWN = 8;

/** The metrics table, the relations with most errors, the commonest confusions, throughput, then the summary line. */
export function formatParseEvalLines(result: ParseEvalResult): string[] {
  const { scores } = result;
  const row = (name: string, s: Score): string =>
    `${name.padEnd(10)} ${figure(s.precision).padStart(9)} ${figure(s.recall).padStart(9)} ${figure(s.f1).padStart(9)}` +
    (s.alignedAccuracy === null ? '' : figure(s.alignedAccuracy).padStart(12));
  const raw = result.mode === 'raw';
  const relationRow = (r: ParseScores['relations'][number]): string =>
    `${r.deprel.padEnd(12)} ${String(r.gold).padStart(6)} ${String(r.gold - r.correct).padStart(6)} ${String(r.wrongHead).padStart(6)}` +
    ` ${String(r.wrongLabel).padStart(6)}${raw ? String(r.unaligned).padStart(10) : ''}  ${figure(r.gold > 0 ? r.correct / r.gold : 0)}`;
  const confused = (list: ParseScores['uposConfusions']): string =>
    list.length === 0 ? 'none' : list.slice(0, CONFUSIONS_SHOWN).map((c) => `${c.gold}→${c.system} ${c.count}`).join(', ');
  const rate = Math.round(result.wordsPerSecond);
  return [
    `${result.mode === 'raw' ? 'from raw text (Dossier tokenizer and sentence splitter)' : 'on gold tokenization'}: ${result.file}`,
    `metric     precision    recall        f1 aligned-acc`,
    ...(raw ? [row('tokens', scores.tokens), row('sentences', scores.sentences), row('words', scores.words)] : []),
    row('upos', scores.upos),
    row('xpos', scores.xpos),
    row('lemma', scores.lemma),
    row('uas', scores.uas),
    row('las', scores.las),
    row('las-full', scores.lasFull),
    'las compares the universal relation (CoNLL 2018); las-full compares the full relation, subtypes included',
    '',
    `relation       gold errors   head  label${raw ? ' unaligned' : ''}  las`,
    ...scores.relations.slice(0, RELATION_ROWS).map(relationRow),
    `relation confusions (right head): ${confused(scores.deprelConfusions)}`,
    `upos confusions: ${confused(scores.uposConfusions)}`,
    '',
    `${result.documents} documents, ${result.sentences} sentences, ${result.words} words, ${result.systemWords} system words` +
      ` analyzed in ${result.seconds.toFixed(2)} s (${rate} words/s); model loaded in ${result.loadSeconds.toFixed(3)} s`,
    `eval parse upos=${figure(scores.upos.f1)} xpos=${figure(scores.xpos.f1)} lemma=${figure(scores.lemma.f1)}` +
      ` uas=${figure(scores.uas.f1)} las=${figure(scores.las.f1)} words=${result.words} wps=${rate}`,
  ];
}

/** The whole result as JSON, for --json. */
export function formatParseEvalJson(result: ParseEvalResult): string {
  return JSON.stringify(result, null, 2);
}
