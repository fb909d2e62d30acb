import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparePassages,
  deserializeSignature,
  findRepeats,
  passageFingerprint,
  SIGNATURE_LENGTH,
  serializeSignature,
} from '../../../src/text/repeats/index.js';
import { passageWords } from '../../../src/text/repeats/passage-words.js';

// Any UTF-16 unit, lone surrogates and control characters included.
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const anyText = fc.oneof(fc.string({ unit: anyUnit }), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));

const word = fc.stringMatching(/^[a-z]{1,9}$/);
const sentence = fc.array(word, { minLength: 8, maxLength: 60 }).map((words) => `${words.join(' ')}.`);

describe('repeat detection properties', () => {
  it('fingerprints any string without throwing', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const fingerprint = passageFingerprint(text);
        expect(fingerprint.signature).toHaveLength(SIGNATURE_LENGTH);
        expect(fingerprint.bandKeys.length === 0).toBe(fingerprint.wordCount === 0);
      }),
    );
  });

  it('matches any text with words exactly to an identical copy', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        fc.pre(passageWords(text).length > 0);
        expect(comparePassages(passageFingerprint(text), passageFingerprint(text))).toEqual({
          similarity: 1,
          kind: 'exact',
          basis: 'exact',
        });
      }),
    );
  });

  it('links any eligible passage to its copy in another article, once', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        const passage = { kind: 'paragraph' as const, start: 0, end: text.length, text };
        const links = findRepeats([
          { ...passage, articleId: 'one' },
          { ...passage, articleId: 'two' },
        ]);
        expect(links.map((l) => [l.a.articleId, l.b.articleId, l.kind])).toEqual([['one', 'two', 'exact']]);
      }),
    );
  });

  it('reads back every serialized signature unchanged', () => {
    const signature = fc.uint32Array({ minLength: SIGNATURE_LENGTH, maxLength: SIGNATURE_LENGTH });
    fc.assert(
      fc.property(signature, (values) => {
        expect(deserializeSignature(serializeSignature(values))).toEqual(values);
      }),
    );
  });
});
