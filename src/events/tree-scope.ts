import { caseMarker, children, head, markerOf, relation, type SyntaxTree } from '../nlp/syntax/tree.js';

/**
 * Where an event's place and time may come from, read from the dependency tree: the words its
 * predicate governs, never the words of another event's phrase or of a remark appended to it
 * ("…, the ministry said in Baghdad"). A verb's scope is its subtree; an event noun's is its own
 * phrase, and also the clause it is the topic of when a light verb or a copula carries it ("the
 * last attack was on March 27 on the south of Damascus", "carried out strikes on Monday"). A
 * "today" that dates only the saying ("Iraq said today its forces had crushed …") lies outside
 * the crushing's subtree, so it is not the crushing's date.
 */

/** Dependents that are remarks about the clause, not part of what it tells. */
const REMARKS = new Set(['parataxis']);

/** Global token indexes of `g`'s subtree, without the subtrees of `cut` and of remarks. */
function subtreeWithout(tree: SyntaxTree, g: number, cut: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  const stack = [g];
  while (stack.length > 0) {
    const t = stack.pop()!;
    out.add(t);
    for (const c of children(tree, t)) if (!cut.has(c) && !REMARKS.has(relation(tree, c))) stack.push(c);
  }
  return out;
}

/**
 * The scope of the event whose head is `g` (global index): its own subtree without the subtrees
 * of the other event heads `others`; for a noun that is the subject or object of a predicate that
 * is no event itself (`carries`: light and reporting verbs; or a copula's predicate), that predicate's subtree
 * as well, still without the other events'.
 */
export function eventScope(
  tree: SyntaxTree,
  g: number,
  others: ReadonlySet<number>,
  isNoun: boolean,
  carries: (predicate: number) => boolean,
  reacts: (predicate: number) => boolean,
): Set<number> {
  const cut = new Set([...others].filter((o) => o !== g));
  if (!isNoun) for (const t of sayingsTime(tree, g, carries)) cut.add(t);
  const scope = subtreeWithout(tree, g, cut);
  // "responded in September by launching rockets": the by-gerund tells how the verb above was
  // done, one act, so that verb's time and place are its own.
  if (!isNoun && relation(tree, g) === 'advcl' && markerOf(tree, g) === 'by' && head(tree, g) !== -1) {
    for (const t of subtreeWithout(tree, head(tree, g), new Set([...cut, g]))) scope.add(t);
  }
  if (!isNoun) return scope;
  const p = head(tree, g);
  const rel = relation(tree, g);
  // "claimed responsibility for a drone attack on two facilities in eastern Saudi Arabia": an act
  // claimed through the verb's object is placed and dated by the verb's clause.
  const claimer = p === -1 ? -1 : head(tree, p);
  if (rel === 'nmod' && caseMarker(tree, g) === 'for' && relation(tree, p) === 'obj' && claimer !== -1 && carries(claimer)) {
    for (const t of subtreeWithout(tree, claimer, new Set([...cut].filter((o) => o !== claimer)))) scope.add(t);
    return scope;
  }
  if (p === -1 || others.has(p) || !['nsubj', 'obj', 'obl'].includes(rel)) return scope;
  // "were plotting bombings in Baghdad": the clause whose object the event is tells where;
  // "responded on Monday night to an Israeli offensive": a reaction's clause dates what it reacts to.
  const copula = children(tree, p).some((c) => relation(tree, c) === 'cop');
  if (rel === 'obl' ? !reacts(p) : !copula && !carries(p) && rel !== 'obj') return scope;
  for (const t of subtreeWithout(tree, p, cut)) scope.add(t);
  return scope;
}

/** Relations of a time or manner phrase hung on a verb. */
const ADJUNCTS = new Set(['obl', 'obl:tmod', 'obl:unmarked', 'obl:npmod', 'nmod:tmod', 'advmod']);

/**
 * "Iraq said today its forces had crushed …": a time between the reporting verb and the
 * subject of what it reports, with no "that" or comma before it, dates the saying, however the
 * parser hangs it. The reported clause's own time comes after its subject or after its "that".
 */
function sayingsTime(tree: SyntaxTree, g: number, carries: (predicate: number) => boolean): number[] {
  const p = head(tree, g);
  if (p === -1 || relation(tree, g) !== 'ccomp' || !carries(p) || p > g) return [];
  const dependents = children(tree, g);
  const subject = dependents.find((c) => relation(tree, c).startsWith('nsubj'));
  if (subject === undefined) return [];
  const opener = dependents.find((c) => c < subject && (relation(tree, c) === 'mark' || relation(tree, c) === 'punct'));
  if (opener !== undefined) return [];
  const hung = dependents.filter((c) => c > p && c < subject && ADJUNCTS.has(relation(tree, c)));
  // "said yesterday the Iranians overran": a word before the subject's determiner is not in
  // the subject's phrase, whatever the parser hung it on.
  const det = children(tree, subject).find((c) => relation(tree, c) === 'det');
  if (det !== undefined) hung.push(...children(tree, subject).filter((c) => c > p && c < det && relation(tree, c) !== 'det'));
  return hung;
}

