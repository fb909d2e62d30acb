import { describe, expect, it } from 'vitest';
import { createReadCache } from '../../src/api/read-cache.js';

describe('the answers kept while the store is unchanged', () => {
  it('give an answer back at the version it was read at, and nothing once the version moves', () => {
    const cache = createReadCache(8);
    cache.set('stats {}', 1, { articles: 2 });
    expect(cache.get('stats {}', 1)).toEqual({ articles: 2 });
    expect(cache.get('stats {"other":1}', 1)).toBeUndefined();
    // Something was written: what was kept before no longer holds, even if the version comes back.
    expect(cache.get('stats {}', 2)).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.get('stats {}', 1)).toBeUndefined();
  });

  it('give a copy, so a caller that changes its answer does not change the next one', () => {
    const cache = createReadCache(8);
    const answer = { items: [{ id: 'a' }], total: 1 };
    cache.set('articles {}', 3, answer);
    answer.items.push({ id: 'b' });
    const first = cache.get('articles {}', 3) as typeof answer;
    first.items.length = 0;
    expect(cache.get('articles {}', 3)).toEqual({ items: [{ id: 'a' }], total: 1 });
  });

  it('keep a null answer (an unknown id) as an answer', () => {
    const cache = createReadCache(8);
    cache.set('actor {"id":"none"}', 1, null);
    expect(cache.get('actor {"id":"none"}', 1)).toBeNull();
  });

  it('drop the least recently used answer past its size, and keep none at size 0', () => {
    const cache = createReadCache(2);
    cache.set('a', 1, 'A');
    cache.set('b', 1, 'B');
    expect(cache.get('a', 1)).toBe('A');
    cache.set('c', 1, 'C');
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('c', 1)]).toEqual(['A', undefined, 'C']);
    const none = createReadCache(0);
    none.set('a', 1, 'A');
    expect(none.get('a', 1)).toBeUndefined();
  });
});
