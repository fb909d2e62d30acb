/**
 * Dossier's entity tagger against compromise, the usual JavaScript choice, on CoNLL-2003
 * eng.testa: `npx tsx bench/ner-compromise.ts [path]`. compromise reads each document as
 * its tokens joined by spaces (one sentence a line); its people(), places() and
 * organizations() become PER, LOC and ORG, and both systems are scored with the same
 * exact-match scorer over PER, LOC and ORG. Both are timed after a short warm-up, model
 * loading excluded. compromise is a dev dependency: bench only.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { bioToSpans, type ConllDocument, readConll, type TokenSpan } from '../src/eval/conll.js';
import { type EntityScores, scoreEntities } from '../src/eval/ner-eval.js';
import { loadNerModel, tagSentences } from '../src/nlp/ner/recognize.js';

const TYPES = ['PER', 'LOC', 'ORG'];
const path = process.argv[2] ?? fileURLToPath(new URL('../../shared/eval/conll2003/eng.testa', import.meta.url));
if (!existsSync(path)) {
  console.error(`no CoNLL file at ${path} (it ships with ../shared)`);
  process.exit(2);
}

interface Placed {
  readonly sentence: number;
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

interface CompromiseMatch {
  readonly offset?: { readonly start: number; readonly length: number };
}

/** The document as compromise sees it, and where each token sits in that text. */
function layout(doc: ConllDocument): { text: string; tokens: Placed[] } {
  let text = '';
  const tokens: Placed[] = [];
  doc.sentences.forEach((sentence, s) => {
    if (s > 0) text += '\n';
    sentence.words.forEach((word, i) => {
      if (i > 0) text += ' ';
      tokens.push({ sentence: s, index: i, start: text.length, end: text.length + word.length });
      text += word;
    });
  });
  return { text, tokens };
}

/** Token spans covered by a character range, trimmed of punctuation, within one sentence. */
function toTokenSpan(tokens: readonly Placed[], text: string, start: number, end: number): Placed[] {
  const covered = tokens.filter((t) => t.start < end && t.end > start);
  const wordy = (t: Placed) => /[\p{L}\p{N}]/u.test(text.slice(t.start, t.end));
  while (covered.length > 0 && !wordy(covered[0]!)) covered.shift();
  while (covered.length > 0 && !wordy(covered.at(-1)!)) covered.pop();
  const first = covered[0];
  return first === undefined ? [] : covered.filter((t) => t.sentence === first.sentence);
}

function compromiseSpans(doc: ConllDocument): TokenSpan[][] {
  const { text, tokens } = layout(doc);
  const out: TokenSpan[][] = doc.sentences.map(() => []);
  const parsed = nlp(text);
  const groups: Array<[string, CompromiseMatch[]]> = [
    ['PER', parsed.people().json({ offset: true }) as CompromiseMatch[]],
    ['LOC', parsed.places().json({ offset: true }) as CompromiseMatch[]],
    ['ORG', parsed.organizations().json({ offset: true }) as CompromiseMatch[]],
  ];
  for (const [type, matches] of groups) {
    for (const match of matches) {
      if (match.offset === undefined) continue;
      const covered = toTokenSpan(tokens, text, match.offset.start, match.offset.start + match.offset.length);
      const first = covered[0];
      const last = covered.at(-1);
      if (first === undefined || last === undefined) continue;
      out[first.sentence]!.push({ start: first.index, end: last.index + 1, type });
    }
  }
  return out;
}

const documents = await readConll(path);
const gold = documents.flatMap((doc) => doc.sentences.map((s) => s.entities));
const words = gold.length === 0 ? 0 : documents.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.words.length, 0), 0);

function timed(run: () => TokenSpan[][]): { spans: TokenSpan[][]; seconds: number } {
  const started = performance.now();
  const spans = run();
  return { spans, seconds: (performance.now() - started) / 1000 };
}

const model = loadNerModel();
const dossierSpans = (docs: readonly ConllDocument[]): TokenSpan[][] =>
  docs.flatMap((doc) =>
    tagSentences(
      model,
      doc.sentences.map((s) => s.words),
    ).map((tagged) => bioToSpans(tagged.map((t) => t.label))),
  );
// One untimed pass over a few documents each, so neither is timed while the JIT warms up.
dossierSpans(documents.slice(0, 20));
documents.slice(0, 20).forEach(compromiseSpans);
const dossier = timed(() => dossierSpans(documents));
const compromise = timed(() => documents.flatMap(compromiseSpans));

function rows(name: string, scores: EntityScores, seconds: number): string[] {
  const cell = (v: number) => v.toFixed(4);
  const picked = scores.perType.filter((e) => TYPES.includes(e.type));
  return [
    ...picked.map((e) => `${name.padEnd(11)} ${e.type.padEnd(5)} ${cell(e.precision)}  ${cell(e.recall)}  ${cell(e.f1)}`),
    `${name.padEnd(11)} ${'micro'.padEnd(5)} ${cell(scores.micro.precision)}  ${cell(scores.micro.recall)}  ${cell(scores.micro.f1)}` +
      `  ${Math.round(words / seconds).toLocaleString('en-US')} words/s`,
  ];
}

console.log(`${documents.length} documents, ${gold.length} sentences, ${words.toLocaleString('en-US')} words from ${path}`);
console.log('system      type  precision recall  f1');
console.log(rows('dossier', scoreEntities(gold, dossier.spans, TYPES), dossier.seconds).join('\n'));
console.log(rows('compromise', scoreEntities(gold, compromise.spans, TYPES), compromise.seconds).join('\n'));
