import { describe, expect, it } from 'vitest';
import { hashFeature } from '../../../src/nlp/ner/feature-hash.js';
import { documentFeatures, type FeatureResources, sentenceFeaturePartsOf, sentenceFeaturesOf, sentenceForm, wordFeatures } from '../../../src/nlp/ner/features.js';
import { buildGazetteer, gazetteerMatches, phraseKey } from '../../../src/nlp/ner/gazetteer.js';
import { foldWord, longShape, shortShape } from '../../../src/nlp/ner/word-form.js';

const resources: FeatureResources = {
  gazetteer: buildGazetteer({ city: ['Port Elland', 'Rowan Bay'], country: ['Meridia'] }),
  clusters: new Map([
    ['Meridia', [1, 7]],
    ['Velmont', [1, 8]],
  ]),
  clusterSizes: [4, 16],
};

describe('word forms', () => {
  it('fold curly quotes and dashes to ASCII', () => {
    expect(foldWord('Kata’ib')).toBe("Kata'ib");
    expect(foldWord('“Yes”—no')).toBe('"Yes"-no');
  });

  it('describe shapes long and short', () => {
    expect(longShape('Muhandis')).toBe('Xxxxx');
    expect(longShape('1996-08-22')).toBe('dddd-dd-dd');
    expect(shortShape('al-Muhandis')).toBe('x-Xx');
    expect(shortShape('U.S.')).toBe('X.X.');
    expect(shortShape(foldWord('Sha’abi'))).toBe("Xx'x");
  });

  it('fold and shape letters beyond ASCII as well as ASCII ones', () => {
    expect(foldWord('«Now» `quoted`')).toBe('"Now" \'quoted\'');
    expect(foldWord('Velmont')).toBe('Velmont');
    expect(longShape('Ürümqi')).toBe('Xxxxx');
    expect(shortShape('Kraków-Nord')).toBe('Xx-Xx');
    // No case: a letter stands for itself, as a digit outside ASCII does.
    expect(shortShape('بغداد')).toBe('بغداد');
    expect(longShape('Ab٣٤7')).toBe('Xx٣٤d');
  });
});

describe('sentenceForm', () => {
  it('tells all-caps and title-case headlines from running text', () => {
    expect(sentenceForm(['ROWAN', 'VALE', 'WIN', 'IN', 'MERIDIA'])).toBe('caps');
    expect(sentenceForm(['Harbour', 'Strike', 'Halts', 'Ferries', 'Across', 'the', 'Northern', 'Coast'])).toBe('title');
    expect(sentenceForm(['The', 'ferry', 'to', 'Port', 'Elland', 'was', 'late', 'again', '.'])).toBe('normal');
  });
});

describe('gazetteerMatches', () => {
  it('marks every token of a listed phrase with its category and position', () => {
    const words = ['from', 'Rowan', 'Bay', 'to', 'MERIDIA'].map((w) => phraseKey([w]));
    expect(gazetteerMatches(resources.gazetteer, words)).toEqual([[], ['city:B'], ['city:L'], [], ['country:U']]);
  });
});

describe('documentFeatures', () => {
  const has = (features: Uint32Array, name: string): boolean => features.includes(hashFeature(name));

  it('gives one hash list per token, the same for the same input', () => {
    const doc = [['Ilsa', 'Brandt', 'visited', 'Meridia', '.']];
    const a = documentFeatures(doc, resources);
    expect(a[0]).toHaveLength(5);
    expect(documentFeatures(doc, resources)).toEqual(a);
    expect(has(a[0]![3]!, 'g=country:U')).toBe(true);
    expect(has(a[0]![3]!, 'k=16:7')).toBe(true);
  });

  it('folds curly quotes, so news text and ASCII training text share features', () => {
    const curly = documentFeatures([['Kata’ib', 'spoke']], resources)[0]![0]!;
    const ascii = documentFeatures([["Kata'ib", 'spoke']], resources)[0]![0]!;
    expect(curly).toEqual(ascii);
  });

  it('reads how a capitalized word is written elsewhere in the document', () => {
    const inHeadline = (rest: string[][]) => documentFeatures([['MERIDIA', 'TROOPS', 'LEAVE'], ...rest], resources)[0]!;
    const alone = inHeadline([]);
    const withBody = inHeadline([['The', 'troops', 'left', 'Meridia', 'on', 'Monday', '.']]);
    expect(has(alone[1]!, 'doc=none|headline')).toBe(true);
    expect(has(withBody[1]!, 'doc=lc|headline')).toBe(true);
    expect(has(withBody[0]!, 'doc=cm|headline')).toBe(true);
  });

  it('are made one sentence at a time, the casing still read from every sentence', () => {
    // The tagger asks for one sentence's features at a time (a long article's all at once held
    // a typed array per token); the headline's 'TROOPS' still reads the body's 'troops'.
    const doc = [['MERIDIA', 'TROOPS', 'LEAVE'], ['The', 'troops', 'left', 'Meridia', 'on', 'Monday', '.']];
    const of = sentenceFeaturesOf(doc, resources);
    expect(has(of(0)[1]!, 'doc=lc|headline')).toBe(true);
    expect([of(0), of(1)]).toEqual(documentFeatures(doc, resources));
  });

  it('marks Arabic name particles and the fused article', () => {
    const [abu, mahdi, muhandis] = documentFeatures([['Abu', 'Mahdi', 'al-Muhandis']], resources)[0]!;
    expect(has(abu!, 'particle')).toBe(true);
    expect(has(mahdi!, 'particle-1')).toBe(true);
    expect(has(muhandis!, 'article|ss=Xx')).toBe(true);
    // The name behind the article is read as the name itself.
    expect(has(muhandis!, 'l=muhandis')).toBe(true);
    expect(has(muhandis!, 'init')).toBe(true);
    const [qaeda] = documentFeatures([['al-qaeda']], resources)[0]!;
    expect(has(qaeda!, 'article')).toBe(false);
  });

  // The hashes are made without building the names: each template's family is checked here
  // against the hash of the name it stands for.
  it.each([
    [1, ['b', 'w=Brandt', 'l=brandt', 's=Xxxxx', 'ss=Xx', 'p1=b', 'p4=bran', 'x1=t', 'x4=andt', 'init']],
    [1, ['l-1=ilsa', 'l+1=visited', 'l-2=<s>', 'l+2=port', 'ss-1=Xx', 'ss+1=x', 'ss-2=<S>', 'ss+2=Xx']],
    [1, ['l-1|l=ilsa|brandt', 'l|l+1=brandt|visited', 'ss-1|ss|ss+1=Xx|Xx|x', 'ss|ss+1=Xx|x', 'ss-1|ss=Xx|Xx', 'l-1|ss=ilsa|Xx', 'ss|l+1=Xx|visited']],
    [1, ['k-1=4:none', 'k+1=16:none', 'doc=cm', 'doc=cm|mid', 'doc=cm|ss=Xx']],
    [0, ['first', 'first|ss=Xx', 'first|l=ilsa', 'doc=none|first']],
    [3, ['g=city:B', 'g+1=city:L', 'k=4:none']],
    [4, ['g=city:L', 'g-1=city:B', 'k+1=4:1', 'k+1=16:7']],
    [5, ['k=4:1', 'k=16:7', 'g=country:U', 'w=Meridia']],
  ])('token %i of "Ilsa Brandt visited Port Elland Meridia 1996" has %j', (token, names) => {
    const features = documentFeatures([['Ilsa', 'Brandt', 'visited', 'Port', 'Elland', 'Meridia', '1996']], resources)[0]![token]!;
    for (const name of names) expect(has(features, name), name).toBe(true);
  });

  it('reads digits as 0 and marks headlines', () => {
    const [year] = documentFeatures([['1996', 'TALKS', 'END']], resources)[0]!;
    for (const name of ['w=0000', 'l=0000', 's=dddd', 'digit', 'headline', 'headline|ss=d']) expect(has(year!, name), name).toBe(true);
  });

  it('splits each token into the word’s own features and the rest, in that order', () => {
    const doc = [['Ilsa', 'Brandt', 'visited', 'Meridia', '.'], ['THE', 'TALKS', 'END']];
    const whole = documentFeatures(doc, resources);
    const partsOf = sentenceFeaturePartsOf(doc, resources);
    doc.forEach((_, s) => {
      const sentence = partsOf(s);
      sentence.words.forEach((word, t) => {
        const rest = sentence.hashes.subarray(sentence.offsets[t]!, sentence.offsets[t + 1]!);
        expect(whole[s]![t]!).toEqual(Uint32Array.from([...wordFeatures(word), ...rest]));
      });
    });
  });
});

