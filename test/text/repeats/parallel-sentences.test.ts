import { describe, expect, it } from 'vitest';
import {
  articleFingerprint,
  type ComparableSentence,
  contentWordHashes,
  MIN_PARALLEL_SENTENCES,
  mayBeReworded,
  parallelSentences,
  passageFigures,
  passageWords,
  rewordedSimilarity,
} from '../../../src/text/repeats/index.js';

/** A sentence as the store compares it: content words and figures. */
function sentence(text: string): ComparableSentence {
  const words = passageWords(text);
  return { words: contentWordHashes(words), figures: passageFigures(words) };
}

// An invented wire story about an invented event, a synonym-spun copy of it, and another
// outlet's own report of the same event: same people, figures and place, its own sentences.
const WIRE = [
  'A fire tore through a grain terminal at the port of Kessow on Tuesday, injuring four dock workers and forcing the evacuation of two nearby ferry piers, port officials said.',
  'The blaze started in a conveyor shed shortly after dawn and spread to a storage hall holding about 3,000 tonnes of barley, said Ilsa Varenne, a spokeswoman for the port authority.',
  'Two workers were still unaccounted for on Tuesday evening, and divers were searching the water beneath the damaged loading quay.',
  'The terminal, built in the 1970s, had been due for a safety inspection next month, according to records published by the regional transport ministry.',
  'Ferry services to the northern islands were suspended until further notice.',
];
const SPUN = [
  'A blaze ripped through a grain depot at the harbour of Kessow on Tuesday, wounding four dock labourers and compelling the evacuation of two close by ferry piers, port authorities stated.',
  'The fire commenced in a conveyor barn soon after daybreak and extended to a storage hall containing roughly 3,000 tonnes of barley, stated Ilsa Varenne, a spokesperson for the port authority.',
  'Two labourers were nonetheless unaccounted for on Tuesday night, and divers had been looking the water underneath the broken loading quay.',
  'The depot, constructed in the 1970s, had been due for a security inspection next month, in accordance with data revealed by the regional transport ministry.',
  'Ferry services to the northern islands have been halted until additional notice.',
];
const OWN_REPORT = [
  'Four people were hurt when flames engulfed the old grain terminal in Kessow’s port on Tuesday morning.',
  'Port authority spokeswoman Ilsa Varenne told the Upland Herald that about 3,000 tonnes of barley had been stored in the hall that burned.',
  'Matek said two dock workers were missing and that his crews needed six hours to put out the fire.',
  'Kessow’s ferry piers were cleared as a precaution, and boats to the northern islands are not running.',
  'Residents of the riverside district said they had complained about the terminal’s wiring for years.',
];

describe('rewordedSimilarity', () => {
  it('finds a spun sentence in agreement with its source, though they share few word pairs', () => {
    expect(rewordedSimilarity(sentence(WIRE[3]!), sentence(SPUN[3]!))).toBeGreaterThanOrEqual(0.5);
  });

  it('lets one lead of an independent report agree with the wire: a single agreement proves nothing', () => {
    expect(rewordedSimilarity(sentence(WIRE[1]!), sentence(OWN_REPORT[1]!))).not.toBeNull();
    expect(rewordedSimilarity(sentence(WIRE[0]!), sentence(OWN_REPORT[0]!))).toBeNull();
  });

  it('rejects a template with other figures', () => {
    const template = (coupon: string, yieldOver: string) => sentence(`The Kessow port bonds carry a ${coupon} pct coupon and were sold to yield ${yieldOver} points over Velmarian state debt.`);
    expect(rewordedSimilarity(template('6-7/8', '47'), template('7-1/4', '61'))).toBeNull();
    expect(rewordedSimilarity(template('6-7/8', '47'), template('6-7/8', '47'))).toBe(1);
  });

  it('rejects sentences with too few content words to tell', () => {
    expect(rewordedSimilarity(sentence('The ferry left the port at dawn.'), sentence('The ferry left the port at dawn.'))).toBeNull();
  });
});

describe('parallelSentences', () => {
  it('chains every sentence of a spun copy to its source, in order', () => {
    const chain = parallelSentences(WIRE.map(sentence), SPUN.map(sentence));
    expect(chain.map((p) => [p.a, p.b])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
    expect(chain.every((p) => p.similarity >= 0.5 && p.similarity <= 1)).toBe(true);
  });

  it('finds the chain through sentences added and dropped on either side', () => {
    const edited = [SPUN[0]!, 'Police cordoned off the riverside road for most of the day.', SPUN[1]!, SPUN[3]!];
    expect(parallelSentences(WIRE.map(sentence), edited.map(sentence)).map((p) => [p.a, p.b])).toEqual([
      [0, 0],
      [1, 2],
      [3, 3],
    ]);
  });

  it('does not chain an independent report of the same event', () => {
    expect(parallelSentences(WIRE.map(sentence), OWN_REPORT.map(sentence))).toEqual([]);
    expect(parallelSentences(SPUN.map(sentence), OWN_REPORT.map(sentence))).toEqual([]);
  });

  it(`needs ${MIN_PARALLEL_SENTENCES} sentences in the same order, not agreeing ones in any order`, () => {
    expect(parallelSentences(WIRE.slice(0, 2).map(sentence), SPUN.slice(0, 2).map(sentence))).toEqual([]);
    const shuffled = [SPUN[4]!, SPUN[2]!, SPUN[0]!];
    expect(parallelSentences(WIRE.map(sentence), shuffled.map(sentence))).toEqual([]);
  });

  it('needs the chain to cover a quarter of the shorter text', () => {
    const long = [...SPUN.slice(0, 3), ...Array.from({ length: 10 }, (_, i) => `Grain barge number ${i + 1} was moved downstream to the Anselm river locks on Wednesday for repairs.`)];
    const short = WIRE.slice(0, 3).map(sentence);
    expect(parallelSentences(short, long.map(sentence))).toHaveLength(3);
    const padded = [...WIRE.slice(0, 3), ...Array.from({ length: 10 }, (_, i) => `Harbour crane number ${i + 1} stood idle on the eastern quay while inspectors checked its cables and brakes.`)];
    expect(parallelSentences(padded.map(sentence), long.map(sentence))).toEqual([]);
  });
});

describe('the article fingerprint', () => {
  const fingerprint = (sentences: readonly string[]) => articleFingerprint(sentences.map((s) => sentence(s).words));

  it('makes a spun copy a candidate, and not another outlet’s own report', () => {
    expect(mayBeReworded(fingerprint(WIRE), fingerprint(SPUN))).toBe(true);
    expect(mayBeReworded(fingerprint(WIRE), fingerprint(OWN_REPORT))).toBe(false);
  });

  it('shares bands with a spun copy', () => {
    const wire = fingerprint(WIRE).bandHashes;
    const spun = fingerprint(SPUN).bandHashes;
    expect(wire.some((hash, band) => spun[band] === hash)).toBe(true);
  });

  it('gives an article without content words no band, so it is never a candidate', () => {
    expect(fingerprint([]).bandHashes).toHaveLength(0);
    expect(mayBeReworded(fingerprint([]), fingerprint(WIRE))).toBe(false);
  });
});
