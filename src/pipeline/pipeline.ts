import type { Document, LayerName, Layers } from '../text/document.js';
import type { Stage } from './stage.js';

/**
 * How a run of the stages is stopped before its end: `signal` is checked before each stage,
 * after a turn of the event loop (where a signal's listener runs, SIGTERM's among them), and
 * `within` runs each stage's pure function, so that a caller may end a stage from outside
 * (the CLI's Ctrl-C, src/cli/sigint-breaker.ts). A stopped run throws and returns no Document.
 */
export interface StageInterrupt {
  readonly signal: AbortSignal;
  /** Runs `run` and returns what it returns, or throws to stop (then `signal` is aborted). Default: runs it. */
  readonly within?: <T>(run: () => T) => T;
}

export interface Pipeline {
  readonly stages: readonly Stage[];
  run(doc: Document): Document;
  /** The same Document as run, a stage at a time, stopped between two stages (or within one) by `interrupt`. */
  runInterruptibly(doc: Document, interrupt: StageInterrupt): Promise<Document>;
}

const attach = (doc: Document, stage: Stage, layer: Layers[LayerName]): Document => {
  const layers: Partial<Layers> = { ...doc.layers, [stage.assigns]: layer };
  return { ...doc, layers };
};

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
      for (const stage of frozen) current = attach(current, stage, stage.run(current));
      return current;
    },
    async runInterruptibly(doc: Document, { signal, within = (run) => run() }: StageInterrupt): Promise<Document> {
      let current = doc;
      for (const stage of frozen) {
        await new Promise((resolve) => setImmediate(resolve));
        signal.throwIfAborted();
        const input = current;
        current = attach(input, stage, within(() => stage.run(input)));
      }
      return current;
    },
  });
}
