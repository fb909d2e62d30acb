/*
 * An event or a record as one sentence: "Islamic State attacked Popular Mobilization Units in
 * Salahuddin, 2 May 2020 — at least 10 killed". Built from the fields alone, with the words of the
 * type (CAMEO's name, a verb per root class) passed in as data, so the web app and the CLI say
 * the same thing. No imports: the browser bundle takes this file as it is.
 */

/** How a root class of events is told: "attacked" / "attack" / "attacking", and "with" before the target. */
export interface EventVerb {
  readonly past: string;
  readonly base: string;
  readonly gerund: string;
  readonly before: string;
}

/** The words of the event types, made once from the knowledge files and passed to every sentence. */
export interface EventWording {
  /** CAMEO's name of the code or its nearest named parent ("Use conventional military force"); null for an unknown code. */
  typeName(code: string): string | null;
  verb(code: string): EventVerb | null;
}

interface CameoEntry {
  readonly code: string;
  readonly name: string;
  readonly parent: string | null;
}

const VERB_FORMS = ['past', 'base', 'gerund', 'before'] as const;

/**
 * The wording from the CAMEO code list and the verb of each root class. A verb file that lacks a
 * root or a form is refused with the file, the root and the missing form named.
 */
export function eventWording(cameo: { readonly codes: readonly CameoEntry[] }, verbs: { readonly roots: Readonly<Record<string, unknown>> }, verbsFile: string): EventWording {
  const byCode = new Map(cameo.codes.map((c) => [c.code, c]));
  const roots = new Map<string, EventVerb>();
  for (const c of cameo.codes) {
    if (c.parent !== null) continue;
    const v = verbs.roots[c.code] as Record<string, unknown> | undefined;
    if (!v || typeof v !== 'object') throw new Error(`${verbsFile}: roots."${c.code}" is missing: every CAMEO root (${c.name}) needs its verb`);
    for (const form of VERB_FORMS) {
      if (typeof v[form] !== 'string') throw new Error(`${verbsFile}: roots."${c.code}".${form} must be a string`);
    }
    roots.set(c.code, v as unknown as EventVerb);
  }
  const named = (code: string): CameoEntry | undefined => {
    for (let c = byCode.get(code); c; c = c.parent ? byCode.get(c.parent) : undefined) if (c.name) return c;
    return undefined;
  };
  return {
    typeName: (code) => {
      const c = named(code);
      if (!c) return null;
      // Roots are written in capitals in the code list ("FIGHT"): told in sentence case like the rest.
      const name = c.name === c.name.toUpperCase() ? `${c.name.charAt(0)}${c.name.slice(1).toLowerCase()}` : c.name;
      return name.replace(/, not specified below$/, '');
    },
    verb: (code) => roots.get(code.slice(0, 2)) ?? null,
  };
}

/** What happened as the reports tell it, and how sure: the modalities of src/text/document.ts. */
export type Modality = 'asserted' | 'reported' | 'claimed' | 'denied' | 'planned' | 'conditional' | 'hypothetical' | 'negated';

/** Modalities that say the event took place (perhaps per someone); the others are set apart wherever an event appears. */
const HAPPENED = new Set(['asserted', 'reported', 'claimed']);

export const happened = (modality: string | null | undefined): boolean => modality == null || HAPPENED.has(modality);

/** The short word shown beside an event that did not (or not yet) happen as told; null when it happened. */
export function modalityLabel(modality: string | null | undefined): string | null {
  if (modality == null || modality === 'asserted' || modality === 'reported') return null;
  if (modality === 'negated') return 'did not happen';
  return modality;
}

export interface SentenceActor {
  readonly name: string;
}

export interface SentenceMagnitude {
  readonly kind: string;
  readonly value: number | null;
  readonly qualifier: string;
  readonly text: string;
}

/** The values of one disputed field, as a record's contradictions give them. */
export interface SentenceDispute {
  readonly field: string;
  readonly values: ReadonlyArray<{ readonly value: string }>;
}

export interface SentenceFields {
  readonly code: string;
  readonly modality?: string | null;
  readonly source: readonly SentenceActor[];
  readonly target: readonly SentenceActor[];
  readonly place: string | null;
  readonly date: string | null;
  readonly datePrecision?: string | null;
  readonly magnitudes?: readonly SentenceMagnitude[];
  /** A record's disputes: a disputed field is told as its versions, never one of them as fact. */
  readonly contradictions?: readonly SentenceDispute[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2 May 2020", "May 2020", "2020"; a value that is not a calendar date as it is. */
export function dateWords(date: string, precision?: string | null): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return date;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!month || precision === 'year') return m[1]!;
  if (!m[3] || precision === 'month') return `${month} ${m[1]}`;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

/** "A", "A and B", "A, B and C". */
export function andWords(xs: readonly string[]): string {
  if (xs.length <= 1) return xs[0] ?? '';
  return `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)!}`;
}

const orWords = (xs: readonly string[]): string => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} or ${xs.at(-1)!}`);

/** "at least 10 killed", "3 injured", "dozens displaced". */
export function magnitudeWords(m: SentenceMagnitude): string {
  if (m.value === null) return `${m.text.trim()} ${m.kind}`.trim();
  const q = m.qualifier === 'at-least' ? 'at least ' : m.qualifier === 'at-most' ? 'at most ' : m.qualifier === 'about' ? 'about ' : '';
  return `${q}${m.value} ${m.kind}`;
}

export interface EventSentence {
  /** The sentence itself, with no final stop. */
  readonly text: string;
  /** CAMEO's name of the type, shown beside the sentence; null for an unknown code. */
  readonly typeName: string | null;
  /** "planned", "denied", "did not happen"…, or null when the event happened as told. */
  readonly modality: string | null;
  readonly happened: boolean;
  /** The fields the sentence tells as disputed ("source", "date", "number:killed"). */
  readonly disputed: readonly string[];
}

/** An event or record as a sentence: who did what to whom, where, when, how many, and how sure. */
export function eventSentence(e: SentenceFields, wording: EventWording): EventSentence {
  const disputes = new Map((e.contradictions ?? []).filter((c) => c.values.length > 1).map((c) => [c.field, c.values.map((v) => v.value)]));
  const versions = (field: string, told: string): string => {
    const vs = disputes.get(field);
    return vs ? `${orWords(vs)} (disputed)` : told;
  };
  const who = versions('source', andWords(e.source.map((a) => a.name)) || 'Someone');
  const whom = versions('target', andWords(e.target.map((a) => a.name)));
  const typeName = wording.typeName(e.code);
  const verb = wording.verb(e.code) ?? { past: `did “${(typeName ?? `type ${e.code}`).toLowerCase()}”`, base: `do “${(typeName ?? `type ${e.code}`).toLowerCase()}”`, gerund: `doing “${(typeName ?? `type ${e.code}`).toLowerCase()}”`, before: 'to' };
  const object = whom ? ` ${verb.before ? `${verb.before} ` : ''}${whom}` : '';
  const modality = e.modality ?? 'asserted';
  const clause = {
    asserted: `${who} ${verb.past}${object}`,
    reported: `${who} ${verb.past}${object}`,
    claimed: `${who} allegedly ${verb.past}${object}`,
    denied: `Denied: ${who} ${verb.past}${object}`,
    negated: `${who} did not ${verb.base}${object}`,
    planned: `${who} plans to ${verb.base}${object}`,
    conditional: `${who} would ${verb.base}${object} on a condition`,
    hypothetical: `${who} might ${verb.base}${object}`,
  }[modality as Modality] ?? `${who} ${verb.past}${object} (${modality})`;
  const place = disputes.has('place') ? ` in ${versions('place', '')}` : e.place ? ` in ${e.place}` : '';
  const when = disputes.has('date')
    ? `, on a disputed date (${orWords(disputes.get('date')!.map((d) => dateWords(d)))})`
    : e.date
      ? `, ${dateWords(e.date, e.datePrecision)}`
      : '';
  const numbers = (e.magnitudes ?? []).filter((m) => !disputes.has(`number:${m.kind}`)).map(magnitudeWords);
  for (const [field, vs] of disputes) if (field.startsWith('number:')) numbers.push(`${field.slice('number:'.length)} disputed: ${orWords(vs)}`);
  const tail = numbers.length > 0 ? ` — ${numbers.join(', ')}` : '';
  return { text: `${clause}${place}${when}${tail}`, typeName, modality: modalityLabel(modality), happened: happened(modality), disputed: [...disputes.keys()] };
}
