import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';
import data from '../lexicon/argument-classes.json' with { type: 'json' };
import { nounForms } from './inflection.js';

/**
 * Classes of event arguments for the dictionary's frames (dictionary-schema.ts, `frame`),
 * read from src/knowledge/lexicon/argument-classes.json: head nouns (either number), and
 * actor codes (a country code, or a role block such as MIL in USAMIL).
 */

export interface ArgumentClass {
  readonly name: string;
  /** Head nouns and their plurals, lower case; a multi-word entry is matched by a phrase's last words. */
  readonly words: ReadonlySet<string>;
  /** A country's own code (IRN, IRNGOV) puts an actor in the class. */
  readonly country: boolean;
  /** Role blocks that put an actor in the class ("MIL" for USAMIL), or its first block ("IGO" for IGOUNO). */
  readonly cameoRoles: ReadonlySet<string>;
  /** The registry's people (ids starting "per-") are the class: named, known persons. */
  readonly registryPeople: boolean;
  /** A place named by its name (a town, a governorate, a site) is in the class. */
  readonly places: boolean;
}

interface ClassData {
  readonly words?: readonly string[];
  readonly country?: boolean;
  readonly cameoRoles?: readonly string[];
  readonly registryPeople?: boolean;
  readonly places?: boolean;
}

// world-countries' types describe an ES default export; as CommonJS it exports the array.
const COUNTRY_CODES: ReadonlySet<string> = new Set((createRequire(import.meta.url)('world-countries') as Countries).map((c) => c.cca3));

let classes: ReadonlyMap<string, ArgumentClass> | null = null;

export function argumentClasses(): ReadonlyMap<string, ArgumentClass> {
  if (classes) return classes;
  const map = new Map<string, ArgumentClass>();
  for (const [name, c] of Object.entries(data.classes as Record<string, ClassData>)) {
    const words = new Set<string>();
    for (const w of c.words ?? []) {
      const parts = w.toLowerCase().split(' ');
      const last = parts.pop()!;
      for (const f of nounForms(last)) words.add([...parts, f].join(' '));
    }
    map.set(name, { name, words, country: c.country ?? false, cameoRoles: new Set(c.cameoRoles ?? []), registryPeople: c.registryPeople ?? false, places: c.places ?? false });
  }
  classes = map;
  return map;
}

/**
 * Whether a participant is in a class: its phrase's head noun (or last words) is one of the
 * class's words, or its CAMEO code is a country's (when the class takes countries) or
 * carries one of the class's role blocks (IGOUNO's first block, IGO, counts).
 */
export function inArgumentClass(cls: ArgumentClass, phraseWords: readonly string[], cameo: string | null): boolean {
  const words = phraseWords.map((w) => w.toLowerCase());
  for (let n = 1; n <= Math.min(3, words.length); n++) if (cls.words.has(words.slice(-n).join(' '))) return true;
  if (cameo === null || cameo.length < 3) return false;
  if (cls.country && COUNTRY_CODES.has(cameo.slice(0, 3))) return true;
  for (let i = 0; i + 3 <= cameo.length; i += 3) if (cls.cameoRoles.has(cameo.slice(i, i + 3))) return true;
  return false;
}
