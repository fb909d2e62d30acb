/**
 * Character references as XML and SGML write them: the five predefined names and numeric
 * references. HTML's long list of names (&nbsp;, &eacute;...) is left to the HTML parser,
 * which sees feed bodies after this step.
 */

const NAMED: Readonly<Record<string, string>> = Object.freeze({
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
});

/**
 * One reference; group 1 is what sits between "&" and ";". A source string, not a RegExp,
 * so that each scanner owns its `lastIndex`.
 */
export const CHAR_REFERENCE_PATTERN = '&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);';

const CHAR_REFERENCE = new RegExp(CHAR_REFERENCE_PATTERN, 'g');

/** The character a reference body ("lt", "#3", "#x41") stands for, or null when unknown. */
export function decodeCharReference(body: string): string | null {
  if (body.charCodeAt(0) !== 0x23 /* # */) return NAMED[body] ?? null;
  const hex = body[1] === 'x' || body[1] === 'X';
  const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
  // "&#xD800;" or "&#9999999;" name no character: keep the reference as written.
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  return String.fromCodePoint(code);
}

/** Replaces every known reference in `text`; unknown ones ("&nbsp;") stay as written. */
export function decodeCharReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(CHAR_REFERENCE, (whole, body: string) => decodeCharReference(body) ?? whole);
}
