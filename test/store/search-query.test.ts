import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { DEFAULT_SEARCH_BOUNDS, parseBoundedSearch, parseSearch, toFts5Match, usesSearchSyntax } from '../../src/store/search-query.js';

const term = (text: string, prefix = false) => ({ kind: 'term', text, prefix });

describe('the search syntax, read for PostgreSQL', () => {
  it('reads plain words as terms that must all match, each taken as it is', () => {
    expect(usesSearchSyntax('air defense (Iraq)')).toBe(false);
    expect(parseSearch('air  defense (Iraq)')).toEqual({ kind: 'and', items: [term('air'), term('defense'), term('(Iraq)')] });
    expect(parseSearch('   ')).toBeNull();
  });

  it('reads phrases, prefixes and the operators with FTS5 precedence', () => {
    expect(parseSearch('"S-400" AND Iraq')).toEqual({ kind: 'and', items: [term('S-400'), term('Iraq')] });
    expect(parseSearch('"say ""no""" sal*')).toEqual({ kind: 'and', items: [term('say "no"'), term('sal', true)] });
    expect(parseSearch('a OR b c')).toEqual({ kind: 'or', items: [term('a'), { kind: 'and', items: [term('b'), term('c')] }] });
    expect(parseSearch('a b NOT c')).toEqual({ kind: 'and', items: [term('a'), { kind: 'not', keep: term('b'), drop: term('c') }] });
    expect(parseSearch('(a OR b) "c d"*')).toEqual({ kind: 'and', items: [{ kind: 'or', items: [term('a'), term('b')] }, term('c d', true)] });
    expect(parseSearch('NEAR(quay workers, 5)')).toEqual({ kind: 'and', items: [term('quay'), term('workers')] });
  });

  it('refuses what FTS5 refuses, naming the query', () => {
    for (const [query, reason] of [
      ['"unclosed', /unclosed quote/],
      ['(a OR b', /unclosed parenthesis/],
      ['a AND', /needs something after it/],
      ['OR a', /unexpected OR/],
      ['a) OR b', /unexpected \)/],
    ] as const) {
      expect(() => parseSearch(query), query).toThrow(UsageError);
      expect(() => parseSearch(query), query).toThrow(reason);
      expect(() => parseSearch(query), query).toThrow(JSON.stringify(query));
    }
  });
});

describe('the bounds of a search', () => {
  it('refuses a query that asks the index too much, saying which bound and what to change', () => {
    const chain = Array.from({ length: 120 }, () => 'a*').join(' OR ');
    for (const [query, reason] of [
      [Array.from({ length: 17 }, (_, i) => `w${i}`).join(' OR '), /17 terms; at most 16 .*drop some words/],
      ['grai* OR whea* OR barl* OR oat* OR ryes*', /5 prefix terms \(word\*\); at most 4/],
      [chain, /120 terms/],
      ['a* OR wheat', /prefix "a\*" is too short; give at least 3 letters/],
      ['NEAR(ab* cd*, 1000)', /prefix "ab\*" is too short/],
      ['"grain ex"*', /prefix "grain ex\*" is too short/],
    ] as const) {
      expect(() => parseBoundedSearch(query), query).toThrow(UsageError);
      expect(() => parseBoundedSearch(query), query).toThrow(reason);
    }
  });

  it('takes what stays within them, and bounds given by the caller', () => {
    expect(parseBoundedSearch('gra* OR "wheat exports" NOT barley')).toEqual(parseSearch('gra* OR "wheat exports" NOT barley'));
    expect(parseBoundedSearch(Array.from({ length: 16 }, (_, i) => `w${i}`).join(' '))).not.toBeNull();
    expect(() => parseBoundedSearch('ab*', { ...DEFAULT_SEARCH_BOUNDS, minPrefixLength: 2 })).not.toThrow();
    expect(() => parseBoundedSearch('wheat barley', { ...DEFAULT_SEARCH_BOUNDS, maxTerms: 1 })).toThrow(/2 terms; at most 1/);
  });

  it('hands FTS5 only quoted terms and the operators it read', () => {
    expect(toFts5Match(parseSearch('title:wheat OR "say ""no""" gra*')!)).toBe('("title:wheat" OR ("say ""no""" AND "gra"*))');
    expect(toFts5Match(parseSearch('NEAR(quay workers, 5) NOT ferry')!)).toBe('(("quay" AND "workers") NOT "ferry")');
  });
});
