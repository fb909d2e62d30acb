import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/text/normalize.js';

const cases: ReadonlyArray<readonly [string, string, string]> = [
  ['CRLF and tabs', 'Example\tWire\r\nreports.', 'Example Wire\n\nreports.'],
  ['NBSP and thin spaces', 'Gen.\u00a0Arlo\u2009Venn', 'Gen. Arlo Venn'],
  ['runs of spaces', 'one   two    three', 'one two three'],
  ['trailing spaces at line ends', 'first line   \nsecond line', 'first line\n\nsecond line'],
  ['zero-width space, BOM, soft hyphen', '\ufeffRo\u200bwan Ba\u00ady', 'Rowan Bay'],
  ['blank line between paragraphs', 'One.\n\n\n\nTwo.', 'One.\n\nTwo.'],
  ['blank line with spaces in it', 'One.\n   \t \nTwo.', 'One.\n\nTwo.'],
  ['leading and trailing blank lines', '\n\n  One.  \n\n', 'One.'],
  ['paragraph separator U+2029', 'One.\u2029Two.', 'One.\n\nTwo.'],
  ['typographic quotes and dashes kept', '“Yes” — ‘no’ – 1990–1991', '“Yes” — ‘no’ – 1990–1991'],
  ['NFC of e + combining acute', 'Caf\u0065\u0301 Ros\u0065\u0301', 'Café Rosé'],
  ['only whitespace', ' \n\t\u00a0\n ', ''],
  ['empty', '', ''],
];

// Hard-wrapped wire copy: short lines, indentation starts a paragraph.
const wire = [
  'Example Wire said on Monday that its',
  'office in Rowan Bay would close, and that',
  'staff would move to the capital.',
  '    The move follows a counter-',
  'terrorism review, it said.',
].join('\n');

// A digest: one paragraph per long line.
const longLine = `Gen. Arlo B Venn said the review ${'was long and '.repeat(8)}ended.`;
const digest = ['Example Wire Opens Office', longLine, longLine].join('\n');

describe('normalize', () => {
  it.each(cases)('%s', (_name, raw, text) => {
    expect(normalize(raw).text).toBe(text);
  });

  it('joins hard-wrapped lines and starts a paragraph at an indented line', () => {
    expect(normalize(wire).text).toBe(
      'Example Wire said on Monday that its office in Rowan Bay would close, and that staff would move to the capital.' +
        '\n\nThe move follows a counter-terrorism review, it said.',
    );
  });

  it('makes every newline a paragraph break when lines are long', () => {
    expect(normalize(digest).text.split('\n\n')).toEqual(['Example Wire Opens Office', longLine, longLine]);
  });

  it('keeps two short lines as two paragraphs (too few lines to call it wrapped)', () => {
    expect(normalize('Example Wire Opens Office\nBy Ada Roe').text).toBe('Example Wire Opens Office\n\nBy Ada Roe');
  });

  it('maps characters back to raw offsets', () => {
    const raw = '  Caf\u0065\u0301\r\n\r\nRo\u200bwan';
    const { text, rawOffsets } = normalize(raw);
    expect(text).toBe('Café\n\nRowan');
    expect([...rawOffsets]).toEqual([2, 3, 4, 5, 7, 7, 11, 12, 14, 15, 16, 17]);
  });
});

// Characters the normalizer may turn into a space or newline.
const looksBlank = (ch: string) => /[\s\u0085]/u.test(ch) || ch.charCodeAt(0) < 32;

// What normalize drops: BOM, zero-width space, word joiner, soft hyphen, control chars.
const withoutInvisibles = (s: string) => s.replace(/[\u0000-\u0008\u000e-\u001f\u007f\u00ad\u180e\u200b\u2060\ufeff]/g, '');
const isLowSurrogate = (s: string, i: number) => s.charCodeAt(i) >= 0xdc00 && s.charCodeAt(i) <= 0xdfff;

const pieces = fc.constantFrom(
  'a', 'Z', ' ', '  ', '\t', '\n', '\r\n', '\r', '\n\n', '\u00a0', '\u2009', '\u200b', '\ufeff', '\u00ad',
  '\u2029', '\u2028', '\u0085', 'e\u0301', '\u0301', '\u1100\u1161\u11a8', 'é', '“', '’', '—', '😀', 'x\u0323\u0307',
  '\ud800', '\u212b', 'A\ufeff\u0301', 'U.S.', '22:32', 'ﬁ', '    Wire',
);
const rawText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')),
  fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 })), { maxLength: 30 }).map((parts) => parts.join('')),
);

describe('normalize (properties)', () => {
  it('never throws; offsets are non-decreasing, in range, and point at the source of each char', () => {
    fc.assert(
      fc.property(rawText, (raw) => {
        const { text, rawOffsets } = normalize(raw);
        expect(rawOffsets.length).toBe(text.length + 1);
        expect(rawOffsets[text.length]).toBe(raw.length);
        for (let i = 0; i < text.length; i++) {
          const at = rawOffsets[i]!;
          expect(at).toBeGreaterThanOrEqual(0);
          expect(at).toBeLessThanOrEqual(rawOffsets[i + 1]!);
          const ch = text[i]!;
          if (isLowSurrogate(text, i) && /[\ud800-\udbff]/.test(text[i - 1] ?? "")) continue; // checked with its high half
          if (ch === ' ' || ch === '\n') {
            expect(looksBlank(raw[at]!)).toBe(true);
            continue;
          }
          // The raw text from this offset up to the next char's offset composes to this char.
          // (A surrogate pair is one char: "😀" is checked whole.)
          let next = i + 1;
          while (next < text.length && (rawOffsets[next] === at || isLowSurrogate(text, next))) next++;
          expect(withoutInvisibles(raw.slice(at, rawOffsets[next])).normalize('NFC')).toContain(ch);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves no double spaces, no space at a line edge, and only "\\n\\n" as line breaks', () => {
    fc.assert(
      fc.property(rawText, (raw) => {
        const { text } = normalize(raw);
        expect(text).not.toMatch(/ {2}| \n|\n | $|^ |\n{3}|[^\n]\n[^\n]|^\n|\n$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('is the identity on text that is already normal', () => {
    fc.assert(
      fc.property(rawText, (raw) => {
        const once = normalize(raw).text;
        expect(normalize(once).text).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});
