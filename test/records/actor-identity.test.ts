import { describe, expect, it } from 'vitest';
import { codeNamesActor, sameHolderKeys, samePersonKeys, stateKeyOfCode, unresolvedNamesActor } from '../../src/records/actor-identity.js';

describe('actor identity', () => {
  it('tells a code that names an actor from one that names a kind of actor', () => {
    expect(codeNamesActor('IRN')).toBe(true);
    expect(codeNamesActor('TURMIL')).toBe(true);
    expect(codeNamesActor('MIL')).toBe(false);
    expect(codeNamesActor('UAF')).toBe(false);
    // Affiliated: "Iranian proxies" say whose they are.
    expect(codeNamesActor('IRNUAF')).toBe(true);
    expect(codeNamesActor(null)).toBe(false);
  });

  it('asks the words, not the context the events stage coded them by, whose an unresolved actor is', () => {
    expect(unresolvedNamesActor('Iranian proxies', 'IRNUAF')).toBe(true);
    expect(unresolvedNamesActor('pro-Iran militia', 'IRQUAF')).toBe(true);
    expect(unresolvedNamesActor('Tehran', 'IRN')).toBe(true);
    expect(unresolvedNamesActor('Gunmen', 'IRQUAF')).toBe(false);
    expect(unresolvedNamesActor('the troops', 'TURMIL')).toBe(false);
    expect(unresolvedNamesActor('Armed terrorists', 'UAF')).toBe(false);
  });

  it('keys a state named by its capital or its people as the state, and nothing else', () => {
    expect(stateKeyOfCode('IRN')).toBe('cc-irn');
    expect(stateKeyOfCode('IRNMIL')).toBeNull();
    expect(stateKeyOfCode('GOV')).toBeNull();
  });

  it('maps spellings of one person to the first key met, and keeps other people and non-persons apart', () => {
    const keys = samePersonKeys([
      { key: 'new:person:hisham-hashimi', name: 'Hisham al-Hashimi' },
      { key: 'new:person:hisham-hashim', name: 'Hisham Al-Hashim' },
      { key: 'new:person:ali-hashimi', name: 'Ali al-Hashimi' },
      { key: 'cc-irq', name: 'Iraq' },
    ]);
    expect(keys.get('new:person:hisham-hashim')).toBe('new:person:hisham-hashimi');
    expect(keys.get('new:person:ali-hashimi')).toBe('new:person:ali-hashimi');
    expect(keys.get('cc-irq')).toBe('cc-irq');
  });

  it('maps an unresolved name that is another actor’s name and holding words to that actor', () => {
    const keys = sameHolderKeys([
      { key: 'vlr-example-oil', name: 'Example Oil' },
      { key: 'new:organization:example-oil-facilities', name: 'Example Oil Facilities' },
      { key: 'new:organization:example-oil-company', name: 'Example Oil Company' },
      { key: 'new:organization:example-oil-ministry', name: 'Example Oil Ministry' },
      { key: 'new:person:example-oil', name: 'Example Oil Group' },
      { key: 'new:organization:company', name: 'Company' },
    ]);
    expect(keys.get('new:organization:example-oil-facilities')).toBe('vlr-example-oil');
    expect(keys.get('new:organization:example-oil-company')).toBe('vlr-example-oil');
    // A word that is no holding word makes another body; a person is never a holding; nothing is left of "Company".
    expect(keys.get('new:organization:example-oil-ministry')).toBe('new:organization:example-oil-ministry');
    expect(keys.get('new:person:example-oil')).toBe('new:person:example-oil');
    expect(keys.get('new:organization:company')).toBe('new:organization:company');
    expect(keys.get('vlr-example-oil')).toBe('vlr-example-oil');
  });
});
