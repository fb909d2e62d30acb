// events helper: the events stage's knowledge (registry facts + event dictionary).
import { createEventKnowledge } from '../events/event-knowledge.js';
import { foldKey, nameKey } from '../knowledge/actors/actor-names.js';
import type { Actor } from '../knowledge/actors/actor-schema.js';
import { findAliasMentions, lookupActorName } from '../knowledge/actors/alias-index.js';
import { demonymCountry } from '../knowledge/actors/country-actors.js';
import { loadActorRegistry } from '../knowledge/actors/load-registry.js';
import { loadCasingWords } from '../knowledge/casing-words.js';
import { loadDocumentFrequencies } from '../knowledge/document-frequencies.js';
import { type Gazetteer, loadGazetteer, lookupPlace } from '../knowledge/gazetteer/gazetteer.js';
import type { Knowledge, KnowledgeOptions } from '../knowledge/knowledge.js';
import groupWords from '../knowledge/lexicon/group-words.json' with { type: 'json' };
import type { ActorKnowledge } from '../nlp/actors/resolve-actors.js';
import type { EntityKnowledge } from '../nlp/entities/entities-stage.js';
import { loadNerModel, recognizeEntities } from '../nlp/ner/recognize.js';
import { classifyPlaceType, entityTypeOfKind } from '../nlp/places/place-type.js';
import { loadSyntaxModel } from '../nlp/syntax/syntax-model.js';
import { type ActorRecord, newActorRecord } from '../store/mentions-repository.js';
import type { EntityType } from '../text/document.js';

/*
 * Loads the knowledge once and builds from it the views each stage reads. The views call stage
 * code (the entity tagger, the place classifier, the event coder), which is why they are
 * assembled here, above the stages, and not in src/knowledge.
 */

const ENTITY_TYPE_OF_ACTOR: Record<Actor['type'], EntityType> = {
  person: 'PERSON',
  organization: 'ORG',
  state: 'GPE',
  group: 'ORG',
  norp: 'NORP',
};

const NORP_WORDS = new Set(groupWords.words);

/** Case, diacritics, the article and doubled letters do not count; vowels still do. */
export function newActorKey(name: string): string {
  return nameKey(name).replace(/(\p{L})\1+/gu, '$1');
}

export function loadKnowledge(options: KnowledgeOptions = {}): Knowledge {
  const registry = loadActorRegistry({ extraFiles: options.registryFiles ?? [] });
  // Read on first use and kept by this object: the one copy the process has.
  let gazetteerLoaded: Gazetteer | undefined;
  const places = (): Gazetteer => {
    gazetteerLoaded ??= loadGazetteer();
    return gazetteerLoaded;
  };
  const ner = loadNerModel();
  const syntax = loadSyntaxModel();
  const capitals = new Map<string, string>();
  const countryNames = new Map<string, string>();
  for (const a of registry.actors.values()) {
    if (a.type !== 'state' || !a.country) continue;
    // "Washington D.C." is "Washington" when it stands for the government.
    if (a.capital) for (const c of [a.capital, a.capital.replace(/,?\s*D\.?\s?C\.?$/, '')]) capitals.set(nameKey(c), a.country);
    // Exact keys, not transliteration folds: short country names collide when folded.
    for (const n of [a.name, ...a.aliases]) countryNames.set(nameKey(n), a.country);
  }
  const actorFacts = (id: string) => {
    const a = registry.actors.get(id);
    return a ? { id: a.id, name: a.name, type: a.type, country: a.country } : undefined;
  };
  // Every name the tagger finds is typed by a gazetteer lookup; the same names recur.
  const placeTypes = new Map<string, ReturnType<EntityKnowledge['placeType']>>();
  const curatedPlaceTypes = new Map<string, ReturnType<EntityKnowledge['curatedPlaceType']>>();
  const entities: EntityKnowledge = {
    recognize: (doc) => recognizeEntities(ner, doc),
    aliasMentions: (doc) =>
      findAliasMentions(registry, doc).map((m) => {
        const first = registry.actors.get(m.actorIds[0] ?? '');
        return { start: m.start, end: m.end, exact: m.exact, type: first ? ENTITY_TYPE_OF_ACTOR[first.type] : 'ORG' };
      }),
    placeType: (name) => remember(placeTypes, name, () => classifyPlaceType(places(), name)),
    curatedPlaceType: (name) =>
      remember(curatedPlaceTypes, name, () => {
        const site = lookupPlace(places(), name).find((c) => c.curated && c.match === 'name');
        return site ? entityTypeOfKind(site.kind) : null;
      }),
    isNorp: (word) => NORP_WORDS.has(word.toLowerCase()) || demonymCountry(word) !== null,
  };
  // Names recur across a corpus, and a miss costs an edit-distance scan of the registry.
  const lookups = new Map<string, ReturnType<typeof lookupActorName>>();
  const lookup = (name: string): ReturnType<typeof lookupActorName> => {
    let found = lookups.get(name);
    if (!found) {
      if (lookups.size >= 100_000) lookups.clear();
      found = lookupActorName(registry, name);
      lookups.set(name, found);
    }
    return found;
  };
  const actors: ActorKnowledge = {
    lookup,
    actor: actorFacts,
    countryActor: (iso3) => (registry.actors.has(`cc-${iso3.toLowerCase()}`) ? `cc-${iso3.toLowerCase()}` : undefined),
    governmentActor: (iso3) => (registry.actors.has(`${iso3.toLowerCase()}-gov`) ? `${iso3.toLowerCase()}-gov` : undefined),
    countryOfName: (name) => countryNames.get(nameKey(name)),
    capitalOf: (name) => capitals.get(nameKey(name)),
    demonymCountry: (word) => demonymCountry(word) ?? undefined,
    foldName: (name) => foldKey(name),
    newActorKey,
  };
  const describeActor = (id: string, surface: string, entityType: string): ActorRecord => {
    const a = registry.actors.get(id);
    if (a) {
      return {
        id,
        name: a.name,
        type: a.type,
        country: a.country,
        sector: a.sector,
        cameo: a.cameo,
        wikidata: a.wikidata ?? null,
        origin: 'registry',
        aliases: a.aliases,
        memberOf: a.memberOf,
        roles: a.roles,
      };
    }
    return newActorRecord(id, surface, entityType);
  };
  // events helper: country words for participant codes ("Israeli", "Syria", "Washington").
  const events = createEventKnowledge(registry, (w) => actors.countryOfName(w) ?? actors.demonymCountry(w) ?? actors.capitalOf(w), {
    extraFiles: options.eventDictionaryFiles ?? [],
  });
  return {
    registry,
    get gazetteer() {
      return places();
    },
    ner,
    syntax,
    casing: loadCasingWords(),
    entities,
    actors,
    describeActor,
    events,
    documentFrequencies: loadDocumentFrequencies(),
    preload: () => {
      places();
    },
  };
}

/** The value memo holds for key, else make()'s, kept; the memo is emptied when it holds 100,000. */
function remember<T>(memo: Map<string, T>, key: string, make: () => T): T {
  if (memo.has(key)) return memo.get(key) as T;
  const value = make();
  if (memo.size >= 100_000) memo.clear();
  memo.set(key, value);
  return value;
}
