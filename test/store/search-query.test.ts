import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseSearch, usesSearchSyntax } from '../../src/store/search-query.js';

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
