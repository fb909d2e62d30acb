import type { Span, TimeAttrs } from '../text/document.js';
import { type Day, dctDay, parseDct } from './calendar.js';
import { alignRanges } from './date-ranges.js';
import type { Point } from './point.js';
import type { Built, RuleContext } from './rule-context.js';
import { pastMarkerBefore, type Tense, tenseNear, type Word, wordsOf } from './tense.js';
import { TIME_RULES, type TimeRule } from './time-rules.js';
import { lowerBound } from '../text/lower-bound.js';
import { longestMatches } from './longest-matches.js';

export type TimeMention = Span & TimeAttrs;

export interface ExtractTimesOptions {
  /** Sentence spans of `text`; without them sentences are cut at ". " and blank lines. */
  readonly sentences?: readonly Span[];
  /** Word tokens of `text` (norm lower-cased) for tense detection; made from the text if absent. */
  readonly tokens?: readonly (Span & { readonly norm: string })[];
  /** The rules to run, for tests of one rule; all of them by default. */
  readonly rules?: readonly TimeRule[];
}

/** How many sentences on a named quarter stays the period that "a year ago" compares with. */
const QUARTER_REACH = 3;

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly rule: TimeRule;
  readonly order: number;
  readonly match: RegExpExecArray;
}

/**
 * Every temporal expression of `text`, normalized TimeML-style against `dct` (the
 * publication date, "2020-05-05" or coarser, or null): all rules match, the longest
 * non-overlapping matches win, then each is built in text order so that anchored
 * expressions ("two days later") read the date the narrative last named.
 */
export function extractTimes(text: string, dct: string | null, options: ExtractTimesOptions = {}): TimeMention[] {
  const rules = options.rules ?? TIME_RULES;
  const chosen = longestMatches(findCandidates(text, rules));
  const parsedDct = parseDct(dct);
  const today = dctDay(parsedDct);
  const sentences = options.sentences ?? roughSentences(text);
  const out: TimeMention[] = [];
  let reference: { point: Point; sentence: number } | null = null;
  let lastQuarter: { point: Point; sentence: number } | null = null;
  let sentenceIndex = 0;
  for (const candidate of chosen) {
    while (sentenceIndex < sentences.length - 1 && sentences[sentenceIndex]!.end <= candidate.start) sentenceIndex++;
    const sentence = sentences[sentenceIndex] ?? { start: 0, end: text.length };
    const currentSentence = sentenceIndex;
    const lastReference = reference;
    const quarterSoFar = lastQuarter !== null && currentSentence - lastQuarter.sentence <= QUARTER_REACH ? lastQuarter.point : null;
    const ctx: RuleContext = {
      text,
      start: candidate.start,
      end: candidate.end,
      dct: parsedDct,
      today,
      tense: () => tenseOf(text, sentence, candidate, options.tokens),
      tenseAfter: (offset) => tenseOf(text, { start: Math.max(offset, sentence.start), end: sentence.end }, { start: offset, end: offset }, options.tokens),
      pastVerbBefore: () => pastMarkerBefore(wordsOf(text, clauseStart(text, sentence.start, candidate.start), candidate.start), GOVERNING_WORDS),
      sentenceStart: sentence.start,
      reference: () => lastReference?.point ?? null,
      lastQuarter: () => quarterSoFar,
      nearReference: () => (lastReference !== null && currentSentence - lastReference.sentence <= 1 ? lastReference.point : null),
    };
    const built = candidate.rule.build(candidate.match, ctx);
    if (built === null) continue;
    const mention = toMention(built, candidate, today);
    out.push(mention);
    if (built.point !== undefined && built.type !== 'DURATION' && built.type !== 'SET' && built.keepsReference !== false) {
      reference = { point: built.point, sentence: currentSentence };
      if (built.point.precision === 'quarter') lastQuarter = { point: built.point, sentence: currentSentence };
    }
  }
  return alignRanges(text, out, today, (span) => {
    const sentence = sentences.find((x) => x.start <= span.start && span.start < x.end) ?? { start: 0, end: text.length };
    return tenseOf(text, sentence, span, options.tokens);
  });
}

function findCandidates(text: string, rules: readonly TimeRule[]): Candidate[] {
  const found: Candidate[] = [];
  rules.forEach((rule, order) => {
    const pattern = new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`);
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      if (rule.accept !== undefined && !rule.accept(m, text)) continue;
      const end = trimEnd(text, m.index, m.index + m[0].length);
      found.push({ start: m.index, end, rule, order, match: m });
    }
  });
  return found;
}

// How many words before a time expression a past verb may stand and still govern it: a short
// clause ("collapsed in June", "clashed with police in the capital in June").
const GOVERNING_WORDS = 8;

/** Where the clause before `offset` starts: after the last comma, semicolon, colon or dash of the sentence. */
function clauseStart(text: string, sentenceStart: number, offset: number): number {
  for (let i = offset - 1; i > sentenceStart; i--) if (/[,;:—–]/.test(text[i] ?? '')) return i + 1;
  return sentenceStart;
}

// A match never ends in spaces or a comma ("Friday, " → "Friday").
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start + 1 && /[\s,]/.test(text[e - 1] ?? '')) e--;
  return e;
}

function toMention(built: Built, candidate: Candidate, today: Day | null): TimeMention {
  const start = built.start ?? candidate.start;
  const end = built.end ?? candidate.end;
  const anchor = built.anchor === 'dct' && today === null ? 'none' : built.anchor;
  return Object.freeze({
    start,
    end,
    type: built.type,
    value: built.value,
    precision: built.precision,
    anchor,
    mod: built.mod,
    reason: built.reason,
  });
}

function tenseOf(text: string, sentence: Span, span: Span, tokens: ExtractTimesOptions['tokens']): Tense {
  if (tokens === undefined) return tenseNear(wordsOf(text, sentence.start, sentence.end), span.start, span.end);
  const words: Word[] = [];
  for (let i = firstAtOrAfter(tokens, sentence.start); i < tokens.length && tokens[i]!.end <= sentence.end; i++) words.push(tokens[i]!);
  return tenseNear(words, span.start, span.end);
}

function firstAtOrAfter(spans: readonly Span[], offset: number): number {
  return lowerBound(spans, (s) => s.start < offset);
}

/** Sentence spans for callers without a sentence layer: cut after . ! ? before a capital, and at blank lines. */
export function roughSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const re = /[.!?]["'”’)]*\s+(?=["“'‘(]?[A-Z0-9])|\n\s*\n/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + m[0].length;
    spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}
