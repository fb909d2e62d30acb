import placeWords from '../knowledge/lexicon/place-words.json' with { type: 'json' };
import type { EventParticipant } from '../text/document.js';
import { datelineLength } from '../text/datelines.js';
import { type ActorFacts, actorCameo, contextCameo, countryRoleActor, roleOfPhrase, vesselCameo } from './actor-codes.js';
import { scareQuotes, withoutQuoteMarks } from './scare-quotes.js';
import type { DocumentView, SentenceView, Token } from './sentence-view.js';

/**
 * Noun-phrase chunks of a sentence and the participant each one names: an entity linked to
 * an actor, an entity the registry does not know, or a role phrase ("Syrian air defenses",
 * "militants") coded from its words.
 */

export interface Chunk {
  /** Sentence positions [from, to). */
  readonly from: number;
  readonly to: number;
}

const CHUNK_TAG = /^(DT|PDT|JJ|NN|POS|PRP\$|CD|FW)/;
/** Prepositions after which a place name is where something happened (lexicon/place-words.json). */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(placeWords.placePrepositions.words);
/** Prepositions that place an event only through a geographic noun: "on the outskirts of Damascus". */
export const GEO_ONLY_PREPOSITIONS: ReadonlySet<string> = new Set(placeWords.geoOnlyPrepositions.words);
/** Nouns that pass a place through "of": "the outskirts of Mosul", "the capital of". */
export const GEO_NOUNS: ReadonlySet<string> = new Set(placeWords.geoNouns.words);
/** "heard and felt in Cyprus": where it was perceived, not where it happened. */
export const PERCEPTION_VERBS: ReadonlySet<string> = new Set(placeWords.perceptionVerbs.words);
const PLACE_TYPES = new Set(['GPE', 'LOC', 'FAC']);
/** Words the tagger calls IN that open clauses rather than prepositional phrases. */
const COMPLEMENTIZERS = new Set(['that', 'if', 'whether', 'because', 'although', 'though', 'unless', 'while', 'whereas', 'once']);
const RELATIVE_WORDS = new Set(['that', 'which', 'who', 'whom', 'whose']);
const WEAPONS = new Set(['missiles', 'missile', 'drones', 'drone', 'artillery', 'warplanes', 'warplane', 'jets', 'aircraft', 'defenses', 'defences']);
const ACTOR_RANK: Readonly<Record<string, number>> = { PERSON: 4, ORG: 3, GPE: 2, NORP: 1 };

export function nounChunks(tokens: readonly Token[]): Chunk[] {
  const chunks: Chunk[] = [];
  const scare = scareQuotes(tokens);
  let from = -1;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    // Relative pronouns open clauses; they never join the noun phrase before them. Scare
    // quotes (Iranian “proxies”) stay inside it.
    const inChunk = t !== undefined && !RELATIVE_WORDS.has(t.norm) && (t.entity >= 0 || CHUNK_TAG.test(t.tag) || t.norm === "'s" || t.norm === '’s' || scare.has(i));
    const pronoun = t !== undefined && t.tag === 'PRP' && t.entity < 0;
    if (inChunk && !pronoun) {
      // "told news agencies an American drone …": a determiner after a noun opens a new phrase.
      if (from >= 0 && t.tag === 'DT' && t.entity < 0 && tokens[i - 1]!.tag.startsWith('NN')) {
        chunks.push({ from, to: i });
        from = i;
      }
      if (from < 0) from = i;
      continue;
    }
    if (from >= 0) chunks.push({ from, to: i });
    from = -1;
    if (pronoun) chunks.push({ from: i, to: i + 1 });
  }
  return chunks;
}

/** The preposition that governs a chunk ("in" for "in Iraq's western Anbar"), seen through "the south of". */
export interface Preposition {
  readonly word: string;
  /** Sentence position of the preposition. */
  readonly at: number;
  /** Reached through a geographic noun: "on the south of Damascus". */
  readonly viaGeo: boolean;
}

export function governingPreposition(tokens: readonly Token[], chunk: Chunk, chunks: readonly Chunk[]): Preposition | null {
  const before = tokens[chunk.from - 1];
  if (!before) return null;
  if (before.norm === 'of') {
    const host = chunks.find((c) => c.to === chunk.from - 1);
    const hostHead = host ? tokens[host.to - 1] : undefined;
    if (host && hostHead && GEO_NOUNS.has(hostHead.norm)) {
      const outer = governingPreposition(tokens, host, chunks);
      return outer ? { ...outer, viaGeo: true } : null;
    }
    return { word: 'of', at: chunk.from - 1, viaGeo: false };
  }
  if (COMPLEMENTIZERS.has(before.norm)) return null;
  if (before.tag === 'IN' || before.tag === 'TO' || PLACE_PREPOSITIONS.has(before.norm)) return { word: before.norm, at: chunk.from - 1, viaGeo: false };
  return null;
}

/** Does this preposition say where something happened? */
export function isLocative(prep: Preposition | null): boolean {
  return prep !== null && (PLACE_PREPOSITIONS.has(prep.word) || (prep.viaGeo && GEO_ONLY_PREPOSITIONS.has(prep.word)));
}

/** Is the name at [from, to) the head of its chunk ("in Anbar Province"), not a modifier ("in a US airstrike")? */
export function isChunkHead(tokens: readonly Token[], chunk: Chunk, to: number, timeTokens: ReadonlySet<number>): boolean {
  for (let i = to; i < chunk.to; i++) {
    const t = tokens[i]!;
    if (!GEO_NOUNS.has(t.norm) && t.norm !== 'governorate' && !timeTokens.has(t.index)) return false;
  }
  return true;
}

export function isPlaceUse(view: DocumentView, tokens: readonly Token[], chunk: Chunk, chunks: readonly Chunk[]): boolean {
  if (!isLocative(governingPreposition(tokens, chunk, chunks))) return false;
  for (let i = chunk.from; i < chunk.to; i++) {
    const e = tokens[i]!.entity;
    if (e >= 0 && PLACE_TYPES.has(view.doc.layers.entities?.[e]?.type ?? '')) return true;
  }
  return false;
}

export interface ParticipantContext {
  readonly view: DocumentView;
  readonly sentence: SentenceView;
  readonly facts: ActorFacts;
  /** Token indexes inside time expressions: never participants. */
  readonly timeTokens: ReadonlySet<number>;
  /** Token positions of other triggers' words, which do not name actors. */
  readonly triggerWords: ReadonlySet<number>;
}

function linkOf(view: DocumentView, entity: number): { actorId: string; name: string } | null {
  let best: { actorId: string; name: string; confidence: number } | null = null;
  // Only this entity's links (the view lists them): a pass over every link per chunk was quadratic.
  for (const i of view.actorsOfEntity.get(entity) ?? []) {
    const a = view.doc.layers.actors![i]!;
    if (a.entity === entity && (!best || a.confidence > best.confidence)) best = { actorId: a.actorId, name: a.name, confidence: a.confidence };
  }
  return best;
}

/** True when the chunk lies inside the dateline of its paragraph: a place of filing, not an actor. */
function inDateline(view: DocumentView, start: number): boolean {
  const text = view.doc.text;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return start < lineStart + datelineLength(text.slice(lineStart, lineStart + 200));
}

/** The participant a chunk names, or null when it names no actor (a place, a date, a thing). */
export function chunkParticipant(ctx: ParticipantContext, chunk: Chunk, pronounAntecedent?: EventParticipant | null): EventParticipant | null {
  const { view, sentence, facts } = ctx;
  const tokens = sentence.tokens;
  const entities = view.doc.layers.entities ?? [];
  const first = tokens[chunk.from]!;
  if (inDateline(view, first.start)) return null;
  if (chunk.to - chunk.from === 1 && first.tag === 'PRP') return pronounAntecedent ?? null;
  let best = -1;
  let bestRank = 0;
  const words: string[] = [];
  let head: string | null = null;
  for (let i = chunk.from; i < chunk.to; i++) {
    const t = tokens[i]!;
    if (ctx.timeTokens.has(t.index)) continue;
    words.push(t.norm);
    if (t.tag.startsWith('NN') && !ctx.triggerWords.has(i)) head = t.norm;
    const e = t.entity;
    if (e < 0 || e === best) continue;
    const ent = entities[e];
    // A ship is no organisation to the tagger ("USS Boxer" is MISC), but a navy's ship acts for its state.
    const whole = ACTOR_RANK[ent?.type ?? ''] ?? (ent && vesselCameo(view.doc.text.slice(ent.start, ent.end)) ? 1 : 0);
    // "a U.S.-flagged Kuwaiti ship", "Iran-backed Iraqi militias": a name that is only the first
    // part of a hyphenated modifier tells a relation (flag, backer); a whole name is who it is.
    // "two U.S. flag Kuwaiti tankers": a name before "flag" is the flag the ship flies.
    const flag = ent !== undefined && /^\.?\s*-?\s*flag(?:ged)?\b/i.test(view.doc.text.slice(ent.end, ent.end + 10));
    const rank = ent && ((ent.end < t.end && view.doc.text[ent.end] === '-') || flag) ? Math.min(whole, 0.5) : whole;
    if (rank > 0 && rank >= bestRank) {
      best = e;
      bestRank = rank;
    }
  }
  const role = roleOfPhrase(words, head);
  let last = chunk.to - 1;
  while (last > chunk.from && ctx.timeTokens.has(tokens[last]!.index)) last--;
  const span = { start: tokens[skipDeterminers(tokens, chunk)]!.start, end: tokens[last]!.end };
  const text = withoutQuoteMarks(view.doc.text.slice(span.start, span.end));
  if (best >= 0) {
    const entity = entities[best]!;
    const link = linkOf(view, best);
    const entityText = view.doc.text.slice(entity.start, entity.end);
    // A country or people word modifying a role noun: "Iraqi forces", "US troops".
    if (role && (entity.type === 'NORP' || entity.type === 'GPE') && head !== null && !entityText.toLowerCase().endsWith(head)) {
      const cameo = contextCameo(facts, [entityText, ...words], head);
      const actorId = countryRoleActor(facts, cameo);
      return { span, entity: best, actorId, name: text, cameo };
    }
    const cameo = (link ? actorCameo(facts, link.actorId) : null) ?? vesselCameo(entityText) ?? (link ? null : contextCameo(facts, [entityText], head));
    return { span: { start: entity.start, end: entity.end }, entity: best, actorId: link?.actorId ?? null, name: link?.name ?? entityText, cameo };
  }
  if (!role) return null;
  const cameo = contextCameo(facts, words, head);
  // "several hostile missiles" name no one; "Israeli missiles" name Israel's military.
  if (head && WEAPONS.has(head) && (!cameo || cameo.length < 6)) return null;
  return { span, entity: null, actorId: countryRoleActor(facts, cameo), name: text, cameo };
}

function skipDeterminers(tokens: readonly Token[], chunk: Chunk): number {
  let i = chunk.from;
  while (i < chunk.to - 1 && (tokens[i]!.tag === 'DT' || tokens[i]!.tag === 'PDT')) i++;
  return i;
}
