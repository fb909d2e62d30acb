import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * What a group of tests needs from outside the repository, as the options of its `describe`:
 * `describe(name, needsFiles(SEED), () => …)`. When something is missing the group is skipped
 * and its reason travels with it (the test's `meta.needs`), so the skipped-tests reporter can
 * say why rather than only how many. A bare `describe.skipIf(…)` carries no reason: don't.
 */

declare module 'vitest' {
  interface TaskMeta {
    /** Why the test was skipped: what it needs that this machine lacks. */
    needs?: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

/** The options that skip a group, with its reason, or run it. */
export interface Needs {
  readonly skip: boolean;
  readonly meta: { needs?: string };
}

const needs = (missing: string | null): Needs => (missing ? { skip: true, meta: { needs: missing } } : { skip: false, meta: {} });

/** Paths as the repository names them (../shared/…), not as this machine spells them. */
const shown = (path: string): string => relative(ROOT, path) || path;

/** Runs the group only when every path exists (development data in ../shared, mostly). */
export function needsFiles(...paths: (string | URL)[]): Needs {
  const absent = paths.map((p) => (typeof p === 'string' ? p : fileURLToPath(p))).filter((p) => !existsSync(p));
  return needs(absent.length > 0 ? `${absent.map(shown).join(', ')} absent` : null);
}

/** Runs the group only when `available` holds; `what` says what is missing otherwise. */
export function needsWhen(available: boolean, what: string): Needs {
  return needs(available ? null : what);
}
