import { describe, expect, it } from 'vitest';
import { datelineLength } from '../../src/text/datelines.js';

function dateline(line: string): string {
  return line.slice(0, datelineLength(line));
}

describe('datelineLength', () => {
  it('finds the wire forms', () => {
    expect(dateline('KESSOW, Velmaria (Example Wire) — Rockets struck the base.')).toBe('KESSOW, Velmaria (Example Wire) — ');
    expect(dateline('PORT HALVERN (EW) - Rockets struck the base.')).toBe('PORT HALVERN (EW) - ');
    expect(dateline('June 3 (EW) -- Rockets struck the base.')).toBe('June 3 (EW) -- ');
    expect(dateline('Kessow: Rockets struck the base.')).toBe('');
    expect(datelineLength('Kessow: Rockets struck the base.', { cityColon: true })).toBe('Kessow: '.length);
  });

  it('finds a mixed-case city and country closed by a dash', () => {
    expect(dateline('Port Halvern, Velmaria — Velmarian jets struck the border town.')).toBe('Port Halvern, Velmaria — ');
    expect(dateline('Kessow, Velmaria – Gunmen fired on a convoy.')).toBe('Kessow, Velmaria – ');
    expect(dateline('Kessow, Oct 27: Gunmen fired on a convoy.')).toBe('Kessow, Oct 27: ');
    expect(dateline('KESSOW: Gunmen fired on a convoy.')).toBe('KESSOW: ');
  });

  it('leaves sentences alone', () => {
    expect(datelineLength('Velmaria, a member of the alliance, struck the town on Monday.')).toBe(0);
    expect(datelineLength('Velmarian jets struck the border town — witnesses said.')).toBe(0);
    expect(datelineLength('Velmaria, Ostria - and their allies - met on Monday.')).toBe(0);
  });
});
