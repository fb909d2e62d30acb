import { describe, expect, it } from 'vitest';
import { findKnownOutlet, knownOutlets } from '../../src/knowledge/outlets/outlet-names.js';
import { outletOwner } from '../../src/records/outlet-owners.js';

describe('outlet registry facts', () => {
  it('gives every outlet an ownership type and a note, and owners only as names', () => {
    for (const o of knownOutlets()) {
      expect(['state', 'public', 'private', 'nonprofit', 'unknown'], o.name).toContain(o.ownership);
      expect(o.note.length, o.name).toBeGreaterThan(5);
      if (o.parent !== null) expect(o.owner, `${o.name} has a parent but no owner`).not.toBeNull();
    }
  });

  it('knows the main wires and state media by alias', () => {
    expect(findKnownOutlet('Xinhua')?.ownership).toBe('state');
    expect(findKnownOutlet('AFP')?.name).toBe('Agence France-Presse');
    expect(findKnownOutlet('IRNA')?.country).toBe('IRN');
    expect(findKnownOutlet('PressTV')?.owner).toContain('IRIB');
  });

  it('groups outlets by owner precisely', () => {
    expect(outletOwner('RT')).toBe(outletOwner('Sputnik'));
    expect(outletOwner('Press TV')).toBe(outletOwner('Al-Alam'));
    expect(outletOwner('The Wall Street Journal')).toBe('News Corp');
    expect(outletOwner('New York Post')).toBe('News Corp');
    expect(outletOwner('Fox News')).toBe('Fox Corporation');
    expect(outletOwner('VOA')).toBe(outletOwner('Alhurra'));
    expect(outletOwner('TASS')).not.toBe(outletOwner('RT'));
    expect(outletOwner('Example Wire')).toBeNull();
    expect(outletOwner(null)).toBeNull();
  });
});
