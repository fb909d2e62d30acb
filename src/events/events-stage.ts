import { cameoCode, ploverOf } from '../knowledge/events/cameo-table.js';
import type { EventFrameWords } from '../knowledge/events/event-frames.js';
import type { EventDictionary } from '../knowledge/events/load-dictionary.js';
import { caseMarker, children, childrenWith, childWith, dominates, head, relation, spanHead, type SyntaxTree } from '../nlp/syntax/tree.js';
import type { Stage, StageHead } from '../pipeline/stage.js';
import type { Document, EventAttrs, EventParticipant, Layers, Magnitude, MagnitudeKind, Modality, Span } from '../text/document.js';
import type { ActorFacts } from './actor-codes.js';
import { claimFrameOf } from './claim-frames.js';
import { type Clause, clauseAt, segmentClauses } from './clauses.js';
import { frameHolds, recodeFor } from './frame-check.js';
import { launchSite } from './launch-site.js';
import { findMagnitudes } from './magnitudes.js';
import { readModality } from './modality.js';
import { namedVessel } from './named-vessels.js';
import { type Chunk, chunkParticipant, governingPreposition, isPlaceUse, nounChunks, type ParticipantContext } from './participants.js';
import { type Candidate, dateRange, pickPlace, pickTime, placeCandidates, placesWithin, timeCandidates } from './place-time.js';
import { scareQuotes } from './scare-quotes.js';
import { tokensWithin } from './span-tokens.js';
import { buildDocumentView, type DocumentView, type SentenceView, type Token } from './sentence-view.js';
import { nounArguments, type TreeContext, tellerOf, verbArguments } from './tree-arguments.js';
import { eventScope } from './tree-scope.js';
import { findTriggers, type Trigger } from './triggers.js';

/**
 * The events stage: per sentence, triggers from our dictionary, their clause, source and
 * target actors, the place and the time found in the trigger's own phrase, clause or
 * sentence (never another paragraph), modality, attribution and counts. A verb that only
 * tells the result of a nominal event ("the assault that killed 10") is folded into it.
 */

export interface EventKnowledge {
  readonly dictionary: EventDictionary;
  readonly facts: ActorFacts;
  readonly frames: EventFrameWords;
}

/** 5: a gerund after a determiner takes no subject from the words before it; a place's history is no event; nor is where it was heard a place; appositions and datelines are no actors; a city before a bombing says where. */
export const EVENTS_STAGE_VERSION = '15';

/** Penn tags before a gerund that make it a noun: "the downing", "its shelling", "Iran's downing". */
const GERUND_DETERMINERS = new Set(['DT', 'PRP$', 'POS']);

const SPEECH = new Set(['said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stated', 'states', 'reported', 'reports', 'announced', 'announces', 'noted', 'stressed', 'claimed', 'claims', 'alleged', 'insisted', 'explained', 'confirmed', 'emphasized', 'tweeted', 'wrote', 'quoted', 'revealed', 'concluded']);
const ATTACK_ROOTS = new Set(['15', '17', '18', '19', '20']);
/** Acts of force, whose target, when it is a place, is where they happened. */
const FORCE_ROOTS = new Set(['18', '19', '20']);
/** Acts of force (assault, fight, mass violence): two verbs of one sentence may tell one of them. */
const VIOLENT_ROOTS = new Set(['18', '19', '20']);
const PEOPLE_KIND: Readonly<Record<string, MagnitudeKind>> = { killed: 'killed', injured: 'injured', arrested: 'arrested', kidnapped: 'kidnapped', missing: 'missing', displaced: 'displaced' };
const FIRST_PERSON = new Set(['i', 'we', 'my', 'our', 'us', 'me', 'ours']);
const OPEN_QUOTES = new Set(['“', '"', '«']);
const CLOSE_QUOTES = new Set(['”', '»']);
const TARGET_PREPS = new Set(['against', 'on', 'at', 'upon', 'to', 'with', 'into']);
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'such']);
/** Roots of verbal events (statements, appeals, threats...): placed only by their own clause. */
const VERBAL_ROOTS = new Set(['01', '02', '03', '04', '05', '10', '11', '12', '13', '14']);
const APPOSITION = new Set(['called', 'named', 'dubbed', 'identified', 'known']);
/** Entity types of places by their name: what an attack on a place is aimed at. */
const PLACE_ENTITY_TYPES: ReadonlySet<string> = new Set(['GPE', 'LOC', 'FAC']);

interface Draft {
  readonly trigger: Trigger;
  /** The CAMEO code: the trigger's, or a more specific one from the event noun that tells how ("attacked … in an air raid"). */
  code: string;
  readonly sentence: SentenceView;
  readonly clause: number;
  sources: EventParticipant[];
  targets: EventParticipant[];
  place: Candidate | null;
  placeLevel: string;
  time: Candidate | null;
  timeLevel: string;
  magnitudes: Magnitude[];
  modality: Modality;
  modalityCue: Span | null;
  attribution: EventAttrs['attribution'];
  confidence: number;
  reasons: string[];
  absorbedBy: Draft | null;
  /** May take a place or time from elsewhere in the sentence. */
  sentenceScope: boolean;
  /** Told in the simple past ("slammed", "was killed"), so a narrative date may apply. */
  past: boolean;
  /**
   * A definite or dated event noun ("the attack on the platforms", "Friday's Iran attack"):
   * told as known, so a saying verb around it does not make it what the speaker reports.
   */
  presupposed: boolean;
}

export const EVENTS_STAGE: StageHead<'events'> = {
  name: 'events',
  version: EVENTS_STAGE_VERSION,
  requires: ['tokens', 'sentences', 'syntax', 'entities', 'actors', 'places', 'times', 'quotes'],
  assigns: 'events',
};

export function createEventsStage(k: EventKnowledge): Stage<'events'> {
  return {
    ...EVENTS_STAGE,
    run: (doc) => extractEvents(doc, k),
  };
}

export function extractEvents(doc: Document, k: EventKnowledge): Layers['events'] {
  const view = buildDocumentView(doc);
  const timeTokens = tokensWithin(view.sentences.flatMap((s) => s.tokens), doc.layers.times ?? []);
  const opinion = opinionParagraphs(view);
  const paragraphs = doc.layers.paragraphs ?? [];
  const events: Array<Span & EventAttrs> = [];
  let anchor: NarrativeAnchor | null = null;
  // The actor of each event noun the paragraph has told with one: "the Turkish shelling …" then
  // "three were killed in the shelling".
  let toldBy = new Map<string, EventParticipant[]>();
  let toldIn = -1;
  for (const sentence of view.sentences) {
    const kind = paragraphs[sentence.paragraph]?.kind ?? 'body';
    if (sentence.paragraph !== toldIn) [toldBy, toldIn] = [new Map(), sentence.paragraph];
    // Only within the paragraph: in wire copy a new paragraph often opens a new time frame.
    const prior: NarrativeAnchor | null = anchor && anchor.paragraph === sentence.paragraph ? anchor : null;
    anchor = narrativeAnchor(doc, sentence) ?? prior;
    if (kind === 'bio' || linkLine(doc, paragraphs[sentence.paragraph], k.frames)) continue;
    const drafts = sentenceEvents(view, sentence, k, timeTokens);
    repeatedNounsTheirActor(drafts, toldBy);
    for (const d of drafts) {
      if (d.absorbedBy) continue;
      // "Terrorism kills innocent people", "numerous attacks targeting Americans": a kind of act.
      if (kind !== 'heading' && toldAsKind(d, k.frames, view.tree)) continue;
      if (countOfWords(d, k.frames, view.tree)) continue;
      anyActAhead(d, k.frames);
      threatOnAnyAct(d, k.frames);
      if (!d.time && prior && d.past && d.sentenceScope && NARRATED.has(d.modality)) {
        d.time = { index: prior.index, from: -1, to: -1 };
        d.timeLevel = NARRATIVE_LEVEL;
      }
      // A bare noun with no actor, place, date or count ("war", "operations") names a topic,
      // not an event the text tells.
      if (d.trigger.kind === 'noun' && d.sources.length + d.targets.length + d.magnitudes.length === 0 && !d.place && !d.time) continue;
      d.targets = d.targets.filter((t) => !d.sources.some((s) => same(s, t))).map((t) => namedVessel(doc, t));
      // "seized the tanker “Sea Lark”": the noun read as the name may stand beside the name itself.
      d.targets = d.targets.filter((t, i) => d.targets.findIndex((o) => o.span.start === t.span.start) === i);
      if (kind === 'heading') {
        d.confidence *= 0.6;
        d.reasons.push('headline: the body tells it in full');
      }
      if (opinion.has(sentence.paragraph) && d.attribution === null) {
        d.confidence *= 0.5;
        d.reasons.push('opinion or analysis paragraph (first person outside quotes, or a question): not the outlet reporting a fact');
      }
      for (const one of eachWay(d, k.frames)) events.push(finish(doc, one));
    }
  }
  return events;
}

/**
 * "the Turkish ground shelling on the area …; three were killed in the shelling which targeted
 * the village": a definite event noun with no actor that repeats an event noun the paragraph
 * told with one is that act, by that actor. `toldBy` carries the paragraph's nouns along.
 */
function repeatedNounsTheirActor(drafts: readonly Draft[], toldBy: Map<string, EventParticipant[]>): void {
  for (const d of drafts) {
    const tokens = d.sentence.tokens;
    const noun = tokens[d.trigger.head]!.norm;
    const earlier = toldBy.get(noun);
    // The earlier mention may be tagged as a verb form ("the Turkish ground shelling"); the repeat is a noun.
    if (d.trigger.kind === 'noun' && d.sources.length === 0 && earlier && DEFINITE.has(determinerOf(tokens, d.trigger.words[0]!))) {
      d.sources = [...earlier];
      d.reasons.push(`source ${names(earlier)}: 'the ${noun}' repeats the ${noun} told before, by them`);
    }
    // Only actors the codes know: a place misread as the doer must not spread.
    if (d.sources.length > 0 && !d.absorbedBy && d.sources.every((p) => p.cameo !== null)) toldBy.set(noun, d.sources);
  }
}

/** Acts done to things and people (aid, force, coercion), which a present tense tells as a habit. */
const MATERIAL_ROOTS = new Set(['07', '15', '16', '17', '18', '19', '20']);

/** The word before an event noun's words, past its adjectives: "any new attack" → "any". */
function quantifierOf(tokens: readonly Token[], d: Draft): string {
  let i = d.trigger.words[0]! - 1;
  while (i >= 0 && tokens[i]!.tag.startsWith('JJ')) i--;
  return tokens[i]?.norm ?? '';
}

/** A plural noun after a quantifier of kinds: "numerous attacks", "frequent raids". */
function kindNoun(tree: SyntaxTree, g: number, tagAt: (i: number) => string, frames: EventFrameWords): boolean {
  if (tagAt(g) !== 'NNS') return false;
  return children(tree, g).some((c) => ['det', 'amod'].includes(relation(tree, c)) && frames.genericQuantifiers.has(tree.nodes[c]!.lemma.toLowerCase()));
}

/**
 * An act told as a kind, not as one that happened, when nothing dates or places it: a material
 * act in the simple present ("terrorism kills innocent people"), or one whose noun or whose
 * noun's modifier is a plural after a quantifier of kinds ("numerous attacks targeting
 * Americans"). Headlines tell news in the present and are not read so.
 */
function toldAsKind(d: Draft, frames: EventFrameWords, tree: SyntaxTree | null): boolean {
  if (d.time || d.place || !MATERIAL_ROOTS.has(d.code.slice(0, 2)) || tree === null) return false;
  const base = d.sentence.tokens[0]!.index;
  const tagAt = (i: number) => d.sentence.tokens[i - base]?.tag ?? '';
  const g = base + d.trigger.head;
  const present = (i: number) => ['VBZ', 'VBP'].includes(tagAt(i));
  if (d.trigger.kind === 'verb') return present(g) || (relation(tree, g) === 'acl' && kindNoun(tree, head(tree, g), tagAt, frames));
  if (kindNoun(tree, g, tagAt, frames)) return true;
  // "Terrorism kills …": a bare noun as the subject of a present tense.
  const bare = !children(tree, g).some((c) => relation(tree, c) === 'det' || tree.nodes[c]!.rel === 'nmod:poss');
  return bare && relation(tree, g) === 'nsubj' && present(head(tree, g));
}

/**
 * "launched a barrage of threats and ridicule", "a wave of criticism": a count that names an
 * act of force only when what it counts is a weapon or an act; of anything else it is a figure
 * of speech.
 */
function countOfWords(d: Draft, frames: EventFrameWords, tree: SyntaxTree | null): boolean {
  if (d.trigger.kind !== 'noun' || tree === null) return false;
  const g = d.sentence.tokens[0]!.index + d.trigger.head;
  if (!frames.countingNouns.has(tree.nodes[g]!.lemma.toLowerCase())) return false;
  const counted = children(tree, g).find((c) => relation(tree, c) === 'nmod' && caseMarker(tree, c) === 'of');
  if (counted === undefined) return false;
  const word = tree.nodes[counted]!.lemma.toLowerCase();
  return !frames.weaponNouns.has(word) && !frames.droneNouns.has(word) && !frames.aircraftNouns.has(word) && tree.nodes[counted]!.upos === 'NOUN' && !d.trigger.words.some((w) => d.sentence.tokens[0]!.index + w === counted);
}

/** "any attack on our forces will be met with force": an act of any kind that may come. */
function anyActAhead(d: Draft, frames: EventFrameWords): void {
  if (d.trigger.kind !== 'noun' || !NARRATED.has(d.modality) || !frames.freeChoiceDeterminers.has(quantifierOf(d.sentence.tokens, d))) return;
  d.modality = 'hypothetical';
  d.modalityCue = null;
  d.reasons.push(`modality hypothetical: '${quantifierOf(d.sentence.tokens, d)}' makes it any act of its kind`);
}

/**
 * "Any interference would meet a strong response", "ready to retaliate for any hostile act": a
 * threat told against any act of a kind is a threat on a condition, that such an act comes.
 */
function threatOnAnyAct(d: Draft, frames: EventFrameWords): void {
  if (!d.code.startsWith('13') || !['asserted', 'reported', 'planned', 'hypothetical'].includes(d.modality)) return;
  const tokens = d.sentence.tokens;
  const any = tokens.findIndex((t, i) => frames.conditionDeterminers.has(t.norm) && /^(NN|JJ)/.test(tokens[i + 1]?.tag ?? ''));
  if (any < 0) return;
  d.modality = 'conditional';
  d.modalityCue = { start: tokens[any]!.start, end: tokens[any]!.end };
  d.reasons.push(`modality conditional: a threat against '${tokens[any]!.norm} ${tokens[any + 1]!.norm}', should such an act come`);
}

/** "RELATED Example headline", "Read More: …": a paragraph that points to another story. */
function linkLine(doc: Document, paragraph: Span | undefined, frames: EventFrameWords): boolean {
  if (!paragraph) return false;
  const head = doc.text.slice(paragraph.start, paragraph.start + 24);
  for (const opener of frames.linkLineOpeners) {
    if (head.length <= opener.length || head.slice(0, opener.length).toLowerCase() !== opener) continue;
    const next = head[opener.length]!;
    if (next === ':' || (next === ' ' && head.slice(0, opener.length) === opener.toUpperCase())) return true;
  }
  return false;
}

interface NarrativeAnchor {
  readonly index: number;
  readonly paragraph: number;
}

/** Modalities of events the narrative tells as having happened. */
const NARRATED = new Set<Modality>(['asserted', 'reported', 'claimed']);
/** CAMEO's claim of responsibility (015). */
const CLAIM_OF_RESPONSIBILITY = '015';
/** Modalities of acts told as still to come. */
const AHEAD = new Set<Modality>(['planned', 'conditional', 'hypothetical']);
const NARRATIVE_LEVEL = 'a preceding sentence of its paragraph (date from preceding sentence: a past event with no time of its own takes the last date the narrative named)';

/**
 * The last day or month date of the sentence that lies before publication: "But on
 * December 27, … . A barrage of rockets slammed into …" dates the barrage. Vague, future
 * and year-only times anchor nothing.
 */
function narrativeAnchor(doc: Document, sentence: SentenceView): NarrativeAnchor | null {
  const published = doc.meta.published;
  const times = doc.layers.times ?? [];
  // Only the sentence's own mentions (in order), read from the last: the rest fail the first test.
  for (let j = sentence.times.length - 1; j >= 0; j--) {
    const index = sentence.times[j]!;
    const t = times[index]!;
    if (t.start < sentence.span.start || t.end > sentence.span.end || t.type !== 'DATE') continue;
    if (!/^\d{4}-\d{2}(-\d{2})?$/.test(t.value) || (t.precision !== 'day' && t.precision !== 'month')) continue;
    if (published && t.value > published.slice(0, t.value.length)) continue;
    return { index, paragraph: sentence.paragraph };
  }
  return null;
}

/** Paragraphs written in the author's own voice: first person outside quotes, or questions. */
function opinionParagraphs(view: DocumentView): Set<number> {
  const out = new Set<number>();
  let paragraph = -1;
  let quoted = false;
  for (const s of view.sentences) {
    if (s.paragraph !== paragraph) {
      paragraph = s.paragraph;
      quoted = false;
    }
    for (const t of s.tokens) {
      if (OPEN_QUOTES.has(t.norm) && t.norm !== '"') quoted = true;
      else if (CLOSE_QUOTES.has(t.norm)) quoted = false;
      else if (t.norm === '"') quoted = !quoted;
      else if (!quoted && ((FIRST_PERSON.has(t.norm) && t.tag.startsWith('PRP')) || t.norm === '?')) out.add(s.paragraph);
    }
  }
  return out;
}

function sentenceEvents(view: DocumentView, sentence: SentenceView, k: EventKnowledge, timeTokens: ReadonlySet<number>): Draft[] {
  const tokens = sentence.tokens;
  const triggers = findTriggers(tokens, k.dictionary, timeTokens);
  if (triggers.length === 0) return [];
  const doc = view.doc;
  const clauses = segmentClauses(tokens);
  const chunks = nounChunks(tokens);
  const triggerWords = new Set(triggers.flatMap((t) => t.words));
  const ctx: ParticipantContext = { view, sentence, facts: k.facts, timeTokens, triggerWords };
  const eventNouns = new Set(triggers.filter((t) => t.kind === 'noun').map((t) => tokens[t.head]!.index));
  const linked = view.linkedEntities;
  const namesActor = (i: number) => linked.has(tokens[i]!.entity) || k.facts.countryOfWord(tokens[i]!.norm) !== null;
  // Bombings and blasts (root 18) are not a capital's acts: "the Beirut blast" says where.
  const actorless = new Set(triggers.filter((t) => t.kind === 'noun' && t.pattern.code.startsWith('18')).map((t) => tokens[t.head]!.index));
  const places = placeCandidates(doc, sentence, chunks, timeTokens, view.tree, eventNouns, namesActor, actorless);
  const times = timeCandidates(doc, sentence);
  const question = tokens.some((t) => t.norm === '?');
  const pronoun = pronounAntecedent(view, sentence, k.facts, k.frames);
  const participant = (c: Chunk) => chunkParticipant(ctx, c, pronoun);
  const tree = view.tree;
  const base = tokens[0]!.index;
  const triggerAt = new Map(triggers.map((t) => [base + t.head, t]));
  const triggerHeads = new Set(triggerAt.keys());
  // "…, a spokesman in Ankara said": the reporting clause's place is the speaker's, however it is parsed.
  const reportingClause = new Set<number>();
  clauses.forEach((c) => {
    if (!tokens.slice(c.from, c.to).some((t) => SPEECH.has(t.norm) && t.tag.startsWith('VB'))) return;
    for (let i = c.from; i < c.to; i++) reportingClause.add(i);
  });
  const tctx: TreeContext | null = tree ? { ...ctx, tree, frames: k.frames, base, pronoun, triggerAt, reportingPositions: trailingReports(tokens, clauses) } : null;
  const chunkAt = (i: number) => chunks.find((c) => c.from <= i && c.to > i);
  const nounTriggerIn = (c: Chunk) => triggers.find((t) => t.kind === 'noun' && t.head >= c.from && t.head < c.to);

  // Each nominal trigger's own phrase: its chunk and the prepositional phrases after it.
  const extents = new Map<Trigger, [number, number]>();
  for (const t of triggers) extents.set(t, t.kind === 'noun' ? nounExtent(tokens, chunks, t) : [t.words[0]!, t.words.at(-1)! + 1]);
  const claimedPlaces = new Map<number, Trigger>();
  const claimedTimes = new Map<number, Trigger>();
  for (const t of triggers) {
    if (t.kind !== 'noun') continue;
    const [from, to] = extents.get(t)!;
    const p = pickPlace(doc, places, from, to, t.head, new Set());
    if (p) claimedPlaces.set(p.index, t);
    const tm = pickTime(times, from, to, t.head, new Set());
    if (tm) claimedTimes.set(tm.index, t);
  }

  const drafts: Draft[] = [];
  const byTrigger = new Map<Trigger, Draft>();
  const instruments: Array<[Draft, Trigger]> = [];
  for (const trigger of triggers) {
    const ci = clauseAt(clauses, trigger.words[0]!);
    const clause = clauses[ci]!;
    const reasons: string[] = [`'${trigger.words.map((w) => tokens[w]!.norm).join(' ')}' matches ${trigger.kind} pattern '${trigger.pattern.text}' → ${trigger.pattern.code} (${cameoCode(trigger.pattern.code)?.name ?? '?'})`];
    const draft: Draft = {
      trigger,
      code: trigger.pattern.code,
      sentence,
      clause: ci,
      sources: [],
      targets: [],
      place: null,
      placeLevel: '',
      time: null,
      timeLevel: '',
      magnitudes: [],
      modality: 'asserted',
      modalityCue: null,
      attribution: null,
      confidence: trigger.pattern.weight,
      reasons,
      absorbedBy: null,
      sentenceScope: true,
      past: simplePast(tokens, clause, trigger),
      presupposed: false,
    };
    let host: Trigger | null = null;
    let agentNoun: Trigger | null = null;

    const read = tree ? (trigger.kind === 'noun' ? nounArguments(tctx!, trigger) : verbArguments(tctx!, trigger)) : null;
    if (read) {
      draft.sources = read.sources;
      draft.targets = read.targets;
      host = read.host;
      agentNoun = read.instrument;
      reasons.push(...read.why);
    }
    // "…, killing a U.S. contractor" hung by the parse on the wrong clause: the result of the
    // attack told just before it.
    if (trigger.kind === 'verb' && !host && tokens[trigger.head]!.tag === 'VBG' && tree && relation(tree, base + trigger.head) === 'advcl' && childWith(tree, base + trigger.head, ['mark']) === -1) {
      host = nearestEventBefore(triggers, trigger, 30);
      if (host) reasons.push('participle: the result of the event before it');
    }
    // A loose parse can leave a finite verb without a subject or object ("Khamenei, Mousavi and
    // now Rafsanjani … have all vowed"): the words before and after it are read instead.
    // Not for a gerund after a determiner ("calling the downing an attack"): its actor is its own
    // possessor or "by" phrase, never whoever stands before it.
    const gerund = tokens[trigger.head]!.tag === 'VBG' && GERUND_DETERMINERS.has(tokens[trigger.head - 1]?.tag ?? '');
    // "the destroyed Iranian platform": a participle between a determiner and its noun tells
    // what was done to the noun; who did it is not in the phrase, and not whoever stands before.
    const attributive = trigger.kind === 'verb' && trigger.words.length === 1 && tokens[trigger.head]!.tag === 'VBN' && GERUND_DETERMINERS.has(tokens[trigger.head - 1]?.tag ?? '') && /^(JJ|NN)/.test(tokens[trigger.head + 1]?.tag ?? '');
    if (attributive && draft.sources.length === 0) {
      const noun = chunkAt(trigger.head + 1);
      const p = noun ? participant({ from: trigger.head + 1, to: noun.to }) : null;
      draft.targets = p ? [p] : [];
      if (p) reasons.push(`target '${p.name}': the noun the participle describes`);
    }
    if (trigger.kind === 'verb' && !gerund && !attributive && (!read || (!read.hasSubject && !read.host && draft.sources.length === 0 && !trigger.passive))) {
      const subject = subjectOf(tokens, clauses, ci, trigger, chunks, participant, chunkAt, nounTriggerIn);
      host = subject.host;
      draft.sources = subject.group;
      if (subject.group.length > 0) reasons.push(`source ${names(subject.group)}: the words before the verb (the parse gives it no subject)`);
    }
    // "… told news agencies an American drone was downed", parsed with no passive subject: the
    // phrase right before the auxiliaries is what it was done to.
    if (trigger.kind === 'verb' && trigger.passive && read && !read.hasSubject && draft.targets.length === 0) {
      const before = chunkEndingBefore(tokens, chunks, trigger);
      const p = before && !governingPreposition(tokens, before, chunks) && !nounTriggerIn(before) ? participant(before) : null;
      if (p) {
        draft.targets = [p];
        reasons.push(`target '${p.name}': the words before the passive verb (the parse gives it no subject)`);
      }
    }
    if (trigger.kind === 'verb' && !attributive && (!read || (!read.hasObject && draft.targets.length === 0 && !trigger.passive))) {
      // "… and another 289 captured, IRNA … said": who tells it is never what was done to.
      draft.targets = objectOf(view, tokens, clause, trigger, chunks, participant).filter((t) => !namesASpeaker(view, t.span));
      if (draft.targets.length > 0) reasons.push(`target ${names(draft.targets)}: the words after the verb (the parse gives it no object)`);
    }

    // Place and time: the trigger's phrase, then its clause (with the relative clause it
    // governs); the sentence is tried after every trigger had its pick. Another nominal
    // event's own place or time is not taken.
    const [eFrom, eTo] = extents.get(trigger)!;
    const ownChunk = chunkAt(trigger.head);
    // A definite noun in a prepositional phrase ("following the targeted killings") points
    // back; as the clause's subject ("The last attack was on March 27") it is the topic.
    const definite =
      trigger.kind === 'noun' &&
      DEFINITE.has(determinerOf(tokens, trigger.words[0]!)) &&
      !(ownChunk && ownChunk.from <= clause.from + 1 && !governingPreposition(tokens, ownChunk, chunks));
    const scopes: Array<[string, number, number]> = definite
      ? [['its own phrase', eFrom, eTo]]
      : [
          ['its own phrase', eFrom, eTo],
          ['its clause', clause.from, followingRelativeEnd(clauses, ci)],
        ];
    if (definite) {
      draft.confidence *= 0.8;
      reasons.push('definite noun: may refer back to an event told before, so place and date come only from its own phrase');
    }
    const notMine = (claimed: Map<number, Trigger>) => new Set([...claimed].filter(([, t]) => t !== trigger).map(([i]) => i));
    // With a tree, the scopes are cut to what the predicate governs (see tree-scope.ts).
    const scope = tree ? eventScope(tree, base + trigger.head, triggerHeads, trigger.kind === 'noun', (p) => k.frames.lightVerbs.has(tree.nodes[p]!.lemma.toLowerCase()) || k.frames.reportingVerbs.has(tree.nodes[p]!.lemma.toLowerCase()),
          (p) => k.frames.responseVerbs.has(tree.nodes[p]!.lemma.toLowerCase()),
        ) : null;
    const inScope = (c: Candidate) => scope === null || (scope.has(base + c.from) && scope.has(base + c.to - 1));
    const ownPlaces = places.filter((c) => inScope(c) && !(scope && reportingClause.has(c.from) && clauseAt(clauses, c.from) !== ci));
    const ownWords = new Set(trigger.words.map((w) => base + w));
    const ownTimes = times.filter((c) => inScope(c) && !(tree && datesAThing(tree, base + c.from, base + c.to - 1, (n) => eventNouns.has(n) || ownWords.has(n))));
    if (scope && !definite) scopes.push(['its clause', 0, tokens.length]);
    for (const [level, from, to] of scopes) {
      draft.place = pickPlace(doc, ownPlaces, from, to, trigger.head, notMine(claimedPlaces));
      if (draft.place) {
        draft.placeLevel = level;
        break;
      }
    }
    for (const [level, from, to] of scopes) {
      draft.time = pickTime(ownTimes, from, to, trigger.head, notMine(claimedTimes));
      if (draft.time) {
        draft.timeLevel = level;
        break;
      }
    }
    // "airstrikes on northern Syria", "an assault on the port city of Basra": a place attacked is
    // where the attack happened.
    if (!draft.place && FORCE_ROOTS.has(trigger.pattern.code.slice(0, 2))) {
      for (const t of draft.targets) {
        const from = tokens.findIndex((x) => x.end > t.span.start);
        const to = tokens.findIndex((x) => x.start >= t.span.end);
        if (from < 0) continue;
        // Not a whole country: "attacked Iraq" names whom, not where.
        const sites = placesWithin(doc, sentence, from, to < 0 ? tokens.length : to).filter((c) => doc.layers.places?.[c.index]?.precision !== 'country');
        draft.place = pickPlace(doc, sites, from, to < 0 ? tokens.length : to, trigger.head, notMine(claimedPlaces));
        if (draft.place) {
          draft.placeLevel = `its target '${t.name}'`;
          break;
        }
      }
    }
    // "in Baghdad, where eight protesters were killed": a clause opened by "where" tells what
    // happened at the place it follows, which is outside what its verb governs.
    if (!draft.place && tree) {
      const site = placeBeforeWhere(tree, base, trigger.head, places, 'where');
      // The clause points at that place, so it is shared with whatever event holds it.
      if (site) {
        draft.place = site;
        draft.placeLevel = "the place its 'where' clause follows";
      }
    }
    // "escalated on August 25, when two strikes … killed": the same for a time and "when".
    if (!draft.time && tree) {
      const day = placeBeforeWhere(tree, base, trigger.head, times, 'when');
      if (day) {
        draft.time = day;
        draft.timeLevel = "the time its 'when' clause follows";
      }
    }
    draft.sentenceScope = !definite;
    // Only inside a prepositional phrase ("in the aftermath of the U.S. attack"): as the subject
    // or object of what is said ("said the attack was by Iran") it is the content told.
    draft.presupposed =
      trigger.kind === 'noun' &&
      tree !== null &&
      ['obl', 'nmod'].includes(relation(tree, base + trigger.head)) &&
      caseMarker(tree, base + trigger.head) !== null &&
      (DEFINITE.has(determinerOf(tokens, trigger.words[0]!)) || datedByPossessive(tokens, trigger.words[0]!, timeTokens));

    const peopleKind = trigger.pattern.magnitude ? (PEOPLE_KIND[trigger.pattern.magnitude] ?? null) : null;
    const magnitudeEnd = trigger.kind === 'noun' ? Math.max(eTo, clause.to) : clause.to;
    draft.magnitudes = findMagnitudes(tokens, clause.from, magnitudeEnd, peopleKind, trigger.pattern.code.startsWith('15'));

    const m = readModality(tokens, clauses, ci, trigger, question, tree ? { tree, base, implicatives: k.frames.implicativeVerbs } : null);
    draft.modality = m.modality;
    draft.modalityCue = m.cue;
    if (m.why) reasons.push(`modality ${m.modality}: ${m.why}`);
    attribute(view, sentence, clauses, ci, trigger, draft, chunks, participant, tctx);
    if (tree && draft.sources.length === 0) {
      const teller = tellerAsSubject(tree, base, trigger, draft.attribution, k, tokens);
      if (teller) {
        draft.sources = [teller];
        reasons.push(`source '${teller.name}': the pronoun subject stands for the body that tells it`);
      }
    }

    // "Iraqi warplanes destroyed a pumping station", "a Houthi drone attack": who attacks from
    // the air makes a plain attack (190) one with aerial weapons (195), a drone's 1952.
    if ((draft.code === '190' || draft.code === '194') && tree) {
      const aerial = aerialCode(tree, base + trigger.head, draft.code, trigger.kind === 'noun', draft.sources, k.frames);
      if (aerial) {
        reasons.push(`code ${aerial}: carried out from the air`);
        draft.code = aerial;
      }
    }
    if (tree && trigger.kind === 'noun' && toldAsHistory(tree, base + trigger.head, k.frames)) continue;
    // "was asked why …", "Asked if …": a reporter's question, not an appeal.
    if (tree && trigger.kind === 'verb' && trigger.words.length === 1 && asksAQuestion(tree, base + trigger.head, k.frames)) continue;
    // "the test demonstrated that …", "have not been demonstrated to be theirs": no protest.
    if (tree && trigger.kind === 'verb' && trigger.words.length === 1 && k.frames.objectlessVerbs.has(tree.nodes[base + trigger.head]!.lemma.toLowerCase())) {
      if (trigger.passive || childrenWith(tree, base + trigger.head, ['obj', 'ccomp', 'xcomp']).length > 0) continue;
    }
    // "the first thing that strikes the casual reader": the words match, the arguments do not.
    if (trigger.pattern.frame) {
      const frame = frameHolds(trigger.pattern.frame, draft.sources, draft.targets, read?.objectWords ?? [], (p) => p.entity !== null && PLACE_ENTITY_TYPES.has(view.doc.layers.entities?.[p.entity]?.type ?? ''));
      if (!frame.holds) continue;
    }
    // "Any attack on our ships will bring a forceful response, the official said": a threat
    // whose verb names no one to carry it out is made by saying it, so its speaker threatens.
    if (tree && draft.sources.length === 0 && trigger.kind === 'verb' && !trigger.passive && trigger.pattern.code.startsWith('13') && draft.attribution?.quote != null) {
      const speaker = threatSpeaker(view, sentence, chunks, participant, draft.attribution.quote);
      const subject = childWith(tree, base + trigger.head, ['nsubj']);
      if (speaker && (subject === -1 || pronounMayBeSpeaker(tree.nodes[subject]!, speaker, k, insideQuotationMarks(tokens, trigger.head)))) {
        draft.sources = [speaker];
        reasons.push(`source '${speaker.name}': a threat with no one named to carry it out is its speaker's`);
      }
    }
    // "we will retaliate" threatens; "retaliated by attacking" tells the attack, coded by its own verb.
    if (trigger.pattern.onlyAhead && !AHEAD.has(draft.modality)) continue;
    // "rebels killed 18 soldiers": who the parties are says what kind of killing it is.
    if (draft.code === trigger.pattern.code) {
      const recode = recodeFor(trigger.pattern.recode, draft.sources, draft.targets);
      if (recode) {
        draft.code = recode.code;
        reasons.push(recode.why);
        // "killed in an attack by Russian aircraft": the fighting the killing was is fought from the air.
        const aerial = recode.code === '190' && tree ? aerialCode(tree, base + trigger.head, '190', trigger.kind === 'noun', draft.sources, k.frames) : null;
        if (aerial) {
          reasons.push(`code ${aerial}: carried out from the air`);
          draft.code = aerial;
        }
      }
    }
    drafts.push(draft);
    byTrigger.set(trigger, draft);
    // "repelled and downed most of the missiles", "shelled and destroyed two platforms": two
    // verbs of one attack, sharing their actor, are one event told twice.
    if (!host && tree && trigger.kind === 'verb' && relation(tree, base + trigger.head) === 'conj') {
      const first = triggerAt.get(head(tree, base + trigger.head));
      const firstDraft = first ? byTrigger.get(first) : undefined;
      // "bombed the village on Friday and shelled it again on Saturday": its own date makes it another act.
      const ownDate = children(tree, base + trigger.head).some((c) => timeTokens.has(tokens[c - base]?.index ?? -1));
      // "destroyed one platform and raided another": each verb with an object of its own (not
      // "it", which points back) hit a thing of its own, so each is an act of its own.
      const ownObject = (verb: number) => childrenWith(tree, verb, 'obj').some((o) => tree.nodes[o]!.tag !== 'PRP');
      const twoObjects = first !== undefined && ownObject(base + first.head) && ownObject(base + trigger.head);
      if (first && firstDraft && first.kind === 'verb' && first.pattern.code.slice(0, 2) === '19' && draft.code.slice(0, 2) === '19' && childWith(tree, base + trigger.head, ['nsubj', 'nsubj:pass']) === -1 && !ownDate && !twoObjects) {
        host = first;
      }
    }
    if (host && host !== trigger) {
      const hostDraft = byTrigger.get(host);
      if (hostDraft && ATTACK_ROOTS.has(host.pattern.code.slice(0, 2)) && (ATTACK_ROOTS.has(trigger.pattern.code.slice(0, 2)) || trigger.pattern.magnitude)) absorb(hostDraft, draft, tokens);
    }
    if (agentNoun) instruments.push([draft, agentNoun]);
  }
  // "agreed to launch five airstrikes … that killed 25 militiamen": a relative clause in the past
  // that tells the result of a planned attack says the attack happened, and is part of it.
  if (tree) {
    for (const r of drafts) {
      if (r.absorbedBy || r.trigger.kind !== 'verb' || !r.trigger.pattern.magnitude || tokens[r.trigger.head]!.tag !== 'VBD') continue;
      if (relation(tree, base + r.trigger.head) !== 'acl') continue;
      const attack = drafts
        .filter((d) => d !== r && !d.absorbedBy && ATTACK_ROOTS.has(d.code.slice(0, 2)) && dominates(tree, base + d.trigger.head, base + r.trigger.head))
        .sort((a, b) => b.trigger.head - a.trigger.head)[0];
      if (!attack) continue;
      absorb(attack, r, tokens);
      // "… that killed 25 militiamen and wounded 51": the conjoined result too.
      for (const c of drafts) {
        if (c.absorbedBy || c === attack || !c.trigger.pattern.magnitude) continue;
        if (relation(tree, base + c.trigger.head) === 'conj' && head(tree, base + c.trigger.head) === base + r.trigger.head) absorb(attack, c, tokens);
      }
      if (attack.modality === 'planned' || attack.modality === 'hypothetical') {
        attack.reasons.push(`modality asserted: '${tokens[r.trigger.head]!.norm}' tells that it happened`);
        attack.modality = attack.attribution ? 'reported' : 'asserted';
        attack.modalityCue = null;
      }
    }
  }
  // "Two civilians were killed and five wounded when shells hit the market": the toll told
  // around the attack of its 'when' clause is that attack's result, not another act.
  if (tree) {
    for (const r of drafts) {
      if (r.absorbedBy || r.trigger.kind !== 'verb' || !r.trigger.pattern.magnitude) continue;
      const attack = drafts.find(
        (d) => d !== r && !d.absorbedBy && ATTACK_ROOTS.has(d.code.slice(0, 2)) && relation(tree, base + d.trigger.head) === 'advcl' && head(tree, base + d.trigger.head) === base + r.trigger.head,
      );
      if (!attack || attack.modality !== r.modality) continue;
      absorb(attack, r, tokens);
      for (const c of drafts) {
        if (c.absorbedBy || c === attack || !c.trigger.pattern.magnitude) continue;
        if (relation(tree, base + c.trigger.head) === 'conj' && head(tree, base + c.trigger.head) === base + r.trigger.head) absorb(attack, c, tokens);
      }
    }
  }
  // "carried out five strikes …, blowing up four depots and killing as many militiamen": a
  // result told in a participle clause of the attack, however deep, is that attack's result.
  if (tree) {
    for (const r of drafts) {
      if (r.absorbedBy || r.trigger.kind !== 'verb' || !r.trigger.pattern.magnitude || tokens[r.trigger.head]!.tag !== 'VBG') continue;
      let at = base + r.trigger.head;
      for (let step = 0; step < 3 && ['conj', 'advcl', 'xcomp'].includes(relation(tree, at)); step++) {
        at = head(tree, at);
        const attack = drafts.find(
          (d) => d !== r && !d.absorbedBy && tokens[d.trigger.head]!.tag !== 'VBG' && ATTACK_ROOTS.has(d.code.slice(0, 2)) && (base + d.trigger.head === at || (d.trigger.kind === 'noun' && d.trigger.words.some((w) => base + w === at)) || (d.trigger.kind === 'noun' && head(tree, base + d.trigger.head) === at)),
        );
        if (attack) {
          if (attack.modality === r.modality) absorb(attack, r, tokens);
          break;
        }
      }
    }
  }
  // "were assassinated … in a US airstrike": the airstrike is how, not another event.
  for (const [verb, noun] of instruments) {
    const nounDraft = byTrigger.get(noun);
    if (!nounDraft || nounDraft.absorbedBy || nounDraft.targets.length > 0) continue;
    if (!ATTACK_ROOTS.has(verb.code.slice(0, 2)) || !ATTACK_ROOTS.has(noun.pattern.code.slice(0, 2))) continue;
    nounDraft.absorbedBy = verb;
    inheritWhereAndWhen(verb, nounDraft, `the phrase of '${tokens[noun.head]!.norm}'`);
    verb.reasons.push(`by means of '${tokens[noun.head]!.norm}' (${noun.pattern.code})`);
    // "were killed in an air strike by Syrian forces": a result verb (killed, wounded) told of a
    // military attack is that attack; its code is the attack's.
    // An assassination (186) names an act of its own, however it was carried out.
    if (verb.trigger.pattern.magnitude && verb.code.slice(0, 2) === '18' && verb.code !== '186' && ['19', '20'].includes(noun.pattern.code.slice(0, 2))) {
      verb.reasons.push(`code ${noun.pattern.code} from '${tokens[noun.head]!.norm}': the result of a military attack`);
      verb.code = noun.pattern.code;
    }
    // "attacked … in an air raid": the noun says how, so its code is the more specific one.
    if (verb.code.length === 3 && verb.code.endsWith('0') && noun.pattern.code.startsWith(verb.code.slice(0, 2)) && noun.pattern.code !== verb.code) {
      verb.reasons.push(`code ${noun.pattern.code} from '${tokens[noun.head]!.norm}', which says how`);
      verb.code = noun.pattern.code;
    }
  }
  // "the rocket barrage had been launched from …": where it came from, and who holds that ground.
  for (const d of drafts) {
    if (d.trigger.kind !== 'noun' || d.absorbedBy || !ATTACK_ROOTS.has(d.trigger.pattern.code.slice(0, 2))) continue;
    const own = chunkAt(d.trigger.head);
    const site = own ? launchSite(tokens, chunks, own) : null;
    if (!site) continue;
    const launched = `'${tokens[site.verb]!.norm} from'`;
    if (!d.place) {
      d.place = pickPlace(doc, placesWithin(doc, sentence, site.from, site.to), site.from, site.to, d.trigger.head, new Set());
      if (d.place) d.placeLevel = `the launch area after ${launched}`;
    }
    const holder = site.holder ? participant(site.holder) : null;
    if (holder && d.sources.length === 0) {
      d.sources = [holder];
      d.confidence *= 0.7;
      if (d.modality === 'asserted') d.modality = 'reported';
      d.reasons.push(`source '${holder.name}' inferred, not stated: ${site.why}; at most 'reported', lower confidence`);
    }
  }
  if (tree) sameActByCopula(drafts, tree, base, tokens);
  if (tree) refusalsHoldTheirAct(drafts, tree, base, tokens);
  oneActPerSentence(drafts, tokens, tree, base);
  threatsAgainstAttackers(drafts);
  if (tree) claimedByClaimant(drafts, tree, base);
  // With a tree, an event's place and time come from what its predicate governs, not from nearby words.
  if (!tree) sentenceFallback(doc, drafts, places, times, tokens.length, clauses, tokens);
  else {
    frontedTime(drafts, times, tokens);
    conjunctsShareWhereAndWhen(drafts, tree, base, tokens);
  }
  // "attacks by Daesh …, among them Saturday's assault": the list's actor did each one.
  for (const d of drafts) {
    if (d.trigger.kind !== 'noun' || d.sources.length > 0 || d.absorbedBy) continue;
    const earlier = drafts.find((o) => o !== d && o.trigger.kind === 'noun' && o.clause === d.clause && o.trigger.head < d.trigger.head && o.sources.length > 0 && o.trigger.pattern.code.slice(0, 2) === d.trigger.pattern.code.slice(0, 2));
    if (earlier) {
      d.sources = [...earlier.sources];
      d.reasons.push(`source ${names(d.sources)} from '${tokens[earlier.trigger.head]!.norm}' it belongs to`);
    }
  }
  return drafts;
}

/**
 * "The IRGC says it has seized a tanker", however loosely parsed: a verb whose subject is "it"
 * or "they", told by a body (a state, an organisation, not a person), was done by that body.
 */
function tellerAsSubject(tree: SyntaxTree, base: number, trigger: Trigger, attribution: EventAttrs['attribution'], k: EventKnowledge, tokens: readonly Token[]): EventParticipant | null {
  const { facts, frames } = k;
  if (trigger.kind !== 'verb' || trigger.passive || !attribution?.speakerActorId) return null;
  const subject = childWith(tree, base + trigger.head, ['nsubj']);
  if (subject === -1) return null;
  const pronoun = tree.nodes[subject]!.lemma.toLowerCase();
  // "“We will respond,” the minister said": the first person of a direct quote is its speaker's side.
  const quoted = attribution.quote !== null && frames.speakerPronouns.has(pronoun) && insideQuotationMarks(tokens, trigger.head);
  if (!quoted && !frames.referringPronouns.has(pronoun)) return null;
  const cameo = facts.cameo(attribution.speakerActorId);
  if (!cameo) return null;
  const at = tokens[subject - base];
  if (!at) return null;
  // A person speaks for a body: "we" is the side, not the person, unless the text says "I".
  const person = facts.isPerson(attribution.speakerActorId);
  if (person && !quoted) return null;
  const self = !person || pronoun === 'i';
  return { span: { start: at.start, end: at.end }, entity: null, actorId: self ? attribution.speakerActorId : null, name: self ? (attribution.speaker ?? at.norm) : at.norm, cameo };
}

const PERFECT = new Set(['had', 'has', 'have', "'d"]);
const PAST_BE = new Set(['was', 'were']);

/**
 * Is the event told in the simple past? A verb in VBD or "was/were VBN"; a noun by a past
 * verb of its clause ("A barrage … slammed into"). A pluperfect ("had attacked") points to
 * a time before the narrative's, so it is not.
 */
function simplePast(tokens: readonly Token[], clause: Clause, trigger: Trigger): boolean {
  const perfect = (i: number) => tokens.slice(Math.max(clause.from, i - 3), i).some((t) => PERFECT.has(t.norm));
  if (trigger.kind === 'verb') {
    const t = tokens[trigger.head]!;
    if (trigger.passive) return tokens.slice(Math.max(clause.from, trigger.head - 3), trigger.head).some((x) => PAST_BE.has(x.norm)) && !perfect(trigger.head);
    return t.tag === 'VBD' && !perfect(trigger.head);
  }
  for (let i = clause.from; i < clause.to; i++) {
    const t = tokens[i]!;
    if (t.tag === 'VBD' && !PERFECT.has(t.norm) && !SPEECH.has(t.norm) && !perfect(i)) return true;
  }
  return false;
}

/**
 * Positions of the reporting clauses that close a sentence after a comma ("…, the ministry
 * said", "…, Kurdish militia leaders and eyewitnesses said"): the clause after the last comma,
 * when a reporting verb ends it.
 */
function trailingReports(tokens: readonly Token[], clauses: readonly Clause[]): Set<number> {
  const out = new Set<number>();
  const last = clauses.at(-1);
  if (!last || clauses.length < 2) return out;
  if (!tokens.slice(last.from, last.to).some((t) => SPEECH.has(t.norm) && t.tag.startsWith('VB'))) return out;
  if (tokens[last.from - 1]?.norm !== ',' && tokens[last.from]?.norm !== ',') return out;
  // "In the south, IRNA said, Iranian forces captured…": a parenthetical report ends at the
  // comma after its verb; what follows is the report's content, whose actors are the event's.
  const verb = tokens.findIndex((t, i) => i >= last.from && i < last.to && SPEECH.has(t.norm) && t.tag.startsWith('VB'));
  const comma = tokens.findIndex((t, i) => i > verb && i < last.to && t.norm === ',');
  for (let i = last.from; i < (comma === -1 ? last.to : comma); i++) out.add(i);
  return out;
}

/** 195 for an attack by aircraft, 1952 by drones (the attacker's head word, or a modifier of the attack noun); else null. */
function aerialCode(tree: SyntaxTree, g: number, code: string, noun: boolean, sources: readonly EventParticipant[], frames: EventFrameWords): string | null {
  // The last word, or the last two ("Syrian Air Force").
  const heads = sources.flatMap((p) => {
    const words = p.name.toLowerCase().split(/\s+/);
    return [words.at(-1) ?? '', words.slice(-2).join(' ')];
  });
  // "after Houthi drone attack": a headline's word before the noun modifies it, however parsed.
  const before = noun && g > 0 && tree.heads[g - 1] !== -1 ? [tree.nodes[g - 1]!.lemma.toLowerCase()] : [];
  const modifiers = [...childrenWith(tree, g, ['compound', 'amod']).map((c) => tree.nodes[c]!.lemma.toLowerCase()), ...before];
  const singular = (w: string) => w.replace(/s$/, '');
  const byAircraft = heads.some((w) => frames.aircraftNouns.has(singular(w)) || frames.aircraftNouns.has(w));
  // "Turkish jets began pounding positions": a bombardment from the air is aerial, not artillery.
  if (code === '194') return byAircraft ? '195' : null;
  if ([...heads, ...modifiers].some((w) => frames.droneNouns.has(singular(w)))) return '1952';
  if (byAircraft) return '195';
  return null;
}

const RANGE_OPENERS = new Set(['from', 'between']);
const RANGE_LINKS = new Set(['through', 'to', 'until', 'till', 'and', '-', '–', '—', 'thru']);

function times(doc: Document): NonNullable<Document['layers']['times']> {
  return doc.layers.times ?? [];
}

/**
 * "From July 19 through August 20, the Israeli army carried out five strikes": the event's
 * time is one end of a range, so its dates run from the first end's start to the second's end.
 */
function dateSpan(all: NonNullable<Document['layers']['times']>, sentence: SentenceView, picked: Candidate, tokens: readonly Token[]): { date: string | null; dateEnd: string | null } | null {
  const at = (i: number) => tokens[i]?.norm ?? '';
  // The sentence's own times (its view lists them, in order): a pass over the article's per event was quadratic.
  const candidates = sentence.times
    .map((index) => ({ t: all[index]!, index }))
    .filter(({ t }) => /^\d{4}-\d{2}/.test(t.value) && t.start >= tokens[0]!.start && t.end <= tokens.at(-1)!.end);
  const position = (start: number) => tokens.findIndex((x) => x.start === start);
  const endPosition = (endChar: number) => tokens.findIndex((x) => x.end === endChar);
  for (const a of candidates) {
    const aFrom = position(a.t.start);
    const aTo = endPosition(a.t.end);
    if (aFrom < 0 || aTo < 0 || !RANGE_OPENERS.has(at(aFrom - 1)) || !RANGE_LINKS.has(at(aTo + 1))) continue;
    const b = candidates.find(({ t }) => position(t.start) === aTo + 2);
    if (!b) continue;
    if (a.index !== picked.index && b.index !== picked.index) continue;
    const first = dateRange(a.t.value);
    const last = dateRange(b.t.value);
    if (!first.date || !last.dateEnd || first.date > last.dateEnd) continue;
    return { date: first.date, dateEnd: last.dateEnd };
  }
  return null;
}

function frontedTime(drafts: readonly Draft[], times: readonly Candidate[], tokens: readonly Token[]): void {
  const beforeComma = (c: Candidate) => tokens[c.to]?.norm === ',';
  // "From July 19 until August 20, 2019, …": a fronted range ends at the comma; its first end is
  // the time, and dateSpan makes the range of it.
  const rangeBeforeComma = (c: Candidate) =>
    RANGE_LINKS.has(tokens[c.to]?.norm ?? '') && times.some((o) => o.from === c.to + 1 && beforeComma(o));
  const fronted = times.find((c) => c.from <= 1 && (beforeComma(c) || rangeBeforeComma(c)));
  if (!fronted) return;
  for (const d of drafts) {
    if (d.time || d.absorbedBy || !d.sentenceScope || d.attribution !== null) continue;
    d.time = fronted;
    d.timeLevel = 'the time fronted at the start of its sentence';
  }
}

/** Drafts still without a place or time look in the whole sentence, avoiding what others took. */
function sentenceFallback(doc: Document, drafts: readonly Draft[], places: readonly Candidate[], times: readonly Candidate[], length: number, clauses: readonly Clause[], tokens: readonly Token[]): void {
  const takenPlaces = new Set(drafts.flatMap((d) => (d.place ? [d.place.index] : [])));
  const takenTimes = new Set(drafts.flatMap((d) => (d.time ? [d.time.index] : [])));
  // "…, a spokesman in Baghdad said": the reporting clause's place is the speaker's.
  clauses.forEach((c, ci) => {
    if (!tokens.slice(c.from, c.to).some((t) => SPEECH.has(t.norm) && t.tag.startsWith('VB'))) return;
    for (const p of places) if (clauseAt(clauses, p.from) === ci) takenPlaces.add(p.index);
  });
  for (const d of drafts) {
    if (!d.sentenceScope || d.absorbedBy) continue;
    if (!d.place && !VERBAL_ROOTS.has(d.trigger.pattern.code.slice(0, 2))) {
      d.place = pickPlace(doc, places, 0, length, d.trigger.head, takenPlaces);
      if (d.place) d.placeLevel = 'its sentence';
    }
    if (!d.time) {
      d.time = pickTime(times, 0, length, d.trigger.head, takenTimes);
      if (d.time) d.timeLevel = 'its sentence';
    }
  }
}

/**
 * "… were killed and 20 others wounded", "the attack … destroyed equipment": a second violent
 * verb of the sentence that names no party the first one lacks tells the same act, so it is
 * folded into the event that names the most parties (one event per real act). An act told
 * with another modality ("no one was hurt") or on another date, or that is the other's argument
 * ("repelled the offensive"), stays apart.
 */
function oneActPerSentence(drafts: readonly Draft[], tokens: readonly Token[], tree: SyntaxTree | null, base: number): void {
  const violent = (d: Draft) => !d.absorbedBy && VIOLENT_ROOTS.has(d.code.slice(0, 2));
  const parties = (d: Draft) => d.sources.length + d.targets.length;
  // "repelled the offensive": an act that is another's argument is another act.
  const argumentOf = (part: Draft, h: Draft) => tree !== null && head(tree, base + part.trigger.head) === base + h.trigger.head && relation(tree, base + part.trigger.head) !== 'conj';
  for (const part of drafts) {
    if (!violent(part)) continue;
    const hosts = drafts.filter(
      (h) =>
        h !== part &&
        violent(h) &&
        h.code.slice(0, 2) === part.code.slice(0, 2) &&
        h.modality === part.modality &&
        (part.trigger.pattern.magnitude !== undefined || part.trigger.kind === 'noun' || part.clause === h.clause) &&
        !argumentOf(part, h) &&
        !argumentOf(h, part) &&
        !(part.time && h.time && part.time.index !== h.time.index) &&
        part.sources.every((s) => h.sources.some((o) => same(o, s))) &&
        part.targets.every((t) => h.targets.some((o) => same(o, t))) &&
        (parties(h) > parties(part) || (parties(h) === parties(part) && h.trigger.head < part.trigger.head)),
    );
    const host = hosts.sort((a, b) => parties(b) - parties(a) || a.trigger.head - b.trigger.head)[0];
    if (host) absorb(host, part, tokens);
  }
}

/**
 * "Trump refused to sign off on the assassination": what a refusal refuses is no act of its
 * own; the refusal (CAMEO 12) is the event, aimed at whom the refused act would have been.
 */
function refusalsHoldTheirAct(drafts: readonly Draft[], tree: SyntaxTree, base: number, tokens: readonly Token[]): void {
  for (const refusal of drafts) {
    if (refusal.absorbedBy || refusal.trigger.kind !== 'verb' || !refusal.code.startsWith('12')) continue;
    for (const act of drafts) {
      if (act === refusal || act.absorbedBy || act.trigger.kind !== 'verb') continue;
      const at = base + act.trigger.head;
      if (relation(tree, at) !== 'xcomp' || head(tree, at) !== base + refusal.trigger.head) continue;
      act.absorbedBy = refusal;
      if (refusal.targets.length === 0) refusal.targets = [...act.targets];
      refusal.reasons.push(`what it refuses, '${tokens[act.trigger.head]!.norm}' (${act.code}), is no act of its own`);
      // "refused to sign off … unless Iran killed an American": the condition is what the
      // refused act waits on; the refusal, told in the past, happened.
      if (refusal.modality === 'conditional' && refusal.past) {
        refusal.modality = refusal.attribution ? 'reported' : 'asserted';
        refusal.modalityCue = null;
        refusal.reasons.push(`modality ${refusal.modality}: a refusal told in the past happened, whatever it was refused on`);
      }
    }
  }
}

/**
 * "The attacks on two refineries were an Iranian attack": an attack noun said to be another
 * (the subject of a copula whose predicate is an attack noun) is the same act, told twice; the
 * subject keeps it and takes whom and by whom the predicate names.
 */
function sameActByCopula(drafts: readonly Draft[], tree: SyntaxTree, base: number, tokens: readonly Token[]): void {
  const attackNoun = (d: Draft) => !d.absorbedBy && d.trigger.kind === 'noun' && ATTACK_ROOTS.has(d.code.slice(0, 2));
  for (const predicate of drafts) {
    if (!attackNoun(predicate)) continue;
    const copula = childWith(tree, base + predicate.trigger.head, ['cop']) - base;
    if (copula < 0) continue;
    // Its subject, however parsed: the attack noun whose phrase runs up to the copula, no verb between.
    const subject = drafts
      .filter((d) => d !== predicate && attackNoun(d) && d.trigger.head < copula && d.modality === predicate.modality)
      .sort((a, b) => b.trigger.head - a.trigger.head)[0];
    if (!subject || tokens.slice(subject.trigger.head + 1, copula).some((t) => t.tag.startsWith('VB') || t.tag === 'MD')) continue;
    for (const s of predicate.sources) if (!subject.sources.some((o) => same(o, s))) subject.sources.push(s);
    absorb(subject, predicate, tokens);
    subject.reasons.push(`source ${names(subject.sources)}: it is said to be '${tokens[predicate.trigger.head]!.norm}'`);
  }
}

/**
 * "Iran vowed retaliation after Monday's U.S. attack": a threat that names no one threatened
 * is aimed at whoever did the attack its sentence tells, when that is someone else.
 */
function threatsAgainstAttackers(drafts: readonly Draft[]): void {
  for (const threat of drafts) {
    if (threat.absorbedBy || threat.code.slice(0, 2) !== '13' || threat.targets.length > 0) continue;
    const attack = drafts.find((d) => d !== threat && !d.absorbedBy && ATTACK_ROOTS.has(d.code.slice(0, 2)) && d.sources.length > 0 && !d.sources.some((s) => threat.sources.some((t) => same(s, t) || (s.cameo !== null && s.cameo === t.cameo))));
    if (!attack) continue;
    threat.targets = [...attack.sources];
    threat.reasons.push(`target ${names(attack.sources)}: who did the attack its sentence tells ('${attack.sentence.tokens[attack.trigger.head]!.norm}')`);
  }
}

/**
 * "The Houthis claimed responsibility for the drone attack": an attack the claim governs, told
 * with no doer, is claimed by the claimant, and told as claimed.
 */
function claimedByClaimant(drafts: readonly Draft[], tree: SyntaxTree, base: number): void {
  for (const claim of drafts) {
    if (claim.absorbedBy || !claim.code.startsWith(CLAIM_OF_RESPONSIBILITY) || claim.sources.length === 0) continue;
    for (const act of drafts) {
      if (act === claim || act.absorbedBy || act.sources.length > 0 || !ATTACK_ROOTS.has(act.code.slice(0, 2))) continue;
      if (!dominates(tree, base + claim.trigger.head, base + act.trigger.head)) continue;
      act.sources = [...claim.sources];
      if (NARRATED.has(act.modality)) act.modality = 'claimed';
      act.reasons.push(`source ${names(claim.sources)} and modality claimed: they claim responsibility for it`);
    }
  }
}

/**
 * "Israel and Bahrain will normalize relations": an act the doers do with each other, told with
 * two or more doers and no one acted on, is one event each way, each doer with the others as
 * its target.
 */
function eachWay(d: Draft, frames: EventFrameWords): Draft[] {
  if (d.sources.length < 2 || d.targets.length > 0 || !frames.reciprocalCodes.has(d.code)) return [d];
  return d.sources.map((s) => ({
    ...d,
    sources: [s],
    targets: d.sources.filter((o) => o !== s),
    reasons: [...d.reasons, `done with each other: '${s.name}' with ${names(d.sources.filter((o) => o !== s))} (one event each way)`],
  }));
}

/**
 * "destroyed a platform in the Gulf and struck at a second on Monday": two verbs joined by
 * "and" share what they govern, so each takes the place or time only the other names.
 */
function conjunctsShareWhereAndWhen(drafts: readonly Draft[], tree: SyntaxTree, base: number, tokens: readonly Token[]): void {
  for (const second of drafts) {
    if (second.absorbedBy || second.trigger.kind !== 'verb' || relation(tree, base + second.trigger.head) !== 'conj') continue;
    const first = drafts.find((d) => d !== second && !d.absorbedBy && d.trigger.kind === 'verb' && base + d.trigger.head === head(tree, base + second.trigger.head));
    if (!first || first.modality !== second.modality) continue;
    const shared = (from: Draft) => `shared with '${tokens[from.trigger.head]!.norm}', the verb it is joined to`;
    if (!second.place && first.place) [second.place, second.placeLevel] = [first.place, shared(first)];
    else if (!first.place && second.place) [first.place, first.placeLevel] = [second.place, shared(second)];
    if (!second.time && first.time) [second.time, second.timeLevel] = [first.time, shared(first)];
    else if (!first.time && second.time) [first.time, first.timeLevel] = [second.time, shared(second)];
  }
}

/** The host event takes the place and time its absorbed part names when it names none itself. */
function inheritWhereAndWhen(host: Draft, part: Draft, level: string): void {
  if (!host.place && part.place) {
    host.place = part.place;
    host.placeLevel = level;
  }
  if (!host.time && part.time) {
    host.time = part.time;
    host.timeLevel = level;
  }
}

/** Folds a result verb into its nominal event: targets, counts, and place or time it lacked. */
function absorb(to: Draft, part: Draft, tokens: readonly Token[]): void {
  let host = to;
  while (host.absorbedBy) host = host.absorbedBy;
  if (host === part) return;
  part.absorbedBy = host;
  for (const t of part.targets) if (!host.targets.some((h) => same(h, t))) host.targets.push(t);
  for (const m of part.magnitudes) if (!host.magnitudes.some((h) => h.span.start === m.span.start)) host.magnitudes.push(m);
  inheritWhereAndWhen(host, part, `the clause of '${tokens[part.trigger.head]!.norm}'`);
  host.reasons.push(`'${tokens[part.trigger.head]!.norm}' tells its result (${part.trigger.pattern.code})`);
  host.confidence = Math.min(1, host.confidence + 0.1);
}

function nounExtent(tokens: readonly Token[], chunks: readonly Chunk[], t: Trigger): [number, number] {
  const own = chunks.find((c) => c.from <= t.head && c.to > t.head);
  const from = own ? own.from : t.words[0]!;
  let to = own ? own.to : t.head + 1;
  // Prepositional phrases hang on: "assault in Salahuddin Province on Saturday by Daesh".
  for (;;) {
    const prep = tokens[to];
    if (!prep || !(prep.tag === 'IN' || prep.tag === 'TO') || prep.norm === 'that') break;
    const next = chunks.find((c) => c.from === to + 1);
    if (!next) break;
    to = next.to;
  }
  return [from, to];
}

/** The determiner of a noun, looking past modifiers: "the targeted killings" → "the". */
/** "Friday's attack", "last week's raids": the noun's possessor is a time expression. */
function datedByPossessive(tokens: readonly Token[], noun: number, timeTokens: ReadonlySet<number>): boolean {
  for (let i = noun - 1; i > 0 && i >= noun - 6; i--) {
    const t = tokens[i]!;
    if (t.tag === 'POS') return timeTokens.has(tokens[i - 1]!.index);
    if (!/^(JJ|VBN|VBG|NN|CD)/.test(t.tag)) break;
  }
  return false;
}

function determinerOf(tokens: readonly Token[], noun: number): string {
  for (let i = noun - 1; i >= 0 && i >= noun - 6; i--) {
    const t = tokens[i]!;
    if (t.tag === 'DT' || t.tag === 'PRP$') return t.norm;
    if (!/^(JJ|VBN|VBG|NN|CD|POS)/.test(t.tag)) break;
  }
  return '';
}

function followingRelativeEnd(clauses: readonly Clause[], ci: number): number {
  const next = clauses[ci + 1];
  return next && next.kind === 'relative' ? next.to : clauses[ci]!.to;
}

function nearestEventBefore(triggers: readonly Trigger[], t: Trigger, window: number): Trigger | null {
  let best: Trigger | null = null;
  for (const o of triggers) if (o !== t && o.head < t.words[0]! && t.words[0]! - o.head <= window && ATTACK_ROOTS.has(o.pattern.code.slice(0, 2))) best = o;
  return best;
}

interface Subject {
  readonly group: EventParticipant[];
  readonly host: Trigger | null;
  readonly why: string;
}

/** The noun phrase that ends right before a verb's auxiliaries and adverbs ("the drone was later downed"). */
function chunkEndingBefore(tokens: readonly Token[], chunks: readonly Chunk[], trigger: Trigger): Chunk | undefined {
  let i = trigger.words[0]!;
  while (i > 0 && (tokens[i - 1]!.tag.startsWith('VB') || tokens[i - 1]!.tag === 'MD' || tokens[i - 1]!.tag.startsWith('RB'))) i--;
  return i === trigger.words[0]! ? undefined : chunks.find((c) => c.to === i);
}

function subjectOf(
  tokens: readonly Token[],
  clauses: readonly Clause[],
  ci: number,
  trigger: Trigger,
  chunks: readonly Chunk[],
  participant: (c: Chunk) => EventParticipant | null,
  chunkAt: (i: number) => Chunk | undefined,
  nounTriggerIn: (c: Chunk) => Trigger | undefined,
): Subject {
  const clause = clauses[ci]!;
  const end = trigger.words[0]!;
  const candidates = chunks.filter((c) => c.from >= clause.from && c.to <= end && c.from !== clause.marker && !governingPreposition(tokens, c, chunks));
  // A relative pronoun is the subject only when nothing else stands before the verb.
  const first = candidates[0];
  if (first) {
    const host = nounTriggerIn(first) ?? null;
    if (host && host !== trigger) return { group: [], host, why: `subject '${tokens[host.head]!.norm}' is an event` };
    return { group: group(tokens, chunks, first, end, participant), host: null, why: '' };
  }
  if (clause.kind === 'relative' && clause.marker !== null) return antecedent(tokens, chunks, clause, participant, chunkAt, nounTriggerIn);
  if ((clause.kind === 'coordinate' || clause.kind === 'participle') && ci > 0) {
    // "repelled and downed", ", killing": the earlier clause's subject does this too.
    for (let p = ci - 1; p >= 0; p--) {
      const prev = clauses[p]!;
      const found = tokens.slice(prev.from, prev.to).findIndex((t) => /^VB[DZP]?$/.test(t.tag));
      // A clause without a finite verb is a subject cut off by a parenthesis: "X — known as Y — have".
      const verb = found < 0 ? prev.to - prev.from : found;
      const prevSubject = chunks.find((c) => c.from >= prev.from && c.to <= prev.from + verb && !governingPreposition(tokens, c, chunks));
      if (prevSubject) {
        const host = nounTriggerIn(prevSubject) ?? null;
        return { group: host ? [] : group(tokens, chunks, prevSubject, prev.from + verb, participant), host: null, why: 'subject shared with the clause before' };
      }
    }
  }
  return { group: [], host: null, why: '' };
}

/** The chunk's participant, coordinated ones after it ("X and Y", "X, Y and Z"), and "of X" behind a bare head. */
function group(tokens: readonly Token[], chunks: readonly Chunk[], first: Chunk, limit: number, participant: (c: Chunk) => EventParticipant | null): EventParticipant[] {
  const out: EventParticipant[] = [];
  let c: Chunk | undefined = first;
  let p = participant(first);
  // "a member of the Iraqi parliament", "an official with the PMU", "fighters from the PMF":
  // the named body behind a bare role.
  if ((!p || p.entity === null) && ['of', 'with', 'from'].includes(tokens[first.to]?.norm ?? '')) {
    const behind = chunks.find((x) => x.from === first.to + 1);
    const q = behind && behind.to <= limit ? participant(behind) : null;
    if (q && q.entity !== null) {
      p = q;
      c = behind;
    }
  }
  if (p) out.push(p);
  while (c) {
    let at = c.to;
    // Skip an apposition: "Soleimani, the commander of the Quds Force,".
    const link = tokens[at]?.norm;
    if (link !== 'and' && link !== ',' && !(link === 'as' && tokens[at + 1]?.norm === 'well')) break;
    at += link === 'as' ? 3 : 1;
    if (tokens[at]?.norm === 'and') at++;
    const next = chunks.find((x) => x.from === at);
    if (!next || next.to > limit) break;
    const q = participant(next);
    // "the group's deputy commander, Abu Mahdi al-Muhandis": the name replaces the role.
    if (q && link === ',' && out.at(-1)?.entity === null && q.entity !== null) out[out.length - 1] = q;
    else if (q && !out.some((o) => same(o, q))) out.push(q);
    c = next;
  }
  return out;
}

function antecedent(
  tokens: readonly Token[],
  chunks: readonly Chunk[],
  clause: Clause,
  participant: (c: Chunk) => EventParticipant | null,
  chunkAt: (i: number) => Chunk | undefined,
  nounTriggerIn: (c: Chunk) => Trigger | undefined,
): Subject {
  const marker = tokens[clause.marker!]!;
  const before = chunks.filter((c) => c.to <= clause.marker!).reverse();
  if (marker.norm === 'who' || marker.norm === 'whom') {
    // "Soleimani, the commander of …, and al-Muhandis, the deputy head of PMU, who were":
    // every person named since the last verb.
    let lastVerb = -1;
    for (let i = clause.marker! - 1; i >= 0; i--) {
      if (/^VB/.test(tokens[i]!.tag) && tokens[i]!.entity < 0) {
        lastVerb = i;
        break;
      }
    }
    const persons: EventParticipant[] = [];
    for (const c of before.reverse()) {
      if (c.from <= lastVerb || tokens[c.from - 1]?.norm === 'of') continue;
      const p = participant(c);
      if (p && p.entity !== null && !persons.some((o) => same(o, p))) persons.push(p);
    }
    return { group: persons.slice(-4), host: null, why: `subject: '${marker.norm}' refers to ${names(persons)}` };
  }
  for (const c of before) {
    if (governingPreposition(tokens, c, chunks)?.word === 'in' || governingPreposition(tokens, c, chunks)?.word === 'near') continue;
    const host = nounTriggerIn(c);
    if (host) return { group: [], host, why: `'${marker.norm}' refers to the event '${tokens[host.head]!.norm}'` };
    const p = participant(c);
    return { group: p ? [p] : [], host: null, why: p ? `subject: '${marker.norm}' refers to '${p.name}'` : '' };
  }
  void chunkAt;
  return { group: [], host: null, why: '' };
}

function objectOf(view: DocumentView, tokens: readonly Token[], clause: Clause, trigger: Trigger, chunks: readonly Chunk[], participant: (c: Chunk) => EventParticipant | null): EventParticipant[] {
  const last = trigger.words.at(-1)!;
  const limit = clause.to;
  for (const c of chunks) {
    if (c.from <= last || c.from >= limit) continue;
    if (c.to - c.from === 1 && tokens[c.from]!.tag === 'PRP' && tokens[c.from]!.norm === 'it') return [];
    const prep = governingPreposition(tokens, c, chunks);
    const direct = !prep || prep.at <= last;
    if (isPlaceUse(view, tokens, c, chunks)) continue;
    if (!direct) {
      if (!TARGET_PREPS.has(prep.word)) {
        if (prep.word === 'of' || prep.word === 'for' || prep.word === 'from') continue;
        return [];
      }
    }
    const out = group(tokens, chunks, c, limit, participant);
    // "a Daesh ringleader, called Abu Hajar": the name in apposition is the target.
    const after = c.to;
    if (tokens[after]?.norm === ',' && APPOSITION.has(tokens[after + 1]?.norm ?? '')) {
      const named = chunks.find((x) => x.from > after + 1 && x.from <= after + 3);
      const p = named ? participant(named) : null;
      if (p) return [p];
    }
    if (out.length > 0 || direct) return out;
  }
  return [];
}

/** Quotes, "X said (that)", "according to X": who tells the event, and at least 'reported'. */
function attribute(
  view: DocumentView,
  sentence: SentenceView,
  clauses: readonly Clause[],
  ci: number,
  trigger: Trigger,
  draft: Draft,
  chunks: readonly Chunk[],
  participant: (c: Chunk) => EventParticipant | null,
  tctx: TreeContext | null,
): void {
  const tokens = sentence.tokens;
  const at = tokens[trigger.head]!;
  const quotes = view.doc.layers.quotes ?? [];
  const qi = view.quoteContents.first(at, (i) => quotes[i]!.content.start <= at.start && quotes[i]!.content.end >= at.end);
  const report = (speaker: string | null, actorId: string | null, quote: number | null, why: string) => {
    draft.attribution = { quote, speakerActorId: actorId, speaker };
    if (draft.modality === 'asserted') draft.modality = 'reported';
    draft.reasons.push(why);
  };
  if (qi >= 0 && quotes[qi]!.kind === 'direct') {
    const q = quotes[qi]!;
    report(q.speakerName, q.speakerActorId, qi, `told by ${q.speakerName ?? 'an unnamed speaker'} (quote ${qi})`);
    return;
  }
  // "X led Y to believe that …", "X accused Y of …": X's claim, not the outlet's statement.
  const frame = claimFrameOf(tokens, trigger);
  if (frame && (draft.modality === 'asserted' || draft.modality === 'reported')) {
    const claimant = speechSubject(tokens, chunks, participant, frame.verb);
    report(claimant?.name ?? null, claimant?.actorId ?? null, null, `claim frame ${frame.why}${claimant ? ` by ${claimant.name}` : ''}`);
    draft.modality = 'claimed';
    draft.modalityCue = { start: tokens[frame.verb]!.start, end: tokens[frame.verb]!.end };
    // "accused Iran of seizing": the accused is the source.
    if (frame.kind === 'accuse' && trigger.kind === 'verb' && tokens[trigger.head - 1]?.norm === 'of') {
      const accused = chunks.find((c) => c.from > frame.verb && c.to < trigger.head);
      const p = accused ? participant(accused) : null;
      if (p) {
        draft.sources = [p];
        draft.reasons.push(`source '${p.name}': the one accused`);
      }
    }
    return;
  }
  // "Reagan said he had decided on a response to Friday's Iran attack": the attack is told as
  // known, not as what Reagan reports.
  if (draft.presupposed) {
    draft.reasons.push('definite or dated event noun: told as known, not as what a speaker reports');
    return;
  }
  if (qi >= 0) {
    const q = quotes[qi]!;
    report(q.speakerName, q.speakerActorId, qi, `told by ${q.speakerName ?? 'an unnamed speaker'} (quote ${qi})`);
    return;
  }
  // "according to X" anywhere in the sentence.
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.norm === 'according' && tokens[i + 1]!.norm === 'to') {
      const c = chunks.find((x) => x.from === i + 2);
      const p = c ? participant(c) : null;
      report(p?.name ?? null, p?.actorId ?? null, null, `according to ${p?.name ?? 'a source'}`);
      return;
    }
  }
  if (clauses[ci]!.kind === 'quote' || insideQuotationMarks(tokens, trigger.head)) {
    const speaker = speechSubject(tokens, chunks, participant, -1);
    report(speaker?.name ?? null, speaker?.actorId ?? null, null, `inside quotation marks${speaker ? `, said by ${speaker.name}` : ''}`);
    return;
  }
  // The tree's saying verb: "Iran said its troops had killed", "authorities reported nine dead in an airstrike".
  if (tctx) {
    const teller = tellerOf(tctx, tctx.base + trigger.head);
    if (teller) {
      const verb = tokens[teller.verb - tctx.base]!;
      report(teller.speaker?.name ?? null, teller.speaker?.actorId ?? null, null, `reported: '${verb.norm}'${teller.speaker ? ` by ${teller.speaker.name}` : ''}`);
      return;
    }
  }
  // A reporting verb governing the trigger's clause, before it ("X said that …") or after it ("…, it said").
  const clause = clauses[ci]!;
  for (let i = 0; i < tokens.length; i++) {
    if (!SPEECH.has(tokens[i]!.norm) || !tokens[i]!.tag.startsWith('VB')) continue;
    const before = i < clause.from;
    const after = i > clause.to - 1 && tokens.slice(clause.to, i).some((t) => t.norm === ',');
    if (!before && !after) continue;
    const speaker = speechSubject(tokens, chunks, participant, i);
    report(speaker?.name ?? null, speaker?.actorId ?? null, null, `reported: '${tokens[i]!.norm}'${speaker ? ` by ${speaker.name}` : ''}`);
    if (tokens[i]!.norm === 'claimed' || tokens[i]!.norm === 'alleged' || tokens[i]!.norm === 'claims') draft.modality = draft.modality === 'reported' ? 'claimed' : draft.modality;
    return;
  }
}

function insideQuotationMarks(tokens: readonly Token[], i: number): boolean {
  let open = false;
  const scare = scareQuotes(tokens);
  for (let j = 0; j < i; j++) {
    if (scare.has(j)) continue;
    const n = tokens[j]!.norm;
    if (n === '“') open = true;
    else if (n === '”') open = false;
    else if (n === '"') open = !open;
  }
  return open;
}

/** The subject of the reporting verb at `verb`, or of the sentence's first reporting verb. */
function speechSubject(tokens: readonly Token[], chunks: readonly Chunk[], participant: (c: Chunk) => EventParticipant | null, verb: number): EventParticipant | null {
  let v = verb;
  if (v < 0) v = tokens.findIndex((t) => SPEECH.has(t.norm) && t.tag.startsWith('VB'));
  if (v < 0) return null;
  // Nearest actor chunk before the verb ("Khazali pointed out"), else after ("said Khazali").
  const before = chunks.filter((c) => c.to <= v && v - c.to <= 3).reverse();
  for (const c of before) {
    const p = participant(c);
    if (p) return p;
  }
  const after = chunks.find((c) => c.from > v && c.from - v <= 2);
  return after ? participant(after) : null;
}

/** "he"/"she", "him"/"her": the last person named in this paragraph or the one before. */
function pronounAntecedent(view: DocumentView, sentence: SentenceView, facts: ActorFacts, frames: EventFrameWords): EventParticipant | null {
  const entities = view.doc.layers.entities ?? [];
  const paragraphs = view.doc.layers.paragraphs ?? [];
  const floor = paragraphs[Math.max(0, sentence.paragraph - 1)]?.start ?? 0;
  const pronoun = sentence.tokens.find((t) => frames.personPronouns.has(t.norm) && t.tag === 'PRP');
  if (!pronoun) return null;
  // The nearest person named before the pronoun: in its own sentence first ("Baghdadi died after
  // he detonated a vest, according to the President": not the President, named after it).
  // Entities are in text order: the last one starting before the pronoun is found by bisection.
  let before = 0;
  for (let hi = entities.length; before < hi; ) {
    const mid = (before + hi) >> 1;
    if (entities[mid]!.start < pronoun.start) before = mid + 1;
    else hi = mid;
  }
  for (let e = before - 1; e >= 0; e--) {
    const ent = entities[e]!;
    if (ent.start >= pronoun.start) continue;
    if (ent.start < floor) break;
    if (ent.type !== 'PERSON') continue;
    const first = view.actorsOfEntity.get(e)?.[0];
    const link = first === undefined ? undefined : view.doc.layers.actors![first];
    return {
      span: { start: pronoun.start, end: pronoun.end },
      entity: null,
      actorId: link?.actorId ?? null,
      name: link?.name ?? view.doc.text.slice(ent.start, ent.end),
      cameo: link ? (facts.cameo(link.actorId) ?? null) : null,
    };
  }
  return null;
}

/**
 * A question verb told of the one asked, with its clause or phrase opening with a question word:
 * "was asked why …", "Asked about …". Told of the asker ("Kuwait had asked if protection could
 * be provided") it is a request.
 */
function asksAQuestion(tree: SyntaxTree, g: number, frames: EventFrameWords): boolean {
  if (!frames.questionVerbs.has(tree.nodes[g]!.lemma.toLowerCase()) || children(tree, g).some((c) => tree.nodes[c]!.rel === 'nsubj')) return false;
  return children(tree, g).some((c) => {
    const rel = relation(tree, c);
    if (!['ccomp', 'advcl', 'obl', 'xcomp', 'csubj'].includes(rel)) return false;
    const first = tree.nodes[tree.first[c]!]!;
    return frames.questionOpeners.has(first.lemma.toLowerCase()) || frames.questionOpeners.has(caseMarker(tree, c) ?? '');
  });
}

/**
 * "a city that has seen civil war, suicide bombings and bombardment by Israel": bare event nouns
 * as the object of a perfect "has seen", "has known" tell a place's history, not an event. A
 * noun with a determiner or a possessor ("has seen the worst attack in years") may be one.
 */
function toldAsHistory(tree: SyntaxTree, g: number, frames: EventFrameWords): boolean {
  let n = g;
  while (relation(tree, n) === 'conj') n = head(tree, n);
  const verb = head(tree, n);
  if (verb === -1 || relation(tree, n) !== 'obj' || !frames.historyVerbs.has(tree.nodes[verb]!.lemma.toLowerCase())) return false;
  const perfect = childrenWith(tree, verb, 'aux').some((a) => tree.nodes[a]!.lemma.toLowerCase() === 'have');
  return perfect && childWith(tree, g, ['det', 'nmod:poss']) === -1;
}

function same(a: EventParticipant, b: EventParticipant): boolean {
  return (a.actorId !== null && a.actorId === b.actorId) || (a.span.start === b.span.start && a.span.end === b.span.end);
}

function names(ps: readonly EventParticipant[]): string {
  return ps.length === 0 ? 'none' : ps.map((p) => `'${p.name}'${p.cameo ? ` (${p.cameo})` : ''}`).join(' and ');
}

function finish(doc: Document, d: Draft): Span & EventAttrs {
  const tokens = d.sentence.tokens;
  const code = d.code;
  const plover = ploverOf(code, d.modality === 'planned');
  const time = d.time ? doc.layers.times?.[d.time.index] : undefined;
  const span = time && d.time ? dateSpan(times(doc), d.sentence, d.time, d.sentence.tokens) : null;
  const range = span ?? (time ? dateRange(time.value) : { date: null, dateEnd: null });
  const place = d.place ? doc.layers.places?.[d.place.index] : undefined;
  const reasons = [...d.reasons];
  if (place) reasons.push(`place '${place.name}' introduced by a preposition in ${d.placeLevel}`);
  else reasons.push('no place introduced by a locative preposition in the phrase, clause or sentence');
  if (time) reasons.push(`date ${time.value} from '${doc.text.slice(time.start, time.end)}' in ${d.timeLevel}`);
  else reasons.push('no date in the clause or sentence; the publication date is not assumed');
  let confidence = d.confidence * 0.55;
  if (d.sources.length > 0) confidence += 0.2;
  if (d.targets.length > 0) confidence += 0.1;
  if (place) confidence += 0.05;
  if (time) confidence += 0.05;
  if (d.modality === 'hypothetical') confidence *= 0.7;
  if (d.timeLevel === 'its sentence' || d.placeLevel === 'its sentence') confidence -= 0.05;
  if (d.timeLevel.startsWith(NARRATIVE_LEVEL)) confidence -= 0.05;
  const first = tokens[d.trigger.words[0]!]!;
  const last = tokens[d.trigger.words.at(-1)!]!;
  return {
    start: d.sentence.span.start,
    end: d.sentence.span.end,
    code,
    rootCode: code.slice(0, 2),
    plover: plover.event,
    ploverMode: plover.mode,
    trigger: { start: first.start, end: last.end },
    sources: d.sources,
    targets: d.targets,
    place: place && d.place ? { span: { start: place.start, end: place.end }, placeIndex: d.place.index } : null,
    time: time && d.time ? { span: { start: time.start, end: time.end }, timeIndex: d.time.index } : null,
    date: range.date,
    dateEnd: range.dateEnd,
    datePrecision: time?.precision ?? null,
    modality: d.modality,
    modalityCue: d.modalityCue,
    attribution: d.attribution,
    magnitudes: d.magnitudes,
    confidence: Math.round(Math.max(0.05, Math.min(0.95, confidence)) * 100) / 100,
    reason: reasons.join('; '),
  };
}

/**
 * Who made the threat a quote holds: the chunk of this sentence that names the quote's
 * speaker ("a Soviet foreign ministry official"), or the registry's actor the quote resolved
 * its speaker to ("he" of a sentence before). Null when neither names an actor.
 */
function threatSpeaker(
  view: DocumentView,
  sentence: SentenceView,
  chunks: readonly Chunk[],
  participant: (c: Chunk) => EventParticipant | null,
  quote: number,
): EventParticipant | null {
  const q = view.doc.layers.quotes?.[quote];
  if (!q?.speaker) return null;
  const { start } = q.speaker;
  const tokens = sentence.tokens;
  const chunk = chunks.find((c) => tokens[c.from]!.start <= start && tokens[c.to - 1]!.end > start);
  const p = chunk ? participant(chunk) : null;
  if (p && (p.actorId !== null || p.cameo !== null)) return p;
  return null;
}

/**
 * May the subject of a threat's verb stand for its speaker? A noun that named an actor would
 * already be the source, so any other noun ("any attack … will bring a response") leaves the
 * speaker as the one who threatens; a pronoun must fit the speaker: "it" or "they" a body,
 * "he" or "she" a person, "I" or "we" only inside the speaker's own quotation marks.
 */
function pronounMayBeSpeaker(subject: SyntaxTree['nodes'][number], speaker: EventParticipant, k: EventKnowledge, quoted: boolean): boolean {
  if (subject.tag !== 'PRP') return true;
  const pronoun = subject.lemma.toLowerCase();
  if (k.frames.speakerPronouns.has(pronoun)) return quoted;
  const person = speaker.actorId !== null && k.facts.isPerson(speaker.actorId);
  if (k.frames.referringPronouns.has(pronoun)) return speaker.actorId !== null && !person;
  return person;
}

/**
 * The place a "where" clause follows ("in Baghdad, where …", "the town where …"), or the time a
 * "when" clause follows ("on August 25, when …"): the clause's verb (the trigger, or the verb a
 * noun trigger hangs from) has the opener before it, and a candidate ends right before that word
 * or its comma. Null when there is none.
 */
function placeBeforeWhere(tree: SyntaxTree, base: number, at: number, places: readonly Candidate[], opener: 'where' | 'when'): Candidate | null {
  let verb = base + at;
  for (let up = 0; up < 3 && verb !== -1 && !tree.nodes[verb]!.tag.startsWith('VB'); up++) verb = head(tree, verb);
  if (verb === -1) return null;
  const where = children(tree, verb).find((c) => c < verb && tree.nodes[c]!.lemma.toLowerCase() === opener && tree.nodes[c]!.tag === 'WRB');
  if (where === undefined) return null;
  let end = where - base - 1;
  if (tree.nodes[end + base]?.lemma === ',') end--;
  return places.find((c) => c.to - 1 === end) ?? null;
}

/** Relations of a word that modifies the noun after it. */
const PRENOMINAL = new Set(['compound', 'amod', 'nummod', 'nmod', 'nmod:poss', 'nmod:tmod']);

/**
 * "rejected its first half 1987 quota": a time before a noun that is no event dates that
 * thing (the quota), not the act done to it. "the March 27 attack" dates its event noun.
 */
function datesAThing(tree: SyntaxTree, first: number, last: number, isEvent: (noun: number) => boolean): boolean {
  const h = spanHead(tree, first, last);
  if (h === -1 || !PRENOMINAL.has(relation(tree, h))) return false;
  // "In March President Reagan announced", "said today troops killed": a time after a
  // preposition or a verb, or opening the sentence, is the clause's, however the parse hangs it.
  const before = tree.nodes[first - 1];
  if (!before || before.tag === 'IN' || before.tag.startsWith('VB') || tree.heads[first - 1] === -1) return false;
  const noun = head(tree, h);
  return noun > last && tree.nodes[noun]!.tag.startsWith('NN') && !isEvent(noun);
}

/** Whether a span lies within the speaker or the intermediary of a quote. */
function namesASpeaker(view: DocumentView, span: Span): boolean {
  return (view.doc.layers.quotes ?? []).some((q) => [q.speaker, q.via?.span ?? null].some((s) => s !== null && span.start >= s.start && span.end <= s.end));
}
