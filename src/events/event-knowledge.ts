import type { ActorRegistry } from '../knowledge/actors/load-registry.js';
import { loadEventFrameWords } from '../knowledge/events/event-frames.js';
import { type LoadDictionaryOptions, loadEventDictionary } from '../knowledge/events/load-dictionary.js';
import type { EventKnowledge } from './events-stage.js';

/**
 * What the events stage knows, built from the actor registry and the event dictionary:
 * the registry's CAMEO codes, countries and sectors, and country words.
 */
export function createEventKnowledge(
  registry: ActorRegistry,
  countryOfWord: (word: string) => string | undefined,
  options: LoadDictionaryOptions = {},
): EventKnowledge {
  const actor = (id: string) => registry.actors.get(id);
  return {
    dictionary: loadEventDictionary(options),
    frames: loadEventFrameWords(),
    facts: {
      cameo: (id) => actor(id)?.cameo ?? null,
      country: (id) => actor(id)?.country ?? null,
      sector: (id) => actor(id)?.sector ?? null,
      countryOfWord: (word) => countryOfWord(word) ?? null,
      hasActor: (id) => registry.actors.has(id),
      isPerson: (id) => actor(id)?.type === 'person',
      memberCameo: (id) => {
        for (const group of actor(id)?.memberOf ?? []) {
          const code = actor(group)?.cameo;
          if (code) return code;
        }
        return null;
      },
    },
  };
}
