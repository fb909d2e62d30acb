import timeWords from '../knowledge/lexicon/time-words.json' with { type: 'json' };
import { addDays, type Day, dayValue, timeValue, validDay } from './calendar.js';
import { coarsen, dayPoint, type Point, pointValue, shiftPoint, unitPrecision, weekPoint } from './point.js';
import type { Tense } from './tense.js';
import { type Built, plain, pointAttrs, type RuleContext, resolveWeekday, resolveYear } from './rule-context.js';
import {
  cap,
  durationValue,
  HEDGE,
  halfDurationValue,
  hedgeMod,
  MONTH,
  monthNumber,
  NUMBER,
  numberValue,
  ORDINALS,
  PART_OF_DAY,
  SEASON_CODES,
  SEASON_MONTHS,
  UNIT,
  unitOf,
  WEEKDAY,
  weekdayNumber,
} from './vocabulary.js';

const UNPLANNED_EVENTS: ReadonlySet<string> = new Set(timeWords.unplannedEvents.words);
const REPORTING_FORMS: ReadonlySet<string> = new Set(timeWords.reportingForms.words);

/**
 * The recognition and normalization rules, HeidelTime-style: each is a pattern over the
 * text and a builder that turns one match into TIMEX3 attributes, or refuses it. Extents
 * follow TimeBank/TempEval-3: determiners and modifiers ("the", "early", "about", "the
 * past") belong to the expression; prepositions ("in", "on", "for") do not.
 */
export interface TimeRule {
  readonly name: string;
  readonly pattern: RegExp;
  /** Context-free check run before overlaps are settled; a refused match frees its extent. */
  readonly accept?: (m: RegExpExecArray, text: string) => boolean;
  readonly build: (m: RegExpExecArray, ctx: RuleContext) => Built | null;
}

const g = (s: string): RegExp => new RegExp(s, 'gu');
const group = (m: RegExpExecArray, name: string): string | undefined => m.groups?.[name];

const EDGE_MOD: Readonly<Record<string, string>> = {
  early: 'START',
  earlier: 'START',
  beginning: 'START',
  start: 'START',
  late: 'END',
  later: 'END',
  end: 'END',
  mid: 'MID',
  middle: 'MID',
};

function edgeMod(word: string | undefined): string | null {
  if (word === undefined) return null;
  const key = word.toLowerCase().replace(/^the\s+/, '').split(/[\s-]/)[0] ?? '';
  return EDGE_MOD[key] ?? null;
}

const EDGE = `(?<edge>${cap('early')}|${cap('late')}|${cap('mid')}|${cap('the')} (?:end|beginning|start|middle) of)`;
const HEDGES = HEDGE.slice(3, -1).split('|').map(cap).join('|');
const TZ = '(?:\\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|local time|local))?';
/** A wire's 24-hour time is a time only with its zone: "at 0600 GMT", "0700 local" (a bare "1987" is a year). */
const WIRE_ZONE = '(?=\\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|local)\\b)';

function yearFrom(text: string): number {
  const n = Number(text.replace(/^'/, ''));
  if (text.length <= 2 || text.startsWith("'")) return n < 50 ? 2000 + n : 1900 + n;
  return n;
}

// ---- calendar dates -------------------------------------------------------------------

const monthDay: TimeRule = {
  name: 'month-day',
  pattern: g(
    `\\b(?:(?<wd>${WEEKDAY}),?\\s+)?(?:${EDGE}[\\s-]+(?:on\\s+)?)?(?<month>${MONTH})\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?(?![\\d:.]\\d)(?:,?\\s+(?<year>(?:1[6-9]|20)\\d\\d)(?!\\d))?\\b`,
  ),
  build(m, ctx) {
    const month = monthNumber(group(m, 'month') ?? '');
    const d = Number(group(m, 'day'));
    if (month === null) return null;
    const yearText = group(m, 'year');
    let y: number;
    let anchor: Built['anchor'] = 'absolute';
    let reason = 'full date';
    if (yearText !== undefined) y = Number(yearText);
    else if (ctx.dct !== null) {
      const tense = deadline(ctx) ? 'future' : ctx.tense();
      y = resolveYear(ctx.dct, month, d, tense);
      anchor = 'dct';
      reason = `month and day, year from DCT (${tense} tense)`;
    } else return null;
    if (!validDay(y, month, d)) return null;
    return pointAttrs(dayPoint({ y, m: month, d }), anchor, reason, edgeMod(group(m, 'edge')));
  },
};

const dayMonth: TimeRule = {
  name: 'day-month',
  pattern: g(
    `\\b(?:(?<wd>${WEEKDAY}),?\\s+)?(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<month>${MONTH})(?:,?\\s+(?<year>(?:1[6-9]|20)\\d\\d)(?!\\d))?\\b`,
  ),
  build: (m, ctx) => monthDay.build(m, ctx),
};

const numericDate: TimeRule = {
  name: 'numeric-date',
  pattern: g(
    '(?<![\\w./-])(?:(?<iy>\\d{4})-(?<im>\\d{2})-(?<id>\\d{2})|(?<dd>\\d{1,2})\\.(?<dm>\\d{1,2})\\.(?<dy>\\d{4})|(?<sm>\\d{1,2})/(?<sd>\\d{1,2})/(?<sy>\\d{4}|\\d{2}))(?![\\w/-]|\\.\\d)',
  ),
  build(m) {
    const iso = group(m, 'iy');
    let y: number;
    let mo: number;
    let d: number;
    let reason: string;
    if (iso !== undefined) {
      [y, mo, d] = [Number(iso), Number(group(m, 'im')), Number(group(m, 'id'))];
      reason = 'ISO date';
    } else if (group(m, 'dy') !== undefined) {
      // Dotted dates are day.month.year wherever they are written.
      [y, mo, d] = [Number(group(m, 'dy')), Number(group(m, 'dm')), Number(group(m, 'dd'))];
      reason = 'dotted date, day.month.year';
    } else {
      [y, mo, d] = [yearFrom(group(m, 'sy') ?? ''), Number(group(m, 'sm')), Number(group(m, 'sd'))];
      reason = 'slashed date, month/day/year';
      if (mo > 12 && d <= 12) [mo, d, reason] = [d, mo, 'slashed date, day/month/year'];
    }
    if (!validDay(y, mo, d)) return null;
    return pointAttrs(dayPoint({ y, m: mo, d }), 'absolute', reason);
  },
};

/** "by August", "until mid-November", "effective Feb. 1": a limit, which news sets ahead. */
function deadline(ctx: RuleContext): boolean {
  return /\b(?:by|until|till|effective|starting|beginning|due)\s+$/i.test(ctx.text.slice(Math.max(0, ctx.start - 12), ctx.start));
}

const TENS_WORDS = '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';

// A year as broadcast transcripts write it out: "nineteen ninety-four", "eighteen hundred".
const SPOKEN_CENTURY_YEAR = `(?:[Nn]ineteen|[Ee]ighteen)[\\s-](?:${TENS_WORDS}|hundred)`;

function spokenCenturyYear(text: string): number | null {
  const m = /^(nineteen|eighteen)[\s-](.+)$/i.exec(text);
  if (m === null) return null;
  const century = m[1]!.toLowerCase() === 'eighteen' ? 1800 : 1900;
  if (m[2] === 'hundred') return century;
  const rest = numberValue(m[2]!.replace(/\s+/, '-'));
  return rest === null ? null : century + rest;
}

/** The year of a match whose `year` group is written in figures or `spoken` in words. */
function writtenYear(m: RegExpExecArray): number | null {
  const digits = group(m, 'year');
  if (digits !== undefined) return Number(digits);
  const spoken = group(m, 'spoken');
  return spoken === undefined ? null : spokenCenturyYear(spoken);
}

const monthYear: TimeRule = {
  name: 'month-year',
  pattern: g(`\\b(?:${EDGE}[\\s-]+)?(?<month>${MONTH}),?\\s+(?:of\\s+)?(?:(?<year>(?:1[6-9]|20)\\d\\d)(?!\\d)|(?<spoken>${SPOKEN_CENTURY_YEAR}))\\b`),
  build(m) {
    const month = monthNumber(group(m, 'month') ?? '');
    const y = writtenYear(m);
    if (month === null || y === null) return null;
    return pointAttrs({ precision: 'month', y, m: month }, 'absolute', 'month and year', edgeMod(group(m, 'edge')));
  },
};

// "May" and "March" are months only where a month is expected.
const MONTH_CUE = /(?:\b(?:in|of|since|until|till|by|from|through|during|last|next|this|early|late|mid|end|beginning|before|after|between|and|to|or|since|until|that|each|every)[\s-]*)$/i;

const monthAlone: TimeRule = {
  name: 'month',
  pattern: g(
    `\\b(?:(?<rel>${cap('last')}|${cap('next')}|${cap('this')}|${cap('that')})\\s+|${EDGE}[\\s-]+)?(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Sept\\.|Aug\\.|Oct\\.|Nov\\.|Dec\\.|Jan\\.|Feb\\.)(?!\\s*\\d)(?![\\p{L}-])(?!['’][a-rt-z])(?:\\s+(?<ry>last|this|next) year\\b)?`,
  ),
  accept(m, text) {
    const name = group(m, 'month') ?? '';
    if (name !== 'May' && name !== 'March' && name !== 'June' && name !== 'August') return true;
    if (group(m, 'rel') !== undefined || group(m, 'edge') !== undefined || group(m, 'ry') !== undefined) return true;
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    if (/['’]s/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) return true;
    // "a June agreement", "the August figures"; "the March" could be a procession.
    if (name !== 'March' && name !== 'May' && /\b(?:a|the)\s+$/i.test(before)) return true;
    return MONTH_CUE.test(before);
  },
  build(m, ctx) {
    const month = monthNumber(group(m, 'month') ?? '');
    if (month === null || ctx.dct === null) return null;
    const rel = group(m, 'rel')?.toLowerCase();
    const tense = rel === 'last' ? 'past' : rel === 'next' ? 'future' : deadline(ctx) ? 'future' : ctx.tense();
    let y = resolveYear(ctx.dct, month, null, tense);
    // The month after the DCT's, in a past clause whose verb does not govern it, is the coming
    // one: "notified refiners of a cutback in September" in August, "orders for November
    // contracts" in late October. A writer who meant eleven months back would say "last
    // November". "Talks collapsed in June", written in May, is last June.
    if (tense === 'past' && rel === undefined && group(m, 'ry') === undefined && ctx.dct.m !== null && month === (ctx.dct.m % 12) + 1 && !ctx.pastVerbBefore()) {
      y = month > ctx.dct.m ? ctx.dct.y : ctx.dct.y + 1;
    }
    if (rel === 'last' && ctx.dct.m !== null && month >= ctx.dct.m) y = ctx.dct.y - 1;
    if (rel === 'next' && ctx.dct.m !== null && month <= ctx.dct.m) y = ctx.dct.y + 1;
    if (rel === 'that') {
      const ref = ctx.reference();
      if (ref !== null) y = ref.y;
    }
    // "June last year", "April next year": the year is given relative to the DCT's.
    const ry = group(m, 'ry');
    if (ry !== undefined) y = ctx.dct.y + (ry === 'last' ? -1 : ry === 'next' ? 1 : 0);
    return pointAttrs({ precision: 'month', y, m: month }, 'dct', `month, year from DCT (${tense} tense)`, edgeMod(group(m, 'edge')));
  },
};

const NOT_YEAR_BEFORE =
  /(?:\b(?:Resolution|resolution|No\.|Nos\.|number|Number|Flight|flight|Article|article|Section|section|Room|room|Highway|Route|route|page|Page|Boeing|Airbus|model|Model|Rule|rule|Chapter|chapter|Title|Act|Form|Windows|Office|Euro|Vision|Agenda|Law|law|Decree|decree|Item|Unit|Apollo|Pier|Gate|Terminal|Suite|Box|Level|level|Code|Protocol|Lot|Line|line|Bus|bus|Train|train|Vol\.|Issue|Case|case|Bill|bill|S\.|H\.R\.|Amendment)\s+|[$€£#№]\s?|\d[.,]|-|\/)$/;
const NOT_YEAR_AFTER =
  /^(?:\s*(?:%|percent|per\s?cent|troops|soldiers|people|men|women|children|persons|workers|residents|members|employees|students|police|officers|tons|tonnes|feet|foot|meters|metres|miles|km|kilometers|kilometres|dollars|yuan|euros|pounds|votes|barrels|cars|units|shares|acres|hectares|pages|words|calories|points|km\/h|mph|[.,]\d|-\d|\/\d|:\d|\s*(?:a\.m|p\.m|am\b|pm\b)|-year|-month|-day|-hour|hours|rounds|vehicles|homes|houses|jobs|plants|stores|flights|passengers|prisoners|fighters|rebels|militants|civilians|refugees|families|deaths|cases|patients|beds|aircraft|planes|missiles|rockets|vessels|ships|boats|guns))/;

const year: TimeRule = {
  name: 'year',
  pattern: g(
    `(?<![\\p{L}\\d'’])(?:${EDGE}[\\s-]+|(?<fiscal>${cap('fiscal')}|${cap('calendar')}|${cap('financial')}|${cap('model')})\\s+(?:year\\s+)?)?(?<year>(?:1[5-9]|20)\\d\\d)(?![\\d\\p{L}])`,
  ),
  accept(m, text) {
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
    if (group(m, 'fiscal')?.toLowerCase() === 'model') return false;
    return !NOT_YEAR_BEFORE.test(before) && !NOT_YEAR_AFTER.test(after);
  },
  build(m) {
    const y = Number(group(m, 'year'));
    const fiscal = group(m, 'fiscal');
    return pointAttrs({ precision: 'year', y }, 'absolute', fiscal === undefined ? 'year' : `${fiscal.toLowerCase()} year`, edgeMod(group(m, 'edge')));
  },
};

const decade: TimeRule = {
  name: 'decade',
  pattern: g(
    `\\b(?:(?<the>${cap('the')})\\s+)?(?:${EDGE}[\\s-]+)?(?:(?<c>1[5-9]|20)(?<d>\\d)0|['’](?<s>\\d)0)['’]?s\\b`,
  ),
  build(m) {
    const century = group(m, 'c');
    const tens = group(m, 'd') ?? group(m, 's') ?? '0';
    // "the '90s" is the 1990s in the news of any decade Dossier reads, 2000s excepted.
    const prefix = century ?? (tens === '0' || tens === '1' ? '20' : '19');
    return plain('DATE', `${prefix}${tens}`, 'decade', 'decade', edgeMod(group(m, 'edge')), 'absolute');
  },
};

const DECADE_WORDS: Readonly<Record<string, number>> = { twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9 };

const decadeWord: TimeRule = {
  name: 'decade-word',
  pattern: g(`\\b${cap('the')}\\s+(?:${EDGE}[\\s-]+)?(?<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\\b`),
  build(m) {
    const tens = DECADE_WORDS[group(m, 'w') ?? ''] ?? 9;
    return plain('DATE', `19${tens}`, 'decade', `the ${group(m, 'w')}`, edgeMod(group(m, 'edge')), 'absolute');
  },
};

const century: TimeRule = {
  name: 'century',
  pattern: g(`\\b(?:${cap('the')}\\s+)?(?:${EDGE}[\\s-]+)?(?<n>\\d{1,2})(?:st|nd|rd|th)[\\s-]+[Cc]entury\\b`),
  build(m) {
    const n = Number(group(m, 'n'));
    if (n < 1 || n > 30) return null;
    return plain('DATE', String(n - 1).padStart(2, '0'), 'century', 'century', edgeMod(group(m, 'edge')), 'absolute');
  },
};

// ---- days relative to the publication date -------------------------------------------

const DAY_WORDS: Readonly<Record<string, number>> = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 };

const dayWord: TimeRule = {
  name: 'day-word',
  pattern: g(
    `\\b(?:(?<edge>${cap('early')}|${cap('late')}|${cap('later')}|${cap('earlier')})\\s+)?(?<word>${cap('today')}|${cap('tonight')}|${cap('yesterday')}|${cap('tomorrow')})(?:\\s+(?<part>morning|afternoon|evening|night))?(?!['’]s\\s+(?:world|society|economy|youth|generation|standards|market))\\b`,
  ),
  build(m, ctx) {
    const word = (group(m, 'word') ?? '').toLowerCase();
    const today = ctx.today;
    const part = group(m, 'part');
    if (today === null) return word === 'today' ? plain('DATE', 'PRESENT_REF', 'reference', 'today, no DCT') : null;
    const day = addDays(today, DAY_WORDS[word] ?? 0);
    if (part !== undefined || word === 'tonight') {
      const code = PART_OF_DAY.get(part ?? 'night') ?? 'NI';
      return { ...plain('TIME', `${dayValue(day)}T${code}`, 'part-of-day', `${word} ${part ?? ''}`.trim(), null, 'dct'), point: dayPoint(day) };
    }
    return pointAttrs(dayPoint(day), 'dct', `${word}: DCT ${dayValue(today)}`, edgeMod(group(m, 'edge')));
  },
};

const partOfDay: TimeRule = {
  name: 'part-of-day',
  pattern: g(
    `\\b(?:(?<edge>${cap('early')}|${cap('late')}|${cap('later')}|${cap('earlier')}|${cap('mid')})[\\s-]+)?(?<rel>${cap('this')}|${cap('last')}|${cap('that')}|${cap('the')}|${cap('early')}|${cap('mid')}|${cap('late')})[\\s-]+(?<part>morning|afternoon|evening|night)(?:,?\\s+(?<dw>yesterday|today|tomorrow))?\\b`,
  ),
  accept(m, text) {
    // "the night" without a cue is too often not this night ("the night of the long knives").
    if (group(m, 'rel')?.toLowerCase() !== 'the') return true;
    return !/^\s+(?:of|before|after)\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8));
  },
  build(m, ctx) {
    const rel = (group(m, 'rel') ?? '').toLowerCase();
    const part = group(m, 'part') ?? 'night';
    // "mid-afternoon yesterday": the day word names the day.
    const dw = group(m, 'dw');
    const ref = rel === 'this' || rel === 'last' ? ctx.today : dw !== undefined && ctx.today !== null ? addDays(ctx.today, DAY_WORDS[dw] ?? 0) : storyDay(ctx);
    if (ref === null) return null;
    const day = rel === 'last' && part === 'night' ? addDays(ref, -1) : ref;
    const mod = edgeMod(group(m, 'edge')) ?? edgeMod(rel);
    const anchor = rel === 'this' || rel === 'last' || dw !== undefined ? 'dct' : 'narrative';
    return { ...plain('TIME', `${dayValue(day)}T${PART_OF_DAY.get(part) ?? 'NI'}`, 'part-of-day', `${rel} ${part}`, mod, anchor), point: dayPoint(day) };
  },
};

function storyDay(ctx: RuleContext): Day | null {
  const ref = ctx.reference();
  return ref !== null && ref.precision === 'day' ? ref.day : ctx.today;
}

function refDay(ctx: RuleContext): Day | null {
  const ref = ctx.nearReference();
  if (ref !== null && ref.precision === 'day') return ref.day;
  return ctx.today;
}

const weekdayRule: TimeRule = {
  name: 'weekday',
  pattern: g(
    `\\b(?:(?<rel>${cap('last')}|${cap('next')}|${cap('this')}|${cap('this past')}|${cap('this coming')}|${cap('coming')}|${cap('early')}|${cap('late')}|${cap('the previous')}|${cap('the following')}|${cap('the next')})\\s+)?(?<wd>${WEEKDAY})(?<plural>s)?(?:\\s+(?<part>morning|afternoon|evening|night)(?<partPlural>s)?)?\\b`,
  ),
  build(m, ctx) {
    const wd = weekdayNumber(group(m, 'wd') ?? '');
    if (wd === null) return null;
    const part = group(m, 'part');
    const code = part === undefined ? '' : `T${PART_OF_DAY.get(part) ?? 'NI'}`;
    // "on Tuesdays", "Tuesday nights": every such weekday (or that part of it).
    if (group(m, 'plural') !== undefined || group(m, 'partPlural') !== undefined) {
      return plain('SET', `XXXX-WXX-${wd}${code}`, 'set', 'every such weekday');
    }
    // "on Monday and Tuesday nights": the plural after the pair is the first day's too.
    const pairedPlural = part === undefined ? PAIRED_PLURAL.exec(ctx.text.slice(ctx.end, ctx.end + 40)) : null;
    if (pairedPlural !== null) {
      return plain('SET', `XXXX-WXX-${wd}T${PART_OF_DAY.get(pairedPlural[1] ?? 'night') ?? 'NI'}`, 'set', 'every such weekday, paired');
    }
    const rel = group(m, 'rel')?.toLowerCase() ?? '';
    // Anchoring on the narrative day when the text has moved away from the DCT week.
    const today = ctx.today;
    if (today === null) return plain('DATE', `XXXX-WXX-${wd}${code}`, 'day', 'weekday, no DCT');
    // "as soon as Tuesday": a limit ahead of the DCT.
    const limit = /\b(?:as soon as|as early as)\s+$/i.test(ctx.text.slice(Math.max(0, ctx.start - 16), ctx.start));
    const possessive = rel === '' ? possessiveTense(ctx) : null;
    const tense = limit ? 'future' : (possessive ?? ctx.tense());
    const direction =
      rel === 'last' || rel === 'this past'
        ? 'strictly-before'
        : rel === 'next' || rel === 'this coming' || rel === 'coming'
          ? 'strictly-after'
          : rel === 'this'
            ? tense === 'past'
              ? 'before'
              : 'after'
            : tense === 'future'
              ? 'after'
              : 'before';
    // "the previous Friday" counts from the day the story is at, not from the DCT.
    const relative = rel.startsWith('the ');
    const base = relative ? (storyDay(ctx) ?? today) : today;
    const day = relative ? resolveWeekday(base, wd, rel === 'the previous' ? 'strictly-before' : 'strictly-after') : resolveWeekday(today, wd, direction);
    const reason = relative ? `${rel} ${group(m, 'wd')} from ${dayValue(base)}` : `weekday ${direction.replace('-', ' ')} DCT ${dayValue(today)} (${rel === '' ? `${tense} tense` : rel})`;
    const mod = edgeMod(rel);
    if (part !== undefined) return { ...plain('TIME', `${dayValue(day)}${code}`, 'part-of-day', reason, mod, 'dct'), point: dayPoint(day) };
    return pointAttrs(dayPoint(day), 'dct', reason, mod);
  },
};

/**
 * A weekday in the possessive ("Saturday's assault") dates the noun after it, not the clause's
 * verb, so the clause's tense does not decide. An event nobody announces ahead ("the site of
 * Saturday's assault", "Friday's blast") has happened. A possessive that opens its clause is the
 * subject, and its own predicate tells ("Thursday's meeting is expected to approve…" → ahead).
 * Null when neither holds: the clause's tense decides, as for a bare weekday.
 */
const PAIRED_PLURAL = new RegExp(`^\\s+(?:and|or)\\s+${WEEKDAY}\\s+(morning|afternoon|evening|night)s\\b`);

function possessiveTense(ctx: RuleContext): Tense | null {
  const after = /^['’]s((?:\s+[\p{L}-]+){1,3})/u.exec(ctx.text.slice(ctx.end, ctx.end + 60));
  if (after === null) return null;
  const words = (after[1] ?? '').trim().split(/\s+/);
  const head = words.findIndex((w) => UNPLANNED_EVENTS.has(w.toLowerCase()));
  if (head >= 0) return 'past';
  // Opening its clause, the possessive phrase is the subject; the words after its first noun are its predicate.
  const before = ctx.text.slice(ctx.sentenceStart, ctx.start);
  const opener = /(?:^|[,;:"“(]|\b(?:and|but|that|while|as|because|since|after|before|when)\s)\s*$/u.test(before);
  if (!opener && !REPORTING_FORMS.has(/([\p{L}]+)\s+$/u.exec(before)?.[1]?.toLowerCase() ?? '')) return null;
  const headEnd = ctx.end + (/^['’]s\s+[\p{L}-]+/u.exec(ctx.text.slice(ctx.end, ctx.end + 60))?.[0].length ?? 0);
  const predicate = ctx.tenseAfter(headEnd);
  return predicate === 'unknown' ? null : predicate;
}

// ---- clock times ----------------------------------------------------------------------

const clock: TimeRule = {
  name: 'clock',
  pattern: g(
    `\\b(?:(?<hedge>${cap('about')}|${cap('around')}|${cap('approximately')}|${cap('shortly')} (?:before|after)|${cap('just')} (?:before|after))\\s+)?` +
      `(?:(?<h>\\d{1,2})(?:[:.](?<min>\\d{2}))?\\s*(?<ampm>[ap]\\.\\s?m\\.?|[ap]m\\b|[AP]M\\b|o['’]clock)|(?<named>noon|midnight|midday)|(?<wh>[01]\\d|2[0-3])(?<wm>[0-5]\\d)${WIRE_ZONE})${TZ}` +
      `(?:,?\\s+(?:(?<wd>${WEEKDAY})|(?<dw>today|yesterday|tomorrow)|(?<month>${MONTH})\\s+(?<day>\\d{1,2})\\b))?`,
  ),
  build(m, ctx) {
    let hour: number;
    let minute: number | null = null;
    const named = group(m, 'named');
    if (named !== undefined) hour = named === 'midnight' ? 24 : 12;
    else if (group(m, 'wh') !== undefined) {
      hour = Number(group(m, 'wh'));
      minute = Number(group(m, 'wm'));
    } else {
      hour = Number(group(m, 'h'));
      minute = group(m, 'min') === undefined ? null : Number(group(m, 'min'));
      const ampm = (group(m, 'ampm') ?? '').toLowerCase();
      if (hour > 12 || (minute !== null && minute > 59)) return null;
      if (ampm.startsWith('p') && hour < 12) hour += 12;
      if (ampm.startsWith('a') && hour === 12) hour = 0;
    }
    // A bare clock time happens on the day the story is at, however far back it was named.
    let day: Day | null = storyDay(ctx);
    const today = ctx.today;
    const wdName = group(m, 'wd');
    const dw = group(m, 'dw');
    const monthName = group(m, 'month');
    if (wdName !== undefined && today !== null) {
      const wd = weekdayNumber(wdName) ?? 1;
      day = resolveWeekday(today, wd, ctx.tense() === 'future' ? 'after' : 'before');
    } else if (dw !== undefined && today !== null) day = addDays(today, DAY_WORDS[dw] ?? 0);
    else if (monthName !== undefined && ctx.dct !== null) {
      const month = monthNumber(monthName) ?? 1;
      const d = Number(group(m, 'day'));
      const y = resolveYear(ctx.dct, month, d, ctx.tense());
      if (validDay(y, month, d)) day = { y, m: month, d };
    }
    const mod = hedgeMod(group(m, 'hedge')?.toLowerCase()) ?? (group(m, 'hedge')?.toLowerCase().includes('before') ? 'BEFORE' : null);
    if (day === null) return plain('TIME', `XXXX-XX-XXT${String(hour).padStart(2, '0')}:${String(minute ?? 0).padStart(2, '0')}`, 'hour', 'clock time, no date', mod);
    const value = named === 'midnight' ? `${dayValue(day)}T24:00` : timeValue(day, hour, minute);
    return { ...plain('TIME', value, minute === null ? 'hour' : 'minute', 'clock time on the narrative day', mod, 'narrative'), point: dayPoint(day) };
  },
};

// ---- weeks, months, quarters, years relative to the DCT ------------------------------

type Grain = 'week' | 'weekend' | 'month' | 'year' | 'quarter' | 'decade' | 'century' | 'day';

function grainPoint(today: Day, grain: Grain, offset: number): Point | null {
  switch (grain) {
    case 'day':
      return dayPoint(addDays(today, offset));
    case 'week':
      return weekPoint(addDays(today, 7 * offset));
    case 'month':
      return shiftPoint({ precision: 'month', y: today.y, m: today.m }, offset, 'month');
    case 'quarter':
      return shiftPoint(coarsen(today, 'quarter'), offset, 'quarter');
    case 'year':
      return { precision: 'year', y: today.y + offset };
    default:
      return null;
  }
}

const relativeUnit: TimeRule = {
  name: 'relative-unit',
  pattern: g(
    `\\b(?:(?<edge>${cap('early')}|${cap('earlier')}|${cap('late')}|${cap('later')}|${cap('mid')})[\\s-]+(?:in\\s+)?)?(?<rel>${cap('this')}|${cap('last')}|${cap('next')}|${cap('that')}|${cap('the')} (?:previous|following|current|same|coming|present|prior|preceding))[\\s-]+(?<grain>week|weekend|month|year|quarter|decade|century|day)\\b(?!-)`,
  ),
  build(m, ctx) {
    const rel = (group(m, 'rel') ?? '').toLowerCase();
    const grain = (group(m, 'grain') ?? '') as Grain;
    const mod = edgeMod(group(m, 'edge'));
    if (grain === 'decade' || grain === 'century') {
      if (rel === 'this' || rel === 'the current') return plain('DURATION', grain === 'decade' ? 'P10Y' : 'P100Y', 'duration', `this ${grain}`, mod);
      if (rel === 'last' || rel === 'the previous' || rel === 'the prior') return plain('DURATION', grain === 'decade' ? 'P10Y' : 'P100Y', 'duration', `last ${grain}`, mod);
      return plain('DURATION', grain === 'decade' ? 'P10Y' : 'P100Y', 'duration', grain, mod);
    }
    const narrative = rel === 'that' || rel.startsWith('the ');
    const offset =
      rel === 'last' || rel === 'the previous' || rel === 'the prior' || rel === 'the preceding'
        ? -1
        : rel === 'next' || rel === 'the following' || rel === 'the coming'
          ? 1
          : 0;
    if (rel === 'the coming' || rel === 'the current' || rel === 'the present') {
      if (ctx.today === null) return null;
      const p = grainPoint(ctx.today, grain === 'weekend' ? 'week' : grain, offset);
      return p === null ? null : pointAttrs(p, 'dct', `${rel} ${grain}`, mod);
    }
    if (grain === 'weekend') {
      const base = narrative ? refDay(ctx) : ctx.today;
      if (base === null) return null;
      const week = weekPoint(addDays(base, 7 * offset + (offset === 0 && ctx.tense() === 'past' ? -3 : 0)));
      return plain('DATE', `${pointValue(week)}-WE`, 'week', `${rel} weekend`, mod, narrative ? 'narrative' : 'dct');
    }
    if (narrative) {
      const ref = ctx.reference();
      // "that day" points back at a day the story named; after only a year or a month ("you have
      // strong redemptions that day"), it is a day of no date, often a generic one.
      if (rel === 'that' && grain === 'day' && ref?.precision !== 'day') return null;
      const base = ref ?? (ctx.today === null ? null : coarsen(ctx.today, unitPrecision(grain)));
      if (base === null) return null;
      const at = sameGrain(base, grain);
      const p = offset === 0 ? at : shiftPoint(at, offset, grain);
      return pointAttrs(p, ref === null ? 'dct' : 'narrative', `${rel} ${grain} from ${pointValue(base)}`, mod);
    }
    // "compared with a loss of $3 million last year", in copy about a quarter: that quarter, a
    // year before, as "a year earlier" there (offset rule). A comparison does not move the story.
    const quarter = ctx.lastQuarter();
    if (rel === 'last' && grain === 'year' && mod === null && quarter !== null && comparedBefore(ctx)) {
      return { ...pointAttrs(shiftPoint(quarter, -1, 'year'), 'narrative', `last year, compared with ${pointValue(quarter)}`), keepsReference: false };
    }
    if (ctx.today === null) {
      if (grain === 'year' && ctx.dct !== null) return pointAttrs({ precision: 'year', y: ctx.dct.y + offset }, 'dct', `${rel} year`, mod);
      return null;
    }
    const p = grainPoint(ctx.today, grain, offset);
    return p === null ? null : pointAttrs(p, 'dct', `${rel} ${grain} from DCT ${dayValue(ctx.today)}`, mod);
  },
};

/** A point re-expressed at a grain: the year of a day, the week of a day, and so on. */
function sameGrain(p: Point, grain: Grain): Point {
  const day: Day =
    p.precision === 'day' || p.precision === 'week'
      ? p.day
      : p.precision === 'month'
        ? { y: p.y, m: p.m, d: 1 }
        : p.precision === 'quarter'
          ? { y: p.y, m: p.n * 3 - 2, d: 1 }
          : { y: p.y, m: 1, d: 1 };
  if (grain === 'year' || p.precision === 'year') return { precision: 'year', y: p.y };
  if (grain === 'quarter') return coarsen(day, 'quarter');
  if (grain === 'month') return p.precision === 'quarter' ? p : coarsen(day, 'month');
  if (grain === 'week') return p.precision === 'day' || p.precision === 'week' ? coarsen(day, 'week') : p;
  return p;
}

const quarter: TimeRule = {
  name: 'quarter',
  pattern: g(
    `\\b(?:(?<the>${cap('the')}|${cap('this')}|${cap('last')}|${cap('next')}|${cap('its')}|${cap('their')})\\s+)?(?:(?<ry>this|last|next) year['’]s\\s+|(?<fy>(?:fiscal\\s+)?(?:1[5-9]|20)\\d\\d)(?:['’]s)?\\s+)?(?:(?<fiscal>fiscal|calendar)[\\s-]+)?` +
      `(?<ordc>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|1st|2nd|3rd|4th|[Ff]inal|[Ll]ast)(?<sep>[\\s-])(?<kind>quarter|half|period)(?<plural>s)?(?:\\s+of\\s+(?:(?<oy>(?:1[5-9]|20)\\d\\d)|(?<orel>this|last|next) year|the (?<oyr>year)))?(?![\\p{L}-])`,
  ),
  accept(m, text) {
    // "a third quarter of the workforce" is a fraction; "the second half of" a match.
    if (/^[Ll]ast$/.test(group(m, 'ordc') ?? '') && group(m, 'kind') !== 'half') return false;
    if (group(m, 'the') !== undefined || /half/.test(group(m, 'kind') ?? '')) return true;
    return !/^\s+of\s+(?!(?:\d{4}|this|last|next|the year))/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20));
  },
  build(m, ctx) {
    const ordWord = (group(m, 'ordc') ?? '').toLowerCase();
    const kind = group(m, 'kind') === 'half' ? 'half' : 'quarter';
    const n = (ordWord === 'last' || ordWord === 'final') && kind === 'half' ? 2 : (ORDINALS.get(ordWord) ?? 4);
    if (kind === 'half' && n > 2) return null;
    if (group(m, 'plural') !== undefined) return plain('SET', `XXXX-${kind === 'half' ? 'H' : 'Q'}${n}`, 'set', `every ${ordWord} ${kind}`);
    const fy = group(m, 'fy') ?? group(m, 'oy');
    const rel = (group(m, 'ry') ?? group(m, 'orel') ?? group(m, 'the') ?? '').toLowerCase();
    let y: number;
    let anchor: Built['anchor'] = 'dct';
    let reason: string;
    const ended = /^\s+(?:ended|ending|that ended|which ended)\s+(?<month>[A-Z][a-z]+)\.?\s+\d{1,2}(?:,\s+(?<year>\d{4}))?/.exec(ctx.text.slice(ctx.end, ctx.end + 40));
    const endMonth = ended === null ? null : monthNumber(ended.groups?.month ?? '');
    if (fy === undefined && endMonth !== null && ctx.dct !== null) {
      // "the second quarter ended Oct. 31": a fiscal quarter, dated by the day it ended.
      const y = ended?.groups?.year === undefined ? resolveYear(ctx.dct, endMonth, 28, 'past') : Number(ended.groups.year);
      const p: Point = kind === 'half' ? { precision: 'half', y, n } : { precision: 'quarter', y, n };
      return pointAttrs(p, 'dct', `${kind} ${n} ended in ${y}`);
    }
    if (fy !== undefined) {
      y = Number(fy.replace(/\D/g, ''));
      anchor = 'absolute';
      reason = `${kind} of ${y}`;
    } else {
      const ref = ctx.nearReference();
      if (ctx.dct === null && ref === null) return null;
      const baseY = ref !== null && (ref.precision === 'year' || ref.precision === 'quarter') ? ref.y : (ctx.dct?.y ?? ref?.y ?? 0);
      const offset = rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
      y = baseY + offset;
      // A past-tense report of a quarter that has not started yet is last year's.
      if (offset === 0 && ctx.dct?.m != null && ref === null) {
        const startMonth = kind === 'half' ? n * 6 - 5 : n * 3 - 2;
        if (startMonth > ctx.dct.m && ctx.tense() !== 'future') y -= 1;
      }
      if (ref !== null && (ref.precision === 'year' || ref.precision === 'quarter')) anchor = 'narrative';
      reason = `${kind} ${n} of ${y}`;
    }
    const p: Point = kind === 'half' ? { precision: 'half', y, n } : { precision: 'quarter', y, n };
    // "the third-quarter results": the article goes with the noun, the adjective alone is the time.
    const the = group(m, 'the');
    const start = group(m, 'sep') === '-' && the !== undefined && fy === undefined && group(m, 'ry') === undefined ? m.index + the.length + 1 : undefined;
    return { ...pointAttrs(p, anchor, reason), ...(start === undefined ? {} : { start }) };
  },
};

/** "the latest quarter", "the year-earlier period", "the quarter": the quarter under discussion. */
const periodRef: TimeRule = {
  name: 'period-reference',
  pattern: g(
    `\\b(?<det>${cap('the')}|${cap('this')}|${cap('that')}|(?<ry>[Ll]ast|[Tt]his|[Nn]ext) year['’]s)\\s+(?:(?<adj>latest|recent|most recent|current|year-earlier|year-ago|year earlier|year ago|comparable|corresponding|comparable year-ago|comparable year-earlier|previous|prior|same|preceding|fiscal|latest fiscal|first)\\s+)?(?:(?<yr>(?:1[5-9]|20)\\d\\d)\\s+)?(?<kind>quarter|period|fiscal year)(?<trail>\\s+(?:a year ago|a year earlier|last year|of last year|the year before))?(?![\\p{L}-])`,
  ),
  accept(m) {
    return !(group(m, 'kind') === 'period' && group(m, 'adj') === undefined && group(m, 'yr') === undefined);
  },
  build(m, ctx) {
    const adj = (group(m, 'adj') ?? '').toLowerCase();
    const kind = group(m, 'kind') ?? 'quarter';
    const yr = group(m, 'yr');
    if (kind === 'fiscal year') {
      if (/^\s+(?:ended|ending)\b/.test(ctx.text.slice(ctx.end, ctx.end + 8))) return plain('DURATION', 'P1Y', 'duration', 'a fiscal year ended on a named day');
      if (ctx.dct === null) return null;
      const offset = adj === 'previous' || adj === 'prior' ? -1 : 0;
      return pointAttrs({ precision: 'year', y: ctx.dct.y + offset }, 'dct', 'fiscal year');
    }
    const ref = ctx.lastQuarter();
    let base: Point | null = ref;
    const lastCompleted = ctx.today === null ? null : shiftPoint(coarsen(ctx.today, 'quarter'), -1, 'quarter');
    if (base === null) base = lastCompleted;
    if (base === null) return null;
    // "the latest quarter" has ended: a quarter named as still to come ("will result in a
    // fourth-quarter charge") is not it, the last one completed before the DCT is.
    if ((adj === 'latest' || adj === 'most recent' || adj === 'recent') && lastCompleted !== null && quarterAfter(base, lastCompleted)) base = lastCompleted;
    const ended = /^\s+(?:ended|ending|that ended|which ended|through)\s+(?<month>[A-Z][a-z]+)\.?\s+\d{1,2}(?:,\s+(?<year>\d{4}))?/.exec(ctx.text.slice(ctx.end, ctx.end + 40));
    const endMonth = ended === null ? null : monthNumber(ended.groups?.month ?? '');
    if (kind === 'quarter' && endMonth !== null && ctx.dct !== null) {
      // "the quarter ended Sept. 30" names its own quarter.
      const y = ended?.groups?.year === undefined ? resolveYear(ctx.dct, endMonth, 28, 'past') : Number(ended.groups.year);
      return pointAttrs({ precision: 'quarter', y, n: Math.floor((endMonth - 1) / 3) + 1 }, 'dct', 'the quarter ended on a named day');
    }
    // "In the first nine months, net rose, compared with a loss in the 1988 period": the period
    // is the span the sentence named, not a quarter, so only its year can be given.
    if (yr !== undefined && kind === 'period' && /\b(?:(?:first|latest|past|last)\s+)?(?:nine|six|\d+)\s+months\b|\b(?:first|second)\s+half\b/i.test(ctx.text.slice(ctx.sentenceStart, ctx.start))) {
      return { ...pointAttrs({ precision: 'year', y: Number(yr) }, 'absolute', `the ${yr} period, a span of months`), keepsReference: false };
    }
    if (yr !== undefined) base = { precision: 'quarter', y: Number(yr), n: base.precision === 'quarter' ? base.n : 1 };
    const ry = group(m, 'ry')?.toLowerCase();
    if (ry !== undefined && yr === undefined) base = shiftPoint(base, ry === 'last' ? -1 : ry === 'next' ? 1 : 0, 'year');
    const backwards = adj.startsWith('year') || adj.startsWith('comparable') || group(m, 'trail') !== undefined;
    if (backwards && yr === undefined) base = shiftPoint(base, -1, 'year');
    else if (adj === 'previous' || adj === 'prior' || adj === 'preceding') base = shiftPoint(base, -1, 'quarter');
    else if (adj === 'current' && ctx.today !== null) base = coarsen(ctx.today, 'quarter');
    return { ...pointAttrs(base, ref !== null ? 'narrative' : 'dct', `${adj || 'the'} ${kind} → ${pointValue(base)}`), keepsReference: !backwards };
  },
};

const yearEarlier: TimeRule = {
  name: 'year-earlier',
  pattern: g(`\\b(?:${cap('the')}\\s+)?(?<w>[Yy]ear-(?:earlier|ago))(?:\\s+(?:(?:first|second|third|fourth)[\\s-])?(?:quarter|period))?(?=[\\s,.;])`),
  build(_m, ctx) {
    const ref = ctx.lastQuarter() ?? ctx.reference();
    const base = ref ?? (ctx.today === null ? null : coarsen(ctx.today, 'year'));
    if (base === null) return null;
    // "Last year losses totaled $5 million. The year-earlier results were restated": the story
    // already stands in a year before the DCT's, which is the comparison period itself.
    if (ref !== null && ctx.dct !== null && ref.y < ctx.dct.y) {
      return { ...pointAttrs(base, 'narrative', 'the earlier period the story stands in'), keepsReference: false };
    }
    return { ...pointAttrs(shiftPoint(base, -1, 'year'), ref === null ? 'dct' : 'narrative', 'a year before the period under discussion'), keepsReference: false };
  },
};

const SEASON = '(?<season>spring|summer|fall|autumn|winter)';

const season: TimeRule = {
  name: 'season',
  pattern: g(
    `\\b(?:(?<edge>${cap('early')}|${cap('late')}|${cap('mid')})[\\s-]+(?:in\\s+)?)?(?:(?<rel>${cap('this')}|${cap('last')}|${cap('next')}|${cap('the')}|${cap('that')}|${cap('this past')}|${cap('this coming')})\\s+)?${SEASON}(?:\\s+(?:of\\s+)?(?:(?<year>(?:1[5-9]|20)\\d\\d)|(?<spoken>${SPOKEN_CENTURY_YEAR})))?\\b`,
  ),
  accept(m) {
    // A bare "fall" or "spring" is a verb or a noun; a season needs a determiner or a year.
    return group(m, 'rel') !== undefined || writtenYear(m) !== null || group(m, 'edge') !== undefined || !/fall|spring/.test(group(m, 'season') ?? '');
  },
  build(m, ctx) {
    const code = SEASON_CODES.get(group(m, 'season') ?? '') ?? 'SU';
    const [first, last] = SEASON_MONTHS.get(code) ?? [6, 8];
    const rel = (group(m, 'rel') ?? '').toLowerCase();
    const mod = edgeMod(group(m, 'edge'));
    const written = writtenYear(m);
    if (written !== null) return plain('DATE', `${written}-${code}`, 'season', 'season of a year', mod, 'absolute');
    if (ctx.dct === null) return null;
    const month = ctx.dct.m ?? 6;
    let y = ctx.dct.y;
    const endMonth = code === 'WI' ? 14 : last;
    if (rel === 'last' || rel === 'this past') y = month > endMonth ? y : y - 1;
    else if (rel === 'next' || rel === 'this coming') y = month < first ? y : y + 1;
    else if (rel === 'that') y = ctx.reference()?.y ?? y;
    else if (rel !== 'this' && ctx.tense() === 'past' && month < first) y -= 1;
    return plain('DATE', `${y}-${code}`, 'season', `${rel || 'bare'} ${group(m, 'season')}`, mod, rel === 'that' ? 'narrative' : 'dct');
  },
};

// ---- offsets: "two days later", "a year ago" -------------------------------------------

const offsetRule: TimeRule = {
  name: 'offset',
  pattern: g(
    `\\b(?:(?<hedge>${HEDGES})\\s+)?(?<num>${NUMBER})[\\s-]+(?<unit>${UNIT})(?:\\s+or\\s+so)?\\s+(?<dir>ago|earlier|later|before|after|from now|hence|previously|since)(?![\\p{L}])`,
  ),
  accept(m, text) {
    const dir = group(m, 'dir') ?? '';
    if (dir !== 'before' && dir !== 'after' && dir !== 'since') return true;
    // "two years after the war" keeps "two years" as a duration; a clause-final one is a date.
    return /^\s*(?:[,.;:)]|$)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
  },
  build(m, ctx) {
    const unit = unitOf(group(m, 'unit') ?? '');
    if (unit === null) return null;
    const n = numberValue(group(m, 'num') ?? '');
    const dir = (group(m, 'dir') ?? '').toLowerCase();
    const hedge = group(m, 'hedge')?.toLowerCase();
    const mod = hedgeMod(hedge);
    const back = dir === 'ago' || dir === 'earlier' || dir === 'before' || dir === 'previously';
    if (n === null) {
      if (back) return plain('DATE', 'PAST_REF', 'reference', `unspecified ${unit}s ${dir}`, mod);
      if (fromDctDirection(dir)) return plain('DATE', 'FUTURE_REF', 'reference', `unspecified ${unit}s ${dir}`, mod);
      // "A few days later, the firm announced…": later than a time of the story, not than the
      // DCT, and by how much is not said, so the expression is the span, not a date.
      return plain('DURATION', durationValue(null, unit), 'duration', `unspecified ${unit}s ${dir}`, mod);
    }
    if (unit === 'second' || unit === 'minute' || unit === 'hour') {
      return plain('DURATION', durationValue(n, unit), 'duration', `${unit}s ${dir}`, mod);
    }
    const fromDct = fromDctDirection(dir);
    const step = Number.isInteger(n) ? n : Math.round(n);
    // "a year ago" in earnings copy means the quarter under discussion, a year before.
    const quarter = ctx.lastQuarter();
    if (unit === 'year' && back && quarter !== null) {
      return { ...pointAttrs(shiftPoint(quarter, -step, 'year'), 'narrative', `${n} year(s) ${dir} ${pointValue(quarter)}`, mod), keepsReference: false };
    }
    const ref = fromDct ? null : ctx.reference();
    if (ref !== null) {
      const p = shiftPoint(ref, back ? -step : step, unit);
      return { ...pointAttrs(p, 'narrative', `${n} ${unit}(s) ${dir} ${pointValue(ref)}`, mod), keepsReference: !(back && unit === 'year') };
    }
    if (ctx.today === null) return null;
    const grain = unitPrecision(unit);
    const p = shiftPoint(coarsen(ctx.today, grain), back ? -step : step, unit === 'weekend' ? 'week' : unit);
    // "higher than a year ago", "up from two years ago": a comparison, not the story's new time.
    const comparison = /\b(?:than|from|with|over|versus|vs\.)\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 9), m.index));
    const keepsReference = comparison ? false : fromDct ? true : !(back && unit === 'year');
    return { ...pointAttrs(p, 'dct', `${n} ${unit}(s) ${dir} DCT ${dayValue(ctx.today)}`, mod), keepsReference };
  },
};

/** Whether quarter `a` comes after quarter `b` (false when either is not a quarter). */
function quarterAfter(a: Point, b: Point): boolean {
  return a.precision === 'quarter' && b.precision === 'quarter' && a.y * 4 + a.n > b.y * 4 + b.n;
}

/** Whether the clause before the match compares an amount with another time: "compared with $3 million", "up from 40 cents". */
function comparedBefore(ctx: RuleContext): boolean {
  const before = ctx.text.slice(Math.max(ctx.sentenceStart, ctx.start - 80), ctx.start);
  return /\b(?:compared (?:with|to)|from|versus|against)\s+[^.;:,]{0,50}$/i.test(before);
}

/** "ago", "from now", "hence" count from the DCT; "earlier", "later", "before", "after" from a time of the story. */
function fromDctDirection(dir: string): boolean {
  return dir === 'ago' || dir === 'from now' || dir === 'hence';
}

/** "the second day of the offensive", "its eighth day": a day counted within the story, dated at the narrative day. */
const ordinalDay: TimeRule = {
  name: 'ordinal-day',
  pattern: g(`\\b(?:${cap('the')}\\s+)?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d{1,2}(?:st|nd|rd|th)) (?:straight |consecutive )?day\\b(?=\\s+(?:of|in a row|since|after)\\b)`),
  build(_m, ctx) {
    const day = refDay(ctx);
    return day === null ? null : pointAttrs(dayPoint(day), 'narrative', 'a counted day, dated at the narrative day');
  },
};

const narrativeDay: TimeRule = {
  name: 'narrative-day',
  pattern: g(
    `\\b(?<phrase>(?<=\\b(?:[Ll]ater|[Ee]arlier) in )the day|${cap('the')} (?:next|following|previous|preceding|same|prior) (?:day|morning|evening|night|afternoon)|${cap('the')} day (?:before|after)(?: yesterday)?|${cap('that')} (?:day|morning|evening|night|afternoon)|${cap('earlier')} that day|${cap('later')} that day|${cap('the')} day before yesterday|${cap('the')} day after tomorrow)\\b`,
  ),
  accept(m, text) {
    // "the day before returning" is a preposition's object, not a date of its own.
    if (!/day (?:before|after)$/i.test(m[0])) return true;
    return /^\s*(?:[,.;:)'"”]|$)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
  },
  build(m, ctx) {
    const phrase = (group(m, 'phrase') ?? '').toLowerCase();
    if (phrase === 'the day before yesterday' || phrase === 'the day after tomorrow') {
      if (ctx.today === null) return null;
      return pointAttrs(dayPoint(addDays(ctx.today, phrase.includes('before') ? -2 : 2)), 'dct', phrase);
    }
    const ref = ctx.reference();
    const base = ref !== null && ref.precision === 'day' ? ref.day : ctx.today;
    if (base === null) return null;
    const offset = /next|following|after/.test(phrase) ? 1 : /previous|preceding|before|prior/.test(phrase) ? -1 : 0;
    const day = addDays(base, offset);
    const part = /(morning|evening|night|afternoon)$/.exec(phrase)?.[1];
    const anchor = ref !== null && ref.precision === 'day' ? 'narrative' : 'dct';
    if (part !== undefined) {
      return { ...plain('TIME', `${dayValue(day)}T${PART_OF_DAY.get(part) ?? 'NI'}`, 'part-of-day', `${phrase} after ${dayValue(base)}`, null, anchor), point: dayPoint(day) };
    }
    return pointAttrs(dayPoint(day), anchor, `${phrase}, from ${dayValue(base)}`);
  },
};

// ---- durations -----------------------------------------------------------------------

const duration: TimeRule = {
  name: 'duration',
  pattern: g(
    `\\b(?:(?<hedge>${HEDGES})\\s+)?(?:(?<the>${cap('the')}\\s+)?(?<span>(?:past|last|next|first|coming|previous|following|final|remaining|latest|initial|last|same|past few|next few)\\s+)|(?<the2>${cap('the')}\\s+))?` +
      `(?<num>${NUMBER})(?:\\s+(?:more|additional|full|straight|consecutive|long|whole|trading|business|working|calendar|or so|or more|and a half))?(?:(?<hyph>-)|\\s+)(?<unit>${UNIT})(?:\\s+and\\s+a\\s+half|\\s+or\\s+so)?(?!-old|-olds|\\s+old\\b)(?![\\p{L}\\d-])`,
  ),
  accept(m, text) {
    const unit = group(m, 'unit') ?? '';
    const num = (group(m, 'num') ?? '').toLowerCase();
    // "a quarter" is a share; "one day" often means "some day"; a hyphenated "two-year-old" is an age.
    if (/^quarter$/.test(unit) && (num === 'a' || num === 'one')) return false;
    if (/^quarters$/.test(unit) && group(m, 'span') === undefined && !/^\d/.test(num) && num !== 'several') return false;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
    if (/^-old/.test(after)) return false;
    // "a second group" is an ordinal.
    if (/^seconds?$/.test(unit) && (num === 'a' || num === 'one') && /^\s+\p{Ll}/u.test(after) && !/^\s+(?:or|and|later|ago|before|after|earlier)\b/.test(after)) return false;
    return true;
  },
  build(m, ctx) {
    const unit = unitOf(group(m, 'unit') ?? '');
    if (unit === null) return null;
    const numText = group(m, 'num') ?? '';
    let n = numberValue(numText);
    if (n !== null && /and a half/.test(m[0])) n += 0.5;
    const half = n === null ? null : halfDurationValue(n, unit);
    const hedge = group(m, 'hedge')?.toLowerCase();
    const mod = hedgeMod(hedge);
    const span = (group(m, 'span') ?? '').trim().toLowerCase();
    const value = half ?? durationValue(n, unit);
    // "will be redeemed in five years": a time that far ahead of the DCT, not a span (TimeML
    // gives "in five years" the date it points to). In a past clause ("the first rise in five
    // years") it stays a span.
    if (
      n !== null &&
      Number.isInteger(n) &&
      ctx.today !== null &&
      (unit === 'day' || unit === 'week' || unit === 'month' || unit === 'year') &&
      group(m, 'span') === undefined &&
      group(m, 'the2') === undefined &&
      group(m, 'hyph') === undefined &&
      hedge === undefined &&
      /\bin\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 4), m.index)) &&
      ctx.tense() === 'future'
    ) {
      const p = shiftPoint(coarsen(ctx.today, unitPrecision(unit)), n, unit);
      return pointAttrs(p, 'dct', `in ${n} ${unit}(s) from DCT ${dayValue(ctx.today)}`);
    }
    const the2 = group(m, 'the2');
    let start = group(m, 'hyph') !== undefined && the2 !== undefined && group(m, 'hedge') === undefined ? m.index + the2.length : undefined;
    // "will last three days": "last" is the verb, the duration starts after it.
    const spanText = group(m, 'span');
    if (span === 'last' && group(m, 'the') === undefined && group(m, 'hedge') === undefined && spanText !== undefined && /\b(?:will|would|could|may|might|can|should|must|to|did|does|do|not|also)\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 8), m.index))) {
      start = m.index + spanText.length;
    }
    return { ...plain('DURATION', value, 'duration', `${span ? `${span} ` : ''}${numText} ${unit}(s)`, mod), ...(start === undefined ? {} : { start }) };
  },
};

/** "the past year", "the next month": a one-unit span ending or starting now. */
const spanUnit: TimeRule = {
  name: 'span-unit',
  pattern: g(
    `\\b(?:(?<the>${cap('the')})\\s+)?(?<span>past|last|next|coming|previous|first|final|whole|entire|full|latest|recent|ensuing)\\s+(?<unit>hour|day|week|month|year|decade|century)\\b(?!-)`,
  ),
  accept(m) {
    // Without "the", "last year" and "next week" are dates (relative-unit).
    const span = group(m, 'span') ?? '';
    return group(m, 'the') !== undefined || span === 'past';
  },
  build(m, ctx) {
    const unit = unitOf(group(m, 'unit') ?? '');
    if (unit === null) return null;
    // "sales for the full year" is the calendar year under report: the year the story is at,
    // unless that lies after the DCT's (a target "by 1992" named earlier is no year under report).
    if (unit === 'year' && /^(?:full|whole|entire)$/.test(group(m, 'span') ?? '') && ctx.dct !== null) {
      const ref = ctx.reference();
      const y = ref !== null && ref.y <= ctx.dct.y ? ref.y : ctx.dct.y;
      return pointAttrs({ precision: 'year', y }, 'dct', `the ${group(m, 'span')} year`);
    }
    return plain('DURATION', durationValue(1, unit), 'duration', `${group(m, 'span')} ${unit}`);
  },
};

/** "years", "months", "decades" with an unspecified amount: "for years", "recent months". */
const vagueDuration: TimeRule = {
  name: 'vague-duration',
  pattern: g(
    `(?:(?<=\\b(?:for|over|in|within|took|take|takes|lasted|last|spent|spend)\\s+)|\\b(?<adj>${cap('recent')}|${cap('coming')}|${cap('the coming')}|${cap('the past')}|${cap('the last')}|${cap('the next')}|${cap('the early')}|${cap('the')} (?:years|months|weeks|days) (?:ahead|to come)|${cap('the')})\\s+)(?<unit>years|months|weeks|days|quarters|decades|centuries|hours|minutes)(?:\\s+(?:ahead|to come))?(?![\\p{L}-])`,
  ),
  accept(m, text) {
    const adj = group(m, 'adj')?.toLowerCase();
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    // "over the years": the span up to now, with no cue after it.
    const over = /\bover\s+$/i.test(text.slice(Math.max(0, m.index - 6), m.index));
    if (adj === 'the' && !over && !/(?:ahead|to come)$/.test(m[0]) && !/^\s+(?:ahead|to come|since|before|after|that|of\s+(?:war|conflict|negotiation|talks|fighting))/.test(after)) return false;
    return !/^\s*(?:of|old)\b/.test(after) || adj !== undefined;
  },
  build(m) {
    const unit = unitOf(group(m, 'unit') ?? '');
    if (unit === null) return null;
    const adj = group(m, 'adj')?.toLowerCase() ?? '';
    if (unit === 'year' && adj === 'recent') return plain('DATE', 'PAST_REF', 'reference', 'recent years');
    if (unit === 'quarter' && adj === 'coming') return plain('DATE', 'FUTURE_REF', 'reference', 'coming quarters');
    return plain('DURATION', durationValue(null, unit), 'duration', `${adj} ${unit}s`.trim());
  },
};

// ---- sets ------------------------------------------------------------------------------

const SET_WORDS: Readonly<Record<string, string>> = {
  daily: 'P1D',
  nightly: 'P1D',
  weekly: 'P1W',
  monthly: 'P1M',
  quarterly: 'P3M',
  annually: 'P1Y',
  yearly: 'P1Y',
  annual: 'P1Y',
  hourly: 'PT1H',
  biweekly: 'P2W',
};

const setWord: TimeRule = {
  name: 'set-word',
  pattern: g(`\\b(?<w>${cap('daily')}|${cap('nightly')}|${cap('weekly')}|${cap('monthly')}|${cap('quarterly')}|${cap('annually')}|${cap('yearly')}|${cap('hourly')}|${cap('biweekly')})\\b`),
  accept(m, text) {
    // "a quarterly dividend" is a payment, not a recurring time; the adverb is.
    if ((group(m, 'w') ?? '').toLowerCase() !== 'quarterly') return true;
    return !/^\s+\p{L}/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4));
  },
  build(m) {
    const w = (group(m, 'w') ?? '').toLowerCase();
    return plain('SET', SET_WORDS[w] ?? 'P1D', 'set', w);
  },
};

const everyUnit: TimeRule = {
  name: 'every-unit',
  pattern: g(
    `\\b(?:(?<q>${cap('every')}|${cap('each')})\\s+(?:(?<other>other)\\s+)?(?:(?<num>${NUMBER})\\s+)?(?<unit>${UNIT}|morning|evening|night|afternoon|${WEEKDAY}|(?<month>${MONTH}))|(?<freq>once|twice|three times|four times|(?:\\d+|several|many) times)\\s+(?:a|an|per|each|every)\\s+(?<unit2>${UNIT}))\\b`,
  ),
  build(m) {
    const unitWord = group(m, 'unit') ?? group(m, 'unit2') ?? '';
    // "each July": the same month of every year.
    const month = monthNumber(group(m, 'month') ?? '');
    if (month !== null) return plain('SET', `XXXX-${String(month).padStart(2, '0')}`, 'set', `every ${unitWord}`);
    const wd = weekdayNumber(unitWord);
    if (wd !== null && /^[A-Z]/.test(unitWord)) return plain('SET', `XXXX-WXX-${wd}`, 'set', `every ${unitWord}`);
    const part = PART_OF_DAY.get(unitWord.toLowerCase());
    if (part !== undefined) return plain('SET', `T${part}`, 'set', `every ${unitWord}`);
    const unit = unitOf(unitWord);
    if (unit === null) return null;
    const n = group(m, 'num') === undefined ? 1 : numberValue(group(m, 'num') ?? '');
    const amount = group(m, 'other') !== undefined ? 2 : n;
    return plain('SET', durationValue(amount, unit), 'set', `every ${unitWord}`);
  },
};

/** "$5 a year", "24 hours a day", "700 seats a week": a rate, so a SET. */
const rateUnit: TimeRule = {
  name: 'rate-unit',
  pattern: g(`(?<=(?:\\d[\\d,.]*%?|\\b(?:hours|minutes|times|dollars|cents|hundred|thousand|million|billion|hundreds|thousands|millions|dozens))(?:\\s+[\\p{L}-]+){0,2}\\s+)(?:a|an|per)\\s+(?<unit>day|week|month|year|hour|minute)\\b(?![\\p{L}-])`),
  build(m) {
    const unit = unitOf(group(m, 'unit') ?? '');
    return unit === null ? null : plain('SET', durationValue(1, unit), 'set', `rate per ${unit}`);
  },
};

// ---- references: now, recently, the past, the future ---------------------------------

const REF_WORDS: Readonly<Record<string, string>> = {
  now: 'PRESENT_REF',
  currently: 'PRESENT_REF',
  current: 'PRESENT_REF',
  nowadays: 'PRESENT_REF',
  presently: 'PRESENT_REF',
  'at present': 'PRESENT_REF',
  'these days': 'PRESENT_REF',
  'right now': 'PRESENT_REF',
  'at the moment': 'PRESENT_REF',
  'for now': 'PRESENT_REF',
  'the present': 'PRESENT_REF',
  recently: 'PAST_REF',
  recent: 'PAST_REF',
  lately: 'PAST_REF',
  previously: 'PAST_REF',
  formerly: 'PAST_REF',
  'the past': 'PAST_REF',
  'in the past': 'PAST_REF',
  'recent past': 'PAST_REF',
  'the recent past': 'PAST_REF',
  once: 'PAST_REF',
  soon: 'FUTURE_REF',
  'the future': 'FUTURE_REF',
  future: 'FUTURE_REF',
  'the near future': 'FUTURE_REF',
  'the foreseeable future': 'FUTURE_REF',
  'the long term': 'FUTURE_REF',
  'the near term': 'FUTURE_REF',
  'the short term': 'FUTURE_REF',
  'past years': 'PAST_REF',
  'future quarters': 'FUTURE_REF',
  'future years': 'FUTURE_REF',
  'a later date': 'FUTURE_REF',
  'as soon as possible': 'FUTURE_REF',
  shortly: 'FUTURE_REF',
};

const referenceWord: TimeRule = {
  name: 'reference',
  pattern: g(
    `\\b(?<w>${cap('now')}|${cap('soon')}|${cap('currently')}|${cap('current')}|${cap('nowadays')}|${cap('these days')}|${cap('recently')}|${cap('lately')}|${cap('the recent past')}|${cap('the past')}|${cap('the near future')}|${cap('the foreseeable future')}|${cap('the future')}|${cap('a later date')}|${cap('the near term')}|${cap('the short term')}|${cap('the long term')}|${cap('past years')}|${cap('future quarters')}|${cap('future years')}|${cap('as soon as possible')}|${cap('the present')})(?![\\p{L}-])`,
  ),
  accept(m, text) {
    const w = (group(m, 'w') ?? '').toLowerCase();
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
    if (w === 'now' && /^\s*(?:that|,? as)\b/.test(after) && /(?:^|[.!?]\s*)$/.test(before)) return false;
    if (w === 'soon' && /\bas\s+$/.test(before) && /^\s+as\b/.test(after)) return false;
    // "soon after the vote" dates by the vote, not by now; "how soon", "too soon" ask or judge.
    if (w === 'soon' && (/^\s+(?:after|afterwards?|thereafter|enough)\b/.test(after) || /\b(?:how|too|so)\s+$/i.test(before))) return false;
    // The adjectives date what follows them ("the current crisis", "recent advances");
    // "current account" is a balance, not a time.
    if (w === 'current' && (!/^\s+\p{Ll}/u.test(after) || /^\s+(?:accounts?|affairs|events)\b/.test(after))) return false;
    if (w === 'the past' && /^\s+(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|year|month|week|decade|day|century)/.test(after)) return false;
    return true;
  },
  build(m) {
    const w = (group(m, 'w') ?? '').toLowerCase();
    const value = REF_WORDS[w] ?? 'PRESENT_REF';
    return plain('DATE', value, 'reference', w);
  },
};

// ---- holidays -------------------------------------------------------------------------

function nthWeekday(y: number, m: number, wd: number, nth: number): Day {
  if (nth > 0) {
    const first = { y, m, d: 1 };
    const firstWd = new Date(Date.UTC(y, m - 1, 1)).getUTCDay() || 7;
    return addDays(first, ((wd - firstWd + 7) % 7) + 7 * (nth - 1));
  }
  const last = addDays({ y: m === 12 ? y + 1 : y, m: m === 12 ? 1 : m + 1, d: 1 }, -1);
  const lastWd = new Date(Date.UTC(last.y, last.m - 1, last.d)).getUTCDay() || 7;
  return addDays(last, -((lastWd - wd + 7) % 7));
}

const HOLIDAYS: Readonly<Record<string, (y: number) => Day>> = {
  'christmas day': (y) => ({ y, m: 12, d: 25 }),
  christmas: (y) => ({ y, m: 12, d: 25 }),
  'christmas eve': (y) => ({ y, m: 12, d: 24 }),
  "new year's day": (y) => ({ y, m: 1, d: 1 }),
  "new year's eve": (y) => ({ y, m: 12, d: 31 }),
  'independence day': (y) => ({ y, m: 7, d: 4 }),
  'veterans day': (y) => ({ y, m: 11, d: 11 }),
  halloween: (y) => ({ y, m: 10, d: 31 }),
  "valentine's day": (y) => ({ y, m: 2, d: 14 }),
  thanksgiving: (y) => nthWeekday(y, 11, 4, 4),
  'thanksgiving day': (y) => nthWeekday(y, 11, 4, 4),
  'labor day': (y) => nthWeekday(y, 9, 1, 1),
  'memorial day': (y) => nthWeekday(y, 5, 1, -1),
  'election day': (y) => addDays(nthWeekday(y, 11, 1, 1), 1),
};

const holiday: TimeRule = {
  name: 'holiday',
  pattern: g(
    `\\b(?:(?<rel>${cap('last')}|${cap('next')}|${cap('this')})\\s+)?(?<h>Christmas(?: Day| Eve)?|New Year['’]s(?: Day| Eve)|Independence Day|Veterans Day|Halloween|Valentine['’]s Day|Thanksgiving(?: Day)?|Labor Day|Memorial Day|Election Day)(?:,?\\s+(?<year>(?:1[5-9]|20)\\d\\d))?\\b`,
  ),
  build(m, ctx) {
    const name = (group(m, 'h') ?? '').toLowerCase().replace('’', "'");
    const make = HOLIDAYS[name];
    if (make === undefined) return null;
    const yearText = group(m, 'year');
    let y: number;
    if (yearText !== undefined) y = Number(yearText);
    else if (ctx.dct !== null) {
      const probe = make(ctx.dct.y);
      const rel = group(m, 'rel')?.toLowerCase();
      y = resolveYear(ctx.dct, probe.m, probe.d, rel === 'last' ? 'past' : rel === 'next' ? 'future' : ctx.tense());
    } else return null;
    return pointAttrs(dayPoint(make(y)), yearText === undefined ? 'dct' : 'absolute', `${name} ${y}`);
  },
};

/** The narrative year: "the year" (a date unless "for the year"), "that year". */
const theYear: TimeRule = {
  name: 'the-unit',
  pattern: g(`(?<pre>\\b(?:for|over|throughout|during|in|of|all|whole)\\s+)?\\b(?<the>${cap('the')})\\s+(?<grain>year|month|week|quarter|weekend|day)\\b(?![\\p{L}-])(?!\\s+(?:before|after|of|that|when|in which))`),
  accept(m) {
    const grain = group(m, 'grain');
    // "the day" alone is too often generic ("the day of reckoning"); "the quarter" is period-reference's.
    return grain !== 'day' && grain !== 'quarter';
  },
  build(m, ctx) {
    const pre = (group(m, 'pre') ?? '').trim().toLowerCase();
    const grain = (group(m, 'grain') ?? 'year') as Grain;
    const start = m.index + (group(m, 'pre')?.length ?? 0);
    // "the year ended June 30" is a fiscal year: a span, not a calendar year.
    if (grain === 'year' && /^\s+(?:ended|ending)\b/.test(ctx.text.slice(ctx.end, ctx.end + 8))) {
      return { ...plain('DURATION', 'P1Y', 'duration', 'a fiscal year ended on a named day'), start };
    }
    // "over the weekend" names that weekend; "for the year" spans one.
    if ((pre === 'for' || pre === 'over' || pre === 'throughout' || pre === 'all' || pre === 'whole') && grain !== 'weekend') {
      const unit = unitOf(grain);
      return unit === null ? null : { ...plain('DURATION', durationValue(1, unit), 'duration', `the ${grain}, as a span`), start };
    }
    if (grain === 'quarter') return null;
    const ref = ctx.reference();
    const base = ref ?? (ctx.today === null ? null : coarsen(ctx.today, grain === 'weekend' ? 'week' : unitPrecision(grain)));
    if (base === null) return null;
    if (grain === 'weekend') {
      // The weekend the story is near: the Saturday on or before its day, or after it in a future clause.
      const day = ref !== null && ref.precision === 'day' ? ref.day : ctx.today;
      if (day === null) return null;
      const saturday = resolveWeekday(day, 6, ctx.tense() === 'future' ? 'after' : 'before');
      return { ...plain('DATE', `${pointValue(weekPoint(saturday))}-WE`, 'week', 'the weekend', null, ref === null ? 'dct' : 'narrative'), start };
    }
    return { ...pointAttrs(sameGrain(base, grain), ref === null ? 'dct' : 'narrative', `the ${grain} under discussion`), start };
  },
};

const yearEnd: TimeRule = {
  name: 'year-end',
  pattern: g(`\\b(?:${cap('the')}\\s+)?(?:${cap('around')}\\s+)?(?:(?<day>[Yy]ear-end)|[Yy]ear end|[Yy]ear['’]s end|end of the year)\\b`),
  build(m, ctx) {
    if (ctx.dct === null) return null;
    const since = /\bsince\s+$/i.test(ctx.text.slice(Math.max(0, ctx.start - 8), ctx.start));
    // "by the end of the year", "before year's end": a limit, which lies ahead in any tense.
    const ahead = deadline(ctx) || /\bbefore\s+$/i.test(ctx.text.slice(Math.max(0, ctx.start - 8), ctx.start));
    const y = !ahead && (since || ctx.tense() === 'past') ? ctx.dct.y - (ctx.dct.m === 12 ? 0 : 1) : ctx.dct.y;
    // "year-end" (the closing day: "year-end results") is 31 December; "the end of the year" and
    // "year's end" are the last part of the year, as TimeML writes them: the year with mod END.
    if (group(m, 'day') !== undefined) return pointAttrs(dayPoint({ y, m: 12, d: 31 }), 'dct', `year end ${y}`);
    return pointAttrs({ precision: 'year', y }, 'dct', `the end of ${y}`, 'END');
  },
};

/** Years read out in broadcast transcripts: "nineteen ninety-six", "the year two thousand". */
const spokenYear: TimeRule = {
  name: 'spoken-year',
  pattern: g(`\\b(?:(?<c>[Nn]ineteen|[Ee]ighteen)[\\s-](?<rest>${TENS_WORDS}|hundred)|(?:the year\\s+)?(?<k>two thousand)(?:\\s+and\\s+(?<krest>${TENS_WORDS}|one|two|three|four|five|six|seven|eight|nine))?)\\b`),
  accept(m) {
    return group(m, 'c') !== undefined || /year/.test(m[0]) || group(m, 'krest') !== undefined;
  },
  build(m) {
    const century = group(m, 'c')?.toLowerCase() === 'eighteen' ? 1800 : 1900;
    const rest = group(m, 'rest');
    const y = group(m, 'k') !== undefined ? 2000 + (numberValue(group(m, 'krest') ?? '0') ?? 0) : century + (rest === 'hundred' ? 0 : (numberValue((rest ?? '').replace(/\s+/, '-')) ?? 0));
    return pointAttrs({ precision: 'year', y }, 'absolute', 'spoken year');
  },
};

/** "shelled the town overnight", "overnight losses": the night before the DCT, or the coming one in a future clause. */
const overnight: TimeRule = {
  name: 'overnight',
  pattern: g(`\\b${cap('overnight')}\\b(?![\\p{L}-])`),
  accept(m, text) {
    // "an overnight success", "almost overnight": suddenly, not a night.
    const before = text.slice(Math.max(0, m.index - 14), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 14);
    return !/\b(?:almost|virtually|nearly|practically|literally|seemingly|an)\s+$/i.test(before) && !/^\s+(?:success|sensation|celebrity|star|stays?|bags?)\b/i.test(after);
  },
  build(_m, ctx) {
    // The night before the day the story is at ("Friday … overnight losses in New York"), the DCT by default.
    const base = storyDay(ctx);
    if (base === null) return null;
    const day = ctx.tense() === 'future' ? base : addDays(base, -1);
    const anchor = base === ctx.today ? 'dct' : 'narrative';
    return { ...plain('TIME', `${dayValue(day)}TNI`, 'part-of-day', `overnight, from ${dayValue(base)}`, null, anchor), point: dayPoint(day) };
  },
};

/** "will one day be": some unnamed day ahead, not a span of one day. */
const someDay: TimeRule = {
  name: 'some-day',
  pattern: g(`(?<=\\b(?:will|would|could|may|might|can|shall|should|must|to)\\s+)one day\\b`),
  build: () => plain('DATE', 'FUTURE_REF', 'reference', 'one day, after a modal'),
};

// Earlier rules win ties between matches of the same extent ("a year" in "$5 a year").
export const TIME_RULES: readonly TimeRule[] = [
  someDay,
  rateUnit,
  yearEnd,
  spokenYear,
  monthDay,
  dayMonth,
  numericDate,
  monthYear,
  monthAlone,
  year,
  decade,
  decadeWord,
  century,
  dayWord,
  partOfDay,
  weekdayRule,
  clock,
  relativeUnit,
  quarter,
  periodRef,
  yearEarlier,
  season,
  offsetRule,
  narrativeDay,
  ordinalDay,
  duration,
  spanUnit,
  vagueDuration,
  setWord,
  everyUnit,
  referenceWord,
  holiday,
  theYear,
  overnight,
];

