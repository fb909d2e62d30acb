import { createHash } from 'node:crypto';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { CAMEO_PATTERN } from '../knowledge/actors/actor-schema.js';

/**
 * Readers for the event-coding gold sets: PLOVER gold-standard records, PETRARCH validation
 * records (unit tests and the real-world GSR, JSONL or their XML), the PETRARCH actor
 * dictionary format, and Dossier's own gold (NEWIDs, offsets and codes over Reuters-21578).
 * Each turns a file's text into plain records; running the pipeline is event-eval.ts's job.
 */

/** One actor of a PLOVER record: a country or IGO/NGO code, and a sector when coded. */
export interface GoldActor {
  readonly text: string;
  readonly code: string;
  /** GOV, MIL, REB, CVL...; null when uncoded or "***" (unknown). */
  readonly sector: string | null;
}

export interface PloverGoldRecord {
  readonly id: string;
  /** The current PLOVER event type (older 0.5b1 names renamed). */
  readonly event: string;
  readonly mode: string | null;
  readonly sources: readonly GoldActor[];
  readonly targets: readonly GoldActor[];
  readonly text: string;
}

/**
 * PLOVER 0.5b1 names the current manual renamed (folder README): INVESTIGATE became ACCUSE
 * with mode "investigate".
 */
export function currentPloverType(event: string, mode: string | null): { event: string; mode: string | null } {
  switch (event.toUpperCase()) {
    case 'DEMAND':
      return { event: 'REQUEST', mode };
    case 'DISAPPROVE':
      return { event: 'ACCUSE', mode };
    case 'INVESTIGATE':
      return { event: 'ACCUSE', mode: 'investigate' };
    case 'FIGHT':
      return { event: 'ASSAULT', mode };
    default:
      return { event: event.toUpperCase(), mode };
  }
}

const PloverActor = z.object({ actorText: z.string().default(''), code: z.string().default(''), sector: z.string().optional() });
// The source has `""` for no target, and once a stray word ("diplomatic"): neither names an actor.
const PloverActors = z.union([z.array(PloverActor), z.string()]).optional();
const PloverRecord = z.object({
  id: z.string(),
  event: z.string(),
  mode: z.string().optional(),
  source: PloverActors,
  target: PloverActors,
  text: z.string().optional(),
});

/** The gold records of a PLOVER GSR file (a JSON array); the DOCUMENT header is skipped. */
export function parsePloverGold(json: unknown, file = 'plover.json'): PloverGoldRecord[] {
  if (!Array.isArray(json)) throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file }, 'a PLOVER gold file is a JSON array of records');
  const records: PloverGoldRecord[] = [];
  json.forEach((item, index) => {
    const parsed = PloverRecord.safeParse(item);
    if (!parsed.success) {
      throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file }, `record ${index}: ${parsed.error.issues[0]?.message ?? 'not a PLOVER record'}`);
    }
    const r = parsed.data;
    if (r.event.toUpperCase() === 'DOCUMENT' || r.text === undefined) return;
    const { event, mode } = currentPloverType(r.event, r.mode?.trim() ? r.mode.trim().toLowerCase() : null);
    records.push({ id: r.id, event, mode, sources: goldActors(r.source), targets: goldActors(r.target), text: r.text });
  });
  return records;
}

function goldActors(list: z.infer<typeof PloverActors>): GoldActor[] {
  if (list === undefined || typeof list === 'string') return [];
  return list.map((a) => ({
    text: a.actorText,
    code: a.code.trim().toUpperCase(),
    sector: a.sector && a.sector.trim() !== '' && !a.sector.includes('*') ? a.sector.trim().toUpperCase() : null,
  }));
}

/** An expected PETRARCH event: CAMEO-style actor codes (or a quoted noun phrase) and an event code. */
export interface ExpectedTriple {
  readonly source: string;
  readonly target: string;
  readonly event: string;
}

export interface ValidationRecord {
  readonly id: string;
  /** ISO date (from the record's YYYYMMDD). */
  readonly date: string;
  readonly category: string;
  readonly text: string;
  readonly expected: readonly ExpectedTriple[];
  /** The record expects no event at all. */
  readonly noEvents: boolean;
  /** "storydiscard", "sentencediscard", "dateline"...: the record should yield nothing. */
  readonly error: string | null;
}

const JsonlRecord = z.object({
  id: z.string(),
  date: z.string().default(''),
  category: z.string().default(''),
  text: z.string().default(''),
  expected_events: z.array(z.object({ source: z.string().default(''), target: z.string().default(''), event: z.string().default('') })).default([]),
  expected_noevents: z.boolean().default(false),
  expected_error: z.string().optional(),
});

/** PETRARCH validation records from the folder's JSONL (one record a line) or the source XML. */
export function parseValidationRecords(content: string, file = 'records'): ValidationRecord[] {
  return content.trimStart().startsWith('{') ? parseValidationJsonl(content, file) : parseValidationXml(content);
}

function parseValidationJsonl(content: string, file: string): ValidationRecord[] {
  const records: ValidationRecord[] = [];
  content.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file, line: index + 1 }, 'not a JSON object');
    }
    const parsed = JsonlRecord.safeParse(json);
    if (!parsed.success) throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file, line: index + 1 }, parsed.error.issues[0]?.message ?? 'not a validation record');
    const r = parsed.data;
    records.push({
      id: r.id,
      date: isoDate(r.date),
      category: r.category,
      text: r.text,
      expected: r.expected_events.filter((e) => e.event !== ''),
      noEvents: r.expected_noevents,
      error: r.expected_error ?? null,
    });
  });
  return records;
}

/**
 * The XML is scanned record by record (`<Sentence ` … `</Sentence>`), not parsed: the GSR file
 * is not well-formed (self-closed opening tags still followed by a closing one).
 */
function parseValidationXml(content: string): ValidationRecord[] {
  const records: ValidationRecord[] = [];
  const body = content.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of body.matchAll(/<Sentence\s([^>]*?)\/?>([\s\S]*?)<\/Sentence>/g)) {
    const attrs = xmlAttributes(m[1] ?? '');
    const inner = m[2] ?? '';
    const expected: ExpectedTriple[] = [];
    let noEvents = false;
    let error: string | null = null;
    for (const coding of inner.matchAll(/<EventCoding\s([^>]*?)\/?>/g)) {
      const a = xmlAttributes(coding[1] ?? '');
      if (a.get('noevents')?.toLowerCase() === 'true') noEvents = true;
      else if (a.has('error')) error = a.get('error') ?? null;
      else if (a.has('eventcode')) expected.push({ source: a.get('sourcecode') ?? '', target: a.get('targetcode') ?? '', event: a.get('eventcode') ?? '' });
    }
    const text = /<Text>([\s\S]*?)<\/Text>/.exec(inner)?.[1] ?? '';
    records.push({
      id: attrs.get('id') ?? '',
      date: isoDate(attrs.get('date') ?? ''),
      category: attrs.get('category') ?? '',
      text: unescapeXml(text).replace(/\s+/g, ' ').trim(),
      expected,
      noEvents,
      error,
    });
  }
  return records;
}

function xmlAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of source.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs.set(m[1]!, unescapeXml(m[2] ?? m[3] ?? ''));
  return attrs;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function isoDate(yyyymmdd: string): string {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(yyyymmdd.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : '2000-01-01';
}

/** One actor of a PETRARCH actor dictionary: its phrases (underscores made spaces) and code. */
export interface DictionaryActor {
  readonly phrases: readonly string[];
  /** The undated code, or the latest-dated one when every code is dated; null when none. */
  readonly code: string | null;
}

/**
 * PETRARCH actor dictionary text (docs/dictionaries.rst): `PHRASE [CODE]` or a bare phrase,
 * `+SYNONYM` lines, tab-indented `[CODE date-restriction]` lines; `#` comments and
 * `<!-- -->` blocks. Date restrictions are not modelled: one code an actor, the undated one.
 */
export function parseActorDictionary(content: string): DictionaryActor[] {
  const actors: { phrases: string[]; codes: { code: string; dated: boolean }[] }[] = [];
  const lines = content.replace(/<!--[\s\S]*?-->/g, '').split('\n');
  for (const rawLine of lines) {
    const indented = /^[ \t]/.test(rawLine);
    const line = rawLine.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const current = actors.at(-1);
    const codeOnly = /^\[([^\]]*)\]$/.exec(line);
    if (codeOnly && current && indented) {
      current.codes.push(dictionaryCode(codeOnly[1] ?? ''));
      continue;
    }
    if (line.startsWith('+')) {
      current?.phrases.push(dictionaryPhrase(line.slice(1)));
      continue;
    }
    const entry = /^([^[]+?)\s*(?:\[([^\]]*)\])?$/.exec(line);
    if (!entry) continue;
    actors.push({ phrases: [dictionaryPhrase(entry[1] ?? '')], codes: entry[2] === undefined ? [] : [dictionaryCode(entry[2])] });
  }
  return actors
    .map((a) => ({ phrases: a.phrases.filter((p) => p !== ''), code: (a.codes.find((c) => !c.dated) ?? a.codes.at(-1))?.code ?? null }))
    .filter((a) => a.phrases.length > 0);
}

function dictionaryPhrase(s: string): string {
  return s.trim().replace(/_+$/, '').replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
}

function dictionaryCode(s: string): { code: string; dated: boolean } {
  const [code = '', ...rest] = s.trim().split(/\s+/);
  return { code: code.toUpperCase(), dated: rest.length > 0 || /\d/.test(code) };
}

/** A registry entry (docs/actor-registry.md) for each dictionary actor with a usable CAMEO code. */
export function dictionaryRegistryEntries(actors: readonly DictionaryActor[], prefix = 'petr'): Record<string, unknown>[] {
  const entries: Record<string, unknown>[] = [];
  actors.forEach((a, index) => {
    if (a.code === null || !CAMEO_PATTERN.test(a.code)) return;
    const [name = '', ...aliases] = a.phrases.map(titleCase);
    const bare = a.code.length === 3;
    entries.push({
      id: `${prefix}-${index}-${slug(name)}`.replace(/-+$/, ''),
      name,
      aliases,
      type: bare ? 'state' : 'organization',
      country: a.code.slice(0, 3),
      sector: sectorOfCode(a.code),
      cameo: a.code,
    });
  });
  return entries;
}

const SECTOR_OF_ROLE: Readonly<Record<string, string>> = {
  GOV: 'government',
  MIL: 'military',
  COP: 'police',
  SPY: 'intelligence',
  REB: 'rebel',
  OPP: 'opposition',
  LEG: 'legislature',
  JUD: 'judiciary',
  MED: 'media',
  BUS: 'business',
  CVL: 'civilian',
  CIV: 'civilian',
  REL: 'religious',
  NGO: 'NGO',
  IGO: 'IGO',
};

function sectorOfCode(code: string): string {
  for (let i = 0; i + 3 <= code.length; i += 3) {
    const sector = SECTOR_OF_ROLE[code.slice(i, i + 3)];
    if (sector) return sector;
  }
  return 'government';
}

function titleCase(phrase: string): string {
  return phrase.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, lead: string, c: string) => lead + c.toUpperCase());
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

// --- Dossier's own gold: events over corpus stories, by story reference and character offsets ---

export const MODALITIES = ['asserted', 'reported', 'claimed', 'denied', 'planned', 'conditional', 'hypothetical', 'negated'] as const;

export const EVENT_GOLD_SCHEMAS = ['dossier-event-gold/1', 'dossier-event-gold/2'] as const;

/** A TIMEX3 date value: year, month, day, ISO week or weekend. */
const TIMEX_DATE = String.raw`\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2}(?:-WE)?)?`;
/** One date value, or a range of two as an ISO 8601 interval ("2020-07-01/2020-07-03"). */
export const GOLD_DATE_PATTERN = new RegExp(`^${TIMEX_DATE}(?:/${TIMEX_DATE})?$`);

const GoldParticipant = z.strictObject({ name: z.string().min(1), cameo: z.string().regex(CAMEO_PATTERN).nullable() });
/** A place with its WGS84 coordinates, so the scorer can judge distance instead of names. */
const GoldPlaceSchema = z.strictObject({ name: z.string().min(1), lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });
const GoldEventSchema = z.strictObject({
  /** [start, end) of the sentence in the reader's article text. */
  sentence: z.tuple([z.number().int().nonnegative(), z.number().int().positive()]),
  code: z.string().regex(/^\d{2,4}$/),
  root: z.string().regex(/^\d{2}$/),
  sources: z.array(GoldParticipant),
  targets: z.array(GoldParticipant),
  place: z.union([z.string().min(1), GoldPlaceSchema]).nullable(),
  date: z.string().regex(GOLD_DATE_PATTERN).nullable(),
  modality: z.enum(MODALITIES),
  note: z.string().optional(),
});
// A path relative to the file's corpus folder, never climbing out of it.
const CorpusPath = z.string().regex(/^(?!.*\.\.)[\w.-]+(?:\/[\w.-]+)*$/);
const StoryFields = {
  file: CorpusPath,
  /** The date as the reader reads it (day, month or year precision). */
  date: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/),
  /** First 12 hex digits of the SHA-1 of the article text: the offsets are only valid for it. */
  textSha1: z.string().regex(/^[0-9a-f]{12}$/),
  events: z.array(GoldEventSchema),
};
/**
 * A Reuters-21578 story (the SGML file that holds it and its NEWID) or a record of a JSON
 * Lines corpus (the file and the record's 1-based line): exactly one of `newId` and `line`.
 * One object rather than a union, so that a bad field is reported as itself.
 */
const GoldStorySchema = z
  .strictObject({ newId: z.number().int().positive().optional(), line: z.number().int().positive().optional(), ...StoryFields })
  .refine((s) => (s.newId === undefined) !== (s.line === undefined), { message: 'a story has either a newId (Reuters) or a line (JSONL)' });
const GoldFileSchema = z.strictObject({
  schema: z.enum(EVENT_GOLD_SCHEMAS),
  /** The folder the stories' files are relative to, from the working directory. */
  corpus: z.string(),
  stories: z.array(GoldStorySchema),
  note: z.string().optional(),
});

export type GoldEvent = z.infer<typeof GoldEventSchema>;
export type GoldPlace = z.infer<typeof GoldPlaceSchema>;
export type GoldStory = z.infer<typeof GoldStorySchema>;
export type ReutersGoldStory = GoldStory & { readonly newId: number };
export type JsonlGoldStory = GoldStory & { readonly line: number };
export type EventGoldFile = z.infer<typeof GoldFileSchema>;

export const isReutersStory = (story: GoldStory): story is ReutersGoldStory => story.newId !== undefined;

/** How messages and references name a story: `reut2-020.sgm:20333`, `multi-outlet-dev/articles.jsonl:12`. */
export function storyLabel(story: GoldStory): string {
  return `${story.file}:${story.newId ?? story.line ?? '?'}`;
}

/** The place's name, whether the gold gives coordinates or not. */
export const goldPlaceName = (place: GoldEvent['place']): string | null => (place === null ? null : typeof place === 'string' ? place : place.name);

/** Why the parsed file breaks a rule zod cannot say, one message a problem, naming story and event. */
export function eventGoldProblems(gold: EventGoldFile): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const story of gold.stories) {
    const label = storyLabel(story);
    if (seen.has(label)) problems.push(`story ${label}: listed twice`);
    seen.add(label);
    if (isReutersStory(story) && !/(?:^|\/)reut2-\d{3}\.sgm$/.test(story.file)) problems.push(`story ${label}: a NEWID story must name a reut2-NNN.sgm file`);
    if (gold.schema === 'dossier-event-gold/1') {
      if (!isReutersStory(story)) problems.push(`story ${label}: schema /1 holds Reuters stories only (use dossier-event-gold/2)`);
      else if (story.events.some((e) => e.place !== null && typeof e.place !== 'string')) problems.push(`story ${label}: schema /1 places are names (use dossier-event-gold/2)`);
    }
    story.events.forEach((e, i) => {
      if (e.code.slice(0, 2) !== e.root) problems.push(`story ${label} event ${i}: code ${e.code} is not under root ${e.root}`);
    });
  }
  return problems;
}

/** The gold file, checked; one InputError naming the first problem (story and event) otherwise. */
export function parseEventGold(json: unknown, file = 'gold.json'): EventGoldFile {
  const parsed = GoldFileSchema.safeParse(json);
  if (!parsed.success) throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file }, describeIssue(json, parsed.error.issues[0]));
  const problems = eventGoldProblems(parsed.data);
  if (problems.length > 0) throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file }, problems[0]!);
  return parsed.data;
}

/** Every schema problem of the file (not only the first), each naming its story and event. */
export function eventGoldSchemaProblems(json: unknown): string[] {
  const parsed = GoldFileSchema.safeParse(json);
  if (parsed.success) return eventGoldProblems(parsed.data);
  return parsed.error.issues.map((issue) => describeIssue(json, issue));
}

/** "story reut2-020.sgm:20333 event 3: date: Invalid" rather than "stories.4.events.3.date". */
function describeIssue(json: unknown, issue: z.ZodIssue | undefined): string {
  if (issue === undefined) return 'not an event gold file';
  const [top, storyIndex, inner, eventIndex, ...rest] = issue.path;
  if (top !== 'stories' || typeof storyIndex !== 'number') return `${issue.path.join('.')}: ${issue.message}`;
  const stories = (json as { stories?: unknown[] }).stories;
  const raw = stories?.[storyIndex] as { file?: unknown; newId?: unknown; line?: unknown } | undefined;
  const label = raw && typeof raw.file === 'string' ? `${raw.file}:${String(raw.newId ?? raw.line ?? '?')}` : `#${storyIndex}`;
  if (inner === 'events' && typeof eventIndex === 'number') return `story ${label} event ${eventIndex}: ${rest.join('.') || 'event'}: ${issue.message}`;
  return `story ${label}: ${issue.path.slice(2).join('.') || 'story'}: ${issue.message}`;
}

export function textFingerprint(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex').slice(0, 12);
}

/**
 * Why a story's offsets do not fit `text` (the reader's article text), or [] when they do:
 * the text must be the one annotated (fingerprint), and then each sentence inside it, starting
 * and ending on a non-space character; with `sentences` (the splitter's, in raw offsets),
 * each gold sentence must be one of them.
 */
export function checkGoldOffsets(story: GoldStory, text: string, sentences?: readonly (readonly [number, number])[]): string[] {
  const problems: string[] = [];
  const label = storyLabel(story);
  // Offsets into another text mean nothing: the fingerprint alone is the problem then.
  if (textFingerprint(text) !== story.textSha1) return [`story ${label}: the article text is not the one annotated (SHA-1 differs)`];
  const bounds = sentences ? new Set(sentences.map(([s, e]) => `${s},${e}`)) : null;
  story.events.forEach((e, i) => {
    const [start, end] = e.sentence;
    if (start >= end || end > text.length) {
      problems.push(`story ${label} event ${i}: sentence [${start}, ${end}) is outside the text (${text.length} chars)`);
    } else if (/\s/.test(text.charAt(start)) || /\s/.test(text.charAt(end - 1))) {
      problems.push(`story ${label} event ${i}: sentence [${start}, ${end}) does not start and end on words`);
    } else if (bounds && !bounds.has(`${start},${end}`)) {
      problems.push(`story ${label} event ${i}: sentence [${start}, ${end}) is not one of the splitter's sentences`);
    }
  });
  return problems;
}
