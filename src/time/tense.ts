import timeWords from '../knowledge/lexicon/time-words.json' with { type: 'json' };

/**
 * The tense of the clause around a temporal expression, read from marker words near it:
 * a bare weekday or month is resolved backwards from the publication date in past-tense
 * clauses and forwards in future ones. Without a tagger, the nearest marker in the
 * sentence decides ("said Friday that it will…" → past; "will meet on Friday" → future).
 */

export type Tense = 'past' | 'present' | 'future' | 'unknown';

export interface Word {
  readonly start: number;
  readonly end: number;
  /** Lower-cased. */
  readonly norm: string;
}

const FUTURE = new Set([
  'will',
  "'ll",
  '’ll',
  'shall',
  'wo',
  'would',
  'tomorrow',
  'upcoming',
  'until',
  'by',
]);

const PARTICIPLE_HOSTS = new Set(['be', 'been', 'being', 'to', 'is', 'are', 'am']);

const IRREGULAR_PARTICIPLES: ReadonlySet<string> = new Set(timeWords.irregularParticiples.words);

const DETERMINERS: ReadonlySet<string> = new Set(timeWords.adjectiveOpeners.determiners);

const DEGREE_ADVERBS: ReadonlySet<string> = new Set(timeWords.adjectiveOpeners.adverbs);

/** "the proposed merger", "a still unspecified date": a form in -ed after a determiner is an adjective. */
function adjectivePosition(previous: Word | undefined, beforePrevious: Word | undefined): boolean {
  if (previous === undefined) return false;
  if (DETERMINERS.has(previous.norm)) return true;
  const adverb = DEGREE_ADVERBS.has(previous.norm) || (previous.norm.length > 4 && previous.norm.endsWith('ly'));
  return adverb && beforePrevious !== undefined && DETERMINERS.has(beforePrevious.norm);
}

const INTENT = new Set(['going', 'set', 'due', 'scheduled', 'plans', 'plan', 'planned', 'planning', 'expected', 'expects', 'expect', 'intends', 'aims', 'hopes', 'hoped', 'wants', 'agreed', 'promised', 'vowed', 'threatened', 'decided']);

const MODALS = new Set(['will', "'ll", '’ll', 'shall', 'wo', 'would', "won't"]);

const PRESENT = new Set(['is', 'are', 'am', 'says', 'say', 'has', 'have', "'s", 'remains', 'continues']);

const PAST_IRREGULAR = new Set([
  'was',
  'were',
  'had',
  'did',
  'said',
  'told',
  'went',
  'came',
  'made',
  'took',
  'gave',
  'got',
  'met',
  'began',
  'left',
  'held',
  'won',
  'lost',
  'fell',
  'rose',
  'led',
  'sent',
  'saw',
  'found',
  'became',
  'brought',
  'thought',
  'struck',
  'shot',
  'hit',
  'fled',
  'spoke',
  'wrote',
  'sold',
  'bought',
  'paid',
  'ago',
  'yesterday',
  'earlier',
  'last',
  'ended',
]);

// Words in -ed that are rarely past verbs in news.
const NOT_PAST = new Set(['united', 'based', 'related', 'limited', 'red', 'bed', 'need', 'speed', 'seed', 'feed', 'indeed', 'hundred', 'proposed', 'expected', 'scheduled', 'planned', 'armed', 'allied']);

// Auxiliaries of the past perfect: a plan told with them is a past one ("had been due to expire").
const PAST_PERFECT = new Set(['had', "'d", '’d']);

// "is to resume", "are to meet": the verb "be" before "to" and a verb tells what is arranged ahead.
const BE_TO = new Set(['is', 'are']);

function markerTense(word: Word, next: Word | undefined, previous: Word | undefined, beforePrevious: Word | undefined, afterNext: Word | undefined): Tense {
  const w = word.norm;
  // "is expected to", "are scheduled to": the intention after the auxiliary decides, not "is".
  if (BE_TO.has(w) && next !== undefined && INTENT.has(next.norm) && afterNext?.norm === 'to') return 'unknown';
  // "had been due to expire Friday", "had planned to": a plan in the past perfect lies in the past.
  if (INTENT.has(w) && next?.norm === 'to') {
    const auxiliary = previous?.norm === 'been' ? beforePrevious : previous;
    if (auxiliary !== undefined && PAST_PERFECT.has(auxiliary.norm)) return 'past';
  }
  // "plans to", "is set to", "is scheduled to": intentions point ahead, after an auxiliary too.
  if (INTENT.has(w) && next?.norm === 'to') return 'future';
  if (BE_TO.has(w) && next?.norm === 'to') return 'future';
  // A participle after an auxiliary ("would be paid", "is closed") carries no tense: the auxiliary does.
  if (previous !== undefined && PARTICIPLE_HOSTS.has(previous.norm) && (w.endsWith('ed') || IRREGULAR_PARTICIPLES.has(w))) return 'unknown';
  // "the plan" points nowhere; "planned", "agreed" without "to" are past.
  if (INTENT.has(w)) return w.endsWith('ed') && w !== 'scheduled' ? 'past' : 'unknown';
  if (w.endsWith("'ll") || w.endsWith('’ll') || w === "won't") return 'future';
  if (FUTURE.has(w)) return w === 'until' || w === 'by' ? 'unknown' : 'future';
  if (PAST_IRREGULAR.has(w)) return 'past';
  if (PRESENT.has(w)) return 'present';
  if (w.length > 4 && w.endsWith('ed') && !NOT_PAST.has(w) && !adjectivePosition(previous, beforePrevious)) return 'past';
  return 'unknown';
}

const CLAUSE_OPENERS: ReadonlySet<string> = new Set(timeWords.clauseOpeners.words);

/**
 * Whether a past verb governs the expression after `words` (its clause's words before it): one of
 * the last `count` words marks the past tense, counting back no further than a word that opens a
 * clause or an infinitive ("to", "that", "which").
 */
export function pastMarkerBefore(words: readonly Word[], count: number): boolean {
  let from = Math.max(0, words.length - count);
  for (let i = words.length - 1; i >= from; i--) {
    if (CLAUSE_OPENERS.has(words[i]!.norm)) {
      from = i + 1;
      break;
    }
  }
  for (let i = from; i < words.length; i++) {
    if (markerTense(words[i]!, words[i + 1], words[i - 1], words[i - 2], words[i + 2]) === 'past') return true;
  }
  return false;
}

/**
 * The tense of the nearest marker to [start, end) among `words` (one sentence), looking
 * left and right; a future marker within a few words outranks a nearer past one, since
 * "will" governs the main verb that the time expression usually modifies.
 */
export function tenseNear(words: readonly Word[], start: number, end: number): Tense {
  let best: Tense = 'unknown';
  let bestDistance = Number.POSITIVE_INFINITY;
  let modalDistance = Number.POSITIVE_INFINITY;
  let adjacentBefore = false;
  let index = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.end <= start) index = i + 1;
  }
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.start >= start && word.end <= end) continue;
    const tense = markerTense(word, words[i + 1], words[i - 1], words[i - 2], words[i + 2]);
    if (tense === 'unknown') continue;
    const distance = word.end <= start ? index - i : i - index + 1;
    if (MODALS.has(word.norm) && distance < modalDistance) modalDistance = distance;
    if (distance < bestDistance) {
      best = tense;
      bestDistance = distance;
      adjacentBefore = distance === 1 && word.end <= start;
    }
  }
  // "said Friday that it will…", "announced Friday, holders would…": the past verb right before
  // the expression is the one it modifies, and a later modal belongs to the reported clause.
  if (best === 'past' && adjacentBefore) return best;
  if (best !== 'future' && modalDistance <= 5 && modalDistance <= bestDistance + 3) return 'future';
  return best;
}

/** Lower-cased words of `text` between start and end, for callers without a token layer. */
export function wordsOf(text: string, start = 0, end = text.length): Word[] {
  const words: Word[] = [];
  const re = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?|['’]ll/gu;
  re.lastIndex = start;
  for (let m = re.exec(text); m !== null && m.index < end; m = re.exec(text)) {
    words.push({ start: m.index, end: m.index + m[0].length, norm: m[0].toLowerCase() });
  }
  return words;
}
