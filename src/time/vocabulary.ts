/**
 * Words of English temporal expressions as regular-expression fragments, and their values.
 * Month and weekday names are matched capitalized only: "may", "march" and "sun" are words.
 */

/** A fragment matching `word` with either case of its first letter (sentence starts). */
export function cap(word: string): string {
  const first = word[0] ?? '';
  return `[${first.toUpperCase()}${first.toLowerCase()}]${word.slice(1)}`;
}

export const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['january', 1],
  ['jan', 1],
  ['february', 2],
  ['feb', 2],
  ['march', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['may', 5],
  ['june', 6],
  ['jun', 6],
  ['july', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sept', 9],
  ['sep', 9],
  ['october', 10],
  ['oct', 10],
  ['november', 11],
  ['nov', 11],
  ['december', 12],
  ['dec', 12],
]);

export const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  '(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?(?![\\p{L}]))';

export function monthNumber(name: string): number | null {
  return MONTH_NUMBERS.get(name.toLowerCase().replace(/\.$/, '')) ?? null;
}

export const WEEKDAY_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['monday', 1],
  ['tuesday', 2],
  ['wednesday', 3],
  ['thursday', 4],
  ['friday', 5],
  ['saturday', 6],
  ['sunday', 7],
]);

export const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

export function weekdayNumber(name: string): number | null {
  return WEEKDAY_NUMBERS.get(name.toLowerCase().replace(/s$/, '')) ?? null;
}

const SMALL: readonly string[] = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS: readonly string[] = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Cardinals in digits or words; "a few", "several" and the like stand for an unknown amount. */
const NUMBER_WORDS: readonly string[] = [
  'a hundred',
  'one hundred',
  'a couple of',
  'a few',
  'a dozen',
  'couple of',
  'dozens of',
  'hundreds of',
  'thousands of',
  ...SMALL.slice(1),
  'an',
  'a',
  'several',
  'few',
  'many',
  'some',
];

/** Cardinals in digits or words; "a few", "several" and the like stand for an unknown amount. */
export const NUMBER =
  '(?:\\d+(?:\\.\\d+|\\s1/2|½)?|(?:[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|[Ss]eventy|[Ee]ighty|[Nn]inety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|' +
  `${NUMBER_WORDS.map((w) => cap(w)).join('|')})`;

/** The amount a NUMBER match stands for, or null for an unspecified one ("several"). */
export function numberValue(text: string): number | null {
  const s = text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  const half = /^(\d+)(?: 1\/2|½)$/.exec(s);
  if (half !== null) return Number(half[1]) + 0.5;
  if (s === 'a' || s === 'an') return 1;
  if (s === 'a couple of' || s === 'couple of') return 2;
  if (s === 'a dozen') return 12;
  if (s === 'a hundred' || s === 'one hundred') return 100;
  const small = SMALL.indexOf(s);
  if (small >= 0) return small;
  const [tens, unit] = s.split(/[- ]/);
  const t = TENS.indexOf(tens ?? '');
  if (t >= 2) return t * 10 + (unit === undefined ? 0 : Math.max(0, SMALL.indexOf(unit)));
  return null;
}

export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'year' | 'decade' | 'century' | 'millennium';

export const UNIT =
  '(?:seconds?|minutes?|hours?|days?|weekends?|weeks?|months?|quarters?|years?|decades?|century|centuries|millennium|millennia)';

export function unitOf(word: string): Unit | null {
  const s = word.toLowerCase();
  if (s.startsWith('second')) return 'second';
  if (s.startsWith('minute')) return 'minute';
  if (s.startsWith('hour')) return 'hour';
  if (s.startsWith('day')) return 'day';
  if (s.startsWith('weekend')) return 'weekend';
  if (s.startsWith('week')) return 'week';
  if (s.startsWith('month')) return 'month';
  if (s.startsWith('quarter')) return 'quarter';
  if (s.startsWith('year')) return 'year';
  if (s.startsWith('decade')) return 'decade';
  if (s.startsWith('centur')) return 'century';
  if (s.startsWith('millenni')) return 'millennium';
  return null;
}

/** ISO 8601 duration for `n` units (null n: "X", unspecified). */
export function durationValue(n: number | null, unit: Unit): string {
  const amount = (k: number): string => (n === null ? 'X' : formatAmount(n * k));
  switch (unit) {
    case 'second':
      return `PT${amount(1)}S`;
    case 'minute':
      return `PT${amount(1)}M`;
    case 'hour':
      return `PT${amount(1)}H`;
    case 'day':
      return `P${amount(1)}D`;
    case 'weekend':
      return `P${n === null ? 'X' : formatAmount(n * 2)}D`;
    case 'week':
      return `P${amount(1)}W`;
    case 'month':
      return `P${amount(1)}M`;
    case 'quarter':
      return n === null ? 'PXQ' : `P${formatAmount(n * 3)}M`;
    case 'year':
      return `P${amount(1)}Y`;
    case 'decade':
      return n === null ? 'PXE' : `P${formatAmount(n * 10)}Y`;
    case 'century':
      return n === null ? 'PXC' : `P${formatAmount(n * 100)}Y`;
    case 'millennium':
      return n === null ? 'PXL' : `P${formatAmount(n)}L`;
  }
}

/** "2 1/2 years" → P2Y6M, "5 1/2 hours" → PT5H30M: a half goes to the next finer field. */
export function halfDurationValue(n: number, unit: Unit): string | null {
  const whole = Math.floor(n);
  if (n - whole !== 0.5) return null;
  switch (unit) {
    case 'year':
      return `P${whole}Y6M`;
    case 'month':
      return `P${whole}M15D`;
    case 'week':
      return `P${whole * 7 + 3}DT12H`;
    case 'day':
      return `P${whole}DT12H`;
    case 'hour':
      return `PT${whole}H30M`;
    case 'minute':
      return `PT${whole}M30S`;
    default:
      return null;
  }
}

function formatAmount(n: number): string {
  if (Number.isInteger(n)) return String(n);
  // "1.5 years" → P18M would change the unit; TIMEX3 allows a decimal in the last field.
  return String(Math.round(n * 100) / 100);
}

/** TIMEX3 mod for a hedge word before an amount ("about two years", "more than a decade"). */
export function hedgeMod(hedge: string | undefined): string | null {
  if (hedge === undefined) return null;
  const h = hedge.toLowerCase().replace(/\s+/g, ' ');
  if (/^(about|around|approximately|roughly|some|or so|nearly|almost)$/.test(h)) return 'APPROX';
  if (/^(more than|over|at least|upwards of)$/.test(h)) return 'MORE_THAN';
  if (/^(less than|under|fewer than|no more than|up to|at most|within)$/.test(h)) return 'LESS_THAN';
  if (/^(just|exactly)$/.test(h)) return 'EQUAL';
  return null;
}

export const HEDGE =
  '(?:about|around|approximately|roughly|some|nearly|almost|more than|at least|less than|fewer than|no more than|up to|at most|just|exactly|upwards of)';

/** Part-of-day words and their TIMEX3 codes. */
export const PART_OF_DAY: ReadonlyMap<string, string> = new Map([
  ['morning', 'MO'],
  ['afternoon', 'AF'],
  ['evening', 'EV'],
  ['night', 'NI'],
  ['overnight', 'NI'],
]);

export const SEASON_CODES: ReadonlyMap<string, string> = new Map([
  ['spring', 'SP'],
  ['summer', 'SU'],
  ['fall', 'FA'],
  ['autumn', 'FA'],
  ['winter', 'WI'],
]);

/** First and last month of each season code, winter crossing the year end. */
export const SEASON_MONTHS: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['SP', [3, 5] as const],
  ['SU', [6, 8] as const],
  ['FA', [9, 11] as const],
  ['WI', [12, 2] as const],
]);

export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 1],
  ['1st', 1],
  ['second', 2],
  ['2nd', 2],
  ['third', 3],
  ['3rd', 3],
  ['fourth', 4],
  ['4th', 4],
  ['final', 4],
  ['last', 4],
]);

/** What stands before the first end of a range: "from July 19", "between March 3". */
export const RANGE_OPENER = /\b(?:[Ff]rom|[Bb]etween)\s+$/;

/** What joins the two ends of a range: "through", "to", "until", "and" (after "between"), a dash. */
export const RANGE_LINK = /^\s*(?:through|thru|to|until|till|and|[-–—])\s*$/;
