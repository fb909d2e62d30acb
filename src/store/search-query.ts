import { type RawBuilder, sql } from 'kysely';
import { UsageError } from '../errors.js';

/**
 * The search syntax `dossier search` accepts is FTS5's: words (all must match), "quoted
 * phrases", prefix*, AND, OR, NOT, NEAR(...) and parentheses. On PostgreSQL the same query
 * becomes a tsquery built from these nodes, so both engines accept the same input.
 */
export type SearchNode =
  | { readonly kind: 'term'; readonly text: string; readonly prefix: boolean }
  | { readonly kind: 'and' | 'or'; readonly items: readonly SearchNode[] }
  | { readonly kind: 'not'; readonly keep: SearchNode; readonly drop: SearchNode };

/** Does the query use the search syntax, or is it plain words (each then matched as it is)? */
export const usesSearchSyntax = (query: string): boolean => /["*]|\b(AND|OR|NOT|NEAR)\b/.test(query);

type Token = { kind: 'word' | 'phrase'; text: string; prefix: boolean } | { kind: '(' | ')' | 'AND' | 'OR' | 'NOT' | 'NEAR' };

/** The catalogue's DOSSIER_SEARCH_BAD_QUERY, naming the query and what is wrong with it. */
export const badSearchQuery = (query: string, reason: string): UsageError =>
  new UsageError(`bad search query ${JSON.stringify(query)}: ${reason}`, 'DOSSIER_SEARCH_BAD_QUERY');

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:"((?:[^"]|"")*)("?)(\*?)|([()])|([^\s()"]+))/gy;
  for (let m = re.exec(query); m && m[0] !== ''; m = re.exec(query)) {
    const [, phrase, closed, phraseStar, paren, word] = m;
    if (phrase !== undefined && !closed) throw badSearchQuery(query, 'unclosed quote: add the closing " or remove the opening one');
    if (phrase !== undefined) tokens.push({ kind: 'phrase', text: phrase.replace(/""/g, '"'), prefix: phraseStar === '*' });
    else if (paren) tokens.push({ kind: paren as '(' | ')' });
    else if (word === 'AND' || word === 'OR' || word === 'NOT' || word === 'NEAR') tokens.push({ kind: word });
    else if (word) {
      // FTS5's "+" phrase glue is not a word.
      const text = word.replace(/^\+$/, '');
      if (text) tokens.push({ kind: 'word', text: text.replace(/\*$/, ''), prefix: text.endsWith('*') });
    }
  }
  return tokens;
}

/** What is wrong with an operator or parenthesis out of place, and how to put it right. */
const unexpected = (kind: string): string =>
  kind === ')'
    ? 'unexpected ): a ")" without its "(" before it; remove it'
    : `unexpected ${kind}: ${kind} goes between two words ("a ${kind} b"); write it in lower case to search for the word itself`;

/**
 * Parses the FTS5 subset: OR binds loosest, then AND (or mere adjacency), then NOT; NEAR(...)
 * is read as AND. What FTS5 refuses (an unclosed quote or parenthesis, an operator without an
 * operand) is a UsageError naming the query.
 */
export function parseSearch(query: string): SearchNode | null {
  const tokens = usesSearchSyntax(query)
    ? tokenize(query.replace(/,\s*\d+\s*\)/g, ')'))
    : query
        .split(/\s+/)
        .filter(Boolean)
        .map((w): Token => ({ kind: 'phrase', text: w, prefix: false }));
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const startsPrimary = (t: Token | undefined): boolean => t !== undefined && (t.kind === 'word' || t.kind === 'phrase' || t.kind === '(' || t.kind === 'NEAR');
  const group = (kind: 'and' | 'or', items: SearchNode[]): SearchNode | null => (items.length === 0 ? null : items.length === 1 ? items[0]! : { kind, items });

  const primary = (): SearchNode => {
    const t = tokens[i++];
    if (!t) throw badSearchQuery(query, 'an operator needs something after it: put a word after it, or write it in lower case ("or") to search for the word itself');
    if (t.kind === 'word' || t.kind === 'phrase') return { kind: 'term', text: t.text, prefix: t.prefix };
    if (t.kind === 'NEAR' && peek()?.kind !== '(') return { kind: 'term', text: 'NEAR', prefix: false };
    if (t.kind === '(' || t.kind === 'NEAR') {
      if (t.kind === 'NEAR') i++;
      const inner = or();
      if (tokens[i++]?.kind !== ')') throw badSearchQuery(query, 'unclosed parenthesis: add the closing ")" or remove the "("');
      return inner;
    }
    throw badSearchQuery(query, unexpected(t.kind));
  };
  const not = (): SearchNode => {
    let left = primary();
    while (peek()?.kind === 'NOT') {
      i++;
      left = { kind: 'not', keep: left, drop: primary() };
    }
    return left;
  };
  const and = (): SearchNode => {
    const items = [not()];
    while (peek()?.kind === 'AND' || startsPrimary(peek())) {
      if (peek()?.kind === 'AND') i++;
      items.push(not());
    }
    return group('and', items)!;
  };
  const or = (): SearchNode => {
    const items = [and()];
    while (peek()?.kind === 'OR') {
      i++;
      items.push(and());
    }
    return group('or', items)!;
  };

  if (tokens.length === 0) return null;
  const node = or();
  if (i < tokens.length) throw badSearchQuery(query, unexpected(tokens[i]!.kind));
  return node;
}

/**
 * How much work one search may ask of the index. A prefix term reads the postings of every
 * word it begins (`a*`: a few thousand words); a long OR of such terms took 7–26 s of the
 * server's one thread on a 15k-article store. Within these bounds the worst query costs
 * about as much as an ordinary one (bench/search-load.ts).
 */
export interface SearchBounds {
  /** Words and quoted phrases in all. */
  readonly maxTerms: number;
  /** Terms ending in `*`. */
  readonly maxPrefixTerms: number;
  /** Letters or digits before a `*`. */
  readonly minPrefixLength: number;
}

export const DEFAULT_SEARCH_BOUNDS: SearchBounds = { maxTerms: 16, maxPrefixTerms: 4, minPrefixLength: 3 };

const termsOf = (node: SearchNode): Array<Extract<SearchNode, { kind: 'term' }>> =>
  node.kind === 'term' ? [node] : node.kind === 'not' ? [...termsOf(node.keep), ...termsOf(node.drop)] : node.items.flatMap(termsOf);

/**
 * Parses the query and refuses one that asks too much, with a UsageError that says which bound
 * it broke and what to change. The caller's engine then receives only what the parser read.
 */
export function parseBoundedSearch(query: string, bounds: SearchBounds = DEFAULT_SEARCH_BOUNDS): SearchNode | null {
  const node = parseSearch(query);
  if (!node) return null;
  const terms = termsOf(node);
  if (terms.length > bounds.maxTerms) throw badSearchQuery(query, `${terms.length} terms; at most ${bounds.maxTerms} are searched at once: drop some words`);
  const prefixes = terms.filter((t) => t.prefix);
  if (prefixes.length > bounds.maxPrefixTerms) {
    throw badSearchQuery(query, `${prefixes.length} prefix terms (word*); at most ${bounds.maxPrefixTerms}: write some words out in full`);
  }
  for (const t of prefixes) {
    const last = t.text.match(/[\p{L}\p{N}]+/gu)?.at(-1) ?? '';
    if ([...last].length < bounds.minPrefixLength) {
      throw badSearchQuery(query, `prefix "${t.text}*" is too short; give at least ${bounds.minPrefixLength} letters before the *`);
    }
  }
  return node;
}

/**
 * The node as an FTS5 MATCH expression: each term a quoted string (so no column filter, `^`
 * or other FTS5 syntax the parser does not know gets through), the operators parenthesized.
 * NEAR(...) arrives as AND, as on PostgreSQL.
 */
export function toFts5Match(node: SearchNode): string {
  if (node.kind === 'not') return `(${toFts5Match(node.keep)} NOT ${toFts5Match(node.drop)})`;
  if (node.kind !== 'term') return `(${node.items.map(toFts5Match).join(node.kind === 'and' ? ' AND ' : ' OR ')})`;
  return `"${node.text.replace(/"/g, '""')}"${node.prefix ? '*' : ''}`;
}

/**
 * The node as a PostgreSQL tsquery expression ('simple' configuration, as the index). A term is
 * a phrase of its words, as FTS5 reads a quoted string; a prefix term's last word matches as a
 * prefix. Words reach to_tsquery only as letters and digits, so no input breaks its syntax.
 */
export function toTsQuery(node: SearchNode): RawBuilder<unknown> {
  if (node.kind === 'not') return sql`(${toTsQuery(node.keep)} && !!${toTsQuery(node.drop)})`;
  if (node.kind !== 'term') return sql`(${sql.join(node.items.map(toTsQuery), sql.raw(node.kind === 'and' ? ' && ' : ' || '))})`;
  if (!node.prefix) return sql`phraseto_tsquery('simple', ${node.text})`;
  const words = node.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return sql`phraseto_tsquery('simple', '')`;
  return sql`to_tsquery('simple', ${`${words.join(' <-> ')}:*`})`;
}
