import { readDate } from './date-reading.js';
import type { DateReading, RawArticle, SourceRun } from './raw-article.js';
import { provenanceOf } from './reader.js';
import { type ElementSpan, findElement, listItems, parseAttributes } from './sgml-elements.js';
import { decodeSgmlLine, decodeSgmlSpan } from './sgml-text.js';
import { sliceRuns } from './source-runs.js';
import type { SourceText } from './source-text.js';

/** A record whose content could not make an article: why, said for the rejection. */
export interface RecordProblem {
  readonly problem: string;
}

const LISTS = ['TOPICS', 'PLACES', 'PEOPLE', 'ORGS', 'EXCHANGES'] as const;

/**
 * One <REUTERS>...</REUTERS> record, source.text[start, end), as an article. The three
 * kinds of <TEXT> differ:
 * - NORM (no TYPE): <TITLE>, <DATELINE>, <BODY>, sometimes <AUTHOR>.
 * - BRIEF: a headline alone, followed by the placeholder "Blah blah blah." The headline is
 *   the whole story ("EXAMPLE BANK CUTS BASE RATE TO 9.5 PCT"), so the brief is kept
 *   with an empty text rather than dropped; the placeholder is not news and is not kept.
 * - UNPROC: no markup inside <TEXT>; its first line is a headline ("CENTRAL BANK WEEKLY
 *   RESERVES - APR 3"), used as the title, and the rest (often a table) is the text.
 */
export function readReutersRecord(source: SourceText, start: number, end: number): RawArticle | RecordProblem {
  const record = source.text.slice(start, end);
  const attributes = parseAttributes(record.slice('<REUTERS'.length, record.indexOf('>')));
  const element = (name: string): ElementSpan | undefined => findElement(record, name);
  const line = (name: string): string | null => {
    const span = element(name);
    return span === undefined ? null : decodeSgmlLine(source, start + span.contentStart, start + span.contentEnd);
  };

  const textSpan = element('TEXT');
  const textType = textSpan === undefined ? null : (parseAttributes(textSpan.attributes).get('TYPE') ?? 'NORM');
  const story =
    textType === 'UNPROC'
      ? unprocessed(source, start, textSpan!)
      : { title: line('TITLE') ?? '', ...body(source, start, textType === 'BRIEF' ? undefined : element('BODY')) };
  if (story.title === '' && story.text === '') {
    return { problem: `record NEWID=${attributes.get('NEWID') ?? '?'} has neither a title nor a text` };
  }

  const extra: Record<string, unknown> = {
    newId: numberOrNull(attributes.get('NEWID')),
    oldId: numberOrNull(attributes.get('OLDID')),
    lewisSplit: attributes.get('LEWISSPLIT') ?? null,
    cgiSplit: attributes.get('CGISPLIT') ?? null,
    topicsFlag: attributes.get('TOPICS') ?? null,
    textType,
    dateline: dateline(line('DATELINE')),
  };
  for (const name of LISTS) extra[name.toLowerCase()] = listItems(record, element(name));

  return {
    title: story.title,
    outlet: 'Reuters',
    author: byline(line('AUTHOR')),
    date: wireDate(record, element('DATE')),
    url: null,
    text: story.text,
    authorBio: null,
    provenance: provenanceOf(source, start, end, 'reuters'),
    sourceRuns: story.runs,
    extra,
  };
}

interface Story {
  readonly title: string;
  readonly text: string;
  readonly runs: SourceRun[];
}

function body(source: SourceText, start: number, span: ElementSpan | undefined): Omit<Story, 'title'> {
  if (span === undefined) return { text: '', runs: [] };
  return storyText(source, start + span.contentStart, start + span.contentEnd);
}

function unprocessed(source: SourceText, start: number, span: ElementSpan): Story {
  const { text, runs } = storyText(source, start + span.contentStart, start + span.contentEnd);
  const lineEnd = text.indexOf('\n');
  const first = (lineEnd === -1 ? text : text.slice(0, lineEnd)).trim();
  if (first.length >= 200) return { title: '', text, runs };
  // "HARBOUR INDEX - APRIL 7 312.40, TRADING CONTINUES" alone is a headline, kept as a brief is.
  if (lineEnd === -1) return { title: first.replace(/\s+/g, ' '), text: '', runs: [] };
  let rest = lineEnd + 1;
  while (rest < text.length && text[rest] === '\n') rest++;
  return { title: first.replace(/\s+/g, ' '), text: text.slice(rest), runs: sliceRuns(text, runs, rest, text.length) };
}

/** The story as on the wire, minus control characters, edge blank lines and the sign-off. */
function storyText(source: SourceText, from: number, to: number): Omit<Story, 'title'> {
  const decoded = decodeSgmlSpan(source, from, to);
  let text = decoded.text;
  let begin = 0;
  while (begin < text.length && (text[begin] === '\n' || text[begin] === ' ')) begin++;
  // Keep the first line's indent only when it is the paragraph's: "    The company said...".
  begin = text.lastIndexOf('\n', begin) + 1;
  text = text.trimEnd();
  const end = withoutSignOff(text);
  return { text: text.slice(begin, end), runs: sliceRuns(decoded.text, decoded.runs, begin, end) };
}

// "...at 1,250 dlrs.\n Reuter", "total 12.5 (10.1).        REUTER", "rose 2.1 pct. REUTER":
// the sign-off stands on its own line, after a wide gap or after a full stop, never as
// "told Reuters." inside a sentence. Wire junk may trail it: "REUTER...^M", "REUTER XQ".
const SIGN_OFF = /(?:\n[ \t]*|[ \t]{2,}|(?<=[.)"'>\d])[ \t]+)REUTERS?(?:\.\.\.|\^M|[ \t]+[A-Z]{1,3}|\d)*[ \t]*$/i;

// A re-sent story can carry two: "...said.\n Reuter\n REUTER".
function withoutSignOff(text: string): number {
  let end = text.length;
  for (let pass = 0; pass < 2; pass++) {
    const tailStart = Math.max(0, end - 40);
    const m = SIGN_OFF.exec(text.slice(tailStart, end));
    if (m === null) break;
    end = text.slice(0, tailStart + m.index).trimEnd().length;
  }
  return end;
}

function wireDate(record: string, span: ElementSpan | undefined): DateReading | null {
  if (span === undefined) return null;
  const outcome = readDate(record.slice(span.contentStart, span.contentEnd).trim(), '<DATE>');
  return outcome.kind === 'read' ? outcome.reading : null;
}

// "    By Jane Example, Reuter" or "BY JOHN SAMPLE, REUTERS": the name alone.
function byline(author: string | null): string | null {
  if (author === null) return null;
  const name = author.replace(/^by\s+/i, '').replace(/,\s*reuters?$/i, '').trim();
  return name === '' ? null : name;
}

// "    PORT HALVERN, March 14 - " becomes "PORT HALVERN, March 14".
function dateline(text: string | null): string | null {
  if (text === null) return null;
  const cleaned = text.replace(/\s*-\s*$/, '').trim();
  return cleaned === '' ? null : cleaned;
}

function numberOrNull(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  return Number(value);
}
