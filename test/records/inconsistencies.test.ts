import { describe, expect, it } from 'vitest';
import { type ArticleMention, findInconsistencies } from '../../src/records/inconsistencies.js';

const mention = (over: Partial<ArticleMention>): ArticleMention => ({
  eventId: 'e1',
  articleId: 'a1',
  outlet: 'Example Wire',
  published: '2024-06-10',
  modality: 'asserted',
  date: '2024-06-08',
  datePrecision: 'day',
  magnitudes: [],
  ...over,
});

describe('findInconsistencies', () => {
  it('flags an event told as past but dated after its article', () => {
    const found = findInconsistencies([mention({ date: '2024-06-20' })]);
    expect(found).toHaveLength(1);
    expect(found[0]?.kind).toBe('dated after publication');
    expect(found[0]?.values).toEqual(['2024-06-20', '2024-06-10']);
  });

  it('accepts planned events after the article and a month that holds the publication day', () => {
    expect(findInconsistencies([mention({ date: '2024-06-20', modality: 'planned' })])).toEqual([]);
    expect(findInconsistencies([mention({ date: '2024-06', datePrecision: 'month' })])).toEqual([]);
    expect(findInconsistencies([mention({ date: '2024-07', datePrecision: 'month' })])).toHaveLength(1);
  });

  it('flags one article giving two days or two figures for one event, but not two articles', () => {
    const kill = (n: number) => [{ kind: 'killed', value: n, qualifier: 'exact' }];
    const one = findInconsistencies([
      mention({ eventId: 'e1', date: '2024-06-08', magnitudes: kill(3) }),
      mention({ eventId: 'e2', date: '2024-06-07', magnitudes: kill(4) }),
    ]);
    expect(one.map((x) => x.kind).sort()).toEqual(['date', 'number:killed']);
    expect(one.find((x) => x.kind === 'number:killed')?.values).toEqual(['3', '4']);
    const two = findInconsistencies([
      mention({ eventId: 'e1', date: '2024-06-08', magnitudes: kill(3) }),
      mention({ eventId: 'e2', articleId: 'a2', date: '2024-06-07', magnitudes: kill(4) }),
    ]);
    expect(two).toEqual([]);
  });
});
