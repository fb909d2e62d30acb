import type { Command } from 'commander';
import type { Analyzer } from '../pipeline/analyze-article.js';
import type { Store } from '../store/open-store.js';

/**
 * What every command gets from `main`: the global options, the store and the analyzer, each
 * loaded only when a command asks for it, so that a command's module stays cheap to import
 * (its help is printed without loading the store, the models or the gazetteer).
 */
export interface CliContext {
  /** The store target: --db, else $DOSSIER_DB, else ./dossier.db. */
  readonly storeTarget: () => Promise<string>;
  readonly openStore: () => Promise<Store>;
  /** Opens the store, does one thing, and closes it whatever happens. */
  readonly withStore: (work: (store: Store) => Promise<void>) => Promise<void>;
  /** --registry, else $DOSSIER_REGISTRY split by the path delimiter. */
  readonly registryFiles: () => string[];
  /** The models, gazetteer and registry, for the commands that analyse text: loaded by the first article analysed (or `knowledge.preload()`). */
  readonly analyzer: () => Promise<Analyzer>;
  /** Marks the run as exit code 1: some inputs failed. */
  readonly someInputsFailed: () => void;
}

/** A command's module: adds its arguments, options, help and action to the command main made. */
export type DefineCommand = (command: Command, context: CliContext) => void;
