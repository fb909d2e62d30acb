import { describe, expect, it } from 'vitest';
import { independentWitnesses } from '../../src/records/independence.js';

describe('independentWitnesses', () => {
  it('counts distinct outlets when nothing links their reports', () => {
    const r = independentWitnesses(
      [
        { articleId: 'a', outlet: 'Example Wire', owner: null },
        { articleId: 'b', outlet: 'Northern Ledger', owner: null },
      ],
      [],
    );
    expect(r.independentOutlets).toBe(2);
    expect(r.outlets).toEqual(['Example Wire', 'Northern Ledger']);
  });

  it('merges articles of one outlet, of one owner, and those sharing a repeated passage', () => {
    const r = independentWitnesses(
      [
        { articleId: 'a', outlet: 'Example Wire', owner: null },
        { articleId: 'b', outlet: 'example wire', owner: null },
        { articleId: 'c', outlet: 'Northern Ledger', owner: 'Ledger Group' },
        { articleId: 'd', outlet: 'Southern Ledger', owner: 'Ledger Group' },
        { articleId: 'e', outlet: 'Harbor Gazette', owner: null },
        { articleId: 'f', outlet: 'Valley Post', owner: null },
      ],
      [['e', 'f']],
    );
    expect(r.independentOutlets).toBe(3);
    const reasons = r.groups.map((g) => g.reasons.join(',')).sort();
    expect(reasons).toEqual(['same outlet', 'same owner: Ledger Group', 'shared passage']);
  });

  it('ignores copies involving articles outside the record', () => {
    const r = independentWitnesses([{ articleId: 'a', outlet: 'X', owner: null }, { articleId: 'b', outlet: 'Y', owner: null }], [['a', 'z']]);
    expect(r.independentOutlets).toBe(2);
  });
});

describe('wire credits as dependence', () => {
  it('makes two outlets crediting one wire, and the wire itself, one witness named by the wire', () => {
    const r = independentWitnesses(
      [
        { articleId: 'a', outlet: 'Harbor Gazette', owner: null, wires: ['Reuters'] },
        { articleId: 'b', outlet: 'Valley Post', owner: null, wires: ['Reuters'] },
        { articleId: 'c', outlet: 'Reuters', owner: 'Thomson Reuters', wires: ['Reuters'] },
        { articleId: 'd', outlet: 'Northern Ledger', owner: null, wires: ['Agence France-Presse'] },
      ],
      [],
    );
    expect(r.independentOutlets).toBe(2);
    const wired = r.groups.find((g) => g.articleIds.includes('a'));
    expect(wired?.articleIds.sort()).toEqual(['a', 'b', 'c']);
    expect(wired?.reasons).toEqual(['wire: Reuters']);
  });
});

describe('owner reasons', () => {
  it('names the owner only when it links different outlets', () => {
    const r = independentWitnesses(
      [
        { articleId: 'a', outlet: 'Northern Ledger', owner: 'Ledger Group' },
        { articleId: 'b', outlet: 'Northern Ledger', owner: 'Ledger Group' },
      ],
      [],
    );
    expect(r.groups[0]?.reasons).toEqual(['same outlet']);
  });
});
