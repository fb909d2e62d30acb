import type { Stage, StageHead } from '../../pipeline/stage.js';
import type { ActorLinkAttrs, Document, EntityAttrs, Layers, Span } from '../../text/document.js';
import { titleHead } from '../entities/lexicon-spans.js';
import { head, relation, treeOf } from '../syntax/tree.js';
import { newActorId } from '../../knowledge/actors/actor-overlay.js';
import { appositiveRole, type MentionTrees, mentionHead, mentionTrees, titleOrganization } from './appositive-roles.js';
import { lowerBound } from '../../text/lower-bound.js';

export interface ActorFacts {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly country: string | null;
}

/** What resolution needs to know; src/knowledge/knowledge.ts supplies it from the registry. */
export interface ActorKnowledge {
  /** Registry candidates for a name, best first: exact alias 1.0, folded spelling, surname, edit distance. */
  readonly lookup: (name: string) => ReadonlyArray<{ readonly actorId: string; readonly score: number; readonly reason: string }>;
  readonly actor: (id: string) => ActorFacts | undefined;
  /** The country actor for an ISO3 code ("cc-irq"), and its government ("irq-gov"). */
  readonly countryActor: (iso3: string) => string | undefined;
  readonly governmentActor: (iso3: string) => string | undefined;
  /** ISO3 of a country named by `name` ("Iraq", "the United States"). */
  readonly countryOfName: (name: string) => string | undefined;
  /** ISO3 of the country whose capital is `name` ("Washington" → USA, "Baghdad" → IRQ). */
  readonly capitalOf: (name: string) => string | undefined;
  /** ISO3 for a demonym ("Iraqi" → IRQ). */
  readonly demonymCountry: (word: string) => string | undefined;
  /** The transliteration fold that lets "Ziyadi" stand for "Ziayadi" within one article. */
  readonly foldName: (name: string) => string;
  /**
   * The key of an actor nobody listed, across articles: lighter than the fold, because the
   * fold makes Hassan and Hussein one name, and a wrong merge is worse than a missed one.
   */
  readonly newActorKey: (name: string) => string;
}

type Entity = Span & EntityAttrs;
type Link = Span & ActorLinkAttrs;
type LinkFields = Omit<ActorLinkAttrs, 'entity'>;

const LINKABLE = new Set(['PERSON', 'ORG', 'GPE', 'NORP', 'TITLE']);
const MIN_FUZZY = 0.82;

/** Verbs and auxiliaries that make a capital the government acting ("Washington warned ..."). */
const AGENT_VERBS = new Set(
  'said says say warned warns accused accuses announced announces rejected rejects demanded demands imposed imposes claimed claims denied denies insisted insists has have had is was will would wants wanted must should can could may might refused refuses agreed agrees threatened threatens blamed blames urged urges called calls sent sends launched launches ordered orders decided decides sought seeks responded responds condemned condemns vowed vows approved approves signed signs backed backs supports supported opposes opposed struck strikes hit hits recalled recalls expelled expels sanctioned sanctions designated designates believes believed considers considered views viewed sees saw plans planned continues continued tried tries hopes hoped'.split(' '),
);
const LOCATIVE = new Set(['in', 'at', 'near', 'from', 'to', 'into', 'outside', 'inside', 'around', 'across', 'towards', 'toward', 'via', 'through', 'of', 'north', 'south', 'east', 'west', 'downtown', 'central']);
const POLICY_NOUNS = new Set(['policy', 'policies', 'decision', 'decisions', 'demands', 'position', 'stance', 'sanctions', 'pressure', 'plan', 'plans', 'strategy', 'response', 'request', 'refusal', 'approval', 'allies', 'ally', 'efforts', 'role', 'withdrawal', 'campaign', 'accusations', 'claims', 'support', 'military', 'forces', 'troops', 'government', 'move', 'moves']);

interface Context {
  readonly doc: Document;
  readonly entities: readonly Entity[];
  readonly tokens: NonNullable<Document['layers']['tokens']>;
  /** Part-of-speech tags aligned with tokens, when the syntax stage ran. */
  readonly pos: NonNullable<Document['layers']['syntax']>;
  /** The dependency trees with the mention of each token, or null without a syntax layer. */
  readonly trees: MentionTrees | null;
  readonly k: ActorKnowledge;
}

/** A named person's role, kept for the descriptions that point back at it ("the lawmaker"). */
interface PersonRole {
  readonly entity: number;
  readonly link: Link;
  /** The title's head word: "lawmaker", "leader". */
  readonly head: string;
  readonly country: string | null;
  /** Index into the entities layer of the organization the title is of ("leader of Y"), or null. */
  readonly organization: number | null;
}

/** Index of the token starting at or after `offset`. */
function tokenAt(ctx: Context, offset: number): number {
  return lowerBound(ctx.tokens, (t) => t.start < offset);
}

const words = (s: string): string[] => s.split(/[\s]+/).filter(Boolean);

/** The name's last word without the Arabic article: "al-Khazali" → "khazali". */
function surname(name: string): string {
  const last = words(name).at(-1) ?? '';
  return last.toLowerCase().replace(/^(al|el|ad|as|ash|an|ar|az)[-‐]/, '').replace(/['’ʿ]/g, '');
}

/** Registry actor types an entity type may denote: a person's name never links to a state. */
const COMPATIBLE: Record<string, readonly string[]> = {
  PERSON: ['person'],
  ORG: ['organization', 'group', 'norp', 'state'],
  GPE: ['state', 'organization', 'group'],
  NORP: ['norp', 'group', 'state'],
};

function linkRegistry(ctx: Context, text: string, entityType?: string): LinkFields | null {
  const allowed = entityType ? COMPATIBLE[entityType] : undefined;
  const best = ctx.k.lookup(text).find((c) => !allowed || allowed.includes(ctx.k.actor(c.actorId)?.type ?? ''));
  if (!best || best.score < MIN_FUZZY) return null;
  const facts = ctx.k.actor(best.actorId);
  return { actorId: best.actorId, name: facts?.name ?? text, confidence: Math.min(0.98, best.score), reason: best.reason };
}

/** Government or place? The words around a capital or country name decide. */
function metonymy(ctx: Context, e: Entity, entity: number, capital: boolean): { government: boolean; cue: string } {
  const i = tokenAt(ctx, e.start);
  const before = ctx.tokens[i - 1]?.norm;
  let j = tokenAt(ctx, e.end);
  let after = ctx.tokens[j]?.norm;
  if (after === '’s' || after === "'s") {
    const noun = ctx.tokens[j + 1]?.norm;
    if (noun && POLICY_NOUNS.has(noun)) return { government: true, cue: `possessive before '${noun}'` };
    j++;
    after = ctx.tokens[j]?.norm;
  }
  if (before && LOCATIVE.has(before)) return { government: false, cue: `after '${before}'` };
  if (after && AGENT_VERBS.has(after)) return { government: true, cue: `subject of '${after}'` };
  // Any finite verb right after the name makes it the one acting: "Washington assassinated".
  const tag = ctx.pos[j]?.tag;
  if (after && tag && /^(VBD|VBZ|VBP|MD)$/.test(tag) && !LOCATIVE.has(before ?? '')) return { government: true, cue: `subject of '${after}' (${tag})` };
  if (before && AGENT_VERBS.has(before)) return { government: true, cue: `object of '${before}'` };
  if (before === 'between' || before === 'with' || before === 'against' || before === 'by') return { government: true, cue: `after '${before}'` };
  // "Washington again refused …", "Baghdad on Sunday also demanded …": words between a
  // capital and its verb; the parse still makes the city the verb's subject, and a city does not
  // reject or demand. (A country so placed stays the state: "Iran and its proxies attacked".)
  // A possessive ("Baghdad's envoy said") is never the subject itself, whatever the parse says.
  const possessive = j > tokenAt(ctx, e.end);
  const subjectOf = capital && !possessive ? verbOfSubject(ctx, entity) : null;
  if (subjectOf) return { government: true, cue: `subject of '${subjectOf}' in the parse` };
  return { government: false, cue: 'no agent cue' };
}

/** The finite verb a mention is the active subject of in the parse, else null. */
function verbOfSubject(ctx: Context, entity: number): string | null {
  const m = ctx.trees;
  if (!m) return null;
  const h = mentionHead(m, entity);
  if (h === -1 || relation(m.tree, h) !== 'nsubj') return null;
  const verb = head(m.tree, h);
  const node = verb === -1 ? undefined : m.tree.nodes[verb];
  return node && node.upos === 'VERB' && /^(VBD|VBZ|VBP)$/.test(node.tag) ? (ctx.tokens[verb]?.norm ?? null) : null;
}

/**
 * Links entity mentions to actors, one pass in text order so that short forms and
 * descriptions can point back at names already resolved:
 * - PERSON / ORG: the registry (alias, folded spelling, surname, edit distance); else a
 *   short form of a full name elsewhere in the article; else a new actor with a folded id.
 * - GPE: a country is its state actor; a capital acting ("Washington warned") is its
 *   government; a city as a place gets no actor.
 * - TITLE descriptions ("the Iraqi lawmaker"): the last named person with that role.
 */
export function resolveActors(doc: Document, k: ActorKnowledge): Link[] {
  const entities = doc.layers.entities ?? [];
  const syntax = doc.layers.syntax ?? [];
  const trees = mentionTrees(doc, syntax.length > 0 ? treeOf(syntax) : null);
  const ctx: Context = { doc, entities, tokens: doc.layers.tokens ?? [], pos: syntax, trees, k };
  const links: Link[] = [];
  const byEntity = new Map<number, Link>();
  const personRoles: PersonRole[] = [];
  const acronyms = new Map<string, Link>();
  let names: FullNames | undefined;
  const fullNames = (): FullNames => {
    names ??= fullNamesOf(ctx);
    return names;
  };

  const add = (entity: number, l: LinkFields): Link => {
    const { start, end } = entities[entity]!;
    const link = { start, end, entity, ...l };
    links.push(link);
    byEntity.set(entity, link);
    return link;
  };

  entities.forEach((e, idx) => {
    if (!LINKABLE.has(e.type)) return;
    const text = doc.text.slice(e.start, e.end).replace(/^the\s+/i, '');
    if (e.type === 'GPE') {
      const capital = k.capitalOf(text);
      const country = k.countryOfName(text);
      const m = metonymy(ctx, e, idx, capital !== undefined && country === undefined);
      if (capital && m.government) {
        const gov = k.governmentActor(capital);
        if (gov) add(idx, { actorId: gov, name: k.actor(gov)?.name ?? text, confidence: 0.75, reason: `metonymy: capital '${text}' ${m.cue} → government of ${capital}` });
        return;
      }
      if (country) {
        const actor = (m.government ? k.governmentActor(country) : undefined) ?? k.countryActor(country);
        if (actor) add(idx, { actorId: actor, name: k.actor(actor)?.name ?? text, confidence: 0.9, reason: m.government ? `country '${text}' ${m.cue} → its government` : `country name '${text}'` });
        return;
      }
      // Only an exact alias: folded spellings of place names collide ("Amman" and "Oman").
      const reg = linkRegistry(ctx, text, 'GPE');
      if (reg && reg.confidence >= 0.95) add(idx, reg);
      return;
    }
    if (e.type === 'NORP') {
      const reg = linkRegistry(ctx, text, 'NORP');
      if (reg && reg.confidence >= 0.95) add(idx, reg);
      return;
    }
    if (e.type === 'TITLE') {
      resolveDescription(ctx, idx, personRoles, byEntity, add);
      return;
    }
    // An acronym defined earlier in the article: "Popular Mobilization Units (PMU)".
    const defined = acronyms.get(text);
    let link: Link | null = null;
    const reg = linkRegistry(ctx, text, e.type);
    if (reg) link = add(idx, reg);
    else if (defined) link = add(idx, { actorId: defined.actorId, name: defined.name, confidence: 0.85, reason: `acronym defined in this article for '${defined.name}'` });
    else {
      const full = e.type === 'PERSON' ? fullNameFor(ctx, fullNames(), idx, text, byEntity) : null;
      if (full) link = add(idx, { actorId: full.actorId, name: full.name, confidence: 0.85, reason: `short form of '${full.surface}' in this article` });
      else {
        const kind = e.type === 'PERSON' ? 'person' : 'organization';
        link = add(idx, { actorId: newActorId(kind, k.newActorKey(text)), name: text, confidence: 0.6, reason: `not in the registry: new ${kind}` });
      }
    }
    // "(PMU)" right after an organisation defines its acronym for the rest of the article.
    const next = entities[idx + 1];
    if (e.type === 'ORG' && next && doc.text.slice(e.end, next.start).trim() === '(') {
      acronyms.set(doc.text.slice(next.start, next.end), link);
    }
    if (e.type === 'PERSON') {
      // "Brigadier General X, the commander of the Northern Brigade": both roles, the tree's first.
      const roles = [roleFromTree(ctx, idx), roleOf(ctx, idx)].filter((r, i, all): r is RoleFound => r !== null && (i === 0 || r.head !== all[0]?.head));
      for (const role of roles) {
        personRoles.push({ entity: idx, link, head: role.head, country: role.country ?? k.actor(link.actorId)?.country ?? null, organization: role.organization });
      }
    }
  });
  return links;
}

/**
 * The article's person names of two words or more, by folded surname and by folded first word,
 * each list in text order (entity indices ascending), and the same for three words or more.
 * Built once per article: looking a short name up in them replaces a sorted pass over every
 * entity per short name, which made the stage quadratic in the article's length.
 */
interface FullNames {
  readonly bySurname: ReadonlyMap<string, readonly number[]>;
  readonly byFirst: ReadonlyMap<string, readonly number[]>;
  readonly bySurnameOfThree: ReadonlyMap<string, readonly number[]>;
}

function fullNamesOf(ctx: Context): FullNames {
  const fold = ctx.k.foldName;
  const bySurname = new Map<string, number[]>();
  const byFirst = new Map<string, number[]>();
  const bySurnameOfThree = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, j: number): void => {
    const list = map.get(key);
    if (list) list.push(j);
    else map.set(key, [j]);
  };
  ctx.entities.forEach((e, j) => {
    if (e.type !== 'PERSON') return;
    const surface = ctx.doc.text.slice(e.start, e.end);
    const ow = words(surface);
    if (ow.length < 2) return;
    const key = fold(surname(surface));
    push(bySurname, key, j);
    push(byFirst, fold(ow[0] ?? ''), j);
    if (ow.length >= 3) push(bySurnameOfThree, key, j);
  });
  return { bySurname, byFirst, bySurnameOfThree };
}

/** The nearest index of `list` (ascending) before idx, else the first after it. */
function nearestBefore(list: readonly number[] | undefined, idx: number): number | undefined {
  if (!list || list.length === 0) return undefined;
  const lo = lowerBound(list, (v) => v < idx);
  if (lo > 0) return list[lo - 1];
  return list[lo] === idx ? list[lo + 1] : list[lo];
}

/**
 * A full name elsewhere in the article that this one- or two-word name is the end or start of:
 * the nearest before it, else the first after it.
 */
function fullNameFor(ctx: Context, names: FullNames, idx: number, text: string, byEntity: Map<number, Link>): { actorId: string; name: string; surface: string } | null {
  const w = words(text);
  if (w.length === 0 || w.length > 2) return null;
  const fold = ctx.k.foldName;
  const key = fold(surname(text));
  const found =
    w.length === 1
      ? [nearestBefore(names.bySurname.get(key), idx), nearestBefore(names.byFirst.get(fold(w[0] ?? '')), idx)]
      : [nearestBefore(names.bySurnameOfThree.get(key), idx)];
  // Before idx, the nearest wins (the larger index); only after, the first (the smaller).
  const rank = (j: number): number => (j < idx ? idx - j : 1e9 + j);
  const j = found.filter((f) => f !== undefined).sort((a, b) => rank(a) - rank(b))[0];
  if (j === undefined) return null;
  const other = ctx.entities[j]!;
  const surface = ctx.doc.text.slice(other.start, other.end);
  const link = byEntity.get(j);
  if (link) return { actorId: link.actorId, name: link.name, surface };
  const reg = linkRegistry(ctx, surface, 'PERSON');
  if (reg) return { actorId: reg.actorId, name: reg.name, surface };
  return { actorId: newActorId('person', ctx.k.newActorKey(surface)), name: surface, surface };
}

interface RoleFound {
  readonly head: string;
  readonly country: string | null;
  readonly organization: number | null;
}

/**
 * The role a named person is given in apposition, from the tree: "X, the movement's veteran
 * leader," and "The leader of Y, X," which the word window below misses.
 */
function roleFromTree(ctx: Context, idx: number): RoleFound | null {
  const found = ctx.trees ? appositiveRole(ctx.trees, idx) : null;
  const title = found ? ctx.entities[found.title] : undefined;
  const head = title ? titleHead(ctx.doc, title) : null;
  if (!found || !head) return null;
  const demonym = found.modifiers.map((w) => ctx.k.demonymCountry(w)).find((c) => c !== undefined);
  const org = found.organization === null ? undefined : ctx.entities[found.organization];
  const orgCountry = org?.type === 'GPE' ? ctx.k.countryOfName(ctx.doc.text.slice(org.start, org.end)) : undefined;
  return { head, country: demonym ?? orgCountry ?? null, organization: found.organization };
}

/** The role a named person is given next to the name: "Iraqi lawmaker X", "X, a lawmaker". */
function roleOf(ctx: Context, idx: number): RoleFound | null {
  const e = ctx.entities[idx]!;
  const prev = ctx.entities[idx - 1];
  const next = ctx.entities[idx + 1];
  let head: string | null = null;
  if (prev?.type === 'TITLE' && ctx.doc.text.slice(prev.end, e.start).trim() === '') head = titleHead(ctx.doc, prev);
  if (!head && next?.type === 'TITLE' && /^,\s*(a|an|the)?\s*$/.test(ctx.doc.text.slice(e.end, next.start))) head = titleHead(ctx.doc, next);
  if (!head) return null;
  // A demonym just before the role: "Iraqi lawmaker X".
  const window = ctx.doc.text.slice(Math.max(0, (prev?.start ?? e.start) - 30), prev?.start ?? e.start);
  const demonym = /(\p{Lu}[\p{L}’'-]+)\s*$/u.exec(window)?.[1];
  return { head, country: demonym ? (ctx.k.demonymCountry(demonym) ?? null) : null, organization: null };
}

/** The actor an organization mention stands for, linked already or as it will be. */
function organizationKey(ctx: Context, e: number, byEntity: ReadonlyMap<number, Link>): string {
  const linked = byEntity.get(e)?.actorId;
  if (linked) return linked;
  const ent = ctx.entities[e]!;
  const text = ctx.doc.text.slice(ent.start, ent.end).replace(/^the\s+/i, '');
  return linkRegistry(ctx, text, ent.type)?.actorId ?? newActorId('organization', ctx.k.newActorKey(text));
}

function resolveDescription(
  ctx: Context,
  idx: number,
  personRoles: readonly PersonRole[],
  byEntity: ReadonlyMap<number, Link>,
  add: (entity: number, l: LinkFields) => Link,
): void {
  const e = ctx.entities[idx]!;
  const next = ctx.entities[idx + 1];
  // A title right before a name is that name's role, not a description.
  if (next?.type === 'PERSON' && ctx.doc.text.slice(e.end, next.start).trim() === '') return;
  const before = ctx.doc.text.slice(Math.max(0, e.start - 40), e.start);
  const m = /\b[Tt]he\s+(?:(\p{Lu}[\p{L}’'-]+)\s+)?$/u.exec(before);
  if (!m) return;
  const head = titleHead(ctx.doc, e);
  if (!head) return;
  const country = m[1] ? (ctx.k.demonymCountry(m[1]) ?? null) : null;
  let candidates = personRoles.filter((p) => p.entity < idx && p.head === head && (country === null || p.country === country));
  // "the leader of Y" (read from the tree): only a leader named as Y's, when one was.
  const titleToken = ctx.trees ? mentionHead(ctx.trees, idx) : -1;
  const of = ctx.trees && titleToken !== -1 ? titleOrganization(ctx.trees, titleToken) : null;
  const ofKey = of === null ? null : organizationKey(ctx, of, byEntity);
  if (ofKey !== null) {
    const same = candidates.filter((p) => p.organization !== null && organizationKey(ctx, p.organization, byEntity) === ofKey);
    candidates = same.length > 0 ? same : candidates.filter((p) => p.organization === null);
  }
  const last = candidates.at(-1);
  if (!last) return;
  const distinct = new Set(candidates.map((c) => c.link.actorId));
  const text = ctx.doc.text.slice(e.start - (m[0]?.length ?? 0), e.end);
  const ofText = of === null ? '' : ` of '${ctx.doc.text.slice(ctx.entities[of]!.start, ctx.entities[of]!.end)}'`;
  add(idx, {
    actorId: last.link.actorId,
    name: last.link.name,
    confidence: distinct.size === 1 ? 0.75 : 0.55,
    reason: `description '${text.trim()}' → last named ${country ?? ''}${country ? ' ' : ''}${head}${ofText} '${last.link.name}'${distinct.size > 1 ? ` (${distinct.size} candidates, most recent taken)` : ''}`,
  });
}

export const ACTORS_STAGE: StageHead<'actors'> = { name: 'actors', version: '3', requires: ['tokens', 'syntax', 'entities'], assigns: 'actors' };

export function createActorsStage(k: ActorKnowledge): Stage<'actors'> {
  return {
    ...ACTORS_STAGE,
    run: (doc): Layers['actors'] => resolveActors(doc, k),
  };
}
