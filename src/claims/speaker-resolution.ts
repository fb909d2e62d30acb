import { type ClaimText, tokensText } from './claim-tokens.js';
import type { QuoteKnowledge } from './quote-knowledge.js';
import { type Phrase, phrasesIn } from './speaker-phrases.js';
import { lowerBound } from '../text/lower-bound.js';

/**
 * Who a speaker phrase is: a named entity's actor, or for "he", "the group", "the ministry",
 * "Asaib spokesman" the actor the discourse so far points to. The memory holds the speakers
 * found so far and the subjects of sentences (a subject is what "he" and "the group" most
 * often pick up), both in text order.
 */
export type SpeakerKind = 'person' | 'organization' | 'unknown';

export interface Referent {
  readonly actorId: string | null;
  readonly name: string;
  readonly kind: SpeakerKind;
  /** The entity type it was named with: "the group" never means a GPE. */
  readonly entityType: string;
  readonly role: string | null;
  /** Actors named in the role ("spokesman of Asaib Ahl al-Haq" → the group). */
  readonly roleActors: readonly string[];
  /** Organization sector when known (militia, media, government...). */
  readonly sector: string | null;
  /** Token index where it was named. */
  readonly at: number;
  readonly paragraph: number;
  /** "she"/"spokeswoman": 'f'; "he"/"Mr": 'm'; unknown otherwise. */
  readonly gender: 'm' | 'f' | null;
}

export interface Resolution {
  readonly referent: Referent | null;
  /** The speaker's name for display even when no actor was found ("Sources"). */
  readonly name: string | null;
  readonly how: string;
  readonly confidence: number;
}

export interface Memory {
  /** In the order they spoke. */
  readonly speakers: Referent[];
  /** In text order (by `at`), as are the mentions. */
  readonly subjects: readonly Referent[];
  readonly mentions: readonly Referent[];
}

const FEMALE = /\b(she|her|spokeswoman|mrs|ms|madam|chairwoman|congresswoman)\b/i;
const MALE = /\b(he|his|spokesman|mr|chairman|congressman)\b/i;

/** A referent for entity `e` named at token `at`. */
export function entityReferent(ct: ClaimText, e: number, at: number, k: QuoteKnowledge | undefined): Referent | null {
  const ent = ct.entities[e];
  if (!ent) return null;
  const found = ct.links.get(e);
  const facts0 = found ? k?.actor(found.actorId) : undefined;
  // A person's name linked to a state or a group is a bad link ("Oren" → Iran): keep the name only.
  const badLink = ent.type === 'PERSON' && facts0 !== undefined && facts0.type !== 'person';
  const link = badLink || !found ? (ent.type === 'PERSON' ? earlierFullName(ct, e, k) : undefined) : found;
  const facts = link && link !== found ? k?.actor(link.actorId) : badLink ? undefined : facts0;
  const kind: SpeakerKind =
    facts?.type === 'person' || (!facts && ent.type === 'PERSON')
      ? 'person'
      : facts || ['ORG', 'GPE', 'NORP'].includes(ent.type)
        ? 'organization'
        : 'unknown';
  return {
    actorId: link?.actorId ?? null,
    name: link?.name ?? ct.doc.text.slice(ent.start, ent.end),
    kind,
    entityType: ent.type,
    role: null,
    roleActors: [],
    sector: facts?.sector ?? null,
    at,
    paragraph: ct.tokens[at]?.paragraph ?? 0,
    gender: null,
  };
}

/** A short form's earlier full name ("Oren" after "Michael Oren"), when the linker missed it. */
function earlierFullName(ct: ClaimText, e: number, k: QuoteKnowledge | undefined): ReturnType<ClaimText['links']['get']> {
  const ent = ct.entities[e]!;
  const surface = ct.doc.text.slice(ent.start, ent.end);
  for (let i = e - 1; i >= 0 && i >= e - 300; i--) {
    const other = ct.entities[i]!;
    if (other.type !== 'PERSON') continue;
    const name = ct.doc.text.slice(other.start, other.end);
    const link = ct.links.get(i);
    if (!link || name === surface || !name.endsWith(` ${surface}`)) continue;
    const facts = k?.actor(link.actorId);
    if (!facts || facts.type === 'person') return link;
  }
  return undefined;
}

/** Entity mentions outside quotes, and each sentence's subject, for the memory. */
export function buildMemory(ct: ClaimText, k: QuoteKnowledge | undefined): Memory {
  const mentions: Referent[] = [];
  let last = -1;
  for (const [i, t] of ct.tokens.entries()) {
    if (t.entity < 0 || t.entity === last) continue;
    last = t.entity;
    const type = ct.entities[t.entity]?.type;
    if (type !== 'PERSON' && type !== 'ORG' && type !== 'GPE') continue;
    const r = entityReferent(ct, t.entity, i, k);
    if (r) mentions.push(r);
  }
  const subjects: Referent[] = [];
  for (const [first, end] of ct.sentenceTokens) {
    if (end <= first) continue;
    const subject = phrasesIn(ct, first, end).find((p) => !p.governed && ct.tokens[p.start]!.quote < 0);
    if (subject?.head.kind !== 'entity') continue;
    const r = entityReferent(ct, subject.head.entity, subject.start, k);
    if (r && r.kind !== 'unknown') subjects.push({ ...r, gender: genderOf(tokensText(ct, subject.start, subject.end)) });
  }
  return { speakers: [], subjects, mentions };
}

/** Whether the person was named with the title `noun`: in the name's own span or just before it ("President Velmar Osk"). */
function titledAs(ct: ClaimText, r: Referent, noun: string): boolean {
  const words = [ct.tokens[r.at - 2], ct.tokens[r.at - 1], ct.tokens[r.at]].map((t) => t?.norm.toLowerCase());
  return words.includes(noun.toLowerCase()) || r.name.toLowerCase().split(/\s+/).includes(noun.toLowerCase());
}

function genderOf(text: string): 'm' | 'f' | null {
  return FEMALE.test(text) ? 'f' : MALE.test(text) ? 'm' : null;
}

/**
 * The latest referent of the memory's `lists` before token `at` that passes `ok`, within
 * `paragraphs` paragraphs back. The mentions and the subjects are in text order, so the last of
 * them before `at` is found by bisection (a pass back from the article's end for each speaker made
 * a long article's quotes quadratic); the speakers are in the order they spoke, which a speaker
 * named after the cue ("said the minister") can break, and only the few found since `at` lie past it.
 */
export function latest(memory: Memory, lists: ReadonlyArray<keyof Memory>, at: number, ok: (r: Referent) => boolean, paragraph: number, paragraphs: number): Referent | null {
  let best: Referent | null = null;
  for (const key of lists) {
    const list = memory[key];
    for (let i = key === 'speakers' ? list.length - 1 : lowerBound(list, (r) => r.at < at) - 1; i >= 0; i--) {
      const r = list[i]!;
      if (r.at >= at) continue;
      if (paragraph - r.paragraph > paragraphs) break;
      if (!ok(r)) continue;
      if (!best || r.at > best.at) best = r;
      break;
    }
  }
  return best;
}

const ARMED_SECTORS = new Set(['militia', 'rebel', 'party', 'designated terrorist group', 'opposition']);

/** Resolves `phrase` (the speaker words of a cue whose verb is `verb`) at token `at`. */
export function resolveSpeaker(ct: ClaimText, phrase: Phrase, verb: string, memory: Memory, k: QuoteKnowledge | undefined): Resolution {
  const at = phrase.start;
  const paragraph = ct.tokens[at]?.paragraph ?? 0;
  const text = tokensText(ct, phrase.start, phrase.end);
  const head = phrase.head;
  if (head.kind === 'entity') {
    const r = entityReferent(ct, head.entity, at, k);
    if (!r) return { referent: null, name: text, how: `'${text}'`, confidence: 0.5 };
    const linked = r.actorId !== null;
    return { referent: { ...r, gender: genderOf(text) }, name: r.name, how: `'${r.name}' named`, confidence: linked ? 0.9 : 0.75 };
  }
  if (head.kind === 'pronoun') {
    const word = head.word;
    if (word === 'he' || word === 'she') {
      const gender = word === 'she' ? 'f' : 'm';
      const fits = (r: Referent) => r.kind === 'person' && (r.gender === null || r.gender === gender);
      if (verb === 'add' || verb === 'conclude') {
        const lastSpeaker = memory.speakers[memory.speakers.length - 1];
        if (lastSpeaker && lastSpeaker.at < at && paragraph - lastSpeaker.paragraph <= 3 && fits(lastSpeaker)) {
          return { referent: lastSpeaker, name: lastSpeaker.name, how: `'${word}' → the last speaker '${lastSpeaker.name}'`, confidence: 0.8 };
        }
      }
      const salient = latest(memory, ['speakers', 'subjects'], at, fits, paragraph, 3);
      if (salient) return { referent: salient, name: salient.name, how: `'${word}' → '${salient.name}', the last person speaking or acting`, confidence: 0.72 };
      const mention = latest(memory, ['mentions'], at, fits, paragraph, 2);
      if (mention) return { referent: mention, name: mention.name, how: `'${word}' → '${mention.name}', the last person named`, confidence: 0.6 };
      return { referent: null, name: null, how: `'${word}' with no person before it`, confidence: 0.4 };
    }
    if (word === 'it' || word === 'they') {
      const org = (r: Referent) => r.kind === 'organization';
      const salient = latest(memory, ['speakers', 'subjects'], at, org, paragraph, 2);
      if (salient) return { referent: salient, name: salient.name, how: `'${word}' → '${salient.name}', the last organization speaking or acting`, confidence: 0.65 };
      const mention = latest(memory, ['mentions'], at, org, paragraph, 1);
      if (mention) return { referent: mention, name: mention.name, how: `'${word}' → '${mention.name}', the last organization named`, confidence: 0.55 };
      return { referent: null, name: null, how: `'${word}' with no organization before it`, confidence: 0.35 };
    }
    return { referent: null, name: null, how: `'${word}'`, confidence: 0.3 };
  }
  const withRole = (r: Referent, role: string): Referent => ({ ...r, role: r.role ?? role });
  switch (head.nounClass) {
    case 'spokesperson': {
      const orgs = phrase.entities.map((e) => entityReferent(ct, e, at, k)).filter((r): r is Referent => r !== null && r.kind === 'organization');
      const org = orgs[orgs.length - 1];
      const isSpokes = (r: Referent) => r.kind === 'person' && /spokes/i.test(r.role ?? '') && (!org?.actorId || r.roleActors.includes(org.actorId));
      const named = latest(memory, ['speakers'], at, isSpokes, paragraph, 20);
      if (named && (org || head.definite)) return { referent: named, name: named.name, how: `'${text}' → '${named.name}', the spokesman named earlier`, confidence: 0.75 };
      if (org) return { referent: withRole(org, head.noun), name: org.name, how: `'${text}' → '${org.name}' (its ${head.noun})`, confidence: 0.7 };
      return { referent: null, name: text, how: `'${text}' unnamed`, confidence: 0.5 };
    }
    case 'person': {
      if (!head.definite) return { referent: null, name: text, how: `'${text}' unnamed`, confidence: 0.55 };
      const fits = (r: Referent) => r.kind === 'person';
      // "according to the President": the person named with that title ("President Velmar Osk"),
      // before whoever acted last.
      const entitled = latest(memory, ['mentions'], at, (r) => fits(r) && titledAs(ct, r, head.noun), paragraph, 20);
      if (entitled) return { referent: entitled, name: entitled.name, how: `'${text}' → '${entitled.name}', named with that title`, confidence: 0.75 };
      const salient = latest(memory, ['speakers', 'subjects'], at, fits, paragraph, 3);
      if (salient) return { referent: salient, name: salient.name, how: `'${text}' → '${salient.name}', the last person speaking or acting`, confidence: 0.68 };
      return { referent: null, name: text, how: `'${text}' with no person before it`, confidence: 0.5 };
    }
    case 'group': {
      if (!head.definite) return { referent: null, name: text, how: `'${text}' unnamed`, confidence: 0.5 };
      const org = (r: Referent) => r.kind === 'organization' && r.entityType === 'ORG' && r.sector !== 'media';
      const armed = (r: Referent) => org(r) && (r.sector === null || ARMED_SECTORS.has(r.sector));
      const found =
        latest(memory, ['speakers'], at, armed, paragraph, 3) ??
        latest(memory, ['subjects', 'mentions'], at, armed, paragraph, 3) ??
        latest(memory, ['speakers', 'subjects'], at, org, paragraph, 3);
      if (found) return { referent: found, name: found.name, how: `'${text}' → '${found.name}', the last group named`, confidence: 0.68 };
      return { referent: null, name: text, how: `'${text}' with no group before it`, confidence: 0.45 };
    }
    case 'ministry':
    case 'body': {
      const noun = head.noun;
      const named = (r: Referent) => r.kind === 'organization' && new RegExp(`\\b${noun}`, 'i').test(r.name);
      const found = latest(memory, ['speakers', 'subjects', 'mentions'], at, named, paragraph, 6);
      if (found) return { referent: found, name: found.name, how: `'${text}' → '${found.name}', the last ${noun} named`, confidence: 0.68 };
      return { referent: null, name: text, how: `'${text}' unnamed`, confidence: 0.5 };
    }
    default:
      return { referent: null, name: text, how: `'${text}' unnamed`, confidence: 0.5 };
  }
}
