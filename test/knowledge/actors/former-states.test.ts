import { describe, expect, it } from 'vitest';
import { existedOn, rolesAt } from '../../../src/knowledge/actors/actor-roles.js';
import { findAliasMentions } from '../../../src/knowledge/actors/alias-index.js';
import { demonymCountry, ISO3_CODES } from '../../../src/knowledge/actors/country-actors.js';
import { loadActorRegistry } from '../../../src/knowledge/actors/load-registry.js';
import { runTextStages } from '../../text/run-text-stages.js';

// Former states and the office holders of the 1980s, against dates; our own sentences.

const registry = loadActorRegistry();
const actor = (id: string) => {
  const found = registry.actors.get(id);
  if (!found) throw new Error(`no actor ${id}`);
  return found;
};
const titles = (id: string, date: string | null) => rolesAt(actor(id), date).map((r) => r.title);

function mentions(raw: string): string[] {
  const doc = runTextStages(raw);
  return findAliasMentions(registry, doc).map((m) => `${doc.text.slice(m.start, m.end)} → ${m.actorIds.join('|')}${m.exact ? '' : ' ~'}`);
}

describe('former states', () => {
  it('reads "Soviet" as the Soviet Union (SUN), and the other former states by their demonyms', () => {
    expect(demonymCountry('Soviet')).toBe('SUN');
    expect(demonymCountry('Soviets')).toBe('SUN');
    expect(demonymCountry('East German')).toBe('DDR');
    expect(demonymCountry('Czechoslovak')).toBe('CSK');
    expect(demonymCountry('Yugoslavs')).toBe('YUG');
    // West Germany is the Federal Republic, the state Germany still is.
    expect(demonymCountry('West German')).toBe('DEU');
    expect(demonymCountry('Russian')).toBe('RUS');
    for (const code of ['SUN', 'DDR', 'CSK', 'YUG']) expect(ISO3_CODES.has(code), code).toBe(true);
  });

  it('makes each former state a dated state with its government, armed forces and police', () => {
    const sun = actor('cc-sun');
    expect([sun.type, sun.cameo, sun.name]).toEqual(['state', 'SUN', 'Soviet Union']);
    expect(sun.aliases).toEqual(expect.arrayContaining(['USSR', 'U.S.S.R.']));
    expect(sun.existed).toEqual({ from: '1922-12-30', to: '1991-12-26' });
    expect(['sun-gov', 'sun-mil', 'sun-cop', 'sun-mofa', 'sun-kgb'].map((id) => actor(id).cameo)).toEqual([
      'SUNGOV',
      'SUNMIL',
      'SUNCOP',
      'SUNGOV',
      'SUNSPY',
    ]);
    expect(actor('ddr-gov').cameo).toBe('DDRGOV');
    expect(actor('yug-mil').cameo).toBe('YUGMIL');
    expect(actor('cc-deu').aliases).toContain('West Germany');
    // "Moscow said" stays Russia's: the capital rule knows no dates.
    expect(sun.capital).toBeUndefined();
    expect(actor('cc-rus').capital).toBe('Moscow');
  });

  it('tells whether a state existed on a date', () => {
    expect(existedOn(actor('cc-sun'), '1987-06-01')).toBe(true);
    expect(existedOn(actor('cc-sun'), '1991-12')).toBe(true);
    expect(existedOn(actor('cc-sun'), '2020-01-08')).toBe(false);
    expect(existedOn(actor('cc-ddr'), '1990-10-04')).toBe(false);
    expect(existedOn(actor('cc-rus'), '1987-06-01')).toBe(true);
    expect(existedOn(actor('cc-sun'), null)).toBe(true);
  });

  it('finds the Soviet bodies and the state by their names in text', () => {
    expect(mentions('The Soviet Foreign Ministry and the KGB said the USSR would not send troops.')).toEqual([
      'Soviet Foreign Ministry → sun-mofa',
      'KGB → sun-kgb',
      'USSR → cc-sun',
    ]);
  });
});

describe('office holders of the 1980s, by date', () => {
  it('gives a 1987 article the office held in 1987 and a 2020 article the one held then', () => {
    expect(titles('per-ali-khamenei', '1987-07-20')).toEqual(['President of Iran']);
    expect(titles('per-ali-khamenei', '2020-01-08')).toEqual(['Supreme Leader of Iran']);
    expect(titles('per-akbar-hashemi-rafsanjani', '1987-07-20')).toEqual(['Speaker of the Islamic Consultative Assembly']);
    expect(titles('per-akbar-hashemi-rafsanjani', '1995-01-01')).toEqual([
      'President of Iran',
      'Chairman of the Expediency Discernment Council',
    ]);
    expect(titles('per-akbar-hashemi-rafsanjani', '2020-01-08')).toEqual([]);
    expect(titles('per-george-h-w-bush', '1987-10-19')).toEqual(['Vice President of the United States']);
    expect(titles('per-george-h-w-bush', '1990-08-02')).toEqual(['President of the United States']);
    expect(titles('per-eduard-shevardnadze', '1987-09-15')).toEqual(['Minister of Foreign Affairs of the Soviet Union']);
    expect(titles('per-eduard-shevardnadze', '2000-01-01')).toEqual(['President of Georgia']);
    expect(titles('per-caspar-weinberger', '1987-10-19')).toEqual(['Secretary of Defense']);
    expect(titles('per-frank-carlucci', '1988-03-01')).toEqual(['Secretary of Defense']);
    // Nobody of 1987 holds an office today; today's holders do.
    expect(titles('per-ronald-reagan', null)).toEqual([]);
    expect(titles('per-ali-khamenei', null)).toEqual(['Supreme Leader of Iran']);
  });

  it('names the two Bushes, the two Bakers and Regan apart', () => {
    expect(mentions('George Bush met James Baker, Howard Baker and Donald Regan; George W. Bush was not there.')).toEqual([
      'George Bush → per-george-h-w-bush',
      'James Baker → per-james-baker',
      'Howard Baker → per-howard-baker',
      'Donald Regan → per-donald-regan',
      'George W. Bush → per-george-w-bush',
    ]);
    // "Regan" is his own name, not "Reagan" by the transliteration fold.
    expect(mentions('Regan resigned and Reagan accepted.')).toEqual(['Regan → per-donald-regan', 'Reagan → per-ronald-reagan']);
  });

  it('knows the US parties apart from the legislature', () => {
    expect(mentions('Democrats and Republicans in Congress and the Senate disagreed.')).toEqual([
      'Democrats → usa-democratic-party',
      'Republicans → usa-republican-party',
      'Congress → usa-congress',
      'Senate → usa-senate',
    ]);
    expect(actor('usa-democratic-party').cameo).toBe('USAPTY');
    expect(actor('usa-congress').cameo).toBe('USALEG');
  });
});
