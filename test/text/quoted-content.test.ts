import { describe, expect, it } from 'vitest';
import { isQuotedContent } from '../../src/text/quoted-content.js';

describe('isQuotedContent', () => {
  it('tells quoted words from a reported clause', () => {
    const text = 'He said “we stay” and that they leave.';
    expect(isQuotedContent(text, { start: text.indexOf('we stay'), end: text.indexOf('we stay') + 7 })).toBe(true);
    expect(isQuotedContent(text, { start: text.indexOf('they leave'), end: text.length - 1 })).toBe(false);
  });
});
