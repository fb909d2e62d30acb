import { describe, expect, it } from 'vitest';
import {
  comparePassages,
  deserializeSignature,
  passageFingerprint,
  serializeSignature,
} from '../../../src/text/repeats/index.js';

const LEAD =
  "The Velmarian parliament's transport committee has submitted a detailed study to the acting prime minister, requesting the purchase of twelve river ferries for the northern provinces.";
const EDITED_LEAD =
  "Last week, the Velmarian parliament's transport committee submitted a detailed study to the acting prime minister, requesting the purchase of twelve river ferries for the northern provinces.";
const LIFTED = 'Ferry services on the Anselm river were suspended in March after two vessels ran aground near the port of Kessow.';
const HOST = `Officials in Kessow said repairs to the damaged quay would take at least four months, and that the harbour master had resigned. ${LIFTED} Traders have since moved grain by road.`;
const OTHER = 'The Velmarian parliament said on Monday that new taxes on fuel would start in June, and the prime minister defended the plan.';

function compare(a: string, b: string) {
  return comparePassages(passageFingerprint(a), passageFingerprint(b));
}

describe('comparePassages', () => {
  it('calls the same words exact, whatever the typography', () => {
    expect(compare('“The committee,” she said — “has met.”', '"The Committee", she said - "has met"')).toEqual({
      similarity: 1,
      kind: 'exact',
      basis: 'exact',
    });
  });

  it('calls a rewritten lead near, by Jaccard', () => {
    const match = compare(LEAD, EDITED_LEAD);
    expect(match?.kind).toBe('near');
    expect(match?.basis).toBe('jaccard');
    // 26 and 27 words: 23 shared bigrams out of 28 distinct.
    expect(match?.similarity).toBeCloseTo(23 / 28, 4);
  });

  it('finds a sentence reused inside a longer paragraph by containment', () => {
    expect(compare(LIFTED, HOST)).toEqual({ similarity: 1, kind: 'near', basis: 'containment' });
    expect(compare(HOST, LIFTED)).toEqual({ similarity: 1, kind: 'near', basis: 'containment' });
  });

  it('rejects passages that only share phrases', () => {
    expect(compare(LEAD, OTHER)).toBeNull();
  });

  it('rejects a figure changed in a short passage but not in a long one', () => {
    const short = (n: number) => `The notes were priced to yield ${n} basis points more than comparable state bonds.`;
    expect(compare(short(30), short(80))).toBeNull();
    const long = (n: number) =>
      `Flooding on the Anselm river has killed ${n} people since Sunday, the port authority in Kessow said, adding that rescue boats were still searching the northern banks for missing fishermen and their families.`;
    expect(compare(long(12), long(15))?.kind).toBe('near');
  });

  it('accepts a figure dropped by the later version', () => {
    const match = compare(`${LIFTED.slice(0, -1)}, the Tidewater Ledger reported on April 18.`, `${LIFTED.slice(0, -1)}, the Tidewater Ledger reported.`);
    expect(match?.kind).toBe('near');
  });

  it('returns null when either side has no words', () => {
    expect(compare('', '')).toBeNull();
    expect(compare('…', LEAD)).toBeNull();
  });

  it('verifies from stored signatures alone, close to the true similarity', () => {
    const stored = (text: string) => {
      const { exactHash, wordCount, shingleCount, figures, signature } = passageFingerprint(text);
      return { exactHash, wordCount, shingleCount, figures, signature: deserializeSignature(serializeSignature(signature)) };
    };
    const estimated = comparePassages(stored(LEAD), stored(EDITED_LEAD));
    expect(estimated?.kind).toBe('near');
    expect(Math.abs(estimated!.similarity - compare(LEAD, EDITED_LEAD)!.similarity)).toBeLessThan(0.1);
    expect(comparePassages(stored(LEAD), stored(OTHER))).toBeNull();
    // One side stored, the other freshly fingerprinted: the signature is rebuilt from shingles.
    expect(comparePassages(stored(LIFTED), passageFingerprint(LIFTED))?.kind).toBe('exact');
  });
});
