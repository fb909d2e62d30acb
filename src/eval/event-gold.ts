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

// --- Dossier's own gold: events over Reuters-21578 stories, by NEWID and character offsets ---

export const MODALITIES = ['asserted', 'reported', 'claimed', 'denied', 'planned', 'conditional', 'hypothetical', 'negated'] as const;

const GoldParticipant = z.strictObject({ name: z.string().min(1), cameo: z.string().regex(CAMEO_PATTERN).nullable() });
const GoldEventSchema = z.strictObject({
  /** [start, end) of the sentence in the reader's article text. */
  sentence: z.tuple([z.number().int().nonnegative(), z.number().int().positive()]),
  code: z.string().regex(/^\d{2,4}$/),
  root: z.string().regex(/^\d{2}$/),
  sources: z.array(GoldParticipant),
  targets: z.array(GoldParticipant),
  place: z.string().min(1).nullable(),
  date: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2}(?:-WE)?)?$/).nullable(),
  modality: z.enum(MODALITIES),
  note: z.string().optional(),
});
const GoldStorySchema = z.strictObject({
  newId: z.number().int().positive(),
  file: z.string().regex(/^reut2-\d{3}\.sgm$/),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** First 12 hex digits of the SHA-1 of the article text: the offsets are only valid for it. */
  textSha1: z.string().regex(/^[0-9a-f]{12}$/),
  events: z.array(GoldEventSchema),
});
const GoldFileSchema = z.strictObject({
  schema: z.literal('dossier-event-gold/1'),
  corpus: z.string(),
  stories: z.array(GoldStorySchema),
});

export type GoldEvent = z.infer<typeof GoldEventSchema>;
export type GoldStory = z.infer<typeof GoldStorySchema>;
export type EventGoldFile = z.infer<typeof GoldFileSchema>;

export function parseEventGold(json: unknown, file = 'gold.json'): EventGoldFile {
  const parsed = GoldFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file }, `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'not an event gold file'}`);
  }
  for (const story of parsed.data.stories) {
    for (const e of story.events) {
      if (e.code.slice(0, 2) !== e.root) throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file }, `story ${story.newId}: code ${e.code} is not under root ${e.root}`);
    }
  }
  return parsed.data;
}

export function textFingerprint(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex').slice(0, 12);
}

/**
 * Why a story's offsets do not fit `text` (the reader's article text), or [] when they do:
 * the text must be the one annotated (fingerprint), and each sentence inside it, starting
 * and ending on a non-space character.
 */
export function checkGoldOffsets(story: GoldStory, text: string): string[] {
  const problems: string[] = [];
  if (textFingerprint(text) !== story.textSha1) problems.push(`story ${story.newId}: the article text is not the one annotated (SHA-1 differs)`);
  story.events.forEach((e, i) => {
    const [start, end] = e.sentence;
    if (start >= end || end > text.length) {
      problems.push(`story ${story.newId} event ${i}: sentence [${start}, ${end}) is outside the text (${text.length} chars)`);
    } else if (/\s/.test(text.charAt(start)) || /\s/.test(text.charAt(end - 1))) {
      problems.push(`story ${story.newId} event ${i}: sentence [${start}, ${end}) does not start and end on words`);
    }
  });
  return problems;
}
