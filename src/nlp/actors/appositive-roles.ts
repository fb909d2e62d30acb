import type { Document } from '../../text/document.js';
import { caseMarker, childrenWith, head, relation, type SyntaxTree, spanHead } from '../syntax/tree.js';

/**
 * A person's role read from the dependency tree: the title noun the name stands in apposition
 * with, on either side ("Omar Haddad, the leader of the Example Front," and "The leader of the
 * Example Front, Omar Haddad,"), however many words come between, with the organization of its
 * "of"/"for" phrase or possessive ("the Example Front's leader") and the words modifying it
 * ("the Iraqi lawmaker").
 */

export interface TreeRole {
  /** Index into the entities layer of the TITLE mention ("the leader"). */
  readonly title: number;
  /** Index into the entities layer of the organization the title is of, or null. */
  readonly organization: number | null;
  /** Adjectives modifying the title noun ("Iraqi", "senior"): where a demonym is looked for. */
  readonly modifiers: readonly string[];
}

/** Entity types a title can be "of": "leader of the Example Front", "foreign minister of Iraq". */
const ORGANIZATION_TYPES = new Set(['ORG', 'GPE']);
/** Prepositions that tie a title to its organization. */
const OF_WORDS = new Set(['of', 'for']);

/** The syntax layer's trees and which entity mention covers each token. */
export interface MentionTrees {
  readonly doc: Document;
  readonly tree: SyntaxTree;
  /** Token index → entity index, -1 for none. */
  readonly entityOf: Int32Array;
  /** Entity index → its first and last token, or null when it covers none. */
  readonly tokensOf: ReadonlyArray<readonly [number, number] | null>;
}

/** The trees of `doc`, or null when it has no syntax layer in step with its tokens. */
export function mentionTrees(doc: Document, tree: SyntaxTree | null): MentionTrees | null {
  const tokens = doc.layers.tokens ?? [];
  if (!tree || tree.nodes.length !== tokens.length || tokens.length === 0) return null;
  const entities = doc.layers.entities ?? [];
  const entityOf = new Int32Array(tokens.length).fill(-1);
  const tokensOf: Array<[number, number] | null> = entities.map(() => null);
  let e = 0;
  tokens.forEach((t, i) => {
    while (e < entities.length && entities[e]!.end <= t.start) e++;
    const m = entities[e];
    if (!m || t.start < m.start || t.end > m.end) return;
    entityOf[i] = e;
    const range = tokensOf[e];
    if (range) range[1] = i;
    else tokensOf[e] = [i, i];
  });
  return { doc, tree, entityOf, tokensOf };
}

/** The head token of an entity mention, or -1. */
export function mentionHead(m: MentionTrees, entity: number): number {
  const range = m.tokensOf[entity];
  return range ? spanHead(m.tree, range[0], range[1]) : -1;
}

const typeOf = (m: MentionTrees, e: number): string => m.doc.layers.entities?.[e]?.type ?? '';

/**
 * The organization a title is of: the entity heading its "of"/"for" phrase or its possessive
 * ("the leader of the Example Front", "the Example Front's leader"), or null.
 */
export function titleOrganization(m: MentionTrees, titleToken: number): number | null {
  for (const c of childrenWith(m.tree, titleToken, 'nmod')) {
    const e = m.entityOf[c]!;
    if (e < 0 || !ORGANIZATION_TYPES.has(typeOf(m, e))) continue;
    if (relation(m.tree, c) === 'nmod' && (m.tree.nodes[c]!.rel === 'nmod:poss' || OF_WORDS.has(caseMarker(m.tree, c) ?? ''))) return e;
  }
  return null;
}

/** The role of the PERSON mention `entity` given in apposition, or null when the tree shows none. */
export function appositiveRole(m: MentionTrees, entity: number): TreeRole | null {
  const h = mentionHead(m, entity);
  if (h === -1) return null;
  // "X, the leader of Y": the title is the name's appos; "The leader of Y, X": the name is the title's.
  const titles = [...childrenWith(m.tree, h, 'appos')];
  if (relation(m.tree, h) === 'appos') titles.push(head(m.tree, h));
  for (const n of titles) {
    const title = m.entityOf[n]!;
    if (title < 0 || title === entity || typeOf(m, title) !== 'TITLE') continue;
    const modifiers = childrenWith(m.tree, n, 'amod').map((a) => m.doc.text.slice(m.tree.nodes[a]!.start, m.tree.nodes[a]!.end));
    return { title, organization: titleOrganization(m, n), modifiers };
  }
  return null;
}
