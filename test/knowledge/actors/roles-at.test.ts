import { describe, expect, it } from 'vitest';
import { rolesAt } from '../../../src/knowledge/actors/actor-roles.js';
import { loadActorRegistry } from '../../../src/knowledge/actors/load-registry.js';

const registry = loadActorRegistry();
const actor = (id: string) => {
  const found = registry.actors.get(id);
  if (!found) throw new Error(`no actor ${id}`);
  return found;
};
const titles = (id: string, date: string | null) => rolesAt(actor(id), date).map((r) => `${r.title} (${r.of})`);

describe('rolesAt', () => {
  it('gives the office held on a date', () => {
    expect(titles('per-adel-abdul-mahdi', '2019-06-01')).toEqual(['Prime Minister of Iraq (irq-gov)']);
    expect(titles('per-adel-abdul-mahdi', '2021-01-01')).toEqual([]);
    expect(titles('per-mustafa-al-kadhimi', '2021-01-01')).toEqual(['Prime Minister of Iraq (irq-gov)']);
  });

  it('counts the handover day for both holders', () => {
    expect(titles('per-adel-abdul-mahdi', '2020-05-07')).toContain('Prime Minister of Iraq (irq-gov)');
    expect(titles('per-mustafa-al-kadhimi', '2020-05-07')).toContain('Prime Minister of Iraq (irq-gov)');
  });

  it('handles a person with two terms in the same office', () => {
    expect(titles('per-donald-trump', '2019-01-01')).toEqual(['President of the United States (usa-gov)']);
    expect(titles('per-donald-trump', '2023-01-01')).toEqual([]);
    expect(titles('per-donald-trump', '2025-06-01')).toEqual(['President of the United States (usa-gov)']);
  });

  it('reads partial dates as spans, on the query and on the role', () => {
    expect(titles('per-mike-pompeo', '2018')).toEqual([
      'Director of the Central Intelligence Agency (usa-cia)',
      'Secretary of State (usa-state-department)',
    ]);
    // Abu Fadak's role starts "2020-02": any day of that month counts.
    expect(titles('per-abu-fadak-al-mohammedawi', '2020-02-01')).toHaveLength(1);
    expect(titles('per-abu-fadak-al-mohammedawi', '2020-01-31')).toHaveLength(0);
  });

  it('gives the current roles for a null date', () => {
    expect(titles('per-mike-pompeo', null)).toEqual([]);
    expect(titles('per-naim-qassem', null)).toEqual(['Secretary-General of Hezbollah (lbn-hezbollah)']);
  });
});
