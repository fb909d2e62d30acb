import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latest, type Memory, type Referent } from '../../src/claims/speaker-resolution.js';

const referent = (at: number, paragraph: number, kind: Referent['kind']): Referent => ({
  actorId: `actor-${at}`,
  name: `Name ${at}`,
  kind,
  entityType: kind === 'person' ? 'PERSON' : 'ORG',
  role: null,
  roleActors: [],
  sector: null,
  at,
  paragraph,
  gender: null,
});

/** Referents at increasing token offsets (up to about 60 in fast-check's small arrays), their paragraph never going back: the mentions and subjects. */
const inTextOrderArb = fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.boolean(), fc.boolean()), { maxLength: 50 }).map((steps) => {
  let at = 0;
  let paragraph = 0;
  return steps.map(([gap, newParagraph, person]) => {
    at += gap;
    if (newParagraph) paragraph++;
    return referent(at, paragraph, person ? 'person' : 'organization');
  });
});
/** Speakers: mostly in order, but one named after its cue may come before the last one found. */
const speakersArb = inTextOrderArb.chain((list) => fc.shuffledSubarray(list, { minLength: 0, maxLength: list.length }));

/** Before the bisection: each list passed over from its end. */
function everyReferent(lists: ReadonlyArray<readonly Referent[]>, at: number, ok: (r: Referent) => boolean, paragraph: number, paragraphs: number): Referent | null {
  let best: Referent | null = null;
  for (const list of lists) {
    for (let i = list.length - 1; i >= 0; i--) {
      const r = list[i]!;
      if (r.at >= at) continue;
      if (paragraph - r.paragraph > paragraphs) break;
      if (!ok(r)) continue;
      if (!best || r.at > best.at) best = r;
      break;
    }
  }
  return best;
}

describe('the latest referent the memory holds before a token', () => {
  it('is the one a pass from the end of each list finds', () => {
    const keysArb = fc.subarray(['speakers', 'subjects', 'mentions'] as const, { minLength: 1 });
    fc.assert(
      fc.property(speakersArb, inTextOrderArb, inTextOrderArb, keysArb, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 5 }), fc.boolean(), (speakers, subjects, mentions, keys, at, paragraphs, persons) => {
        const memory: Memory = { speakers, subjects, mentions };
        const ok = (r: Referent): boolean => (persons ? r.kind === 'person' : r.kind === 'organization');
        const paragraph = Math.max(0, ...[...speakers, ...subjects, ...mentions].filter((r) => r.at < at).map((r) => r.paragraph));
        expect(latest(memory, keys, at, ok, paragraph, paragraphs)).toBe(everyReferent(keys.map((k) => memory[k]), at, ok, paragraph, paragraphs));
      }),
      { numRuns: 500 },
    );
  });

  it('picks the last person before the token within the paragraphs allowed', () => {
    const mentions = [referent(2, 0, 'person'), referent(9, 1, 'organization'), referent(14, 3, 'person'), referent(30, 4, 'person')];
    const memory: Memory = { speakers: [], subjects: [], mentions };
    const person = (r: Referent): boolean => r.kind === 'person';
    expect(latest(memory, ['mentions'], 20, person, 3, 2)?.at).toBe(14);
    expect(latest(memory, ['mentions'], 14, person, 3, 2)).toBeNull();
    expect(latest(memory, ['mentions'], 14, person, 3, 3)?.at).toBe(2);
  });
});
