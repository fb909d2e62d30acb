import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { InputError } from '../../errors.js';
import { argumentClasses } from './argument-classes.js';
import { cameoCode } from './cameo-table.js';
import { type DictionaryMagnitude, type EventEntry, type EventFrame, type EventRecode, eventDictionaryFileSchema } from './dictionary-schema.js';
import shipped from './event-dictionary.json' with { type: 'json' };
import mined from './event-dictionary-petrarch.json' with { type: 'json' };
import { nounForms, verbForms } from './inflection.js';

/**
 * The event dictionary, compiled for lookup: each pattern is keyed by every surface form
 * of its first word. Three layers, each applied over the one before: the patterns mined
 * from PETRARCH-2's verb dictionary (event-dictionary-petrarch.json), our hand-written
 * dictionary (event-dictionary.json), then user files. A pattern with the same words and
 * kind as one of an earlier layer replaces it (that is how a user recodes a verb), and of
 * two patterns of one length that both match, the later layer's is tried first.
 */

export interface TriggerPattern {
  readonly kind: 'verb' | 'noun';
  /** The pattern as written: "withdraw troops|forces". */
  readonly text: string;
  /** Accepted token forms, position by position; position 0 is the verb or first noun word. */
  readonly words: ReadonlyArray<ReadonlySet<string>>;
  readonly code: string;
  readonly weight: number;
  readonly of: 'source' | 'target';
  readonly magnitude: DictionaryMagnitude | null;
  /** "event-dictionary.json entry 12" or the user's file and entry. */
  readonly origin: string;
  /** The layer: 0 mined from PETRARCH-2, 1 hand-written, 2 and up user files in order. */
  readonly layer: number;
  /** What the verb's source and target must be (verb patterns only); null: the words decide. */
  readonly frame: EventFrame | null;
  /** More specific codes by the kind of participants (dictionary-schema.ts `recode`). */
  readonly recode: readonly EventRecode[];
  /** An event only when told as still to come (dictionary-schema.ts `onlyAhead`). */
  readonly onlyAhead: boolean;
}

export interface EventDictionary {
  readonly patterns: readonly TriggerPattern[];
  /** Verb patterns by each form of their verb ("killed" → kill patterns). */
  readonly verbs: ReadonlyMap<string, readonly TriggerPattern[]>;
  /** Noun patterns by each form of their first word. */
  readonly nouns: ReadonlyMap<string, readonly TriggerPattern[]>;
  readonly files: readonly string[];
}

export interface LoadDictionaryOptions {
  /** User dictionaries (.json, .yaml, .yml), applied after the shipped one, in order. */
  readonly extraFiles?: readonly string[];
}

const MINED_FILE = 'src/knowledge/events/event-dictionary-petrarch.json';
const SHIPPED_FILE = 'src/knowledge/events/event-dictionary.json';
let shippedDictionary: EventDictionary | null = null;

export function loadEventDictionary(options: LoadDictionaryOptions = {}): EventDictionary {
  const extra = options.extraFiles ?? [];
  if (extra.length === 0 && shippedDictionary) return shippedDictionary;
  const byKey = new Map<string, TriggerPattern>();
  addEntries(byKey, MINED_FILE, parseEntries(MINED_FILE, mined), 0);
  addEntries(byKey, SHIPPED_FILE, parseEntries(SHIPPED_FILE, shipped), 1);
  extra.forEach((file, i) => {
    addEntries(byKey, file, parseEntries(file, readDictionaryFile(file)), 2 + i);
  });
  const dictionary = index([...byKey.values()], [MINED_FILE, SHIPPED_FILE, ...extra]);
  if (extra.length === 0) shippedDictionary = dictionary;
  return dictionary;
}

/** Compiles entries given as data (for tests and embedding): no file is read. */
export function compileEventDictionary(data: unknown, file = '<inline>'): EventDictionary {
  const byKey = new Map<string, TriggerPattern>();
  addEntries(byKey, file, parseEntries(file, data), 0);
  return index([...byKey.values()], [file]);
}

function readDictionaryFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError('DOSSIER_INPUT_UNREADABLE', { file }, `cannot read the event dictionary (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new InputError('DOSSIER_INPUT_BAD_JSON', { file }, `the event dictionary is not valid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message}`);
  }
}

function parseEntries(file: string, data: unknown): EventEntry[] {
  const parsed = eventDictionaryFileSchema.safeParse(data);
  if (!parsed.success) throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file }, describeIssue(data, parsed.error));
  const fileWeight = Array.isArray(parsed.data) ? undefined : parsed.data.weight;
  const entries = (Array.isArray(parsed.data) ? parsed.data : parsed.data.entries).map((e) => (e.weight === undefined && fileWeight !== undefined ? { ...e, weight: fileWeight } : e));
  entries.forEach((entry, i) => {
    if (!cameoCode(entry.code)) throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file }, `entry ${i + 1} (code "${entry.code}"): no such CAMEO event code`);
    if (entry.verbs.length + entry.nouns.length === 0) throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file }, `entry ${i + 1} (code "${entry.code}"): gives no verbs and no nouns`);
    if (entry.frame || entry.recode) {
      const known = argumentClasses();
      const frame = entry.frame ? [...entry.frame.agent, ...entry.frame.target, ...entry.frame.notTarget, ...entry.frame.notAgent] : [];
      const named = [...frame.map((name) => ['frame', name] as const), ...(entry.recode ?? []).map((r) => ['recode', r.when] as const)];
      for (const [field, name] of named) {
        if (!known.has(name)) throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file }, `entry ${i + 1} (code "${entry.code}"): ${field} names the argument class "${name}", which argument-classes.json does not define`);
      }
    }
  });
  return entries;
}

/** "entry 3 (code "190"), verbs[1]: must be lower-case words ..." from the first zod issue. */
function describeIssue(data: unknown, error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid event dictionary';
  const path = [...issue.path];
  // Both file shapes lead to the entry list; skip to the entry index.
  if (path[0] === 'entries') path.shift();
  const at = path[0];
  if (typeof at !== 'number') return `${path.join('.') || 'file'}: ${issue.message}`;
  const list = Array.isArray(data) ? data : (data as { entries?: unknown[] } | null)?.entries;
  const entry = Array.isArray(list) ? (list[at] as { code?: unknown } | undefined) : undefined;
  const code = typeof entry?.code === 'string' ? ` (code "${entry.code}")` : '';
  const field = path
    .slice(1)
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  return `entry ${at + 1}${code}${field ? `, ${field}` : ''}: ${issue.message}`;
}

function addEntries(byKey: Map<string, TriggerPattern>, file: string, entries: readonly EventEntry[], layer: number): void {
  entries.forEach((entry, i) => {
    const origin = `${file} entry ${i + 1}`;
    for (const kind of ['verb', 'noun'] as const) {
      for (const text of kind === 'verb' ? entry.verbs : entry.nouns) {
        const words = text.split(' ').map((word, position) => {
          const forms = new Set<string>();
          for (const alt of word.split('|')) {
            // Nouns inflect for number only; a verb's later words may be nouns or verbs ("refuse to release").
            const inflect = kind === 'noun' ? nounForms : position === 0 ? verbForms : (w: string) => [...nounForms(w), ...verbForms(w)];
            for (const f of inflect(alt)) forms.add(f);
          }
          return forms;
        });
        byKey.set(`${kind}:${text}`, {
          kind,
          text,
          words,
          code: entry.code,
          weight: entry.weight ?? 1,
          of: entry.of ?? 'target',
          magnitude: entry.magnitude ?? null,
          origin,
          layer,
          frame: kind === 'verb' ? (entry.frame ?? null) : null,
          recode: entry.recode ?? [],
          onlyAhead: entry.onlyAhead ?? false,
        });
      }
    }
  });
}

function index(patterns: readonly TriggerPattern[], files: readonly string[]): EventDictionary {
  const verbs = new Map<string, TriggerPattern[]>();
  const nouns = new Map<string, TriggerPattern[]>();
  for (const p of patterns) {
    const map = p.kind === 'verb' ? verbs : nouns;
    for (const form of p.words[0] ?? []) {
      const list = map.get(form);
      if (list) list.push(p);
      else map.set(form, [p]);
    }
  }
  // Longer patterns first: "withdraw troops" is tried before "withdraw"; of equal length, the later layer's.
  for (const list of [...verbs.values(), ...nouns.values()]) list.sort((a, b) => b.words.length - a.words.length || b.layer - a.layer);
  return { patterns, verbs, nouns, files };
}
