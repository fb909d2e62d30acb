import { argumentsOf, caseMarker, children, childrenWith, childWith, dominates, head, isPassive, markerOf, matchesRel, relation, type SyntaxTree, subtreeSpan } from '../nlp/syntax/tree.js';
import type { ClaimText } from './claim-tokens.js';
import { descriptionOf, hasRoleNoun, isSpeakerEntity, isSpeakerPronoun, type Phrase, type PhraseHead } from './speaker-phrases.js';
import { type Cue, findCues } from './speech-cues.js';

/**
 * Attribution read off the dependency tree: the speaker is the subject of the reporting verb
 * (the by-agent when the verb is passive), however long the subject and wherever it stands,
 * and what was said is the verb's clausal complement. Each function returns null where the
 * tree says nothing usable; the word-window heuristics of find-quotes.ts then decide, as they
 * do for documents without a syntax layer.
 */

export interface TreeSpeaker {
  readonly phrase: Phrase;
  readonly placement: 'before' | 'after' | 'subject';
  /** Token range [start, end) of the speaker's role given in apposition, or null. */
  readonly role: readonly [number, number] | null;
}

export interface TreeClause {
  /** Token range [from, to) of the reported clause. */
  readonly from: number;
  readonly to: number;
  /** Introduced by "that". */
  readonly marked: boolean;
  readonly how: string;
}

/** Dependents of a speaker's head word that are no part of its phrase: "Maria Delgado[, a spokeswoman …,] said". */
const OUTSIDE_NAME = ['appos', 'acl', 'punct', 'advcl', 'parataxis', 'ccomp', 'xcomp', 'dep', 'list', 'discourse', 'obl', 'advmod'];
/** Dependents that may stand before a phrase's head word: "the", "Iraq's", "regional", "Foreign". */
const BEFORE_HEAD = ['det', 'amod', 'compound', 'nummod', 'nmod:poss', 'flat', 'fixed', 'goeswith'];
/** Below the head word's own dependents, what still ends a phrase: a clause, an apposition. */
const OUTSIDE_DEEP = ['appos', 'acl', 'advcl', 'parataxis', 'ccomp', 'xcomp', 'dep'];
/** Dependents that end a role in apposition: "a lawmaker[, who sits on the committee]". */
const OUTSIDE_ROLE = ['acl', 'punct', 'advcl', 'parataxis', 'appos', 'dep'];
/** Dependents of the reporting verb that come between it and what was said: "told [reporters] [on Monday] that". */
const BEFORE_CLAUSE = ['obj', 'iobj', 'obl', 'advmod', 'nsubj', 'expl', 'aux', 'punct', 'mark', 'compound', 'discourse', 'cc'];
/** Dependents of the reporting verb after what was said that begin a clause of their own: "[but] nobody confirmed it". */
const AFTER_CLAUSE = ['conj', 'parataxis', 'advcl', 'cc'];

/**
 * The reporting verb's token: "say" in "went on to say", else the cue's first word. None for
 * "according to" (no verb) and "was quoted as saying by X" (the intermediary logic keeps those).
 */
function cueVerb(ct: ClaimText, cue: Cue): number {
  if (cue.kind === 'according-to' || cue.quotedBy) return -1;
  return ct.tokens[cue.start]?.norm === 'went' ? cue.end - 1 : cue.start;
}

const usable = (ct: ClaimText, i: number, from: number, to: number): boolean =>
  i >= from && i < to && ct.tokens[i] !== undefined && ct.tokens[i]!.quote < 0 && !ct.tokens[i]!.mark;

/**
 * Token range [start, end) of the phrase headed by `i` inside [from, to): its head word's
 * dependents but those in `outside` (and, before the head, all but `BEFORE_HEAD`), each with its
 * subtree less clauses and appositions. A mention the parse split keeps its words.
 */
function phraseRange(ct: ClaimText, tree: SyntaxTree, i: number, outside: readonly string[], from: number, to: number): [number, number] {
  let lo = i;
  let hi = i;
  for (const c of children(tree, i)) {
    const rel = tree.nodes[c]!.rel;
    if (c < i ? !BEFORE_HEAD.some((r) => matchesRel(rel, r)) : outside.some((r) => matchesRel(rel, r))) continue;
    const span = subtreeSpan(tree, c, OUTSIDE_DEEP);
    lo = Math.min(lo, span.first);
    hi = Math.max(hi, span.last);
  }
  let start = Math.max(lo, from);
  let end = Math.min(hi + 1, to);
  const e = ct.tokens[i]!.entity;
  if (e >= 0) {
    while (start > from && ct.tokens[start - 1]!.entity === e) start--;
    while (end < to && ct.tokens[end]!.entity === e) end++;
  }
  while (end > start + 1 && ct.tokens[end - 1]!.kind === 'punct') end--;
  while (start < end - 1 && ct.tokens[start]!.kind === 'punct') start++;
  return [start, end];
}

/** NP-ish Penn tags: words a title before a name is made of ("Haaretz military correspondent and analyst"). */
const TITLE_TAGS = new Set(['NN', 'NNS', 'NNP', 'NNPS', 'JJ', 'DT', 'CD', 'HYPH', 'CC']);

/**
 * Where a name's phrase starts once the description written right before it is counted in
 * ("Daily Sample correspondent Laila Nasser", "the harbour master Omar Haddad"), even when the
 * parse hung it elsewhere: words with a role noun in them, or opening with a determiner.
 */
function withTitleBefore(ct: ClaimText, start: number, from: number): number {
  let j = start;
  while (j > from) {
    const t = ct.tokens[j - 1]!;
    if (t.quote >= 0 || t.mark || !(TITLE_TAGS.has(t.tag) || (t.entity >= 0 && ct.entities[t.entity]?.type === 'TITLE'))) break;
    j--;
  }
  while (j < start && ct.tokens[j]!.tag === 'CC') j++;
  return j < start && (hasRoleNoun(ct, j, start) || ct.tokens[j]!.tag === 'DT') ? j : start;
}

function entitiesIn(ct: ClaimText, start: number, end: number): number[] {
  const out: number[] = [];
  for (let j = start; j < end; j++) {
    const e = ct.tokens[j]!.entity;
    if (e >= 0 && out[out.length - 1] !== e) out.push(e);
  }
  return out;
}

/**
 * A name in apposition to a description or title: "The leader of the Example Front, Omar Haddad,
 * said", "regional correspondent Elijah Magnier observes" (a title before a name, which a parse may
 * also hang on the title as a noun modifier without preposition). "A lawyer for Omar Haddad" is not.
 */
function namedInApposition(ct: ClaimText, tree: SyntaxTree, s: number, from: number, to: number): number {
  for (const a of childrenWith(tree, s, ['appos', 'flat', 'compound', 'nmod'])) {
    const e = ct.tokens[a]!.entity;
    const bare = relation(tree, a) !== 'nmod' || (tree.nodes[a]!.rel === 'nmod' && caseMarker(tree, a) === null);
    if (bare && usable(ct, a, from, to) && e >= 0 && ct.entities[e]?.type === 'PERSON') return a;
  }
  return -1;
}

/** A role in apposition to the speaker's name: "Omar Haddad, the commander of the Northern Brigade, said". */
function roleInApposition(ct: ClaimText, tree: SyntaxTree, s: number, from: number, to: number): [number, number] | null {
  for (const a of childrenWith(tree, s, 'appos')) {
    if (a < s || !usable(ct, a, from, to)) continue;
    const [start, end] = phraseRange(ct, tree, a, OUTSIDE_ROLE, from, to);
    if (start > s && end - start <= 16 && hasRoleNoun(ct, a, a + 1)) return [start, end];
  }
  return null;
}

/**
 * The speaker of `cue` in the unit of tokens [from, to): the subject of the reporting verb, with
 * its apposition as the role. Null when the verb has no subject the tree can offer (a passive
 * without agent, "a statement saying …"), when the subject is quoted, or when it is a common
 * noun that names no kind of speaker ("A lawyer for the family said"), which the window
 * heuristics may read better.
 */
export function treeSpeaker(ct: ClaimText, cue: Cue, from: number, to: number): TreeSpeaker | null {
  const tree = ct.tree;
  const v = tree ? cueVerb(ct, cue) : -1;
  if (!tree || v < 0) return null;
  // "a statement saying …": the noun a participle modifies says nothing of who spoke.
  if (tree.nodes[v]!.rel === 'acl') return null;
  const s = subjectOf(ct, tree, v);
  if (s === -1 || !usable(ct, s, from, to)) return null;
  const [start, end] = phraseRange(ct, tree, s, OUTSIDE_NAME, from, to);
  const entities = entitiesIn(ct, start, end);
  const placement = (p: Phrase): TreeSpeaker['placement'] => (p.start > cue.start ? 'after' : cue.participle ? 'subject' : 'before');
  const phrase = (h: PhraseHead, a: number, b: number): Phrase => ({ start: a, end: b, head: h, entities: entitiesIn(ct, a, b), governed: false });
  const t = ct.tokens[s]!;
  if (t.entity >= 0 && isSpeakerEntity(ct, t.entity)) {
    const p = phrase({ kind: 'entity', entity: t.entity }, withTitleBefore(ct, start, from), end);
    return { phrase: p, placement: placement(p), role: roleInApposition(ct, tree, s, from, to) };
  }
  if (isSpeakerPronoun(ct, s)) {
    const p = phrase({ kind: 'pronoun', word: t.norm }, s, s + 1);
    return { phrase: p, placement: placement(p), role: null };
  }
  const named = namedInApposition(ct, tree, s, from, to);
  if (named !== -1) {
    const [a, b] = phraseRange(ct, tree, named, OUTSIDE_NAME, from, to);
    const p = phrase({ kind: 'entity', entity: ct.tokens[named]!.entity }, a, b);
    // The description before the name, in apposition or as a title, is the role.
    return { phrase: p, placement: placement(p), role: a > start && hasRoleNoun(ct, start, a) ? trimRole(ct, start, a) : null };
  }
  const description = descriptionOf(ct, start, s, entities.length > 0);
  if (!description) return null;
  const p = phrase(description, start, end);
  return { phrase: p, placement: placement(p), role: null };
}

/** The role on tokens [a, b) without the commas that set it off. */
function trimRole(ct: ClaimText, a: number, b: number): [number, number] | null {
  let end = b;
  while (end > a && ct.tokens[end - 1]!.kind === 'punct') end--;
  return end > a ? [a, end] : null;
}

/**
 * The subject of reporting verb `v`: its own (the nearest, if a loose parse gives two: "The port,
 * he added, reopens"), the agent of a passive, the controller of "forced the army to announce",
 * the antecedent of "who said"; the first conjunct's only when that is a reporting verb too ("X
 * said … and warned …"), since a long sentence often hangs a verb on the wrong conjunct. -1 for none.
 */
function subjectOf(ct: ClaimText, tree: SyntaxTree, v: number): number {
  const wanted = isPassive(tree, v) ? 'agent' : 'nsubj';
  // A noun with a subject of its own is a phrase the parse broke up ("A clerk of the harbour board
  // has warned" read as "clerk" subject of "board"): none to trust.
  const found = argumentsOf(tree, v).filter((a) => a.role === wanted);
  if (found.some((a) => tree.nodes[a.token]!.upos !== 'VERB' && childWith(tree, a.token, ['nsubj', 'csubj']) !== -1)) return -1;
  const own = found.filter((a) => a.via === 'dependent');
  const pool = own.length > 0 ? own : found.filter((a) => a.via !== 'shared' || reporting(ct, head(tree, v)));
  if (pool.length === 0) return invertedSubject(ct, tree, v);
  if (pool.length === 1) return pool[0]!.token;
  // Two subjects are a parse gone wrong. Set off by a comma, the nearer one is the speaker ("The
  // port, he added, reopens"); side by side they are one phrase split ("A clerk of the harbour and
  // fisheries board has warned"), which the word heuristics read whole.
  const [a, b] = [pool[0]!.token, pool[pool.length - 1]!.token];
  const between = ct.tokens.slice(subtreeSpan(tree, a).last + 1, subtreeSpan(tree, b).first);
  if (!between.some((t) => t.norm === ',')) return -1;
  return Math.abs(a - v) < Math.abs(b - v) ? a : b;
}

/**
 * "…, said the harbour minister.": a reporting verb after a comma or a quotation, with no subject,
 * that ends its sentence with a noun phrase, has that phrase for its subject, whatever relation a
 * parse trained on little inversion gave it (object, complement). -1 when the verb is not so placed.
 */
function invertedSubject(ct: ClaimText, tree: SyntaxTree, v: number): number {
  const before = ct.tokens[v - 1];
  if (!before || !(before.norm === ',' || before.mark)) return -1;
  const own = subtreeSpan(tree, v);
  const after = children(tree, v).find((c) => c > v && ['obj', 'ccomp', 'xcomp', 'iobj'].includes(relation(tree, c)) && !isClause(tree, c));
  if (after === undefined || subtreeSpan(tree, after).first !== v + 1) return -1;
  // Nothing but the phrase and closing punctuation after the verb.
  for (let k = v + 1; k <= own.last; k++) if (!dominates(tree, after, k) && ct.tokens[k]!.kind !== 'punct') return -1;
  return after;
}

/** Whether token `c` heads a clause: a verb, or a word with a copula, a subject or an auxiliary. */
function isClause(tree: SyntaxTree, c: number): boolean {
  return tree.nodes[c]!.upos === 'VERB' || tree.nodes[c]!.upos === 'AUX' || childWith(tree, c, ['cop', 'nsubj', 'nsubj:pass', 'aux', 'mark']) !== -1;
}

function reporting(ct: ClaimText, i: number): boolean {
  return i >= 0 && findCues(ct.tokens, i, i + 1).some((c) => c.kind !== 'according-to');
}

/**
 * The reported clause of `cue` in the sentence tokens [first, end): the verb's clausal
 * complement ("said [that] the port would reopen"), cut at `limit` when it runs on after the
 * verb; or, for a reporting clause set beside the main one (UD parataxis: "The port will reopen,
 * said the minister"), the main clause. Null when the tree has neither.
 */
export function treeClause(ct: ClaimText, cue: Cue, first: number, end: number, limit: number): TreeClause | null {
  const tree = ct.tree;
  const v = tree ? cueVerb(ct, cue) : -1;
  if (!tree || v < 0) return null;
  const trim = (from: number, to: number, how: string, marked: boolean): TreeClause | null => {
    let a = Math.max(from, first);
    let b = Math.min(to, end);
    while (a < b && ct.tokens[a]!.kind === 'punct' && !ct.tokens[a]!.mark) a++;
    while (b > a && ct.tokens[b - 1]!.kind === 'punct' && !ct.tokens[b - 1]!.mark) b--;
    // Quoted words are the direct quote's business.
    if (a >= b || ct.tokens[a]!.quote >= 0 || ct.tokens[a]!.mark) return null;
    return { from: a, to: b, marked, how };
  };
  // A complement that is no clause is a misread inverted subject ("…, said Laila Nasser").
  const c = childrenWith(tree, v, 'ccomp').find((x) => isClause(tree, x)) ?? -1;
  // "explains why …", "asked whether …", "plans to …": no claim; the word heuristics decide.
  if (c !== -1 && isNoClaim(ct, tree, c)) return null;
  // "this was the plan when the US asked …": a subordinate reporting verb reports nothing before it.
  const subordinate = childWith(tree, v, 'mark') !== -1;
  if (c !== -1 && c < v && subordinate) return null;
  if (c !== -1) {
    const span = subtreeSpan(tree, c);
    const after = c > v;
    const from = after ? clauseStart(ct, tree, v, span.first) : span.first;
    // "said that …": the clause starts after its marker. A parse that makes "that" the clause's
    // object still gives it a subject after it ("wrote that Iran would not negotiate").
    const subject = childWith(tree, c, ['nsubj', 'csubj']);
    const that = ct.tokens[from]?.norm === 'that' && (matchesRel(tree.nodes[from]!.rel, 'mark') || subject > from);
    const to = after ? Math.min(clauseEnd(ct, tree, v, span.last, end), limit) : span.last + 1;
    return trim(that ? from + 1 : from, to, after ? 'reported clause after' : 'reported clause before', that);
  }
  // "The port will reopen, said the minister": the reporting clause set beside the main one
  // (UD parataxis), or, in a looser parse, conjoined to it after a comma.
  const h = head(tree, v);
  const opening = subtreeSpan(tree, v).first;
  const afterComma = ct.tokens[opening]?.norm === ',' || ct.tokens[opening - 1]?.norm === ',';
  const beside = relation(tree, v) === 'parataxis' || (relation(tree, v) === 'conj' && h < v && afterComma);
  if (!beside || subordinate) return null;
  const main = subtreeSpan(tree, h);
  const own = subtreeSpan(tree, v);
  // "The port will reopen, said the minister." / "The port, he added, will reopen next week."
  if (own.first > main.first && own.last >= main.last - 1) return trim(main.first, own.first, 'attribution after the clause', false);
  if (own.first > main.first) return trim(main.first, main.last + 1, 'attribution inside the clause', false);
  return trim(own.last + 1, main.last + 1, 'reported clause after', false);
}

/** Penn tags of wh-words that open an indirect question. */
const WH_TAGS = new Set(['WRB', 'WP', 'WDT', 'WP$']);

/** A clause that is no claim: a question ("why Washington has …", "whether"), an infinitive ("to settle"). */
function isNoClaim(ct: ClaimText, tree: SyntaxTree, c: number): boolean {
  const first = ct.tokens[subtreeSpan(tree, c).first]!;
  return (WH_TAGS.has(first.tag) && first.norm !== 'that') || ['whether', 'if', 'to'].includes(markerOf(tree, c) ?? '');
}

/** The dependent of `v` whose subtree holds token `k`, or -1 when `k` hangs outside `v`'s subtree. */
function branchOf(tree: SyntaxTree, v: number, k: number): number {
  if (!dominates(tree, v, k) || k === v) return -1;
  let t = k;
  while (head(tree, t) !== v) t = head(tree, t);
  return t;
}

/**
 * Where the clause after the verb starts: at its subtree, or earlier when words between the verb
 * and it belong to no other dependent of the verb ("said [Saltmere] and Halvern crews were …" with
 * "Saltmere" misattached).
 */
function clauseStart(ct: ClaimText, tree: SyntaxTree, v: number, first: number): number {
  let start = first;
  for (let k = first - 1; k > v; k--) {
    const b = branchOf(tree, v, k);
    if (ct.tokens[k]!.quote >= 0 || ct.tokens[k]!.mark || (b !== -1 && BEFORE_CLAUSE.some((r) => matchesRel(tree.nodes[b]!.rel, r)))) break;
    start = k;
  }
  // "said Saltmere and Halvern crews were …" read as "said Saltmere": a clause cannot open with "and".
  const object = branchOf(tree, v, start - 1);
  if (ct.tokens[start]?.tag === 'CC' && object !== -1 && ['obj', 'iobj'].includes(relation(tree, object))) start = subtreeSpan(tree, object).first;
  return start;
}

/**
 * Where the clause after the verb ends (exclusive): past its subtree over words the parse hung
 * elsewhere ("about the “temporary” closures"), up to the first clause of the verb's own ("but
 * nobody confirmed it"), an oblique set off by a comma (", in a statement on Tuesday") or the end.
 */
function clauseEnd(ct: ClaimText, tree: SyntaxTree, v: number, last: number, end: number): number {
  for (let k = last + 1; k < end; k++) {
    const b = branchOf(tree, v, k);
    if (b === -1) return k;
    const rel = tree.nodes[b]!.rel;
    if (AFTER_CLAUSE.some((r) => matchesRel(rel, r))) return k;
    if (matchesRel(rel, 'obl') && k === subtreeSpan(tree, b).first && ct.tokens[k - 1]?.norm === ',') return k;
  }
  return end;
}
