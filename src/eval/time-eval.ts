import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { InputError } from '../errors.js';
import { createPipeline } from '../pipeline/pipeline.js';
import { createDocument } from '../text/create-document.js';
import { createParagraphsStage } from '../text/paragraphs-stage.js';
import { createSentencesStage } from '../text/sentences-stage.js';
import { toRaw } from '../text/span.js';
import { createTokensStage } from '../text/tokens-stage.js';
import { createTimesStage } from '../time/times-stage.js';
import { type GoldTimex, parseTimeml } from './timeml.js';

/**
 * Scores Dossier's times layer on TimeML gold (TempEval-3 task A, timex part). Each file's
 * text goes through the stages an article's times layer depends on (createDocument, the text
 * stages, the times stage) with the DCT as publication date; spans are mapped back to the TimeML text.
 *
 * Measures, as in the TempEval-3 scorer: gold and system timexes are paired one-to-one by
 * overlap (an exact-extent pair first). Strict P/R/F1 count pairs with identical extents,
 * relaxed P/R/F1 count all pairs. Type and value are judged on the relaxed pairs:
 * attribute P = correct / system, R = correct / gold, so attribute F1 = relaxed F1 ×
 * attribute accuracy (UzZaman et al. 2013, section 4.1).
 */

export interface PrfCounts {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface TimeScores {
  readonly documents: number;
  readonly gold: number;
  readonly system: number;
  readonly strictMatches: number;
  readonly relaxedMatches: number;
  readonly typeCorrect: number;
  readonly valueCorrect: number;
  readonly strict: PrfCounts;
  readonly relaxed: PrfCounts;
  readonly value: PrfCounts;
  readonly type: PrfCounts;
  readonly typeAccuracy: number;
  readonly valueAccuracy: number;
  readonly words: number;
  readonly seconds: number;
  /** Scores per top folder under the path ("TimeBank", "AQUAINT"), when there are several. */
  readonly parts: ReadonlyMap<string, TimeScores>;
  readonly errors: readonly TimeError[];
  /** Files that could not be read as TimeML: named, skipped, and the rest scored. */
  readonly rejected: readonly InputError[];
}

/** One disagreement, for reading what the rules miss. */
export interface TimeError {
  readonly file: string;
  readonly kind: 'missed' | 'spurious' | 'extent' | 'type' | 'value';
  readonly gold: string | null;
  readonly system: string | null;
  readonly context: string;
}

interface Tally {
  documents: number;
  gold: number;
  system: number;
  strict: number;
  relaxed: number;
  type: number;
  value: number;
  words: number;
  seconds: number;
}

export async function runTimeEval(path: string): Promise<TimeScores> {
  const files = await timemlFiles(path);
  // Only the stages the times layer reads, so the score does not move with unrelated stages.
  const pipeline = createPipeline([createParagraphsStage(), createTokensStage(), createSentencesStage(), createTimesStage()]);
  const total = emptyTally();
  const parts = new Map<string, Tally>();
  const errors: TimeError[] = [];
  const rejected: InputError[] = [];
  for (const file of files) {
    let doc: ReturnType<typeof parseTimeml>;
    try {
      doc = parseTimeml(file, await readFile(file, 'utf8'));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      rejected.push(error);
      continue;
    }
    const started = performance.now();
    const analysed = pipeline.run(createDocument(doc.docId || file, doc.text, { published: doc.dct }));
    const seconds = (performance.now() - started) / 1000;
    const system = (analysed.layers.times ?? []).map((t) => ({
      start: toRaw(analysed, t.start),
      end: toRaw(analysed, t.end - 1) + 1,
      type: t.type,
      value: t.value,
    }));
    const tally = scoreDocument(file, doc.text, doc.timexes, system, errors);
    tally.seconds = seconds;
    tally.words = (analysed.layers.tokens ?? []).length;
    const within = relative(path, file).split(sep);
    const part = within.length > 1 ? (within[0] ?? '') : '';
    const partTally = parts.get(part) ?? emptyTally();
    parts.set(part, partTally);
    for (const t of [total, partTally]) addTally(t, tally);
  }
  const partScores = new Map<string, TimeScores>();
  if (parts.size > 1) for (const [name, tally] of parts) partScores.set(name, toScores(tally, new Map(), [], []));
  return toScores(total, partScores, errors, rejected);
}

interface SystemTimex {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly value: string;
}

function scoreDocument(file: string, text: string, gold: readonly GoldTimex[], system: readonly SystemTimex[], errors: TimeError[]): Tally {
  const tally = emptyTally();
  tally.documents = 1;
  tally.gold = gold.length;
  tally.system = system.length;
  const usedSystem = new Set<number>();
  const pairOf = new Map<number, number>();
  // Exact extents pair first, then any overlap, so one long system span cannot take two golds.
  for (const exact of [true, false]) {
    gold.forEach((g, gi) => {
      if (pairOf.has(gi)) return;
      const si = system.findIndex(
        (s, i) => !usedSystem.has(i) && (exact ? s.start === g.start && s.end === g.end : s.start < g.end && g.start < s.end),
      );
      if (si >= 0) {
        usedSystem.add(si);
        pairOf.set(gi, si);
      }
    });
  }
  const show = (span: { start: number; end: number }): string => text.slice(span.start, span.end);
  const context = (start: number, end: number): string =>
    `${text.slice(Math.max(0, start - 50), start)}[[${text.slice(start, end)}]]${text.slice(end, end + 30)}`.replace(/\s+/g, ' ');
  gold.forEach((g, gi) => {
    const si = pairOf.get(gi);
    if (si === undefined) {
      errors.push({ file, kind: 'missed', gold: `${g.type} ${g.value} "${g.text}"`, system: null, context: context(g.start, g.end) });
      return;
    }
    const s = system[si]!;
    tally.relaxed++;
    const sameExtent = s.start === g.start && s.end === g.end;
    if (sameExtent) tally.strict++;
    if (s.type === g.type) tally.type++;
    if (s.value === g.value) tally.value++;
    const kind = s.value !== g.value ? 'value' : s.type !== g.type ? 'type' : !sameExtent ? 'extent' : null;
    if (kind !== null) {
      errors.push({ file, kind, gold: `${g.type} ${g.value} "${g.text}"`, system: `${s.type} ${s.value} "${show(s)}"`, context: context(g.start, g.end) });
    }
  });
  system.forEach((s, si) => {
    if (!usedSystem.has(si)) errors.push({ file, kind: 'spurious', gold: null, system: `${s.type} ${s.value} "${show(s)}"`, context: context(s.start, s.end) });
  });
  return tally;
}

function emptyTally(): Tally {
  return { documents: 0, gold: 0, system: 0, strict: 0, relaxed: 0, type: 0, value: 0, words: 0, seconds: 0 };
}

function addTally(into: Tally, t: Tally): void {
  into.documents += t.documents;
  into.gold += t.gold;
  into.system += t.system;
  into.strict += t.strict;
  into.relaxed += t.relaxed;
  into.type += t.type;
  into.value += t.value;
  into.words += t.words;
  into.seconds += t.seconds;
}

function prf(correct: number, system: number, gold: number): PrfCounts {
  const precision = system === 0 ? 0 : correct / system;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function toScores(t: Tally, parts: ReadonlyMap<string, TimeScores>, errors: readonly TimeError[], rejected: readonly InputError[]): TimeScores {
  return {
    rejected,
    documents: t.documents,
    gold: t.gold,
    system: t.system,
    strictMatches: t.strict,
    relaxedMatches: t.relaxed,
    typeCorrect: t.type,
    valueCorrect: t.value,
    strict: prf(t.strict, t.system, t.gold),
    relaxed: prf(t.relaxed, t.system, t.gold),
    value: prf(t.value, t.system, t.gold),
    type: prf(t.type, t.system, t.gold),
    typeAccuracy: t.relaxed === 0 ? 0 : t.type / t.relaxed,
    valueAccuracy: t.relaxed === 0 ? 0 : t.value / t.relaxed,
    words: t.words,
    seconds: t.seconds,
    parts,
    errors,
  };
}

async function timemlFiles(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const out: string[] = [];
  for (const entry of (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) out.push(...(await timemlFiles(full)));
    else if (entry.name.endsWith('.tml') && !entry.name.startsWith('._')) out.push(full);
  }
  return out;
}

/**
 * The printed report: one line per part (when the path holds several), then the totals,
 * speed, and last the summary line
 * "eval time value_f1=0.8000 strict_f1=0.7800 relaxed_f1=0.8900 type_acc=0.9000".
 */
export function formatTimeEvalLines(s: TimeScores): string[] {
  const f = (x: number): string => x.toFixed(4);
  const describe = (name: string, p: TimeScores): string =>
    `${name}: docs=${p.documents} gold=${p.gold} system=${p.system}` +
    ` strict P/R/F1=${f(p.strict.precision)}/${f(p.strict.recall)}/${f(p.strict.f1)}` +
    ` relaxed P/R/F1=${f(p.relaxed.precision)}/${f(p.relaxed.recall)}/${f(p.relaxed.f1)}` +
    ` value P/R/F1=${f(p.value.precision)}/${f(p.value.recall)}/${f(p.value.f1)}` +
    ` type_acc=${f(p.typeAccuracy)} value_acc=${f(p.valueAccuracy)}`;
  const lines = [...s.parts].map(([name, part]) => describe(name, part));
  lines.push(describe('all', s));
  const perSecond = (n: number): string => (s.seconds > 0 ? String(Math.round(n / s.seconds)) : 'n/a');
  lines.push(`speed: ${s.words} tokens in ${s.seconds.toFixed(2)} s (${perSecond(s.words)} tokens/s, ${perSecond(s.system)} expressions/s, all stages)`);
  lines.push(`eval time value_f1=${f(s.value.f1)} strict_f1=${f(s.strict.f1)} relaxed_f1=${f(s.relaxed.f1)} type_acc=${f(s.typeAccuracy)}`);
  return lines;
}
