import { argumentClasses, inArgumentClass } from '../knowledge/events/argument-classes.js';
import type { EventFrameWords } from '../knowledge/events/event-frames.js';
import { type Argument, argumentsOf, auxiliaries, caseMarker, children, childrenWith, childWith, dominates, head, isPassive, markerOf, matchesRel, relation, type SyntaxTree, spanHead, subtreeSpan } from '../nlp/syntax/tree.js';
import type { EventParticipant } from '../text/document.js';
import { countryRoleActor, isGroupNoun, isRoleCode, roleOfWord } from './actor-codes.js';
import { type Chunk, chunkParticipant, GEO_NOUNS, type ParticipantContext, PLACE_PREPOSITIONS } from './participants.js';
import type { Trigger } from './triggers.js';

/**
 * Who did it and to whom, read from the dependency tree. A verb's subject is its actor and its
 * object its target; a passive turns them round and its by-phrase is the actor; conjuncts share
 * a role, open clauses take their controller, relative clauses their noun (all from
 * `argumentsOf`). An event noun takes its actor from a possessor or a modifier ("Iran's
 * shoot-down", "the Israeli bombing"), a by-phrase, or the light verb that carries it ("carried
 * out strikes"), and its target from of/on/against. Each argument phrase becomes a participant
 * through its core words (the head and its determiners, modifiers and possessor), the body
 * behind a bare role ("an official with the PMU") or a name in apposition.
 */

export interface TreeContext extends ParticipantContext {
  readonly tree: SyntaxTree;
  readonly frames: EventFrameWords;
  /** Global index of the sentence's first token: sentence position = token index − base. */
  readonly base: number;
  /** Who "he" or "she" is, when the paragraph says. */
  readonly pronoun: EventParticipant | null;
  /** The sentence's triggers by the global index of their head token. */
  readonly triggerAt: ReadonlyMap<number, Trigger>;
  /**
   * Sentence positions of appended reporting clauses ("…, Kurdish militia leaders said"): who
   * tells the event, never its participants, however the parse attaches them.
   */
  readonly reportingPositions: ReadonlySet<number>;
}

export interface ArgumentReading {
  /** Whether the tree gave the verb a subject and an object or target phrase at all (a loose parse may not). */
  readonly hasSubject: boolean;
  readonly hasObject: boolean;
  readonly sources: EventParticipant[];
  readonly targets: EventParticipant[];
  /** The nominal event whose result this verb tells ("the assault that killed 10"). */
  readonly host: Trigger | null;
  /** The event noun a passive verb's act was done by ("were killed in a US airstrike"). */
  readonly instrument: Trigger | null;
  /** Lemmas of what the verb is done to as the parse gives it, actor or not ("released a statement" → statement). */
  readonly objectWords: readonly string[];
  readonly why: string[];
}

/**
 * Who tells it, as the sentence names the teller: an actor that only qualifies a common noun
 * ("a subsequent Iraqi investigation revealed", "US officials said") tells through that noun,
 * and the phrase up to it says who: "Iraqi investigation", not "Iraqi". The actor stays the
 * actor the phrase names.
 */
function tellerPhrase(ctx: TreeContext, p: EventParticipant): EventParticipant {
  const { tree } = ctx;
  const tokens = ctx.sentence.tokens;
  let last = -1;
  tokens.forEach((t, i) => {
    if (t.start >= p.span.start && t.end <= p.span.end) last = i + ctx.base;
  });
  if (last === -1 || !['amod', 'compound'].includes(relation(tree, last))) return p;
  const noun = head(tree, last);
  const nounToken = tokens[noun - ctx.base];
  if (!nounToken || !/^NNS?$/.test(nounToken.tag) || noun < last) return p;
  const end = nounToken.end;
  return { ...p, span: { start: p.span.start, end }, name: ctx.view.doc.text.slice(p.span.start, end) };
}

/** Roots whose light-verb patterns name an attack by its noun: "launched an operation", "mounted an assault". */
const ATTACK_NOUN_ROOTS = new Set(['15', '18', '19', '20']);

/** Relations inside the core of a noun phrase: what names the participant. */
const CORE = ['det', 'amod', 'compound', 'flat', 'nummod', 'nmod:poss', 'nmod:desc', 'fixed', 'goeswith'];
const PLACE_TYPES = new Set(['GPE', 'LOC', 'FAC']);
const POSSESSIVE_PRONOUNS = new Set(['its', 'their']);
const INDEFINITE_ARTICLES = new Set(['a', 'an']);
const ANTECEDENT_TYPES = new Set(['GPE', 'ORG', 'NORP']);

function lemma(tree: SyntaxTree, t: number): string {
  return tree.nodes[t]?.lemma.toLowerCase() ?? '';
}

function inSentence(ctx: TreeContext, t: number): boolean {
  return t >= ctx.base && t < ctx.base + ctx.sentence.tokens.length;
}

/** The first and last token of a phrase's core: its head with determiners, modifiers and possessor. */
function coreRange(tree: SyntaxTree, g: number): [number, number] {
  let first = g;
  let last = g;
  const stack = [g];
  while (stack.length > 0) {
    const t = stack.pop()!;
    for (const c of children(tree, t)) {
      const rel = tree.nodes[c]!.rel;
      const possessor = t !== g || rel === 'nmod:poss';
      if (!CORE.some((r) => matchesRel(rel, r)) && !(possessor && t !== g && rel === 'case')) continue;
      first = Math.min(first, c);
      last = Math.max(last, c);
      stack.push(c);
    }
  }
  return [first, last];
}

function chunkOf(ctx: TreeContext, [first, last]: [number, number]): Chunk {
  const n = ctx.sentence.tokens.length;
  return { from: Math.max(0, first - ctx.base), to: Math.min(n, last + 1 - ctx.base) };
}

/** "its forces", "their leaders": the nearest organisation, state or people named before it in the sentence. */
function possessiveAntecedent(ctx: TreeContext, g: number, [first]: [number, number]): EventParticipant | null {
  const tokens = ctx.sentence.tokens;
  const pronoun = tokens[first - ctx.base];
  if (!pronoun || !POSSESSIVE_PRONOUNS.has(pronoun.norm) || pronoun.tag !== 'PRP$') return null;
  const role = roleOfWord(tokens[g - ctx.base]?.norm ?? '');
  const entities = ctx.view.doc.layers.entities ?? [];
  // "the Baghdad government was planning to send delegations to Russia, China and Ukraine …
  // to protect its territory": "its" is bound by the subject of the clauses it lies in, not
  // the last name in a list before it.
  const bound = bindingSubject(ctx, g);
  if (bound) {
    const cameo = role ? `${bound.cameo!.slice(0, 3)}${role}` : bound.cameo!;
    const span = { start: pronoun.start, end: tokens[g - ctx.base]!.end };
    return { span, entity: null, actorId: role ? countryRoleActor(ctx.facts, cameo) : bound.actorId, name: ctx.view.doc.text.slice(span.start, span.end), cameo };
  }
  for (let i = first - ctx.base - 1; i >= 0; i--) {
    const e = tokens[i]!.entity;
    if (e < 0 || !ANTECEDENT_TYPES.has(entities[e]?.type ?? '')) continue;
    let from = i;
    while (from > 0 && tokens[from - 1]!.entity === e) from--;
    const named = chunkParticipant(ctx, { from, to: i + 1 });
    if (!named?.cameo) return null;
    const country = named.cameo.slice(0, 3);
    const cameo = role ? `${country}${role}` : named.cameo;
    const span = { start: pronoun.start, end: tokens[g - ctx.base]!.end };
    return { span, entity: null, actorId: role ? countryRoleActor(ctx.facts, cameo) : named.actorId, name: ctx.view.doc.text.slice(span.start, span.end), cameo };
  }
  return null;
}

/** Relations through which a clause takes its subject from the clause above it. */
const CONTROLLED = new Set(['xcomp', 'advcl', 'conj', 'acl']);

/**
 * The subject that binds a possessive in the phrase headed by `g`: climb to the verb the phrase
 * hangs from, then through controlled clauses ("planning to send … to protect") to the first
 * verb with a subject; that subject, when it names a state or a body of one (a country code).
 */
function bindingSubject(ctx: TreeContext, g: number): EventParticipant | null {
  const { tree } = ctx;
  let t = head(tree, g);
  for (let steps = 0; t !== -1 && steps < 8; steps++) {
    if (tree.nodes[t]!.tag.startsWith('VB')) {
      const subject = childWith(tree, t, ['nsubj']);
      if (subject !== -1) {
        if (tree.nodes[subject]!.tag === 'PRP' || !inSentence(ctx, subject)) return null;
        const p = chunkParticipant(ctx, chunkOf(ctx, coreRange(tree, subject)), ctx.pronoun);
        return p?.cameo && p.cameo.length >= 3 && !isRoleCode(p.cameo.slice(0, 3)) ? p : null;
      }
      if (!CONTROLLED.has(relation(tree, t))) return null;
    }
    t = head(tree, t);
  }
  return null;
}

/** The participant a phrase headed by token `g` names, or null when it names no actor. */
export function participantAt(ctx: TreeContext, g: number): EventParticipant | null {
  if (!inSentence(ctx, g) || ctx.reportingPositions.has(g - ctx.base)) return null;
  const { tree } = ctx;
  const core = coreRange(tree, g);
  let p = chunkParticipant(ctx, chunkOf(ctx, core), ctx.pronoun);
  if (!p || p.entity === null) p = possessiveAntecedent(ctx, g, core) ?? p;
  const named = namedAfter(ctx, core[1]) ?? afterTitle(ctx, g) ?? nameAfterRole(ctx, g, core[1]) ?? nameClosingTitle(ctx, g);
  if (named) return named.cameo === null || named.cameo.length === 3 ? titled(ctx, named, titleRange(ctx, named, core)) : named;
  if (p && p.entity !== null) return p.cameo === null || p.cameo.length === 3 ? titled(ctx, p, titleRange(ctx, p, core)) : p;
  if (p) p = withCountry(ctx, g, p);
  if (!p && ctx.sentence.tokens[g - ctx.base]?.tag === 'PRP') {
    const referent = pronounReferent(ctx, g);
    if (referent) return referent;
  }
  for (const c of children(tree, g)) {
    const rel = relation(tree, c);
    const behind = rel === 'nmod' && ctx.frames.bodyPrepositions.has(caseMarker(tree, c) ?? '');
    if (!behind && rel !== 'appos') continue;
    const q = inSentence(ctx, c) ? chunkParticipant(ctx, chunkOf(ctx, coreRange(tree, c)), ctx.pronoun) : null;
    if (q && q.entity !== null) return q;
  }
  return p;
}

/** Codes of bodies of many states, whose members and staff stay theirs whatever their title. */
const INTERNATIONAL_BODIES: ReadonlySet<string> = new Set(['IGO', 'NGO']);

/**
 * A person the registry does not know, coded from the words around the name: "British Defence
 * Secretary Tom King" is GBR + GOV, "Serbian President Vojislav Kostunica" SRB + GOV.
 */
function titled(ctx: TreeContext, p: EventParticipant, [first, last]: [number, number]): EventParticipant {
  let country: string | null = null;
  let role: string | null = null;
  for (let t = first; t <= last; t++) {
    const token = ctx.sentence.tokens[t - ctx.base];
    if (!token) continue;
    country ??= ctx.facts.countryOfWord(token.norm);
    if (token.entity !== p.entity) role ??= roleOfWord(token.norm);
  }
  if (p.cameo !== null && p.cameo.length === 3) {
    // "OPEC ministers", "UN inspectors": who serves an international body acts for it.
    if (!isRoleCode(p.cameo) || INTERNATIONAL_BODIES.has(p.cameo)) return p;
    role ??= p.cameo;
  }
  if (!country && !role) return p;
  // "President Yoweri Museveni has banned Ugandan opposition candidates": a titled person the
  // phrase gives no country for is taken to hold office in the one the sentence names first.
  if (!country && ctx.view.doc.layers.entities?.[p.entity ?? -1]?.type === 'PERSON') country = sentenceCountry(ctx);
  const cameo = `${country ?? ''}${role ?? ''}`;
  return { ...p, cameo };
}

/** How far back a title may run before a name: "U.S. Secretary of State Warren Christopher". */
const MAX_TITLE_WORDS = 6;

/**
 * The phrase's range widened to the title right before a person's name, however the parse hangs
 * it ("British Defence Secretary Tom King", "U.S. Secretary of State Warren Christopher"): the
 * capitalised words, people's adjectives and "of" that run up to the name.
 */
function titleRange(ctx: TreeContext, p: EventParticipant, core: [number, number]): [number, number] {
  const tokens = ctx.sentence.tokens;
  const entities = ctx.view.doc.layers.entities ?? [];
  if (p.entity === null || entities[p.entity]?.type !== 'PERSON') return core;
  const at = tokens.findIndex((t) => t.start === p.span.start);
  if (at < 0) return core;
  let first = at;
  for (let i = at - 1; i >= 0 && at - i <= MAX_TITLE_WORDS; i--) {
    const t = tokens[i]!;
    // "Palestinian leader Yasser Arafat": a role noun in lower case is part of the title too.
    const titleWord = /^NNP/.test(t.tag) || (t.norm === 'of' && i > 0 && /^NNP/.test(tokens[i - 1]!.tag)) || ctx.facts.countryOfWord(t.norm) !== null || (t.tag === 'NN' && roleOfWord(t.norm.toLowerCase()) !== null);
    if (!titleWord || (t.entity >= 0 && entities[t.entity]?.type === 'PERSON')) break;
    first = i;
  }
  const last = tokens.findIndex((t) => t.end === p.span.end);
  return [Math.min(core[0], ctx.base + first), Math.max(core[1], ctx.base + (last < 0 ? at : last))];
}

/** The first country the sentence names, by a country name or a people's adjective. */
function sentenceCountry(ctx: TreeContext): string | null {
  for (const t of ctx.sentence.tokens) {
    if (t.entity < 0) continue;
    const country = ctx.facts.countryOfWord(t.norm);
    if (country) return country;
  }
  return null;
}

/**
 * "Security forces in Guinea", "Rebels in the Ivory Coast": a role phrase takes the country of
 * the place its "in" or "from" phrase names. "Israeli helicopters and tanks": a conjoined role
 * phrase with no country takes its neighbour's.
 */
function withCountry(ctx: TreeContext, g: number, p: EventParticipant): EventParticipant {
  if (p.entity !== null || !p.cameo || p.cameo.length !== 3 || !isRoleCode(p.cameo)) return p;
  const { tree } = ctx;
  for (const c of children(tree, g)) {
    if (relation(tree, c) !== 'nmod' || !['in', 'from'].includes(caseMarker(tree, c) ?? '')) continue;
    const [first, last] = coreRange(tree, c);
    const words = ctx.sentence.tokens.slice(first - ctx.base, last - ctx.base + 1).map((t) => t.norm);
    // A word ("Iraq") or the whole name without its article ("the Ivory Coast").
    const whole = words.filter((w, i) => !(i === 0 && w.toLowerCase() === 'the')).join(' ');
    const country = words.map((w) => ctx.facts.countryOfWord(w)).find((x) => x) ?? ctx.facts.countryOfWord(whole);
    if (country) return { ...p, cameo: `${country}${p.cameo}`, actorId: countryRoleActor(ctx.facts, `${country}${p.cameo}`) };
  }
  return p;
}

/**
 * "a Syrian Air Force strike": a country word and the body right after it, both modifying the
 * event noun, are one actor (SYR + MIL), not a country and a nameless air force.
 */
function joinCountryToBody(ctx: TreeContext, list: EventParticipant[]): void {
  const text = ctx.view.doc.text;
  for (let i = 0; i + 1 < list.length; i++) {
    const country = list[i]!;
    const body = list[i + 1]!;
    if (country.cameo?.length !== 3 || isRoleCode(country.cameo) || body.span.start <= country.span.end) continue;
    if (text.slice(country.span.end, body.span.start).trim() !== '') continue;
    if (body.cameo !== null && !(body.cameo.length === 3 && isRoleCode(body.cameo))) continue;
    const role = body.cameo ?? roleOfWord(body.name.toLowerCase()) ?? roleOfWord(body.name.toLowerCase().split(/\s+/).pop() ?? '');
    if (!role) continue;
    const cameo = `${country.cameo}${role}`;
    const span = { start: country.span.start, end: body.span.end };
    list.splice(i, 2, { span, entity: body.entity ?? country.entity, actorId: countryRoleActor(ctx.facts, cameo), name: text.slice(span.start, span.end), cameo });
  }
}

/**
 * "Yemen's Houthi rebels": a country that only says whose body follows it is no second actor;
 * the body (YEMREB) is the one that acts.
 */
function dropOwnersCountry(ctx: TreeContext, list: EventParticipant[]): void {
  const text = ctx.view.doc.text;
  for (let i = list.length - 1; i >= 0; i--) {
    const country = list[i]!;
    if (country.cameo?.length !== 3 || isRoleCode(country.cameo)) continue;
    const body = list.find(
      (q) => q !== country && q.cameo !== null && q.cameo.length > 3 && q.cameo.startsWith(country.cameo!) && /^\s*(?:['’]s)?\s*$/.test(text.slice(country.span.end, q.span.start)),
    );
    if (body) list.splice(i, 1);
  }
}

function shareCountry(ctx: TreeContext, list: EventParticipant[]): void {
  const withOne = list.find((p) => p.cameo !== null && p.cameo.length >= 3 && !isRoleCode(p.cameo.slice(0, 3)));
  if (!withOne) return;
  const country = withOne.cameo!.slice(0, 3);
  for (let i = 0; i < list.length; i++) {
    const p = list[i]!;
    if (p.entity === null && p.cameo !== null && p.cameo.length === 3 && isRoleCode(p.cameo)) {
      list[i] = { ...p, cameo: `${country}${p.cameo}`, actorId: countryRoleActor(ctx.facts, `${country}${p.cameo}`) };
    }
  }
}

/**
 * "Hungary has said it will support …": "it" or "they" is the subject of a clause that governs
 * the pronoun's own, else the nearest state, organisation or people named before it.
 */
function pronounReferent(ctx: TreeContext, g: number): EventParticipant | null {
  const { tree } = ctx;
  if (!ctx.frames.referringPronouns.has(lemma(tree, g))) return null;
  // "were injured when U.S. warships bombarded them": an object pronoun never stands for the
  // subject of its own verb (that would be "themselves").
  const objectOf = relation(tree, g).startsWith('nsubj') ? -1 : head(tree, g);
  for (let clause = head(tree, g), hops = 0; clause !== -1 && hops < 4; clause = head(tree, clause), hops++) {
    if (!inSentence(ctx, clause)) break;
    if (clause === objectOf) continue;
    for (const s of childrenWith(tree, clause, ['nsubj', 'nsubj:pass'])) {
      if (s === g || s > g || tree.nodes[s]!.tag === 'PRP') continue;
      const e = ctx.sentence.tokens[s - ctx.base]?.entity ?? -1;
      if (e >= 0 && ANTECEDENT_TYPES.has(ctx.view.doc.layers.entities?.[e]?.type ?? '')) return participantAt(ctx, s);
      // "Iran's elite Revolutionary Guard force said it shot down": a phrase whose head is a
      // common noun still names a body when it codes as one (a country or an organisation, not a
      // person and not a bare role).
      const p = e >= 0 ? null : participantAt(ctx, s);
      if (p?.cameo && !isRoleCode(p.cameo.slice(0, 3)) && !isPerson(ctx, p)) return p;
      // "An unknown group … claimed it had attacked the building": a group, armed or not, is a
      // body too, though it codes only by its kind.
      if (p && isGroupNoun(lemma(tree, s))) return p;
      // "Militants loyal to Zarqawi said they attempted …": "they" is who says it, when that is
      // a plural noun, whatever its kind.
      if (p && lemma(tree, g).toLowerCase() === 'they' && tree.nodes[s]!.tag === 'NNS' && p.cameo !== null && ctx.frames.sayingVerbs.has(lemma(tree, clause).toLowerCase())) return p;
    }
  }
  return previousSubject(ctx, g);
}

/**
 * "The Iraqi army launched an offensive on Monday. It captured two villages": a pronoun that
 * opens its sentence, with nothing before it to stand for, stands for the subject of the
 * sentence before, in the same paragraph, when that names a body rather than a person.
 */
function previousSubject(ctx: TreeContext, g: number): EventParticipant | null {
  const { tree } = ctx;
  if (g !== ctx.base) return null;
  const prev = ctx.view.sentences[ctx.sentence.index - 1];
  if (!prev || prev.paragraph !== ctx.sentence.paragraph || prev.tokens.length === 0) return null;
  const before: TreeContext = { ...ctx, sentence: prev, base: prev.tokens[0]!.index, reportingPositions: new Set() };
  const roots = tree.roots.filter((r) => inSentence(before, r));
  for (const r of roots) {
    for (const s of childrenWith(tree, r, ['nsubj', 'nsubj:pass'])) {
      if (tree.nodes[s]!.tag === 'PRP') continue;
      const p = participantAt(before, s);
      if (!p || isPerson(before, p)) continue;
      const e = prev.tokens[s - before.base]?.entity ?? -1;
      const body = (e >= 0 && ANTECEDENT_TYPES.has(ctx.view.doc.layers.entities?.[e]?.type ?? '')) || (p.cameo !== null && !isRoleCode(p.cameo.slice(0, 3)));
      if (body) return { ...p, span: { start: ctx.sentence.tokens[0]!.start, end: ctx.sentence.tokens[0]!.end }, entity: null };
    }
  }
  return null;
}

function isPerson(ctx: TreeContext, p: EventParticipant): boolean {
  return p.entity !== null && ctx.view.doc.layers.entities?.[p.entity]?.type === 'PERSON';
}

/**
 * "killing Maj. Gen. Qassem Soleimani", parsed with the abbreviated rank as the object and the
 * name apart: an abbreviation heading the phrase stands for the person named right after it.
 */
function afterTitle(ctx: TreeContext, g: number): EventParticipant | null {
  const tokens = ctx.sentence.tokens;
  const at = g - ctx.base;
  if (!/^\p{L}{2,4}\.$/u.test(tokens[at]?.norm ?? '') || tokens[at]!.entity >= 0) return null;
  const entities = ctx.view.doc.layers.entities ?? [];
  for (let i = at + 1; i <= at + 3 && i < tokens.length; i++) {
    const e = tokens[i]!.entity;
    if (e < 0 || entities[e]?.type !== 'PERSON') continue;
    let to = i;
    while (tokens[to]?.entity === e) to++;
    return chunkParticipant(ctx, { from: i, to });
  }
  return null;
}

/**
 * "top Iranian commander Lieutenant General Qassem Soleimani": a role noun the person's name
 * follows, ranks between, names that person; the parse often hangs the name on the verb or
 * the event noun instead. Only a name right after the phrase, with nothing but capitalised
 * rank words between.
 */
function nameAfterRole(ctx: TreeContext, g: number, last: number): EventParticipant | null {
  const tokens = ctx.sentence.tokens;
  const entities = ctx.view.doc.layers.entities ?? [];
  const isTitle = (t: { entity: number } | undefined): boolean => t !== undefined && t.entity >= 0 && entities[t.entity]?.type === 'TITLE';
  const role = tokens[g - ctx.base];
  if (!role || !(roleOfWord(role.norm) || isTitle(role))) return null;
  for (let i = last + 1 - ctx.base; i < tokens.length && i <= last + 4 - ctx.base; i++) {
    const t = tokens[i]!;
    if (t.entity >= 0 && entities[t.entity]?.type === 'PERSON') {
      let to = i;
      while (tokens[to]?.entity === t.entity) to++;
      return chunkParticipant(ctx, { from: i, to });
    }
    if (!isTitle(t) && !/^NNP/.test(t.tag)) return null;
  }
  return null;
}

/**
 * "Prime Minister of the Kurdistan Region of Iraq Masrour Barzani condemned": a title whose
 * own phrase ends in a person's name names that person, however long the "of" phrase between.
 */
function nameClosingTitle(ctx: TreeContext, g: number): EventParticipant | null {
  const tokens = ctx.sentence.tokens;
  const entities = ctx.view.doc.layers.entities ?? [];
  const role = tokens[g - ctx.base];
  if (!role || !(roleOfWord(role.norm) || (role.entity >= 0 && entities[role.entity]?.type === 'TITLE'))) return null;
  const last = subtreeSpan(ctx.tree, g, ['punct']).last - ctx.base;
  const e = tokens[last]?.entity ?? -1;
  if (last <= g - ctx.base || e < 0 || entities[e]?.type !== 'PERSON' || tokens[last + 1]?.entity === e) return null;
  let from = last;
  while (from > g - ctx.base + 1 && tokens[from - 1]!.entity === e) from--;
  return chunkParticipant(ctx, { from, to: last + 1 });
}

/** "a Daesh ringleader, called Abu Hajar": the name a comma and a naming word give right after the phrase. */
function namedAfter(ctx: TreeContext, last: number): EventParticipant | null {
  const tokens = ctx.sentence.tokens;
  const at = last + 1 - ctx.base;
  if (tokens[at]?.norm !== ',' || !ctx.frames.namingWords.has(tokens[at + 1]?.norm ?? '')) return null;
  let from = at + 2;
  if (tokens[from]?.norm === 'as') from++;
  const e = tokens[from]?.entity ?? -1;
  if (e < 0) return null;
  let to = from;
  while (tokens[to]?.entity === e) to++;
  return chunkParticipant(ctx, { from, to });
}

/**
 * "Soleimani, the commander of …, and al-Muhandis, the deputy head of PMU, who were
 * assassinated": a relative "who" stands for every person named since the verb before it, which a
 * parse of such a list rarely joins into one phrase.
 */
function personsBefore(ctx: TreeContext, who: number): EventParticipant[] {
  const tokens = ctx.sentence.tokens;
  const entities = ctx.view.doc.layers.entities ?? [];
  const out: EventParticipant[] = [];
  for (let i = who - ctx.base - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.entity < 0 && /^VB/.test(t.tag)) break;
    if (t.entity < 0 || entities[t.entity]?.type !== 'PERSON' || tokens[i + 1]?.entity === t.entity) continue;
    let from = i;
    while (from > 0 && tokens[from - 1]!.entity === t.entity) from--;
    if (tokens[from - 1]?.norm === 'of') continue;
    const p = chunkParticipant(ctx, { from, to: i + 1 });
    if (p) out.unshift(p);
    i = from;
  }
  return out.slice(-4);
}

function same(a: EventParticipant, b: EventParticipant): boolean {
  return (a.actorId !== null && a.actorId === b.actorId) || (a.span.start === b.span.start && a.span.end === b.span.end);
}

function addAll(list: EventParticipant[], found: readonly (EventParticipant | null)[]): void {
  for (const p of found) if (p && !list.some((o) => same(o, p))) list.push(p);
}

function names(ps: readonly EventParticipant[]): string {
  return ps.length === 0 ? 'none' : ps.map((p) => `'${p.name}'`).join(' and ');
}

function isPlaceName(ctx: TreeContext, g: number): boolean {
  const e = ctx.sentence.tokens[g - ctx.base]?.entity ?? -1;
  return e >= 0 && PLACE_TYPES.has(ctx.view.doc.layers.entities?.[e]?.type ?? '');
}

/** Whether the place name at `g` was resolved to a whole country (not a city, a region, a site). */
function namesCountry(ctx: TreeContext, g: number): boolean {
  const e = ctx.sentence.tokens[g - ctx.base]?.entity ?? -1;
  return ctx.view.countryEntities.has(e);
}

/**
 * A common noun between a modifier `c` and the event noun `g` that names a thing that can be
 * hit (argument class physical-target: "oil" in "Saudi oil attack"; not "military" in
 * "Iranian military attack", nor "retaliatory" mis-tagged a noun), or null.
 */
function ownedThingBetween(ctx: TreeContext, c: number, g: number, own: ReadonlySet<number>): number | null {
  const { tree } = ctx;
  for (let t = c + 1; t < g; t++) {
    if (own.has(t) || relation(tree, t) !== 'compound' || (head(tree, t) !== g && head(tree, c) !== t)) continue;
    const word = ctx.sentence.tokens[t - ctx.base]?.norm ?? '';
    if (tree.nodes[t]!.upos !== 'NOUN' || roleOfWord(word) !== null || ctx.frames.weaponNouns.has(lemma(tree, t))) continue;
    if (ctx.frames.droneNouns.has(lemma(tree, t)) || ctx.frames.aircraftNouns.has(lemma(tree, t))) continue;
    const things = argumentClasses().get('physical-target');
    if (things && inArgumentClass(things, [word], null)) return t;
  }
  return null;
}

function isPersonName(ctx: TreeContext, g: number): boolean {
  const e = ctx.sentence.tokens[g - ctx.base]?.entity ?? -1;
  return e >= 0 && ctx.view.doc.layers.entities?.[e]?.type === 'PERSON';
}

/** Whether the name at `g` ends in a place noun ("Beirut Port", "Erbil Airport"). */
function namesSite(ctx: TreeContext, g: number): boolean {
  const e = ctx.sentence.tokens[g - ctx.base]?.entity ?? -1;
  const span = ctx.view.entityTokens.get(e);
  return span !== undefined && GEO_NOUNS.has(ctx.view.token(span[1] - 1)?.norm.toLowerCase() ?? '');
}

/** A name after a locative preposition says where, not to whom: "fired at Basra". */
function isPlacePhrase(ctx: TreeContext, g: number, preposition: string | undefined): boolean {
  if (!preposition || !PLACE_PREPOSITIONS.has(preposition)) return false;
  const e = ctx.sentence.tokens[g - ctx.base]?.entity ?? -1;
  return e >= 0 && PLACE_TYPES.has(ctx.view.doc.layers.entities?.[e]?.type ?? '');
}

/**
 * What an attack was aimed at when it is no actor: "destroyed an Iranian oil platform", "the
 * attack on two oil refineries in Saudi Arabia". Named by its core words, coded by the country
 * they name ("Iranian" → IRN), or by the country of its "in" phrase.
 */
function thingAt(ctx: TreeContext, g: number): EventParticipant | null {
  if (!inSentence(ctx, g) || ctx.reportingPositions.has(g - ctx.base)) return null;
  const { tree } = ctx;
  const node = tree.nodes[g]!;
  const head = node.lemma.toLowerCase();
  if ((node.upos !== 'NOUN' && node.upos !== 'PROPN') || ctx.frames.weaponNouns.has(head) || ctx.frames.timeOfDayNouns.has(head) || ctx.frames.measureNouns.has(head) || ctx.frames.whereNouns.has(head)) return null;
  const token = ctx.sentence.tokens[g - ctx.base]!;
  if (ctx.timeTokens.has(token.index) || ctx.triggerWords.has(g - ctx.base)) return null;
  // "pounded positions of Kurdish forces", "shelled the homes of civilians": a thing someone
  // holds stands for its holder, whom the coder names as the target.
  for (const c of children(tree, g)) {
    if (relation(tree, c) !== 'nmod' || caseMarker(tree, c) !== 'of' || !inSentence(ctx, c)) continue;
    const holder = chunkParticipant(ctx, chunkOf(ctx, coreRange(tree, c)), ctx.pronoun);
    if (holder?.cameo) return holder;
  }
  // "positions held by its fourth army corps": the same, told by a participle of holding.
  for (const c of children(tree, g)) {
    if (relation(tree, c) !== 'acl' || !ctx.frames.holdingVerbs.has(lemma(tree, c).toLowerCase())) continue;
    const by = children(tree, c).find((a) => caseMarker(tree, a) === 'by' && inSentence(ctx, a));
    const holder = by === undefined ? null : participantAt(ctx, by);
    if (holder?.cameo) return holder;
  }
  const [first, last] = coreRange(tree, g);
  const words: string[] = [];
  for (let t = first; t <= last; t++) {
    const w = ctx.sentence.tokens[t - ctx.base];
    if (w && !ctx.timeTokens.has(w.index)) words.push(w.norm);
  }
  let country: string | null = null;
  // "the British-flagged ship", "a U.S.-flagged tanker": the flag's country.
  for (const w of words) country ??= ctx.facts.countryOfWord(w) ?? (w.includes('-') ? ctx.facts.countryOfWord(w.slice(0, w.lastIndexOf('-'))) : null);
  for (const c of children(tree, g)) {
    if (country || relation(tree, c) !== 'nmod' || !['in', 'of', 'at'].includes(caseMarker(tree, c) ?? '')) continue;
    country = ctx.facts.countryOfWord(ctx.sentence.tokens[c - ctx.base]?.norm ?? '');
    // "oil installations at Iran's Ahvaz field": the country that holds the place they are at.
    const owner = childWith(tree, c, 'nmod:poss');
    if (!country && owner !== -1) country = ctx.facts.countryOfWord(ctx.sentence.tokens[owner - ctx.base]?.norm ?? '');
  }
  const firstWord = ctx.sentence.tokens[first - ctx.base]!;
  const skip = ['DT', 'PDT', 'CD', 'PRP$'].includes(firstWord.tag) && first < last ? 1 : 0;
  const span = { start: ctx.sentence.tokens[first + skip - ctx.base]!.start, end: ctx.sentence.tokens[last - ctx.base]!.end };
  return { span, entity: null, actorId: null, name: ctx.view.doc.text.slice(span.start, span.end), cameo: country };
}

/**
 * "have been hit in the Gulf by Iran", "the detention of fishing vessels by Iran": a 'by' phrase
 * naming an actor that the parser hangs on a place or on what was acted on is the agent of the
 * act: a gulf or a vessel is not "by" anyone.
 */
function agentHungOnNeighbour(ctx: TreeContext, neighbours: readonly number[]): { who: EventParticipant[]; on: number } | null {
  for (const n of neighbours) {
    for (const c of children(ctx.tree, n)) {
      if (relation(ctx.tree, c) !== 'nmod' || caseMarker(ctx.tree, c) !== 'by' || nounTrigger(ctx, c)) continue;
      // "by Iran and Iraq": each conjoined actor.
      const who = [c, ...childrenWith(ctx.tree, c, 'conj')].map((t) => participantAt(ctx, t)).filter((p): p is EventParticipant => p?.cameo != null);
      if (who.length > 0) return { who, on: n };
    }
  }
  return null;
}

/** Roots of verbal acts: statements, appeals, demands, criticism, threats (not force). */
const VERBAL_ROOTS = new Set(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14']);

/** Roots whose target may be a thing: coerce (property), assault, fight, mass violence. */
const THING_ROOTS = new Set(['17', '18', '19', '20']);

function targetAt(ctx: TreeContext, g: number, trigger: Trigger): EventParticipant | null {
  return participantAt(ctx, g) ?? (THING_ROOTS.has(trigger.pattern.code.slice(0, 2)) ? thingAt(ctx, g) : null);
}

function commaBetween(ctx: TreeContext, a: number, b: number): boolean {
  for (let t = Math.min(a, b) + 1; t < Math.max(a, b); t++) if (ctx.sentence.tokens[t - ctx.base]?.norm === ',') return true;
  return false;
}

const isSubject = (a: Argument) => a.role === 'nsubj' || a.role === 'csubj';
const isPassiveSubject = (a: Argument) => a.role === 'nsubj:pass' || a.role === 'csubj:pass' || a.role === 'nsubjpass';
const isObject = (a: Argument) => a.role === 'obj' || a.role === 'iobj' || a.role === 'dobj';
const isOblique = (a: Argument) => matchesRel(a.role, 'obl') && !['obl:tmod', 'obl:npmod', 'obl:unmarked'].includes(a.role);

/**
 * "Guerrillas wounded two soldiers", parsed with "soldiers" a bare oblique: a noun phrase right
 * after the verb with no preposition, no date or amount, is its object, whatever the label.
 */
function bareNounAfter(ctx: TreeContext, g: number, a: Argument): boolean {
  const { tree } = ctx;
  if (!matchesRel(tree.nodes[a.token]!.rel, 'obl:unmarked') || a.token <= g || caseMarker(tree, a.token) !== null) return false;
  if (!['NOUN', 'PROPN'].includes(tree.nodes[a.token]!.upos) || ctx.timeTokens.has(ctx.sentence.tokens[a.token - ctx.base]?.index ?? -1)) return false;
  const word = lemma(tree, a.token);
  return !ctx.frames.measureNouns.has(word) && !ctx.frames.timeOfDayNouns.has(word) && !/^(times?|way|home|miles?|km|kilometres?|kilometers?)$/.test(word);
}

/**
 * Scare quotes around the verb ('the ship “destroyed” an Iranian drone') make the parse read the
 * noun phrase after it as the verb's bare complement (xcomp); with no object of its own, that
 * phrase is the object. -1 when there is none.
 */
function nounComplement(ctx: TreeContext, g: number): number {
  const { tree } = ctx;
  const c = childWith(tree, g, 'xcomp');
  if (c === -1 || c < g || !inSentence(ctx, c) || !['NOUN', 'PROPN'].includes(tree.nodes[c]!.upos)) return -1;
  return markerOf(tree, c) === null && caseMarker(tree, c) === null ? c : -1;
}

/** Parts of speech a bare noun phrase is made of, and its heads. */
const NOUN_PHRASE_UPOS: ReadonlySet<string> = new Set(['DET', 'NUM', 'ADJ', 'NOUN', 'PROPN']);

/**
 * The head of the bare noun phrase right after a participle the parse made a noun's modifier
 * ("guerrillas wounded two British soldiers"), or -1: the phrase's last noun before anything
 * else, when it is no date and the parse hung it outside the participle.
 */
function bareObjectAfter(ctx: TreeContext, g: number): number {
  const { tree } = ctx;
  if (relation(tree, g) !== 'acl' || !['VBN', 'VBD'].includes(tree.nodes[g]!.tag) || auxiliaries(tree, g).length > 0) return -1;
  let headNoun = -1;
  for (let t = g + 1; inSentence(ctx, t); t++) {
    const node = tree.nodes[t]!;
    const modifier = node.rel === 'amod' || node.rel === 'compound';
    if (!NOUN_PHRASE_UPOS.has(node.upos) && !modifier) break;
    if (ctx.timeTokens.has(ctx.sentence.tokens[t - ctx.base]?.index ?? -1)) return -1;
    if (node.upos === 'NOUN' || node.upos === 'PROPN') headNoun = t;
  }
  if (headNoun === -1 || dominates(tree, g, headNoun)) return -1;
  return spanHead(tree, g + 1, headNoun);
}

/** "a series of attacks", "dozens of protesters": the thing a counting noun counts, else the noun itself. */
function countedThing(ctx: TreeContext, t: number): number {
  const { tree } = ctx;
  // "tens of thousands of students": counts of counts. A count that names an act itself ("a
  // barrage of rockets slammed into the base") is that act, and stays.
  for (let hops = 0; hops < 3 && ctx.frames.countingNouns.has(lemma(tree, t)) && nounTrigger(ctx, t) === null; hops++) {
    const counted = children(tree, t).find((c) => relation(tree, c) === 'nmod' && caseMarker(tree, c) === 'of' && inSentence(ctx, c));
    if (counted === undefined) return t;
    t = counted;
  }
  return t;
}

/** The counting noun an act noun hangs on by 'of' ("a spate of attacks"), or null. */
function counter(ctx: TreeContext, g: number): number | null {
  const { tree } = ctx;
  const up = head(tree, g);
  return up !== -1 && relation(tree, g) === 'nmod' && caseMarker(tree, g) === 'of' && ctx.frames.countingNouns.has(lemma(tree, up)) ? up : null;
}

function nounTrigger(ctx: TreeContext, g: number): Trigger | null {
  const t = ctx.triggerAt.get(g);
  return t && t.kind === 'noun' ? t : null;
}

/** The object of the verb `g` hangs on as a for- or of-gerund ("blamed Tehran for firing"), when it names an actor; else -1. */
function objectControlled(ctx: TreeContext, g: number): number {
  const { tree } = ctx;
  if (tree.nodes[g]!.tag !== 'VBG' || relation(tree, g) !== 'advcl' || !['for', 'of'].includes(markerOf(tree, g) ?? '')) return -1;
  if (childWith(tree, g, ['nsubj', 'nsubj:pass']) !== -1) return -1;
  const object = childWith(tree, head(tree, g), 'obj');
  if (object === -1 || !inSentence(ctx, object)) return -1;
  const p = participantAt(ctx, object);
  return p !== null && p.cameo !== null ? object : -1;
}

/** "carried out attacks targeting the base": the event noun a light-verb pattern took as its own word. */
function heldEventNoun(ctx: TreeContext, g: number): Trigger | null {
  const at = g - ctx.base;
  if (!ctx.sentence.tokens[at]?.tag.startsWith('NN')) return null;
  for (const t of ctx.triggerAt.values()) if (t.kind === 'verb' && t.head !== at && t.words.includes(at)) return t;
  return null;
}

export function verbArguments(ctx: TreeContext, trigger: Trigger): ArgumentReading {
  const { tree } = ctx;
  const g = ctx.base + trigger.head;
  const args = argumentsOf(tree, g)
    .filter((a) => inSentence(ctx, a.token))
    .map((a) => (bareNounAfter(ctx, g, a) ? { ...a, role: 'obj' } : a))
    .map((a) => (isObject(a) ? { ...a, token: countedThing(ctx, a.token) } : a));
  // "Guerrillas wounded two soldiers", tagged a reduced relative ("guerrillas wounded …") with the
  // noun phrase after it hung elsewhere: a passive participle is never followed by a bare noun
  // phrase, so that phrase is the object, and the verb active.
  const phraseAfter = args.some((a) => isObject(a) || a.role === 'agent') ? -1 : bareObjectAfter(ctx, g);
  if (phraseAfter !== -1) args.push({ token: phraseAfter, role: 'obj', via: 'dependent' });
  const complement = args.some((a) => isObject(a) || a.role === 'agent') ? -1 : nounComplement(ctx, g);
  if (complement !== -1) args.push({ token: complement, role: 'obj', via: 'dependent' });
  // A bare participle with an object of its own is active, whatever its tag: 'Syrian "rebels"
  // attacked the checkpoint' read as a noun modified by "attacked". The noun is its subject.
  const bareParticiple = childWith(tree, g, ['aux:pass', 'nsubj:pass', 'auxpass', 'nsubjpass']) === -1 && args.some(isObject);
  // "33 Turkish soldiers killed in airstrikes by Syrian forces": a headline's bare participle
  // with a by-agent or an event it was done in, and no object, is passive whatever the tagger says;
  // so is a reduced relative the parse made the main verb ("Two tankers attacked by gunboats have anchored").
  const headlinePassive =
    ['VBD', 'VBN'].includes(tree.nodes[g]!.tag) &&
    auxiliaries(tree, g).length === 0 &&
    !args.some(isObject) &&
    args.some((a) => a.role === 'agent' || (isOblique(a) && (a.preposition === 'by' || (ctx.frames.instrumentPrepositions.has(a.preposition ?? '') && nounTrigger(ctx, a.token) !== null)))) &&
    args.some((a) => isSubject(a) && a.token < g);
  // "was attacked and hit in the engine room": a participle joined to a passive verb, with no
  // subject or auxiliary of its own, is passive too.
  const sharedPassive =
    relation(tree, g) === 'conj' &&
    ['VBN', 'VBD'].includes(tree.nodes[g]!.tag) &&
    auxiliaries(tree, g).length === 0 &&
    !args.some((a) => (a.via !== 'shared' && isSubject(a)) || isObject(a)) &&
    isPassive(tree, head(tree, g));
  if (sharedPassive) for (const a of [...args]) if (a.via === 'shared' && isSubject(a)) args.push({ ...a, role: 'nsubj:pass' });
  // "Iraqi forces fought against IS in Mosul.": a sentence whose only verb the parse made a
  // participle modifying its first noun tells that noun's act; it is the finite verb, active,
  // unless something says passive (a by-agent, the event it was done in).
  const rootedParticiple =
    relation(tree, g) === 'acl' &&
    tree.nodes[g]!.tag === 'VBN' &&
    head(tree, g) !== -1 &&
    head(tree, head(tree, g)) === -1 &&
    head(tree, g) < g &&
    ctx.sentence.tokens.at(-1)?.norm === '.' &&
    !headlinePassive &&
    !args.some((a) => a.role === 'agent' || (isOblique(a) && (a.preposition === 'by' || (ctx.frames.instrumentPrepositions.has(a.preposition ?? '') && nounTrigger(ctx, a.token) !== null))));
  if (rootedParticiple) for (const a of [...args]) if (a.via === 'relative' && isPassiveSubject(a)) args.push({ ...a, role: 'nsubj' });
  const passive = (isPassive(tree, g) || (trigger.passive && !args.some(isSubject)) || headlinePassive || sharedPassive) && !bareParticiple && !rootedParticiple;
  if (headlinePassive) for (const a of [...args]) if (isSubject(a)) args.push({ ...a, role: 'nsubj:pass' });
  if (headlinePassive) for (const a of [...args]) if (isOblique(a) && a.preposition === 'by' && !nounTrigger(ctx, a.token)) args.push({ ...a, role: 'agent' });
  if (!passive && bareParticiple) for (const a of args) if (a.via === 'relative' && isPassiveSubject(a)) args.push({ ...a, role: 'nsubj' });
  const why: string[] = [];
  const sources: EventParticipant[] = [];
  const targets: EventParticipant[] = [];
  let host: Trigger | null = null;
  let instrument: Trigger | null = null;

  // A subject with a preposition of its own, or a date, is a misparse ("The United States on
  // Thursday demanded": "Thursday" read as the subject); the words before the verb decide then.
  // The noun a participle or relative clause modifies keeps its own preposition: "in retaliation
  // for Friday's attack damaging a ship" ("attack" is the subject of "damaging").
  const plausible = (a: Argument) => (a.via === 'relative' || caseMarker(tree, a.token) === null) && !ctx.timeTokens.has(ctx.sentence.tokens[a.token - ctx.base]?.index ?? -1);
  // "Thousands of Iraqi Kurds demonstrated": the subject is what the count counts.
  const subjects = args
    .filter(passive ? isPassiveSubject : isSubject)
    .filter(plausible)
    .map((a) => ({ ...a, token: countedThing(ctx, a.token) }))
    .map((a) => (a.via === 'relative' ? { ...a, token: setBeforePartitive(ctx, a.token) } : a));
  // "said Iraqi warplanes today destroyed": a date read as the subject pushed the real one,
  // right before it, out of the clause; that noun is the subject.
  if (subjects.length === 0) {
    const displaced = args
      .filter((a) => (passive ? isPassiveSubject(a) : isSubject(a)) && ctx.timeTokens.has(ctx.sentence.tokens[a.token - ctx.base]?.index ?? -1))
      .map((a) => a.token - 1)
      .find((t) => inSentence(ctx, t) && tree.nodes[t]!.tag.startsWith('NN') && !ctx.timeTokens.has(ctx.sentence.tokens[t - ctx.base]?.index ?? -1) && caseMarker(tree, t) === null);
    if (displaced !== undefined) {
      subjects.push({ token: displaced, role: passive ? 'nsubj:pass' : 'nsubj', via: 'dependent' });
      why.push(`subject '${lemma(tree, displaced)}': the noun before the date the parse took for the subject`);
    }
  }
  // "70 soldiers on foot patrol were attacked", parsed with "patrol" the subject and "soldiers"
  // hung on it: a subject with a preposition of its own gives way to the noun before that preposition.
  if (subjects.length === 0) {
    for (const a of args) {
      if (!(passive ? isPassiveSubject(a) : isSubject(a)) || caseMarker(tree, a.token) === null) continue;
      const marker = childWith(tree, a.token, 'case');
      const before = children(tree, a.token).find(
        (c) => c < marker && inSentence(ctx, c) && ['NOUN', 'PROPN'].includes(tree.nodes[c]!.upos) && tree.nodes[c]!.rel.startsWith('nmod') && caseMarker(tree, c) === null,
      );
      if (before === undefined) continue;
      subjects.push({ token: before, role: a.role, via: 'dependent' });
      why.push(`subject '${lemma(tree, before)}': the noun before '${lemma(tree, marker)}', which the parse hung on '${lemma(tree, a.token)}'`);
      break;
    }
  }
  // "criticized the United States for sending ships", "blamed Tehran for firing missiles",
  // "arrested him for spying": the object of the verb a for- or of-gerund hangs on does the
  // gerund's act, not that verb's subject.
  const governorObject = objectControlled(ctx, g);
  if (governorObject !== -1 && !passive) {
    subjects.splice(0, subjects.length, { token: governorObject, role: 'nsubj', via: 'control' });
    why.push(`subject '${lemma(tree, governorObject)}': the object of '${lemma(tree, head(tree, g))}', whose '${markerOf(tree, g)}' phrase tells what it did`);
  }
  const who = childWith(tree, g, ['nsubj', 'nsubj:pass', 'nsubjpass']);
  if (who !== -1 && ['who', 'whom'].includes(lemma(tree, who)) && subjects.some((s) => s.via === 'relative')) {
    const persons = personsBefore(ctx, who);
    if (persons.length > 1) addAll(passive ? targets : sources, persons);
  }
  for (const s of subjects) {
    const event = nounTrigger(ctx, s.token) ?? (s.via === 'relative' ? heldEventNoun(ctx, s.token) : null);
    if (event && !passive) {
      host ??= event;
      continue;
    }
    const described = describedName(ctx, s.token);
    if (described !== null) why.push(`'${lemma(tree, s.token)}' describes the name before it`);
    const at = described ?? s.token;
    addAll(passive ? targets : sources, [passive ? targetAt(ctx, at, trigger) : participantAt(ctx, at)]);
  }
  if (passive) {
    addAll(
      sources,
      args.filter((a) => a.role === 'agent' && !nounTrigger(ctx, a.token)).map((a) => participantAt(ctx, a.token)),
    );
    if (sources.length === 0) {
      const by = args.find((a) => isOblique(a) && ctx.frames.instrumentPrepositions.has(a.preposition ?? '') && nounTrigger(ctx, a.token));
      if (by) {
        instrument = nounTrigger(ctx, by.token);
        addAll(sources, nounArguments(ctx, instrument!).sources);
        why.push(`by means of '${lemma(tree, by.token)}'${sources.length > 0 ? `, whose actor is ${names(sources)}` : ''}`);
      }
    }
    if (sources.length === 0) {
      const agent = agentHungOnNeighbour(ctx, args.filter((a) => isOblique(a) || isPassiveSubject(a)).map((a) => a.token));
      if (agent) {
        addAll(sources, agent.who);
        why.push(`source ${names(agent.who)}: the 'by' phrase the parser hangs on '${lemma(tree, agent.on)}'`);
      }
    }
    why.push(`passive: target ${names(targets)} is the subject, source ${names(sources)} the agent`);
  } else {
    // "launched the Turkish military operation on the area": the object of a light-verb pattern
    // is the event itself, never its target; its own modifiers say who (its phrases say to whom,
    // read below with the pattern's object).
    const own = new Set(trigger.words.map((w) => ctx.base + w));
    // Not "holding American hostages": the hostages are whom it is done to.
    const attackNoun = ATTACK_NOUN_ROOTS.has(trigger.pattern.code.slice(0, 2)) && !trigger.pattern.code.startsWith('181');
    const eventObject = attackNoun && ctx.frames.lightVerbs.has(lemma(tree, g)) ? args.find((a) => isObject(a) && own.has(a.token)) : undefined;
    if (eventObject) {
      const read = nounArguments(ctx, { ...trigger, kind: 'noun', head: eventObject.token - ctx.base, words: [eventObject.token - ctx.base] });
      if (sources.length === 0 && read.sources.length > 0) {
        addAll(sources, read.sources);
        why.push(`source ${names(sources)} from the event noun '${lemma(tree, eventObject.token)}'`);
      }
    }
    addAll(targets, args.filter((a) => isObject(a) && !postureMeans(ctx, trigger, a.token)).map((a) => targetAt(ctx, a.token, trigger)));
    // The event noun's own actor, read again as its object ("the Turkish military operation"), is no target.
    if (eventObject) targets.splice(0, targets.length, ...targets.filter((t) => !sources.some((p) => same(t, p))));
    if (targets.length === 0) {
      // A bare oblique that names people is an object the parse misread: "killed more than 4,000 Iraqis".
      const obliques = args.filter(
        (a) =>
          isOblique(a) &&
          (a.preposition === undefined ? !commaBetween(ctx, g, a.token) : ctx.frames.targetPrepositions.has(a.preposition)) &&
          !isPlacePhrase(ctx, a.token, a.preposition),
      );
      addAll(targets, obliques.map((a) => (a.preposition === undefined ? participantAt(ctx, a.token) : targetAt(ctx, a.token, trigger))));
    }
    // "discussed the deployment of missiles near the strait with the Kuwaiti undersecretary":
    // whom one consults is the with-phrase, wherever the parse hung it; the object is the topic.
    if (trigger.pattern.code.startsWith('04')) {
      const partners = consultPartners(ctx, g, args);
      if (partners.length > 0) {
        targets.splice(0, targets.length);
        addAll(targets, partners);
        why.push(`target ${names(targets)}: whom the meeting or talk is with`);
      }
    }
    // "A Soviet tanker hit a mine": whoever runs onto a mine is what it hit, and no one attacked it.
    const mine = args.find((a) => isObject(a) && isMine(ctx, a.token));
    if (mine) {
      const hit = subjects.map((s) => targetAt(ctx, s.token, trigger) ?? thingAt(ctx, s.token));
      sources.splice(0, sources.length);
      targets.splice(0, targets.length);
      addAll(targets, hit);
      why.push(`target ${names(targets)}: it ran onto a ${lemma(tree, mine.token)}`);
    }
    if (targets.length === 0) {
      const own = ownObjectTargets(ctx, trigger);
      addAll(targets, own.targets);
      if (own.targets.length > 0) why.push(own.why);
    }
    // "attacked the positions … in an air raid": the noun tells how; the stage folds it in.
    const how = args.find((a) => isOblique(a) && ctx.frames.instrumentPrepositions.has(a.preposition ?? '') && nounTrigger(ctx, a.token));
    // The parse may hang that phrase on the object: "wounded two soldiers in a bomb attack".
    const onObject = how
      ? undefined
      : args
          .filter(isObject)
          .flatMap((o) => children(tree, o.token))
          .find((c) => relation(tree, c) === 'nmod' && ctx.frames.instrumentPrepositions.has(caseMarker(tree, c) ?? '') && nounTrigger(ctx, c));
    if (how) instrument = nounTrigger(ctx, how.token);
    else if (onObject !== undefined) instrument = nounTrigger(ctx, onObject);
    why.push(`active: source ${names(sources)} is the subject${subjects.some((s) => s.via !== 'dependent') ? ` (${subjects.map((s) => s.via).join(', ')})` : ''}, target ${names(targets)} the object`);
  }
  // "…, killing two guards", "stormed the base and killed": the result of the event it hangs on.
  const rel = relation(tree, g);
  const governor = head(tree, g);
  const governing = ctx.triggerAt.get(governor);
  // Not "after launching the offensive": a participle opened by a conjunction tells another act.
  if (!host && governing && rel === 'advcl' && ['VBG', 'VBN'].includes(tree.nodes[g]!.tag) && childWith(tree, g, ['mark']) === -1) host = governing;
  if (host) why.push(`tells the result of '${lemma(tree, ctx.base + host.head)}'`);
  const hasObject = args.some((a) => isObject(a) || (isOblique(a) && ctx.frames.targetPrepositions.has(a.preposition ?? '')));
  shareCountry(ctx, sources);
  shareCountry(ctx, targets);
  dropOwnersCountry(ctx, sources);
  dropOwnersCountry(ctx, targets);
  const objectWords = args.filter(passive ? isPassiveSubject : isObject).map((a) => lemma(tree, a.token).toLowerCase());
  // "quell escalating tension" parsed as a clause "escalating tension": the participle right
  // after the verb modifies the noun that is the verb's object.
  const next = g + 1;
  if (!passive && objectWords.length === 0 && tree.nodes[next]?.tag === 'VBG' && head(tree, next) === g && relation(tree, next) === 'xcomp') {
    for (const o of childrenWith(tree, next, 'obj')) if (o === next + 1) objectWords.push(lemma(tree, o).toLowerCase());
  }
  return { hasSubject: subjects.length > 0, hasObject, sources, targets, host, instrument, objectWords, why };
}

/**
 * "The rigs, one of which was shelled": a relative clause on a word that picks some of a set
 * tells of the noun before the comma; else the word itself.
 */
function setBeforePartitive(ctx: TreeContext, t: number): number {
  const { tree } = ctx;
  if (!ctx.frames.partitiveWords.has(lemma(tree, t).toLowerCase()) || ctx.sentence.tokens[t - 1 - ctx.base]?.norm !== ',') return t;
  const before = t - 2;
  return inSentence(ctx, before) && ['NOUN', 'PROPN'].includes(tree.nodes[before]!.upos) ? before : t;
}

/** Whether the noun at `g`, alone or with the word before it ("roadside bomb"), names a mine. */
function isMine(ctx: TreeContext, g: number): boolean {
  const word = lemma(ctx.tree, g).toLowerCase();
  const before = ctx.sentence.tokens[g - 1 - ctx.base]?.norm.toLowerCase();
  return ctx.frames.mineNouns.has(word) || (before !== undefined && ctx.frames.mineNouns.has(`${before} ${word}`));
}

/**
 * "test-fired its new missile", "deployed troops": in a show of force (CAMEO 15) the weapons
 * or forces the verb takes are its means, not whom it is aimed at ("threatened the ship" is).
 */
function postureMeans(ctx: TreeContext, trigger: Trigger, g: number): boolean {
  if (!trigger.pattern.code.startsWith('15')) return false;
  const word = lemma(ctx.tree, g).toLowerCase();
  const named = (ctx.sentence.tokens[g - ctx.base]?.entity ?? -1) >= 0;
  // "installed Patriot [missile] systems": a weapon named by a word of its phrase before its head.
  let weaponKind = false;
  for (let t = subtreeSpan(ctx.tree, g).first; t < g; t++) if (inSentence(ctx, t) && ctx.frames.weaponNouns.has(lemma(ctx.tree, t).toLowerCase())) weaponKind = true;
  return ctx.frames.weaponNouns.has(word) || weaponKind || (!named && roleOfWord(word) === 'MIL');
}

/**
 * The actors a consultation is with: the verb's with-phrase, or one the parse hung inside its
 * object ("discussed the deployment … near the strait with the undersecretary"). Only phrases
 * that name an actor count.
 */
function consultPartners(ctx: TreeContext, g: number, args: readonly Argument[]): EventParticipant[] {
  const { tree } = ctx;
  const heads = args.filter((a) => isOblique(a) && a.preposition === 'with').map((a) => a.token);
  for (const o of args.filter(isObject)) {
    const span = subtreeSpan(tree, o.token);
    for (let t = span.first; t <= span.last; t++) if (t !== o.token && relation(tree, t) === 'nmod' && caseMarker(tree, t) === 'with' && inSentence(ctx, t)) heads.push(t);
  }
  const out: EventParticipant[] = [];
  for (const t of heads) {
    if (t < g) continue;
    const p = participantAt(ctx, t);
    if (p !== null && p.cameo !== null) addAll(out, [p]);
  }
  return out;
}

/**
 * "Turkey, a NATO member, invaded Syria": an indefinite description set off by a comma right
 * after a name is that name's apposition, even when the parse made it the subject and left the
 * name hanging elsewhere. The name is the actor; "a NATO member" is not NATO.
 */
function describedName(ctx: TreeContext, s: number): number | null {
  const { tree } = ctx;
  const det = childWith(tree, s, 'det');
  if (det === -1 || !INDEFINITE_ARTICLES.has(lemma(tree, det))) return null;
  const comma = subtreeSpan(tree, s, ['punct']).first - 1;
  const name = comma - 1;
  if (!inSentence(ctx, name) || ctx.sentence.tokens[comma - ctx.base]?.norm !== ',') return null;
  if (tree.nodes[name]!.upos !== 'PROPN' || dominates(tree, s, name)) return null;
  const p = participantAt(ctx, name);
  return p && p.entity !== null ? name : null;
}

/**
 * A verb pattern that takes its object among its words ("launch assault", "seize tanker") reads
 * its target through that object: the object's own target phrase ("launched an assault on the
 * fronts of three Iraqi divisions", "airstrikes on northern Syria"), or, for acts that may be
 * done to things, the object itself ("seized the British-flagged ship").
 */
function ownObjectTargets(ctx: TreeContext, trigger: Trigger): { targets: EventParticipant[]; why: string } {
  const { tree, frames } = ctx;
  const g = ctx.base + trigger.head;
  // The object, or the act a counting object counts ("carried out a series of attacks on X").
  const onVerb = (w: number) => {
    const c = counter(ctx, w) ?? w;
    return head(tree, c) === g && ['obj', 'obl'].includes(relation(tree, c));
  };
  const objects = trigger.words.map((w) => ctx.base + w).filter((w) => w !== g && onVerb(w));
  for (const o of objects) {
    const phrases = children(tree, o).filter(
      (c) => relation(tree, c) === 'nmod' && frames.targetPrepositions.has(caseMarker(tree, c) ?? '') && !isPlacePhrase(ctx, c, caseMarker(tree, c) ?? undefined) && !nounTrigger(ctx, c),
    );
    const found = phrases.map((c) => targetAt(ctx, c, trigger)).filter((p): p is EventParticipant => p !== null);
    if (found.length > 0) return { targets: found, why: `target ${names(found)} from '${caseMarker(tree, phrases[0]!) ?? ''} …' of '${lemma(tree, o)}'` };
  }
  // "launched a new offensive": a light verb's object is the event itself, not whom it hit.
  if (!THING_ROOTS.has(trigger.pattern.code.slice(0, 2)) || frames.lightVerbs.has(lemma(tree, g))) return { targets: [], why: '' };
  const object = objects.find((o) => relation(tree, o) === 'obj' && !frames.weaponNouns.has(lemma(tree, o)));
  if (object === undefined) return { targets: [], why: '' };
  const own = new Set(trigger.words.filter((w) => w !== object - ctx.base));
  const p = participantAt(ctx, object) ?? thingAt({ ...ctx, triggerWords: own }, object);
  return p ? { targets: [p], why: `target '${p.name}': the object the pattern names` } : { targets: [], why: '' };
}

export function nounArguments(ctx: TreeContext, trigger: Trigger): ArgumentReading {
  const { tree, frames } = ctx;
  const g = ctx.base + trigger.head;
  const own = new Set(trigger.words.map((w) => ctx.base + w));
  const why: string[] = [];
  const sources: EventParticipant[] = [];
  const targets: EventParticipant[] = [];
  const patientFirst = frames.patientPossessors.has(lemma(tree, g));
  for (const c of children(tree, g)) {
    if (own.has(c) || !inSentence(ctx, c)) continue;
    const full = tree.nodes[c]!.rel;
    const rel = relation(tree, c);
    if (full === 'nmod:poss') {
      const p = participantAt(ctx, c);
      addAll(patientFirst ? targets : sources, [p]);
      if (p) why.push(`${patientFirst ? 'target' : 'source'} '${p.name}' is the possessor`);
    } else if ((rel === 'compound' || rel === 'amod') && c < g) {
      // "the Idlib attack": a place that codes as no actor says where, not who; so does a city
      // before a bombing or a blast ("the Beirut blast"), which is no capital's act, while "a new
      // Tehran offensive" is Iran's.
      const bombing = trigger.pattern.code.startsWith('18');
      if (rel === 'compound' && isPlaceName(ctx, c) && (participantAt(ctx, c)?.cameo == null || (bombing && !namesCountry(ctx, c)))) continue;
      // "the Beirut Port explosion": a name ending in a place noun is a site, whatever its entity type.
      if (rel === 'compound' && bombing && namesSite(ctx, c)) continue;
      const p = participantAt(ctx, c);
      // "the Saudi oil attack", "a Kuwaiti tanker attack": a country before the thing attacked
      // owns that thing; it is whom the attack hit, not who made it.
      const owned = ownedThingBetween(ctx, c, g, own);
      if (p && owned !== null && THING_ROOTS.has(trigger.pattern.code.slice(0, 2)) && p.cameo !== null && p.cameo.length === 3 && !isRoleCode(p.cameo)) {
        addAll(targets, [p]);
        why.push(`target '${p.name}': owns the '${lemma(tree, owned)}' attacked`);
        continue;
      }
      // "the Abu Bakr al-Baghdadi raid", "the Soleimani strike": an attack named after a person
      // is named after whom it was aimed at.
      if (rel === 'compound' && p && isPersonName(ctx, c) && THING_ROOTS.has(trigger.pattern.code.slice(0, 2))) {
        addAll(targets, [p]);
        why.push(`target '${p.name}': the person the attack is named after`);
        continue;
      }
      addAll(sources, [p]);
      if (p) why.push(`source '${p.name}' modifies the noun`);
    } else if (rel === 'nmod' || rel === 'acl') {
      const prep = caseMarker(tree, c) ?? '';
      if (rel === 'acl') {
        // "the attack carried out by militants": the participle's agent.
        const agents = argumentsOf(tree, c).filter((a) => a.role === 'agent');
        addAll(sources, agents.map((a) => participantAt(ctx, a.token)));
        // "a military campaign to quash the Houthi rebels": the purpose's object is whom it is against.
        if (tree.nodes[c]!.tag === 'VB' && targets.length === 0 && !ctx.triggerAt.has(c)) {
          addAll(targets, childrenWith(tree, c, 'obj').map((o) => participantAt(ctx, o)));
        }
        continue;
      }
      if (isPlacePhrase(ctx, c, prep) || nounTrigger(ctx, c)) continue;
      const speechAgent = frames.speechAgentPrepositions.has(prep) && VERBAL_ROOTS.has(trigger.pattern.code.slice(0, 2));
      const toSource = frames.agentPrepositions.has(prep) || speechAgent || (prep === 'of' && trigger.pattern.of === 'source' && !patientFirst);
      const toTarget = !toSource && (prep === 'of' || frames.targetPrepositions.has(prep));
      if (!toSource && !toTarget) continue;
      const p = toSource ? participantAt(ctx, c) : targetAt(ctx, c, trigger);
      addAll(toSource ? sources : targets, [p]);
      if (p) why.push(`${toSource ? 'source' : 'target'} '${p.name}' from '${prep} …'`);
      // "the attack by four destroyers on the platform": the parser hangs the 'on' phrase on the
      // attacker, but an attacker is not on what it attacks.
      if (toSource && THING_ROOTS.has(trigger.pattern.code.slice(0, 2))) {
        for (const cc of children(tree, c)) {
          const inner = caseMarker(tree, cc) ?? '';
          if (relation(tree, cc) !== 'nmod' || !frames.attackedPrepositions.has(inner) || isPlacePhrase(ctx, cc, inner)) continue;
          const t = targetAt(ctx, cc, trigger);
          addAll(targets, [t]);
          if (t) why.push(`target '${t.name}' from '${inner} …' after the attacker`);
        }
      }
    }
  }
  // "the Guards were under attack from warplanes": the subject of a copula on "under" is whom it hit.
  if (targets.length === 0 && caseMarker(tree, g) === 'under' && childWith(tree, g, 'cop') !== -1) {
    const hit = childrenWith(tree, g, ['nsubj', 'nsubj:pass']).filter((c) => inSentence(ctx, c));
    addAll(targets, hit.map((c) => participantAt(ctx, c) ?? targetAt(ctx, c, trigger)));
    if (targets.length > 0) why.push(`target ${names(targets)}: the subject is under it`);
    // "… under assault from warplanes": the 'from' phrase is who attacks, as with "came under".
    if (sources.length === 0) {
      const from = children(tree, g).filter((c) => relation(tree, c) === 'nmod' && ['from', 'by'].includes(caseMarker(tree, c) ?? '') && !isPlacePhrase(ctx, c, caseMarker(tree, c) ?? undefined));
      addAll(sources, from.map((c) => participantAt(ctx, c)));
      if (sources.length > 0) why.push(`source ${names(sources)} from its 'from' phrase`);
    }
  }
  if (sources.length === 0) {
    const ofPhrases = children(tree, g).filter((c) => relation(tree, c) === 'nmod' && !own.has(c) && ['of', 'on', 'against'].includes(caseMarker(tree, c) ?? ''));
    const agent = agentHungOnNeighbour(ctx, ofPhrases);
    if (agent) {
      addAll(sources, agent.who);
      why.push(`source ${names(agent.who)}: the 'by' phrase the parser hangs on '${lemma(tree, agent.on)}'`);
    }
  }
  // The verb that carries the noun: "carried out strikes on X", "blamed the attack on Iran";
  // through a noun that counts it: "carried out a spate of attacks".
  const carried = counter(ctx, g) ?? g;
  const verb = head(tree, carried);
  const rel = relation(tree, carried);
  if (verb !== -1 && inSentence(ctx, verb) && frames.undergoerVerbs.has(lemma(tree, verb)) && undergoes(tree, carried, verb)) {
    const read = undergoerArguments(ctx, verb);
    if (targets.length === 0) addAll(targets, read.targets);
    if (sources.length === 0) addAll(sources, read.sources);
    if (read.targets.length + read.sources.length > 0) why.push(`target ${names(read.targets)} undergoes it ('${lemma(tree, verb)}'), source ${names(read.sources)}`);
  } else if (verb !== -1 && inSentence(ctx, verb) && rel === 'obl' && frames.casualtyVerbs.has(lemma(tree, verb)) && ['in', 'during'].includes(caseMarker(tree, g) ?? '')) {
    // "22 Turkish soldiers died in a Syrian Air Force strike": who died is whom it struck.
    if (targets.length === 0) {
      const victims = argumentsOf(tree, verb).filter((a) => inSentence(ctx, a.token) && isSubject(a));
      addAll(targets, victims.map((a) => participantAt(ctx, a.token)));
      if (targets.length > 0) why.push(`target ${names(targets)}: died in it ('${lemma(tree, verb)} ${caseMarker(tree, g)}')`);
    }
  } else if (verb !== -1 && inSentence(ctx, verb) && (rel === 'obj' || rel === 'nsubj')) {
    const verbLemma = lemma(tree, verb);
    const passiveCarrier = rel === 'nsubj' && isPassive(tree, verb);
    const verbArgs = argumentsOf(tree, verb).filter((a) => inSentence(ctx, a.token));
    if (frames.blameVerbs.has(verbLemma) && rel === 'obj') {
      // "blamed the bombing on Daesh": the "on" phrase, on the verb or (misattached) on the noun.
      const onNoun = children(tree, g).filter((c) => relation(tree, c) === 'nmod' && caseMarker(tree, c) === 'on');
      const on = [...verbArgs.filter((a) => isOblique(a) && a.preposition === 'on').map((a) => a.token), ...onNoun].map((t) => participantAt(ctx, t));
      for (const p of on) if (p) targets.splice(0, targets.length, ...targets.filter((t) => !same(t, p)));
      if (on.some((p) => p)) {
        sources.length = 0;
        addAll(sources, on);
        why.push(`source ${names(sources)}: the one it is blamed on`);
      }
    } else if (frames.lightVerbs.has(verbLemma) && (rel === 'obj' || passiveCarrier)) {
      if (sources.length === 0) {
        addAll(sources, verbArgs.filter((a) => (passiveCarrier ? a.role === 'agent' : isSubject(a))).map((a) => participantAt(ctx, a.token)));
        if (sources.length > 0) why.push(`source ${names(sources)} ${passiveCarrier ? 'is the agent' : 'is the subject'} of '${verbLemma}', which carries the event`);
      }
      if (targets.length === 0) {
        const obliques = verbArgs.filter((a) => isOblique(a) && frames.targetPrepositions.has(a.preposition ?? '') && !isPlacePhrase(ctx, a.token, a.preposition));
        addAll(targets, obliques.map((a) => participantAt(ctx, a.token)));
      }
    }
  }
  if (targets.length === 0 && THING_ROOTS.has(trigger.pattern.code.slice(0, 2))) {
    const hung = attackedPhraseHungAbove(ctx, g);
    if (hung) {
      const t = targetAt(ctx, hung.phrase, trigger);
      addAll(targets, [t]);
      if (t) why.push(`target '${t.name}' from '${hung.preposition} …', which the parser hangs on '${lemma(tree, hung.verb)}'`);
    }
  }
  joinCountryToBody(ctx, sources);
  joinCountryToBody(ctx, targets);
  shareCountry(ctx, sources);
  shareCountry(ctx, targets);
  dropOwnersCountry(ctx, sources);
  dropOwnersCountry(ctx, targets);
  return { hasSubject: true, hasObject: true, sources, targets, host: null, instrument: null, objectWords: [], why };
}

/**
 * "claimed responsibility for a drone attack on two oil facilities": the parser hangs the "on"
 * phrase right after the attack noun on the verb above the noun's phrase. The verb is not on
 * anything ("claimed … on two facilities"); the attack is. Only a verb that is no attack itself,
 * reached from the noun through its object or modifier phrases, and a phrase after the noun.
 */
function attackedPhraseHungAbove(ctx: TreeContext, g: number): { phrase: number; preposition: string; verb: number } | null {
  const { tree, frames } = ctx;
  let at = g;
  for (let step = 0; step < 3; step++) {
    if (!['nmod', 'obj'].includes(relation(tree, at))) return null;
    at = head(tree, at);
    if (at === -1 || !inSentence(ctx, at)) return null;
    if (!tree.nodes[at]!.tag.startsWith('VB')) continue;
    const own = ctx.triggerAt.get(at);
    if (own && THING_ROOTS.has(own.pattern.code.slice(0, 2))) return null;
    for (const c of children(tree, at)) {
      const preposition = caseMarker(tree, c) ?? '';
      if (c < g || relation(tree, c) !== 'obl' || !frames.attackedPrepositions.has(preposition) || isPlacePhrase(ctx, c, preposition)) continue;
      return { phrase: c, preposition, verb: at };
    }
    return null;
  }
  return null;
}

/** "received threats", "came under attack": the noun is the verb's object, or its "under" phrase. */
function undergoes(tree: SyntaxTree, g: number, verb: number): boolean {
  const rel = relation(tree, g);
  return lemma(tree, verb) === 'come' ? rel === 'obl' && caseMarker(tree, g) === 'under' : rel === 'obj';
}

/** The subject of an undergoer verb as the target, its "from" phrase as the actor. */
function undergoerArguments(ctx: TreeContext, verb: number): { sources: EventParticipant[]; targets: EventParticipant[] } {
  const { tree, frames } = ctx;
  const args = argumentsOf(tree, verb).filter((a) => inSentence(ctx, a.token));
  const targets: EventParticipant[] = [];
  const sources: EventParticipant[] = [];
  addAll(targets, args.filter(isSubject).map((a) => participantAt(ctx, a.token) ?? thingAt(ctx, a.token)));
  addAll(sources, args.filter((a) => isOblique(a) && frames.speechAgentPrepositions.has(a.preposition ?? '')).map((a) => participantAt(ctx, a.token)));
  return { sources, targets };
}

/** Relations by which a saying verb governs what it tells: "said (that) …", "reported heavy fighting", "…, it said". */
const TOLD_BY = new Set(['ccomp', 'obj', 'xcomp', 'parataxis', 'advcl']);

/**
 * The saying verb that tells the event headed by `g`, and who says it, read from the tree:
 * an ancestor saying verb reached through its complement ("Iran said its troops had killed",
 * "Turkish authorities reported nine dead in an airstrike", "the Guard was announcing that it
 * had seized"), or a saying verb appended to the event's clause ("…, the BBC quotes a Turkish
 * official as saying"). Null when none.
 */
export function tellerOf(ctx: TreeContext, g: number): { verb: number; speaker: EventParticipant | null } | null {
  const { tree, frames } = ctx;
  const speakerOf = (v: number): EventParticipant | null => {
    const s = childWith(tree, v, ['nsubj', 'nsubj:pass']);
    const p = s === -1 ? null : participantAt({ ...ctx, reportingPositions: new Set() }, s);
    return p ? tellerPhrase(ctx, p) : null;
  };
  let t = g;
  for (let hops = 0; hops < 6; hops++) {
    for (const c of children(tree, t)) {
      if (relation(tree, c) === 'parataxis' && frames.sayingVerbs.has(lemma(tree, c)) && inSentence(ctx, c)) return { verb: c, speaker: speakerOf(c) };
    }
    const h = head(tree, t);
    if (h === -1 || !inSentence(ctx, h)) return null;
    if (TOLD_BY.has(relation(tree, t)) && frames.sayingVerbs.has(lemma(tree, h))) return { verb: h, speaker: speakerOf(h) };
    t = h;
  }
  return null;
}
