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
