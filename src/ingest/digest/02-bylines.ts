import { type BylineDate, readBylineDate } from './03-dates.js';

export interface Byline {
  readonly author: string | null;
  readonly outlet: string;
  readonly date: BylineDate;
}

// Any dash or a bar, with space around it: "Press TV – May 25, 2020", "By A | B | May 5, 2020".
const SEPARATOR = /\s+[|–—−‒-]\s+/;
const MAX_BYLINE_LENGTH = 160;

/**
 * Reads a byline line, or returns null when the line is not one. A byline has two or three
 * fields, and one of them (the last, or rarely the first) is a date; a headline ending in
 * " – Reports" is therefore not a byline.
 */
export function parseByline(line: string): Byline | null {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_BYLINE_LENGTH) return null;
  const fields = trimmed.split(SEPARATOR).map((f) => f.trim());
  if (fields.length < 2 || fields.length > 3 || fields.some((f) => f.length === 0)) return null;

  let date = readBylineDate(fields[fields.length - 1]!);
  let rest = fields.slice(0, -1);
  if (date === null) {
    date = readBylineDate(fields[0]!);
    rest = fields.slice(1);
  }
  if (date === null) return null;

  const byIndex = rest.findIndex((f) => /^by\s+/i.test(f));
  let author: string | null = null;
  if (byIndex !== -1) {
    author = rest[byIndex]!.replace(/^by\s+/i, '').trim();
    rest = rest.filter((_, i) => i !== byIndex);
  } else if (rest.length === 2) {
    // "Author – Outlet – Date" without "By": the outlet is the field nearest the date.
    author = rest[0]!;
    rest = rest.slice(1);
  }
  if (rest.length !== 1 || !looksLikeName(rest[0]!) || (author !== null && !looksLikeName(author))) return null;
  return { author, outlet: rest[0]!, date };
}

/** Outlet and author fields are short and name-like, not clauses. */
function looksLikeName(field: string): boolean {
  const words = field.split(/\s+/);
  return words.length <= 7 && !/[.!?:;]$/.test(field) && /\p{Lu}|\d/u.test(field);
}
