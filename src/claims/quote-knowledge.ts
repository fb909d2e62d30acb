import type { Knowledge } from '../knowledge/knowledge.js';

/** What the quote finder asks of the actor registry: an actor's kind and sector. */
export interface QuoteKnowledge {
  readonly actor: (id: string) => QuoteActorFacts | undefined;
}

export interface QuoteActorFacts {
  readonly name: string;
  /** person, organization, state, group, norp. */
  readonly type: string;
  /** militia, media, government... */
  readonly sector: string;
}

/** The narrow view of the loaded knowledge that the quotes stage uses. */
export function quoteKnowledgeOf(knowledge: Knowledge): QuoteKnowledge {
  return {
    actor: (id) => {
      const a = knowledge.registry.actors.get(id);
      return a ? { name: a.name, type: a.type, sector: a.sector } : undefined;
    },
  };
}
