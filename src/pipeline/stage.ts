import type { Document, LayerName, Layers } from '../text/document.js';

/**
 * A pipeline stage: configured once, then a pure function of the Document that returns
 * its one layer. The runner attaches it; a stage never mutates the Document.
 */
export interface Stage<N extends LayerName = LayerName> {
  readonly name: string;
  /** Recorded with stored layers, so a re-run can tell which stage version made them. */
  readonly version: string;
  readonly requires: readonly LayerName[];
  readonly assigns: N;
  run(doc: Document): Layers[N];
}

/** What is known of a stage before it is built: enough to order a pipeline and to tell stored layers up to date. */
export type StageHead<N extends LayerName = LayerName> = Omit<Stage<N>, 'run'>;

/**
 * A stage known by its head now and built at its first run, so that the knowledge it is built
 * from loads only once an article needs it: an ingest whose articles are all known loads none.
 */
export function deferStage<N extends LayerName>(head: StageHead<N>, build: () => Stage<N>): Stage<N> {
  let built: Stage<N> | undefined;
  const stage = (): Stage<N> => {
    if (built) return built;
    const made = build();
    // The head is restated by the factory; a stage that drifted from it would store layers under a wrong version.
    if (made.name !== head.name || made.version !== head.version || made.assigns !== head.assigns || made.requires.join() !== head.requires.join()) {
      throw new Error(`pipeline: stage "${made.name}" ${made.version} built under the head of "${head.name}" ${head.version}`);
    }
    built = made;
    return made;
  };
  return { ...head, run: (doc) => stage().run(doc) };
}
