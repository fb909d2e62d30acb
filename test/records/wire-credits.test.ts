import { describe, expect, it } from 'vitest';
import { creditedWires, detectWireCredits, outletAsWire, wireName } from '../../src/records/wire-credits.js';

const wires = (text: string, byline: string | null = null): string[] => creditedWires(detectWireCredits(text, byline));

describe('detectWireCredits', () => {
  it('reads agency datelines', () => {
    expect(wires('NORTH QUAY (Reuters) - A fire broke out at the depot on Monday.')).toEqual(['Reuters']);
    expect(wires('HARBOR CITY (AP) — Crews worked through the night.')).toEqual(['Associated Press']);
    expect(wires('Port Town, May 3 (Xinhua) -- Officials said the bridge reopened.')).toEqual(['Xinhua News Agency']);
  });

  it('reads sign-offs, contributor lines, source lines and bylines', () => {
    expect(wires('The depot burned for hours.\n— AFP')).toEqual(['Agence France-Presse']);
    expect(wires('The depot burned.\nReporting by Jo Roe in North Quay for Reuters; Editing by Al Poe')).toEqual(['Reuters']);
    expect(wires('The depot burned.\nAgence France-Presse contributed to this report.')).toEqual(['Agence France-Presse']);
    expect(wires('The depot burned.\nAssociated Press writer Jo Roe contributed.')).toEqual(['Associated Press']);
    expect(wires('The depot burned.\nSource: Xinhua')).toEqual(['Xinhua News Agency']);
    expect(wires('The depot burned.', 'Reuters Staff')).toEqual(['Reuters']);
  });

  it('notes "with agency reports" without naming a wire', () => {
    const credits = detectWireCredits('The depot burned, officials said. (With agency reports)');
    expect(credits.map((c) => c.kind)).toEqual(['agency reports']);
    expect(creditedWires(credits)).toEqual([]);
  });

  it('ignores citations, photo credits and look-alike words', () => {
    expect(wires('An official told Reuters the depot burned, according to AFP and the AP.')).toEqual([]);
    expect(wires('The mayor spoke.\n(AP Photo/Jo Roe)')).toEqual([]);
    expect(wires('The mayor spoke at the map (app) launch - a first.')).toEqual([]);
  });
});

describe('wire names', () => {
  it('maps spellings and outlets to the registry name', () => {
    expect(wireName('AFP')).toBe('Agence France-Presse');
    expect(outletAsWire('Associated Press')).toBe('Associated Press');
    expect(outletAsWire('Harbor Gazette')).toBeNull();
  });
});
