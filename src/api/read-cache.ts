/**
 * The answers of the API's reads, kept while the store is unchanged. The store changes only when
 * something is written (an ingest, a review decision, a correction), and then its data version
 * moves: every answer kept from before is dropped at the first look-up that sees the new version.
 * Keyed by the read's name and arguments; the least recently used answer goes first past `maxEntries`.
 */
export interface ReadCache {
  /** The answer kept for `key` at this data version (a copy: the caller may change it), or undefined. */
  get(key: string, version: number): unknown;
  /** Keeps an answer read at `version` (the version seen before the read began). */
  set(key: string, version: number, value: unknown): void;
  /** How many answers are kept. */
  readonly size: number;
}

export function createReadCache(maxEntries: number): ReadCache {
  const answers = new Map<string, unknown>();
  let keptAt: number | null = null;
  /** A new data version: nothing kept from before holds. */
  const seeVersion = (version: number): void => {
    if (keptAt === version) return;
    answers.clear();
    keptAt = version;
  };
  return {
    get(key, version) {
      seeVersion(version);
      if (!answers.has(key)) return undefined;
      const value = answers.get(key);
      // Most recently used last, so the first key is the one to drop.
      answers.delete(key);
      answers.set(key, value);
      return structuredClone(value);
    },
    set(key, version, value) {
      if (maxEntries <= 0) return;
      seeVersion(version);
      answers.delete(key);
      answers.set(key, structuredClone(value));
      while (answers.size > maxEntries) answers.delete(answers.keys().next().value as string);
    },
    get size() {
      return answers.size;
    },
  };
}
