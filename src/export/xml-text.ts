/** Text and attribute values safe inside XML 1.0: markup escaped, characters XML forbids dropped. */
export function xmlEscape(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An XML id (NMTOKEN-safe, as GraphML wants) from any key, one-to-one: unsafe characters become _hex_. */
export function xmlId(key: string): string {
  return key.replace(/[^A-Za-z0-9.:-]/gu, (c) => `_${c.codePointAt(0)!.toString(16)}_`);
}
