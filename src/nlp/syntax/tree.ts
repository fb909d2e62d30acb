/**
 * A read-only view of the syntax layer as dependency trees, and the small questions event and
 * quote extraction ask of them: who did what to whom, in which clause, negated or not, with which
 * modal. Every function is pure and takes the tree `treeOf` builds once per document, in O(n);
 * lookups of heads, children and subtree spans are then O(1), walks O(depth).
 *
 * Token indices are those of the tokens layer (document-global). Functions that return one token
 * return -1 for "none", as the layer's `head` does for a root.
 *
 * The examples below use this sentence (0-based indices under the words):
 *
 *   Rebels fired three rockets at the airport in Erbil on Tuesday ,  the ministry said .
 *   0      1     2     3       4  5   6       7  8     9  10      11 12  13       14   15
 *
 * fired is the root; Rebels nsubj, rockets obj, airport obl (case at), Tuesday obl (case on),
 * said parataxis of fired, ministry nsubj of said; Erbil nmod of airport (case in).
 */
import type { Layers, Span } from '../../text/document.js';

export interface SyntaxTree {
  /** The layer the tree was built from: one entry per token, with tags, lemma and arc. */
  readonly nodes: Layers['syntax'];
  /** Head of each token, -1 for a root (after repair of a malformed layer, see `treeOf`). */
  readonly heads: readonly number[];
  /** Dependents of each token, in token order. */
  readonly dependents: ReadonlyArray<readonly number[]>;
  /** Roots, one per sentence in a well-formed layer, in token order. */
  readonly roots: readonly number[];
  /** The root of each token's tree: two tokens are in the same sentence when these agree. */
  readonly rootOf: readonly number[];
  /** Distance of each token from its root (the root is at 0). */
  readonly depth: readonly number[];
  /** First and last token of each token's subtree (min and max: gaps allowed). */
  readonly first: readonly number[];
  readonly last: readonly number[];
}

/** A subtree's token range and the character span from its first token's start to its last one's end. */
export interface SubtreeSpan extends Span {
  readonly first: number;
  readonly last: number;
}

/** How an argument reached its predicate. */
export type ArgumentSource =
  /** Its own dependent: "Rebels" of "fired". */
  | 'dependent'
  /** Conjoined with a dependent, sharing its role: "militiamen" in "Rebels and militiamen fired". */
  | 'conjunct'
  /** Shared with the first conjunct: "Rebels" of "shelled" in "Rebels fired rockets and shelled the town". */
  | 'shared'
  /** The controller of an open clause: "army" of "retake" in "The army vowed to retake the town". */
  | 'control'
  /** The noun a relative or participial clause modifies: "gunmen" of "stormed" in "gunmen who stormed the base". */
  | 'relative';

export interface Argument {
  /** Head token of the argument phrase. */
  readonly token: number;
  /**
   * The UD relation that makes it an argument (nsubj, nsubj:pass, csubj, obj, iobj, obl, obl:tmod, ...),
   * or "agent" for the by-phrase of a passive ("by gunmen" in "The convoy was attacked by gunmen").
   */
  readonly role: string;
  /** Lemma of its case marker: "at" for "at the airport", "because of" for "because of the curfew". */
  readonly preposition?: string;
  readonly via: ArgumentSource;
}

/** The predicate a noun phrase is an argument of (see `predicateOf`). */
export interface PredicateLink {
  readonly predicate: number;
  /** As `Argument.role`. */
  readonly role: string;
  /** The token whose arc carries the role: the NP head, or the first conjunct when the phrase is a later one. */
  readonly argument: number;
  readonly preposition?: string;
}

const NONE: readonly number[] = Object.freeze([]);

/** Relations inside a noun phrase: climbing them from any token reaches the phrase's head. */
const NP_INTERNAL = [
  ...['det', 'amod', 'nummod', 'compound', 'flat', 'fixed', 'goeswith', 'clf'],
  ...['case', 'nmod', 'appos', 'punct', 'cc'],
];
const ARGUMENT_RELS = ['nsubj', 'csubj', 'obj', 'iobj', 'obl'];
const SUBJECT_RELS = ['nsubj', 'csubj'];
const OBJECT_RELS = ['obj', 'iobj'];
/** Relations whose dependent heads a clause of its own (acl covers acl:relcl, advcl advcl:relcl). */
const CLAUSE_RELS = ['ccomp', 'xcomp', 'advcl', 'acl', 'csubj', 'parataxis'];
/** UD v2 passive markers, and their v1 names some models still emit. */
const PASSIVE_RELS = ['nsubj:pass', 'csubj:pass', 'aux:pass', 'nsubjpass', 'csubjpass', 'auxpass'];
/** Words that open a complement clause: "said that …", "asked whether …". */
const COMPLEMENTIZERS = new Set(['that', 'whether', 'if']);
const NEGATORS = new Set(['not', "n't", 'n’t', 'never']);
/** Penn tags of relative pronouns: "which", "that" (WDT), "who", "whom" (WP). */
const RELATIVE_TAGS = new Set(['WDT', 'WP']);
const RELATIVE_LEMMAS = new Set(['who', 'whom', 'which', 'that']);

/**
 * Whether relation `rel` is `wanted` or one of its subtypes: "obl" matches "obl" and "obl:tmod",
 * "acl" matches "acl:relcl", "nsubj:pass" matches only itself; "ob" matches nothing.
 */
export function matchesRel(rel: string, wanted: string): boolean {
  return rel === wanted || (rel.length > wanted.length && rel.startsWith(wanted) && rel[wanted.length] === ':');
}

function matchesAny(rel: string, wanted: string | readonly string[]): boolean {
  return typeof wanted === 'string' ? matchesRel(rel, wanted) : wanted.some((w) => matchesRel(rel, w));
}

/**
 * The tree view of a syntax layer, built once per document in O(n): children in token order,
 * each token's root, depth and subtree range. A malformed layer is repaired rather than trusted:
 * a head out of range or pointing at itself, or a cycle of heads, makes the token a root, so every
 * walk up a tree ends.
 *
 * @example treeOf(doc.layers.syntax) // then children(tree, 1) → [0, 3, 6, 10, 14, 15] for "fired"
 */
export function treeOf(syntax: Layers['syntax']): SyntaxTree {
  const n = syntax.length;
  const heads = new Array<number>(n);
  const dependents: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    const h = syntax[i]!.head;
    const valid = Number.isInteger(h) && h >= 0 && h < n && h !== i;
    heads[i] = valid ? h : -1;
    if (valid) dependents[h]!.push(i);
  }
  const rootOf = new Array<number>(n).fill(-1);
  const depth = new Array<number>(n).fill(-1);
  const order: number[] = [];
  const stack: number[] = [];
  const visit = (root: number): void => {
    rootOf[root] = root;
    depth[root] = 0;
    stack.push(root);
    while (stack.length > 0) {
      const t = stack.pop()!;
      order.push(t);
      for (const c of dependents[t]!) {
        rootOf[c] = root;
        depth[c] = depth[t]! + 1;
        stack.push(c);
      }
    }
  };
  for (let i = 0; i < n; i++) if (heads[i] === -1) visit(i);
  // Tokens no root reaches sit on a cycle of heads or hang from one: walking up from one finds a
  // token of the cycle, which becomes the root of them all. Each cycle is walked once.
  const walked = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (rootOf[i] !== -1) continue;
    let t = i;
    while (walked[t] !== i) {
      walked[t] = i;
      t = heads[t]!;
    }
    const siblings = dependents[heads[t]!]!;
    siblings.splice(siblings.indexOf(t), 1);
    heads[t] = -1;
    visit(t);
  }
  const roots: number[] = [];
  for (let i = 0; i < n; i++) if (heads[i] === -1) roots.push(i);
  // Preorder lists a head before its dependents, so the reverse folds each subtree before its head's.
  const first = Array.from({ length: n }, (_, i) => i);
  const last = Array.from({ length: n }, (_, i) => i);
  for (let k = order.length - 1; k >= 0; k--) {
    const t = order[k]!;
    const h = heads[t]!;
    if (h === -1) continue;
    if (first[t]! < first[h]!) first[h] = first[t]!;
    if (last[t]! > last[h]!) last[h] = last[t]!;
  }
  return Object.freeze({ nodes: syntax, heads, dependents, roots, rootOf, depth, first, last });
}

/** The token's head, or -1 for a root. @example head(tree, 3) → 1 ("rockets" → "fired") */
export function head(tree: SyntaxTree, i: number): number {
  return tree.heads[i] ?? -1;
}

/** The token's dependents in token order. @example children(tree, 6) → [4, 5, 8] ("at", "the", "Erbil") */
export function children(tree: SyntaxTree, i: number): readonly number[] {
  return tree.dependents[i] ?? NONE;
}

/**
 * Dependents whose relation is one of `rels` or a subtype of one (see `matchesRel`).
 * @example childrenWith(tree, 1, 'obl') → [6, 10] ("airport", "Tuesday"); with ['nsubj', 'obj'] → [0, 3]
 */
export function childrenWith(tree: SyntaxTree, i: number, rels: string | readonly string[]): number[] {
  return children(tree, i).filter((c) => matchesAny(tree.nodes[c]!.rel, rels));
}

/** The first dependent whose relation matches, or -1. @example childWith(tree, 1, 'obj') → 3 ("rockets") */
export function childWith(tree: SyntaxTree, i: number, rels: string | readonly string[]): number {
  for (const c of children(tree, i)) if (matchesAny(tree.nodes[c]!.rel, rels)) return c;
  return -1;
}

/** The relation without its subtype: "acl" for "acl:relcl", "obl" for "obl:tmod". */
export function relation(tree: SyntaxTree, i: number): string {
  const rel = tree.nodes[i]?.rel ?? '';
  const colon = rel.indexOf(':');
  return colon === -1 ? rel : rel.slice(0, colon);
}

/** The root of the token's sentence tree. @example rootOf(tree, 13) → 1 ("ministry" is in the tree of "fired") */
export function rootOf(tree: SyntaxTree, i: number): number {
  return tree.rootOf[i] ?? -1;
}

/**
 * First and last token of the subtree under `i`, and its character span. `skip` leaves out the
 * dependents (at any depth) whose relation matches, with everything under them: the bare phrase.
 * @example subtreeSpan(tree, 6) → tokens 4..8, "at the airport in Erbil";
 *   subtreeSpan(tree, 6, ['case', 'nmod']) → tokens 5..6, "the airport"
 */
export function subtreeSpan(tree: SyntaxTree, i: number, skip?: readonly string[]): SubtreeSpan {
  let first = tree.first[i]!;
  let last = tree.last[i]!;
  if (skip && skip.length > 0) {
    first = i;
    last = i;
    const stack = [i];
    while (stack.length > 0) {
      const t = stack.pop()!;
      if (t < first) first = t;
      if (t > last) last = t;
      for (const c of children(tree, t)) if (!matchesAny(tree.nodes[c]!.rel, skip)) stack.push(c);
    }
  }
  return { first, last, start: tree.nodes[first]!.start, end: tree.nodes[last]!.end };
}

/** Whether `a` is `b` or one of its ancestors. @example dominates(tree, 6, 8) → true ("airport" over "Erbil") */
export function dominates(tree: SyntaxTree, a: number, b: number): boolean {
  if (rootOf(tree, a) === -1 || rootOf(tree, a) !== rootOf(tree, b)) return false;
  let t = b;
  while (tree.depth[t]! > tree.depth[a]!) t = tree.heads[t]!;
  return t === a;
}

/** The lowest token dominating both, or -1 across sentences. @example lowestCommonAncestor(tree, 8, 13) → 1 */
export function lowestCommonAncestor(tree: SyntaxTree, a: number, b: number): number {
  if (rootOf(tree, a) === -1 || rootOf(tree, a) !== rootOf(tree, b)) return -1;
  let x = a;
  let y = b;
  while (tree.depth[x]! > tree.depth[y]!) x = tree.heads[x]!;
  while (tree.depth[y]! > tree.depth[x]!) y = tree.heads[y]!;
  while (x !== y) {
    x = tree.heads[x]!;
    y = tree.heads[y]!;
  }
  return x;
}

/**
 * The tokens from `a` up to the lowest common ancestor and down to `b`, both ends included,
 * or null when they are in different sentences.
 * @example pathBetween(tree, 8, 13) → [8, 6, 1, 14, 13] ("Erbil" … "ministry", through "fired" and "said")
 */
export function pathBetween(tree: SyntaxTree, a: number, b: number): number[] | null {
  const top = lowestCommonAncestor(tree, a, b);
  if (top === -1) return null;
  const up: number[] = [];
  for (let t = a; t !== top; t = tree.heads[t]!) up.push(t);
  up.push(top);
  const down: number[] = [];
  for (let t = b; t !== top; t = tree.heads[t]!) down.push(t);
  return up.concat(down.reverse());
}

/**
 * Whether the token heads a predication: a verb, or a word with a copula, subject or auxiliary
 * ("Baghdad" in "The minister was in Baghdad"). Nouns conjoined with nouns are not.
 */
export function isPredicate(tree: SyntaxTree, i: number): boolean {
  return tree.nodes[i]?.upos === 'VERB' || childWith(tree, i, ['cop', 'nsubj', 'csubj', 'aux']) !== -1;
}

/**
 * The head of the clause the token belongs to: the first token at or above it that is a root,
 * heads a clausal dependent (ccomp, xcomp, advcl, acl, acl:relcl, csubj, parataxis) or is a
 * predicate conjoined with another.
 * @example clauseOf(tree, 8) → 1 ("Erbil" is in the clause of "fired"); clauseOf(tree, 13) → 14 ("said")
 */
export function clauseOf(tree: SyntaxTree, i: number): number {
  let t = i;
  for (;;) {
    const h = head(tree, t);
    if (h === -1) return t;
    const rel = tree.nodes[t]!.rel;
    if (matchesAny(rel, CLAUSE_RELS)) return t;
    if (matchesRel(rel, 'conj') && isPredicate(tree, t)) return t;
    t = h;
  }
}

function hasSubject(tree: SyntaxTree, p: number): boolean {
  return childWith(tree, p, SUBJECT_RELS) !== -1;
}

/**
 * Whether the predicate is passive: a passive subject or auxiliary ("was attacked"), a participle
 * conjoined to a passive and sharing its subject ("looted" in "was attacked and looted"), or a
 * bare past participle modifying a noun or a clause ("attacked" in "a convoy attacked near Mosul").
 */
/**
 * Where the clause of predicate `p` opens, when a complementizer opens it ("that", "whether"):
 * its subject and auxiliaries come after it, so a dependent before it is the parser's slip
 * ("initial indicators are that three rockets struck a base": "indicators" and "are" belong to
 * no clause of "struck"). -1 when no complementizer marks the clause.
 */
function complementizerAt(tree: SyntaxTree, p: number): number {
  for (const m of childrenWith(tree, p, 'mark')) {
    if (m < p && COMPLEMENTIZERS.has(tree.nodes[m]!.lemma.toLowerCase())) return m;
  }
  return -1;
}

/** The dependents of `p` with relations `rels` that lie inside its clause (see complementizerAt). */
function inClause(tree: SyntaxTree, p: number, rels: string | readonly string[]): number[] {
  const from = complementizerAt(tree, p);
  return childrenWith(tree, p, rels).filter((c) => c > from);
}

export function isPassive(tree: SyntaxTree, p: number): boolean {
  if (inClause(tree, p, PASSIVE_RELS).length > 0) return true;
  const node = tree.nodes[p];
  const h = head(tree, p);
  if (!node || h === -1 || node.tag !== 'VBN' || hasSubject(tree, p) || childWith(tree, p, 'aux') !== -1) return false;
  if (matchesRel(node.rel, 'conj')) return isPassive(tree, h);
  return node.rel === 'acl' || matchesRel(node.rel, 'advcl');
}

/** Lemmas of a marker word and the words fixed to it: "because of", "instead of", "so that". */
function markerLemma(tree: SyntaxTree, m: number): string | null {
  if (m === -1) return null;
  const words = [m, ...childrenWith(tree, m, 'fixed')].map((t) => tree.nodes[t]!.lemma.toLowerCase());
  return words.join(' ');
}

/**
 * Lemma of the token's case marker, with its fixed words, or null.
 * @example caseMarker(tree, 6) → "at"; caseMarker(tree, 3) → null ("rockets" is a bare object)
 */
export function caseMarker(tree: SyntaxTree, i: number): string | null {
  return markerLemma(tree, childWith(tree, i, 'case'));
}

/** Lemma of a clause's subordinating marker: "after" in "after the talks collapsed", "to" before an infinitive. */
export function markerOf(tree: SyntaxTree, i: number): string | null {
  return markerLemma(tree, childWith(tree, i, 'mark'));
}

/** Auxiliaries of a predicate, passive ones included, in token order: "will" and "be" in "will be tried". */
export function auxiliaries(tree: SyntaxTree, i: number): number[] {
  return childrenWith(tree, i, 'aux');
}

/**
 * Lemma of the predicate's modal auxiliary (Penn MD: will, would, could, may, might, must, should),
 * or null: "would" in "talks would resume".
 */
export function modalOf(tree: SyntaxTree, i: number): string | null {
  for (const a of auxiliaries(tree, i)) if (tree.nodes[a]!.tag === 'MD') return tree.nodes[a]!.lemma.toLowerCase();
  return null;
}

/**
 * Whether the predicate is negated by a dependent not, n't or never ("did not attack",
 * "was never charged"; advmod in UD v2, neg in v1). A negated argument ("no one was hurt") is not.
 */
export function isNegated(tree: SyntaxTree, i: number): boolean {
  return childrenWith(tree, i, ['advmod', 'neg']).some((c) => NEGATORS.has(tree.nodes[c]!.lemma.toLowerCase()));
}

/** Later conjuncts of a nominal: "militiamen" for "Rebels" in "Rebels and militiamen". */
export function conjuncts(tree: SyntaxTree, i: number): number[] {
  return childrenWith(tree, i, 'conj').filter((c) => !isPredicate(tree, c));
}

function roleOf(tree: SyntaxTree, predicate: number, arg: number, preposition: string | null): string {
  const rel = tree.nodes[arg]!.rel;
  // An agent always has its "by"; a bare noun after the verb labelled agent is the parser's
  // slip for the object ("a group targeted Erbil Governorate with missiles").
  if (matchesRel(rel, 'obl:agent') && preposition === null && arg > predicate) return 'obj';
  if (matchesRel(rel, 'obl:agent')) return 'agent';
  if (matchesRel(rel, 'obl') && preposition === 'by' && isPassive(tree, predicate)) return 'agent';
  // A model that labels the subject of "was attacked" plain nsubj still marks the auxiliary aux:pass.
  if (rel === 'nsubj' && isPassive(tree, predicate)) return 'nsubj:pass';
  return rel;
}

function argument(token: number, role: string, preposition: string | null | undefined, via: ArgumentSource): Argument {
  return preposition ? { token, role, preposition, via } : { token, role, via };
}

function isRelativePronoun(tree: SyntaxTree, t: number): boolean {
  const node = tree.nodes[t]!;
  return RELATIVE_TAGS.has(node.tag) || (node.upos === 'PRON' && RELATIVE_LEMMAS.has(node.lemma.toLowerCase()));
}

/**
 * The phrase headed by dependent `arg` of `predicate`, with its nominal conjuncts in the same role
 * ("in Erbil and Kirkuk": Kirkuk borrows "in"). A relative pronoun of a relative clause stands for
 * the noun the clause modifies ("who" → "gunmen").
 */
function phrase(tree: SyntaxTree, predicate: number, arg: number, via: ArgumentSource): Argument[] {
  const preposition = caseMarker(tree, arg);
  const role = roleOf(tree, predicate, arg, preposition);
  if (matchesRel(tree.nodes[predicate]!.rel, 'acl:relcl') && isRelativePronoun(tree, arg)) {
    return [argument(head(tree, predicate), role, preposition, 'relative')];
  }
  const out = [argument(arg, role, preposition, via)];
  for (const c of conjuncts(tree, arg)) {
    out.push(argument(c, role, caseMarker(tree, c) ?? preposition, via === 'dependent' ? 'conjunct' : via));
  }
  return out;
}

function asSubjects(tree: SyntaxTree, p: number, args: readonly Argument[], via: ArgumentSource): Argument[] {
  const passive = isPassive(tree, p);
  return args.map((a) => {
    const nominal = matchesRel(a.role, 'nsubj') || OBJECT_RELS.includes(a.role);
    return argument(a.token, nominal ? (passive ? 'nsubj:pass' : 'nsubj') : a.role, undefined, via);
  });
}

/**
 * Prepositions that open an adverbial gerund ("in destroying", "after shelling"); "the option
 * of killing", "the plan for attacking" are the noun's own complement, whose doer is open.
 */
const ADVERBIAL_MARKS: ReadonlySet<string> = new Set(['in', 'by', 'after', 'before', 'while', 'when', 'upon', 'on', 'without', 'through', 'since']);

/** Subjects of `p`: its own, or those it shares through coordination, control or the noun it modifies. */
function subjectsOf(tree: SyntaxTree, p: number): Argument[] {
  const own = inClause(tree, p, SUBJECT_RELS);
  if (own.length > 0) return own.flatMap((s) => phrase(tree, p, s, 'dependent'));
  const apposed = apposedSubject(tree, p);
  if (apposed !== -1) return [argument(apposed, isPassive(tree, p) ? 'nsubj:pass' : 'nsubj', undefined, 'dependent')];
  const h = head(tree, p);
  if (h === -1) return [];
  const node = tree.nodes[p]!;
  const rel = relation(tree, p);
  // "Rebels fired rockets and shelled the town": the later conjunct's subject is the first one's.
  // "Iran said several people were injured and vowed retaliation": an active verb with an object
  // joined to a passive clause reported by a saying verb goes with the saying verb, whatever the
  // parse; the injured do not vow.
  if (rel === 'conj' && isPassive(tree, h) && !isPassive(tree, p) && relation(tree, h) === 'ccomp' && childWith(tree, p, OBJECT_RELS) !== -1 && head(tree, h) !== -1) {
    return asSubjects(tree, p, subjectsOf(tree, head(tree, h)), 'shared');
  }
  if (rel === 'conj' && isPredicate(tree, h)) return asSubjects(tree, p, subjectsOf(tree, h), 'shared');
  // "urged residents to leave": the object controls; "vowed to retake the town": the subject does.
  if (rel === 'xcomp') {
    const controller = childWith(tree, h, OBJECT_RELS);
    const from = controller === -1 ? subjectsOf(tree, h) : phrase(tree, h, controller, 'control');
    return asSubjects(tree, p, from, 'control');
  }
  // "invoked the right of self-defence in destroying a platform": a gerund opened by a
  // preposition is adverbial wherever the parse hung it; its subject is its clause's.
  if (node.rel === 'acl' && node.tag === 'VBG' && ADVERBIAL_MARKS.has(markerOf(tree, p) ?? '')) {
    let q = h;
    while (q !== -1 && !isPredicate(tree, q)) q = head(tree, q);
    if (q !== -1) return asSubjects(tree, p, subjectsOf(tree, q), 'control');
  }
  // "a convoy carrying aid" (the noun is the subject), "a convoy attacked near Mosul" (passive subject).
  if (node.rel === 'acl' && (node.tag === 'VBG' || node.tag === 'VBN')) {
    return [argument(h, isPassive(tree, p) ? 'nsubj:pass' : 'nsubj', undefined, 'relative')];
  }
  // "…, killing two guards", "Troops entered the town to search it": the main clause's subject.
  const nonFinite = node.tag === 'VBG' || node.tag === 'VBN' || (node.tag === 'VB' && markerOf(tree, p) === 'to');
  if (rel === 'advcl' && nonFinite) {
    return asSubjects(tree, p, subjectsOf(tree, h), 'control');
  }
  // "said U.S. forces had executed a raid", parsed with "forces" and "executed" both hung on
  // "said": a verb with an auxiliary and no subject takes the noun phrase right before it that
  // the parser hung beside it; a finite clause has a subject, and that is where it stands.
  if (auxiliaries(tree, p).length > 0) {
    const left = tree.first[p]! - 1;
    const orphan = left >= 0 ? spanHead(tree, tree.first[left]!, left) : -1;
    if (orphan !== -1 && head(tree, orphan) === h && NOMINAL_UPOS.has(tree.nodes[orphan]!.upos) && ORPHAN_RELS.has(relation(tree, orphan))) {
      return [argument(orphan, isPassive(tree, p) ? 'nsubj:pass' : 'nsubj', undefined, 'dependent')];
    }
  }
  return [];
}

/**
 * "According to the presidency, President Erdogan convened a meeting", parsed with the name an
 * apposition of "presidency" and the finite verb without a subject: a name set off by a comma
 * right before a finite verb, hung as an apposition on a phrase before it, is the verb's subject.
 */
function apposedSubject(tree: SyntaxTree, p: number): number {
  if (!FINITE_TAGS.has(tree.nodes[p]!.tag) || auxiliaries(tree, p).length > 0) return -1;
  let name = p - 1;
  while (name >= 0 && ['flat', 'compound', 'fixed'].includes(relation(tree, name)) && head(tree, name) < p) name = head(tree, name);
  if (name < 0 || relation(tree, name) !== 'appos' || tree.nodes[name]!.upos !== 'PROPN') return -1;
  // The comma may hang on the name itself, or before its phrase.
  const first = tree.first[name]!;
  const comma = tree.nodes[first]!.upos === 'PUNCT' ? first : first - 1;
  return comma >= 0 && tree.nodes[comma]!.upos === 'PUNCT' && head(tree, name) < name ? name : -1;
}

/** Tags of a finite verb. */
const FINITE_TAGS: ReadonlySet<string> = new Set(['VBD', 'VBZ', 'VBP']);

/** Parts of speech of a noun phrase's head. */
const NOMINAL_UPOS: ReadonlySet<string> = new Set(['NOUN', 'PROPN']);

/** Relations a subject the parser misplaced beside its verb takes. */
const ORPHAN_RELS: ReadonlySet<string> = new Set(['ccomp', 'obj', 'dep', 'parataxis']);

/**
 * The arguments of a predicate in token order: subjects, objects and oblique phrases with their
 * prepositions, nominal conjuncts sharing a role, and what UD leaves implicit:
 * - a conjoined predicate without a subject shares the first conjunct's ("shelled" in "Rebels
 *   fired rockets and shelled the town" gets "Rebels"), and the first conjunct's objects and
 *   obliques written after it (right-node raising: "surrounded and shelled the town", "the town"
 *   attaches to "surrounded", but a dependent of it past "shelled" can only be shared);
 * - an open clause (xcomp) takes its controller, a participial or infinitival adverbial clause the
 *   main subject, a participle modifying a noun that noun, a relative pronoun its antecedent;
 * - the by-phrase of a passive has role "agent".
 * For a copular clause the predicate is the UD head, the nominal or adjective: "The minister was in
 * Baghdad" gives "minister" as nsubj of "Baghdad".
 * @example argumentsOf(tree, 1) → Rebels nsubj, rockets obj, airport obl "at", Tuesday obl "on"
 */
export function argumentsOf(tree: SyntaxTree, predicate: number): Argument[] {
  const out: Argument[] = [];
  for (const c of children(tree, predicate)) {
    if (matchesAny(tree.nodes[c]!.rel, ARGUMENT_RELS) && !matchesAny(tree.nodes[c]!.rel, SUBJECT_RELS)) {
      out.push(...phrase(tree, predicate, c, 'dependent'));
    }
  }
  out.push(...subjectsOf(tree, predicate));
  const h = head(tree, predicate);
  if (h !== -1 && relation(tree, predicate) === 'conj' && isPredicate(tree, h)) {
    for (const c of children(tree, h)) {
      if (c < predicate) continue;
      const base = relation(tree, c);
      const shared = base === 'obl' || (OBJECT_RELS.includes(base) && childWith(tree, predicate, base) === -1);
      if (shared) out.push(...phrase(tree, h, c, 'shared'));
    }
  }
  return out.sort((a, b) => a.token - b.token);
}

/**
 * The predicate a noun phrase is an argument of, and its role. From any token inside the phrase
 * (determiner, modifier, case marker, a noun modifier's words) it first climbs to the phrase head,
 * and from a later conjunct to the first, which carries the role and, unless the conjunct has its
 * own, the preposition. Null for a token that is no argument: a predicate, an adverb.
 * Only the UD head is returned; `argumentsOf` adds the predicates an argument is shared with.
 * @example predicateOf(tree, 8) → { predicate: 1, role: "obl", argument: 6, preposition: "at" }
 *   ("Erbil" is inside "at the airport in Erbil", an oblique of "fired")
 */
export function predicateOf(tree: SyntaxTree, i: number): PredicateLink | null {
  let t = i;
  let preposition: string | null = null;
  for (;;) {
    const h = head(tree, t);
    if (h === -1) return null;
    const rel = tree.nodes[t]!.rel;
    if (matchesAny(rel, NP_INTERNAL)) {
      t = h;
    } else if (matchesRel(rel, 'conj') && !isPredicate(tree, t)) {
      preposition ??= caseMarker(tree, t);
      t = h;
    } else if (matchesAny(rel, ARGUMENT_RELS)) {
      preposition ??= caseMarker(tree, t);
      const role = roleOf(tree, h, t, preposition);
      return preposition ? { predicate: h, role, argument: t, preposition } : { predicate: h, role, argument: t };
    } else {
      return null;
    }
  }
}

/**
 * The head of the tokens `first`..`last` (a mention, a chunk): the one whose head lies outside
 * the range, the highest in the tree when a loose parse leaves several, the leftmost among equals;
 * -1 for an empty range. @example spanHead(tree, 5, 6) → 6 ("the airport"); spanHead(tree, 8, 8) → 8
 */
export function spanHead(tree: SyntaxTree, first: number, last: number): number {
  let best = -1;
  for (let t = Math.max(0, first); t <= last && t < tree.nodes.length; t++) {
    const h = tree.heads[t]!;
    if (h >= first && h <= last) continue;
    if (best === -1 || tree.depth[t]! < tree.depth[best]!) best = t;
  }
  return best;
}
