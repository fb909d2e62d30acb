import type { EventKnowledge } from '../events/events-stage.js';
import type { ActorKnowledge } from '../nlp/actors/resolve-actors.js';
import type { EntityKnowledge } from '../nlp/entities/entities-stage.js';
import type { NerModel } from '../nlp/ner/recognize.js';
import type { SyntaxModel } from '../nlp/syntax/syntax-model.js';
import type { ActorRecord } from '../store/mentions-repository.js';
import type { CasingWords } from '../text/casing.js';
import type { ActorRegistry } from './actors/load-registry.js';
import type { DocumentFrequencies } from './document-frequencies.js';
import type { Gazetteer } from './gazetteer/gazetteer.js';

// What the stages are handed. Only types come from the stages and the store: the views are
// built from this module's data in pipeline/load-knowledge.ts, so knowledge stays a leaf.

/**
 * Everything the analysis stages know, loaded once: the actor registry (shipped data plus
 * the user's files), the gazetteer and the tagger's weights. Stages get narrow views of it.
 */
export interface Knowledge {
  readonly registry: ActorRegistry;
  readonly gazetteer: Gazetteer;
  readonly ner: NerModel;
  /** Tagger, lemmatizer and dependency parser weights. */
  readonly syntax: SyntaxModel;
  /** Which capitals are the source's artefact (lexicon/casing-words.json). */
  readonly casing: CasingWords;
  readonly entities: EntityKnowledge;
  readonly actors: ActorKnowledge;
  /** The facts the store keeps for an actor id, registry or new. */
  readonly describeActor: (id: string, surface: string, entityType: string) => ActorRecord;
  /** events helper: the event dictionary and the actor facts the events stage codes with. */
  readonly events: EventKnowledge;
  /** How rare each word is in news: story clustering weighs words by it. */
  readonly documentFrequencies: DocumentFrequencies;
  /** Loads now what is otherwise loaded on first use (the gazetteer): a long-running process does it before its first job. */
  readonly preload: () => void;
}

export interface KnowledgeOptions {
  /** User registry files (YAML or JSON) applied over the shipped actors, in order. */
  readonly registryFiles?: readonly string[];
  /** events helper: user event dictionaries (YAML or JSON) applied over the shipped one, in order. */
  readonly eventDictionaryFiles?: readonly string[];
}
