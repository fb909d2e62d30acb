import { describe, expect, it } from 'vitest';
import { decodeCharReference, decodeCharReferences } from '../../src/ingest/char-references.js';

describe('decodeCharReferences', () => {
  it.each([
    ['AT&amp;T &lt;ATT&gt;', 'AT&T <ATT>'],
    ['&quot;Yes&quot; &apos;no&apos;', '"Yes" \'no\''],
    ['Caf&#233; &#x41;&#X42;', 'Café AB'],
    ['&amp;lt; stays one level deep', '&lt; stays one level deep'],
    ['&nbsp; and &eacute; are left to HTML', '&nbsp; and &eacute; are left to HTML'],
    ['&#xD800; &#99999999; are no characters', '&#xD800; &#99999999; are no characters'],
    ['no references & a bare ampersand', 'no references & a bare ampersand'],
  ])('decodes %j', (input, expected) => {
    expect(decodeCharReferences(input)).toBe(expected);
  });

  it('decodes the wire control references to their characters', () => {
    expect(decodeCharReference('#3')).toBe('\x03');
    expect(decodeCharReference('#127')).toBe('\x7f');
    expect(decodeCharReference('bogus')).toBeNull();
  });
});
