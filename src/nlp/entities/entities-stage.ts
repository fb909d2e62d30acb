import type { Stage, StageHead } from '../../pipeline/stage.js';
import type { Document, EntityAttrs, EntityType, Layers, Span } from '../../text/document.js';
import { spanBlocks } from '../../text/span-blocks.js';
import { lexiconSpans } from './lexicon-spans.js';

/** What the entities stage needs to know; src/knowledge/knowledge.ts supplies it. */
export interface EntityKnowledge {
  /** The statistical tagger's spans (CoNLL types). */
  readonly recognize: (doc: Document) => ReadonlyArray<Span & { readonly type: 'PER' | 'ORG' | 'LOC' | 'MISC'; readonly confidence: number }>;
  /** Registry aliases found in the text, with the entity type their actor implies. */
  readonly aliasMentions: (doc: Document) => ReadonlyArray<Span & { readonly type: EntityType; readonly exact: boolean }>;
  /** GPE, LOC or FAC for a place name the gazetteer knows. */
  readonly placeType: (name: string) => 'GPE' | 'LOC' | 'FAC' | null;
  /** The same, only for the hand-curated sites (bases, zones, crossings), which no person shares a name with. */
  readonly curatedPlaceType: (name: string) => 'GPE' | 'LOC' | 'FAC' | null;
  /** True for "Iraqi", "Shiite", "Kurds": nationalities, religious and ethnic groups. */
  readonly isNorp: (word: string) => boolean;
}

type Entity = Span & EntityAttrs;

const FAC_WORDS = /\b(base|airbase|air base|airport|camp|bridge|embassy|consulate|palace|prison|hospital|port|crossing|checkpoint|dam|refinery|field|plant|compound|headquarters|square|mosque|shrine|university|stadium|tower|building)\b/i;
const LOC_WORDS = /\b(river|desert|mountains?|valley|sea|gulf|strait|lake|plain|peninsula|region|heights|coast|island|islands|basin|corridor)\b/i;

/** Maps a CoNLL label to our types, asking the gazetteer and lexicons where CoNLL is coarse. */
/** Words that make a name a place whatever the model said: "Wadi Houran", "Anbar Province". */
const PLACE_HEAD = /^(Wadi|Jabal|Jebel|Mount|Mt\.|Lake|Camp|Fort|Cape|Lake|Gulf of|Strait of|Sea of)\s/;
const PLACE_TAIL = /\s(River|Sea|Strait|Desert|Valley|Mountains|Air Base|Airbase|Airport|Base|Border Crossing|Crossing)$/;
const UNIT_TAIL = /^(.+?)\s+(Province|Governorate|Governate|District|Region|County|Prefecture|Oblast)$/;

export function refineType(k: EntityKnowledge, label: 'PER' | 'ORG' | 'LOC' | 'MISC', text: string): EntityType {
  const unit = UNIT_TAIL.exec(text);
  if (unit && (k.placeType(unit[1]!) !== null || k.placeType(text) !== null)) return 'GPE';
  if (label !== 'LOC' && PLACE_HEAD.test(text)) return /^(Camp|Fort)\s/.test(text) ? 'FAC' : 'LOC';
  if (label !== 'LOC' && PLACE_TAIL.test(text)) return FAC_WORDS.test(text) ? 'FAC' : 'LOC';
  if (label === 'PER' || label === 'ORG') {
    // The model has seen few bases and zones: "Green Zone" looks like a name to it. Sites and
    // natural features win; towns do not, since so many people share a town's name.
    const place = k.curatedPlaceType(text) ?? k.placeType(text);
    if (place === 'FAC' || place === 'LOC' || (place === 'GPE' && k.curatedPlaceType(text))) return place;
    return label === 'PER' ? 'PERSON' : 'ORG';
  }
  if (label === 'LOC') {
    const known = k.placeType(text);
    if (known) return known;
    if (FAC_WORDS.test(text)) return 'FAC';
    if (LOC_WORDS.test(text)) return 'LOC';
    return 'GPE';
  }
  // "Iraqi Kurds", "Bosnian Serbs": a people named by peoples' words only is a people too.
  if (k.isNorp(text) || text.split(/\s+/).every((w) => k.isNorp(w))) return 'NORP';
  return 'MISC';
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const length = (s: Span): number => s.end - s.start;

/**
 * Entity mentions from three sources, in order of trust for spans: registry aliases that
 * are longer than (or equal to) what the model found, the model's spans, then lexicon spans
 * (titles, laws, events) where nothing else claimed the text.
 */
export function mergeEntities(doc: Document, k: EntityKnowledge): Entity[] {
  const chosen: Entity[] = [];
  const model = k
    .recognize(doc)
    .flatMap((m) => tidySpan(doc.text, m))
    .map((m): Entity => {
      const text = doc.text.slice(m.start, m.end);
      return { start: m.start, end: m.end, type: refineType(k, m.type, text), confidence: m.confidence, source: 'model' };
    });
  const aliases = k.aliasMentions(doc);
  // Spans are looked up near each other by block (span-blocks.ts), first by list order as a
  // pass over the list finds them: a pass per span was quadratic in the article's length.
  const aliasBlocks = spanBlocks(aliases);
  const chosenBlocks = spanBlocks(chosen);
  const choose = (e: Entity): void => {
    chosen.push(e);
    chosenBlocks.add(chosen.length - 1);
  };
  for (const m of model) {
    // A registry alias that covers the model's span wins the span ("Popular Mobilization Units"
    // over a model span of "Popular Mobilization") and the type: the registry is curated.
    const wider = aliases[aliasBlocks.first(m, (i) => { const a = aliases[i]!; return overlaps(a, m) && a.start <= m.start && a.end >= m.end && length(a) >= length(m); })];
    // So does an alias that starts the span when the rest only says where: "Quds Force of Iran".
    const head = aliases[aliasBlocks.first(m, (i) => { const a = aliases[i]!; return a.start === m.start && a.end < m.end && /^\s+(of|in)\s/.test(doc.text.slice(a.end, m.end)); })];
    const alias = wider ?? head;
    if (alias) {
      choose({ start: alias.start, end: alias.end, type: alias.type, confidence: Math.max(m.confidence, 0.9), source: 'registry' });
    } else {
      choose(m);
    }
  }
  for (const a of aliases) {
    if (chosenBlocks.first(a, (i) => overlaps(chosen[i]!, a)) >= 0) continue;
    choose({ start: a.start, end: a.end, type: a.type, confidence: a.exact ? 0.9 : 0.75, source: 'registry' });
  }
  for (const l of lexiconSpans(doc)) {
    const clash = chosenBlocks.first(l, (i) => overlaps(chosen[i]!, l));
    if (clash < 0) {
      choose({ start: l.start, end: l.end, type: l.type, confidence: 0.8, source: 'rule' });
    } else if ((l.type === 'LAW' || l.type === 'EVENT') && chosen[clash]!.source === 'model' && chosen[clash]!.start >= l.start && chosen[clash]!.end <= l.end) {
      chosen[clash] = { start: l.start, end: l.end, type: l.type, confidence: 0.85, source: 'rule' };
      chosenBlocks.add(clash);
    }
  }
  // Law and event words heading or ending a MISC or ORG span ("Caesar Act", "Act to Combat
  // International Terrorism", "Gulf War").
  const dedup = dedupe(chosen).map((e): Entity => {
    if (e.type !== 'MISC' && !(e.type === 'ORG' && e.source === 'model')) return e;
    const text = doc.text.slice(e.start, e.end);
    if (/^(Act|Law|Bill)\s+(to|on|of|for)\s/.test(text)) return { ...e, type: 'LAW' };
    if (e.type === 'ORG') return e;
    const last = /(\S+)$/.exec(text)?.[1] ?? '';
    if (/^(Act|Law|Bill|Resolution|Agreement|Accords?|Treaty|Deal|Convention|Protocol|Charter|Amendment|Decree|Doctrine)$/.test(last)) return { ...e, type: 'LAW' };
    if (/^(War|Revolution|Uprising|Intifada|Operation|Summit|Conference|Talks|Crisis|Massacre|Offensive|Campaign|Elections?|Referendum|Protests|Olympics|Games|Cup|Spring|Invasion|Siege|Battle)$/.test(last)) return { ...e, type: 'EVENT' };
    return e;
  });
  return dedup;
}

/** Sentence-initial words the model sometimes glues to a name ("What Pompeo"). */
const LEADING_FUNCTION_WORDS = new Set(['What', 'When', 'Why', 'How', 'But', 'And', 'If', 'As', 'So', 'Then', 'While', 'Although', 'Though', 'Meanwhile', 'Also', 'Yet', 'Now', 'Where', 'Whether', 'Since', 'After', 'Before', 'Unlike', 'Like', 'Under', 'Despite']);

type ModelSpan = ReturnType<EntityKnowledge['recognize']>[number];

/**
 * Trims a leading function word and an unclosed parenthesis, and splits at an inner possessive, which the model reads as
 * part of the name: "Department of State’s Diplomatic Security Service" is two names.
 */
function tidySpan(text: string, m: ModelSpan): ModelSpan[] {
  let start = m.start;
  let end = m.end;
  const first = /^(\p{L}+)\s+/u.exec(text.slice(start, end));
  if (first && LEADING_FUNCTION_WORDS.has(first[1]!)) start += first[0].length;
  // "Example Front (Party of Freedom) said": a name ends before a parenthesis it does not close.
  const open = text.slice(start, end).lastIndexOf('(');
  if (open !== -1 && !text.slice(start + open, end).includes(')')) {
    if (text.slice(start, start + open).trim() === '') start += open + 1;
    else end = start + text.slice(start, start + open).trimEnd().length;
  }
  const inner = text.slice(start, end);
  const poss = /[’']s\s+(?=\p{Lu})/u.exec(inner);
  if (poss && poss.index > 0) {
    return [
      { ...m, start, end: start + poss.index },
      { ...m, start: start + poss.index + poss[0].length, end },
    ];
  }
  return start < end ? [{ ...m, start, end }] : [];
}

function dedupe(entities: Entity[]): Entity[] {
  const sorted = [...entities].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Entity[] = [];
  for (const e of sorted) {
    const last = out.at(-1);
    if (last && overlaps(last, e)) continue;
    out.push(e);
  }
  return out;
}

export const ENTITIES_STAGE: StageHead<'entities'> = { name: 'entities', version: '3', requires: ['tokens', 'sentences', 'casing'], assigns: 'entities' };

export function createEntitiesStage(k: EntityKnowledge): Stage<'entities'> {
  return {
    ...ENTITIES_STAGE,
    run: (doc): Layers['entities'] => mergeEntities(doc, k),
  };
}
