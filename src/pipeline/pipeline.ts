import type { Document, LayerName, Layers } from '../text/document.js';
import type { Stage } from './stage.js';

export interface Pipeline {
  readonly stages: readonly Stage[];
  run(doc: Document): Document;
}

/**
 * Checks the order once, at build time: a stage whose input no earlier stage assigns, or two
 * stages claiming one layer, fail here rather than halfway through a batch.
 */
export function createPipeline(stages: readonly Stage[], given: readonly LayerName[] = []): Pipeline {
  const owners = new Map<LayerName, string>();
  const available = new Set<LayerName>(given);
  for (const stage of stages) {
    for (const need of stage.requires) {
      if (!available.has(need)) {
        throw new Error(`pipeline: stage "${stage.name}" requires layer "${need}", which no earlier stage assigns`);
      }
    }
    const owner = owners.get(stage.assigns);
    if (owner !== undefined || given.includes(stage.assigns)) {
      throw new Error(`pipeline: stages "${owner ?? 'input'}" and "${stage.name}" both assign "${stage.assigns}"`);
    }
    owners.set(stage.assigns, stage.name);
    available.add(stage.assigns);
  }
  const frozen = Object.freeze([...stages]);
  return Object.freeze({
    stages: frozen,
    run(doc: Document): Document {
      let current = doc;
      for (const stage of frozen) {
        const layer = stage.run(current);
        const layers: Partial<Layers> = { ...current.layers, [stage.assigns]: layer };
        current = { ...current, layers };
      }
      return current;
    },
  });
}
