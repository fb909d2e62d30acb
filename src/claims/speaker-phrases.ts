import type { ClaimText } from './claim-tokens.js';

/**
 * Noun phrases that can name a speaker, read off the tagged tokens: a named entity, a
 * pronoun, or a description ("the group", "the Iraqi lawmaker", "Asaib spokesman").
 */
export type PhraseHead =
  | { readonly kind: 'entity'; readonly entity: number }
  | { readonly kind: 'pronoun'; readonly word: string }
  | { readonly kind: 'description'; readonly noun: string; readonly nounClass: NounClass; readonly definite: boolean };

export type NounClass = 'person' | 'spokesperson' | 'group' | 'ministry' | 'body' | 'source' | 'media';

export interface Phrase {
  /** Token range [start, end). */
  readonly start: number;
  readonly end: number;
  readonly head: PhraseHead;
  /** Entities inside the phrase (a possessor, a modifier, a "for X" complement). */
  readonly entities: readonly number[];
  /** Governed by a preposition or a verb: not a subject. */
  readonly governed: boolean;
}

const NOUN_CLASSES: ReadonlyArray<readonly [NounClass, string]> = [
  ['spokesperson', 'spokesman spokeswoman spokesperson spokesmen'],
  [
    'person',
    'lawmaker lawmakers parliamentarian politician official minister president premier leader commander chief analyst expert advisor adviser member deputy mp senator secretary ambassador envoy diplomat general colonel cleric correspondent journalist reporter governor mayor head director chairman officer source activist witness resident researcher professor',
  ],
  ['group', 'group movement militia organization organisation faction outfit alliance coalition party brigade brigades front network'],
  ['ministry', 'ministry department'],
  ['body', 'committee parliament government army military office council cabinet command agency administration embassy authority authorities presidency court police forces cell'],
  ['source', 'sources officials reports accounts statement residents witnesses experts analysts observers critics'],
  ['media', 'newspaper daily website agency channel broadcaster network outlet television tv radio site'],
];

const NOUN_CLASS = new Map<string, NounClass>();
for (const [cls, words] of NOUN_CLASSES) for (const w of words.split(' ')) if (!NOUN_CLASS.has(w)) NOUN_CLASS.set(w, cls);

/** A plural of a person noun ("generals", "ministers") names several people: a source. */
export function nounClassOf(norm: string): NounClass | undefined {
  const direct = NOUN_CLASS.get(norm);
  if (direct) return direct;
  const singular = norm.endsWith('s') ? NOUN_CLASS.get(norm.slice(0, -1)) : undefined;
  return singular === 'person' || singular === 'spokesperson' ? 'source' : singular;
}

const NP_TAGS = new Set(['DT', 'JJ', 'JJR', 'JJS', 'NN', 'NNS', 'NNP', 'NNPS', 'POS', 'CD', 'PRP$', 'HYPH']);
const SPEAKER_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i']);
const SPEAKER_ENTITY_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);
const GOVERNORS = new Set(['IN', 'TO']);
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those']);

function isNpToken(ct: ClaimText, i: number): boolean {
  const t = ct.tokens[i];
  if (!t || t.quote >= 0 || t.mark) return false;
  return t.entity >= 0 || NP_TAGS.has(t.tag) || t.norm === "'s" || (t.norm === '-' && i > 0);
}

/**
 * The phrase starting at token `i` (or null when none can start there), never reaching `limit`.
 * Role nouns take their "of/for X" complement ("a spokesman for the ministry").
 */
export function phraseAt(ct: ClaimText, i: number, limit: number): Phrase | null {
  const t = ct.tokens[i];
  if (!t || t.quote >= 0 || t.mark) return null;
  const before = ct.tokens[i - 1];
  const governed = before !== undefined && (GOVERNORS.has(before.tag) || before.tag.startsWith('VB')) && before.norm !== 'that';
  if (t.tag === 'PRP' && SPEAKER_PRONOUNS.has(t.norm)) {
    return { start: i, end: i + 1, head: { kind: 'pronoun', word: t.norm }, entities: [], governed };
  }
  if (!isNpToken(ct, i) || t.tag === 'POS') return null;
  let end = i;
  while (end < limit && (isNpToken(ct, end) || (ct.tokens[end]!.tag === 'CC' && isNpToken(ct, end + 1) && end > i))) {
    // An entity's own words (even "of" in "Ministry of Defense") stay together.
    const e = ct.tokens[end]!.entity;
    if (e >= 0) while (end + 1 < limit && ct.tokens[end + 1]!.entity === e) end++;
    end++;
  }
  const last = ct.tokens[end - 1];
  const lastClass = last ? nounClassOf(last.norm) : undefined;
  // "a spokesman for X", "a member of the committee".
  if ((lastClass === 'person' || lastClass === 'spokesperson') && end < limit && ['of', 'for'].includes(ct.tokens[end]!.norm)) {
    const complement = phraseAt(ct, end + 1, limit);
    if (complement && complement.head.kind !== 'pronoun') end = complement.end;
  }
  return headOf(ct, i, end, governed);
}

function headOf(ct: ClaimText, start: number, end: number, governed: boolean): Phrase | null {
  const entities: number[] = [];
  for (let j = start; j < end; j++) {
    const e = ct.tokens[j]!.entity;
    if (e >= 0 && entities[entities.length - 1] !== e) entities.push(e);
  }
  const typeOf = (e: number) => ct.entities[e]?.type ?? 'MISC';
  const possessor = (e: number) => {
    // Only the phrase's tokens: a findIndex from the article's first token made this quadratic.
    let after = -1;
    for (let j = start; j < end && after < 0; j++) if (ct.tokens[j]!.entity === e && ct.tokens[j + 1]?.entity !== e) after = j;
    return after >= 0 && ct.tokens[after + 1]?.norm === "'s";
  };
  // The last noun before any "of/for" complement is what the phrase is about.
  let nounAt = end - 1;
  for (let j = start; j < end; j++) {
    if (['of', 'for'].includes(ct.tokens[j]!.norm) && ct.tokens[j]!.entity < 0) {
      nounAt = j - 1;
      break;
    }
  }
  const noun = ct.tokens[nounAt];
  const nounClass = noun ? nounClassOf(noun.norm) : undefined;
  const persons = entities.filter((e) => typeOf(e) === 'PERSON' && !possessor(e));
  if (persons.length > 0) return { start, end, head: { kind: 'entity', entity: persons[persons.length - 1]! }, entities, governed };
  if (nounClass && (nounClass === 'person' || nounClass === 'spokesperson' || nounClass === 'source')) {
    return { start, end, head: descriptionOf(ct, start, nounAt, false)!, entities, governed };
  }
  // "Iraqi militias", "Syrian sources": a nationality before a noun is no name of the speaker.
  const named = entities.filter((e) => SPEAKER_ENTITY_TYPES.has(typeOf(e)) && !possessor(e) && !(typeOf(e) === 'NORP' && nounClass));
  const nounIsEntity = noun !== undefined && noun.entity >= 0;
  if (named.length > 0 && (nounIsEntity || !nounClass || nounClass === 'group' || nounClass === 'media')) {
    return { start, end, head: { kind: 'entity', entity: named[named.length - 1]! }, entities, governed };
  }
  if (nounClass) return { start, end, head: descriptionOf(ct, start, nounAt, entities.length > 0)!, entities, governed };
  if (named.length > 0) return { start, end, head: { kind: 'entity', entity: named[named.length - 1]! }, entities, governed };
  return null;
}

/**
 * The description a phrase starting at token `start` makes with its noun at `nounAt`, or null when
 * the noun names no kind of speaker. "the lawmaker", "its spokesman" are definite; so is "the
 * committee" or an institution with a name in it ("the Iraqi parliament"), but not a person noun
 * with a name before it ("Iraq's foreign minister" could be anyone holding the post).
 */
export function descriptionOf(ct: ClaimText, start: number, nounAt: number, named: boolean): PhraseHead | null {
  const noun = ct.tokens[nounAt];
  const nounClass = noun ? nounClassOf(noun.norm) : undefined;
  if (!noun || !nounClass) return null;
  const first = ct.tokens[start]!;
  const personal = nounClass === 'person' || nounClass === 'spokesperson' || nounClass === 'source';
  const definite = DEFINITE.has(first.norm) || first.tag === 'PRP$' || (!personal && named);
  return { kind: 'description', noun: noun.norm, nounClass, definite };
}

/** A pronoun that can stand for a speaker: he, she, it, they, we, I. */
export function isSpeakerPronoun(ct: ClaimText, i: number): boolean {
  const t = ct.tokens[i];
  return t !== undefined && t.tag === 'PRP' && SPEAKER_PRONOUNS.has(t.norm);
}

/** Entity types that can name a speaker: a person, an organization, a state, a people. */
export function isSpeakerEntity(ct: ClaimText, e: number): boolean {
  return SPEAKER_ENTITY_TYPES.has(ct.entities[e]?.type ?? '');
}

/** Phrases in [from, to), left to right, each starting where the previous ended. */
export function phrasesIn(ct: ClaimText, from: number, to: number): Phrase[] {
  const out: Phrase[] = [];
  for (let i = from; i < to; i++) {
    const p = phraseAt(ct, i, to);
    if (p) {
      out.push(p);
      i = p.end - 1;
    } else {
      while (i + 1 < to && isNpToken(ct, i + 1) && isNpToken(ct, i) && ct.tokens[i]!.tag !== 'POS') i++;
    }
  }
  return out;
}

const ROLE_STARTS = new Set(['DT', 'JJ', 'JJS', 'NN', 'NNP', 'NNS', 'CD', 'PRP$']);

/**
 * The speaker's role: an apposition after the name (", leader of X," / ", a member of the
 * committee,") or the title words before it ("Foreign Minister Javad Zarif"). Returns the
 * token range of the role, or null.
 */
export function roleOf(ct: ClaimText, phrase: Phrase, limit: number): readonly [number, number] | null {
  const comma = ct.tokens[phrase.end];
  const open = ct.tokens[phrase.end + 1];
  if (comma?.norm === ',' && open && phrase.end + 1 < limit && (ROLE_STARTS.has(open.tag) || open.entity >= 0) && open.tag !== 'PRP$') {
    let j = phrase.end + 1;
    while (j < limit && ct.tokens[j]!.norm !== ',' && !ct.tokens[j]!.mark && !['which', 'who', 'whose'].includes(ct.tokens[j]!.norm)) {
      const tag = ct.tokens[j]!.tag;
      // A finite verb ends the apposition: "X, the group, said" never gets here; "X, is" is no role.
      if (['VBD', 'VBZ', 'VBP', 'MD'].includes(tag) && ct.tokens[j]!.entity < 0) return null;
      j++;
    }
    while (j > phrase.end + 1 && ct.tokens[j - 1]!.kind !== 'word' && ct.tokens[j - 1]!.kind !== 'number') j--;
    if (j > phrase.end + 1 && j - phrase.end <= 16 && hasRoleNoun(ct, phrase.end + 1, j)) return [phrase.end + 1, j];
  }
  if (phrase.head.kind === 'entity') {
    const e = ct.entities[phrase.head.entity];
    if (e) {
      let headStart = phrase.start;
      while (headStart < phrase.end && ct.tokens[headStart]!.start < e.start) headStart++;
      let from = phrase.start;
      while (from < headStart && ['DT'].includes(ct.tokens[from]!.tag)) from++;
      if (headStart > from && hasRoleNoun(ct, from, headStart)) return [from, headStart];
    }
  }
  return null;
}

/** Whether tokens [from, to) hold a role noun ("spokeswoman", "leader") or a TITLE mention. */
export function hasRoleNoun(ct: ClaimText, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const t = ct.tokens[j]!;
    const cls = nounClassOf(t.norm);
    if (cls === 'person' || cls === 'spokesperson') return true;
    if (t.entity >= 0 && ct.entities[t.entity]?.type === 'TITLE') return true;
  }
  return false;
}
