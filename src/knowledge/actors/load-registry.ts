import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { InputError, type InputErrorCode } from '../../errors.js';
import { partialDateEnd, partialDateStart } from './actor-roles.js';
import { type Actor, type ActorPatch, actorFileSchema, actorSchema } from './actor-schema.js';
import { type AliasIndex, type AmbiguousAlias, buildAliasIndex } from './alias-index.js';
import { countryActors } from './country-actors.js';
import { SHIPPED_ACTOR_FILES } from './shipped-data.js';

/**
 * Loads the actor registry: the generated states, then the shipped data files, then the
 * user's files, each layer adding actors or changing known ones by id. Merge rule: a field
 * given replaces the known value, except `aliases`, which extend the known list unless the
 * entry says `replaceAliases: true`. The shipped layers are built once per process.
 */

export interface ActorRegistry {
  readonly actors: ReadonlyMap<string, Actor>;
  readonly index: AliasIndex;
  /** Keys that name more than one actor: allowed, reported so data can be reviewed. */
  readonly ambiguousAliases: readonly AmbiguousAlias[];
  /** The files applied, in order (shipped ones as repo paths). */
  readonly files: readonly string[];
}

export interface LoadRegistryOptions {
  /** User files (.yaml, .yml, .json) applied after the shipped data, in order. */
  readonly extraFiles?: readonly string[];
}

interface Origin {
  readonly file: string;
  readonly line?: number;
}

interface Layered {
  readonly actors: Map<string, Actor>;
  readonly origins: Map<string, Origin>;
  readonly files: string[];
}

let shipped: Layered | null = null;
let shippedRegistry: ActorRegistry | null = null;

export function loadActorRegistry(options: LoadRegistryOptions = {}): ActorRegistry {
  const extra = options.extraFiles ?? [];
  if (extra.length === 0 && shippedRegistry) return shippedRegistry;
  const base = shippedLayers();
  const actors = new Map(base.actors);
  const origins = new Map(base.origins);
  const files = [...base.files];
  for (const path of extra) {
    applyFile(actors, origins, readUserFile(path));
    files.push(path);
  }
  if (extra.length > 0) checkReferences(actors, origins);
  const index = buildAliasIndex(actors.values());
  const registry: ActorRegistry = { actors, index, ambiguousAliases: index.ambiguous, files };
  if (extra.length === 0) shippedRegistry = registry;
  return registry;
}

function shippedLayers(): Layered {
  if (shipped) return shipped;
  const actors = new Map<string, Actor>();
  const origins = new Map<string, Origin>();
  const generated = 'world-countries (generated)';
  for (const actor of countryActors()) {
    actors.set(actor.id, actor);
    origins.set(actor.id, { file: generated });
  }
  const files = [generated];
  for (const { file, data } of SHIPPED_ACTOR_FILES) {
    // Shipped JSON arrives parsed, without its text: errors name the file and actor, not a line.
    // Its zod check runs in the test suite (validateShippedActorFiles), not at every start.
    applyFile(actors, origins, { file, data, lineOf: () => undefined }, false);
    files.push(file);
  }
  checkReferences(actors, origins);
  shipped = { actors, origins, files };
  return shipped;
}

interface ParsedFile {
  readonly file: string;
  readonly data: unknown;
  /** The line of the entry at path [index, ...], when the format can tell. */
  readonly lineOf: (path: ReadonlyArray<PropertyKey>, id: string | undefined) => number | undefined;
}

function readUserFile(path: string): ParsedFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError('DOSSIER_INPUT_UNREADABLE', { file: path }, `cannot read actor file: ${(e as Error).message}`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return parseJsonFile(path, text);
  if (ext === '.yaml' || ext === '.yml') return parseYamlFile(path, text);
  throw new InputError('DOSSIER_INPUT_UNKNOWN_FORMAT', { file: path }, `actor file must end in .yaml, .yml or .json`);
}

function parseJsonFile(file: string, text: string): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : undefined;
    throw new InputError('DOSSIER_INPUT_BAD_JSON', { file, ...(line ? { line } : {}) }, `invalid JSON: ${message}`);
  }
  return { file, data, lineOf: jsonLineFinder(text) };
}

/** JSON keeps no positions: the line of the entry's `"id": "..."` is the best pointer. */
function jsonLineFinder(text: string): ParsedFile['lineOf'] {
  return (_path, id) => {
    if (id === undefined) return undefined;
    const at = text.indexOf(`"id": ${JSON.stringify(id)}`);
    const loose = at >= 0 ? at : text.search(new RegExp(`"id"\\s*:\\s*${escapeRegExp(JSON.stringify(id))}`));
    return loose >= 0 ? text.slice(0, loose).split('\n').length : undefined;
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function parseYamlFile(file: string, text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const line = lineCounter.linePos(first.pos[0]).line;
    throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file, line }, `invalid YAML: ${first.message.split('\n')[0]}`);
  }
  const lineOf = (path: ReadonlyArray<PropertyKey>): number | undefined => {
    // Walk down the path as far as the document has nodes; report the deepest one found.
    let node: unknown = doc.contents;
    let range: [number, number, number] | null | undefined;
    for (const step of path) {
      if (isMap(node) || isSeq(node)) {
        const next: unknown = node.get(step as string | number, true);
        if (next === undefined) break;
        node = next;
        const r = (next as { range?: [number, number, number] | null }).range;
        if (r) range = r;
      } else break;
    }
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  return { file, data: doc.toJS(), lineOf };
}

/**
 * Checks every shipped data file with the full zod schemas, as a user file would be checked;
 * throws the first problem as an InputError. The loader trusts shipped data to start fast.
 */
export function validateShippedActorFiles(): void {
  const actors = new Map<string, Actor>();
  const origins = new Map<string, Origin>();
  for (const actor of countryActors()) {
    actors.set(actor.id, actorSchema.parse(actor));
    origins.set(actor.id, { file: 'world-countries (generated)' });
  }
  for (const { file, data } of SHIPPED_ACTOR_FILES)
    applyFile(actors, origins, { file, data, lineOf: () => undefined }, true);
  checkReferences(actors, origins);
}

function applyFile(
  actors: Map<string, Actor>,
  origins: Map<string, Origin>,
  parsed: ParsedFile,
  validate = true,
): void {
  const { file } = parsed;
  let list: ActorPatch[];
  let prefix: PropertyKey[];
  if (validate) {
    const result = actorFileSchema.safeParse(parsed.data);
    if (!result.success) throw validationError(parsed, result.error, parsed.data);
    list = Array.isArray(result.data) ? result.data : result.data.actors;
    prefix = Array.isArray(result.data) ? [] : ['actors'];
  } else {
    const data = parsed.data as { actors: ActorPatch[] } | ActorPatch[];
    list = Array.isArray(data) ? data : data.actors;
    prefix = Array.isArray(data) ? [] : ['actors'];
  }
  const seen = new Set<string>();
  list.forEach((patch, i) => {
    const line = parsed.lineOf([...prefix, i], patch.id);
    const where = { file, ...(line ? { line } : {}) };
    if (seen.has(patch.id)) fail('DOSSIER_INPUT_BAD_RECORD', where, `actor '${patch.id}' appears twice in this file`);
    seen.add(patch.id);
    const merged = mergeActor(actors.get(patch.id), patch);
    let actor: Actor;
    if (validate) {
      const checked = actorSchema.safeParse(merged);
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        const field = issue.path.join('.');
        const what = actors.has(patch.id) ? 'after merging' : 'as a new actor';
        fail('DOSSIER_INPUT_BAD_RECORD', where, `actor '${patch.id}' ${what}: ${field || 'entry'}: ${issue.message}`);
      }
      actor = checked.data;
    } else {
      actor = { aliases: [], memberOf: [], roles: [], cameo: null, ...merged } as unknown as Actor;
    }
    for (const role of actor.roles)
      if (role.from && role.to && partialDateStart(role.from) > partialDateEnd(role.to))
        fail('DOSSIER_INPUT_BAD_RECORD', where, `actor '${patch.id}': role '${role.title}' ends (${role.to}) before it starts (${role.from})`);
    const span = actor.existed;
    if (span?.from && span.to && partialDateStart(span.from) > partialDateEnd(span.to))
      fail('DOSSIER_INPUT_BAD_RECORD', where, `actor '${patch.id}': existed ends (${span.to}) before it starts (${span.from})`);
    actors.set(patch.id, actor);
    origins.set(patch.id, where);
  });
}

/** Fields given replace known ones; aliases extend unless `replaceAliases` is set. */
export function mergeActor(known: Actor | undefined, patch: ActorPatch): Record<string, unknown> {
  const { replaceAliases, ...fields } = patch;
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (!known) return given;
  const aliases =
    replaceAliases === true ? (patch.aliases ?? []) : [...new Set([...known.aliases, ...(patch.aliases ?? [])])];
  return { ...known, ...given, aliases };
}

function validationError(parsed: ParsedFile, error: z.ZodError, data: unknown): InputError {
  // The union's own message says little; the issue nearest the data does.
  const issue = deepestIssue(error.issues);
  const path = issue.path;
  const id = idAt(data, path);
  const line = parsed.lineOf(path, id);
  // "actors.3.roles.0.from" → "roles.0.from": the actor's id already says which entry.
  const entryDepth = Array.isArray(data) ? 1 : path[0] === 'actors' ? 2 : 0;
  const inEntry = id !== undefined ? path.slice(entryDepth) : path;
  const field = inEntry.length > 0 ? inEntry.map(String).join('.') : 'entry';
  const who = id ? `actor '${id}': ` : '';
  return new InputError(
    'DOSSIER_INPUT_BAD_RECORD',
    { file: parsed.file, ...(line ? { line } : {}) },
    `${who}${field}: ${issue.message}`,
  );
}

type Issue = z.ZodError['issues'][number];

function deepestIssue(issues: readonly Issue[]): Issue {
  let best = issues[0]!;
  const visit = (list: readonly Issue[]): void => {
    for (const issue of list) {
      if (issue.path.length > best.path.length) best = issue;
      if (issue.code === 'invalid_union')
        for (const branch of issue.errors)
          visit(branch.map((sub) => ({ ...sub, path: [...issue.path, ...sub.path] }) as Issue));
    }
  };
  visit(issues);
  return best;
}

function idAt(data: unknown, path: ReadonlyArray<PropertyKey>): string | undefined {
  let node: unknown = data;
  let id: string | undefined;
  for (const step of path) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[step];
    if (node !== null && typeof node === 'object' && typeof (node as { id?: unknown }).id === 'string')
      id = (node as { id: string }).id;
  }
  return id;
}

function checkReferences(actors: ReadonlyMap<string, Actor>, origins: ReadonlyMap<string, Origin>): void {
  for (const actor of actors.values()) {
    const refs = [
      ...actor.memberOf.map((id) => ['memberOf', id] as const),
      ...actor.roles.map((r) => ['roles.of', r.of] as const),
    ];
    for (const [field, id] of refs)
      if (!actors.has(id))
        fail(
          'DOSSIER_INPUT_BAD_RECORD',
          origins.get(actor.id) ?? { file: 'registry' },
          `actor '${actor.id}': ${field} refers to unknown actor '${id}'`,
        );
  }
}

function fail(code: InputErrorCode, where: Origin, reason: string): never {
  throw new InputError(code, where, reason);
}
