import type { NormalizedText } from './document.js';

/**
 * The article's headline as analysed text: one line, cleaned the way normalize.ts cleans a
 * line of the body (invisible characters dropped, NFC, every break or odd space one space).
 * The result is a fixed point of normalize(), so a stored text re-normalizes to itself.
 *
 * Migration 2026-12-06-01-headline-text keeps a frozen copy of this function to put the
 * headline in front of texts stored before it was analysed: change one, change the other
 * (with a migration of its own).
 */
export function headlineText(title: string): string {
  return title.replace(DROPPED, '').normalize('NFC').replace(BREAK_OR_ODD_SPACE, ' ').replace(/ {2,}/g, ' ').trim();
}

/** The characters normalize.ts drops: C0 controls but the whitespace ones, DEL, soft hyphen, zero-width marks, BOM. */
const DROPPED = /[\u0000-\u0008\u000e-\u001f\u007f\u00ad\u180e\u200b\u2060\ufeff]/g;
/** Line breaks, tabs and the spaces normalize.ts reads as a plain space. */
const BREAK_OR_ODD_SPACE = /[\t\n\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;

/** The analysed text of an article: its headline, a paragraph break, its body. */
export interface ArticleText extends NormalizedText {
  /** Where the reader's body text starts in `text`: the length of the headline and break put before it. */
  readonly bodyStart: number;
}

/**
 * Puts the headline in front of the normalized body as a paragraph of its own, so every stage
 * reads it. Characters of the headline are in no raw text: their rawOffsets are -1, and the
 * body's keep pointing into the reader's text. A body that already opens with the headline
 * (a digest's first line standing as the title, a feed whose title is its lede) is left as it
 * is, read as before, with no second copy.
 */
export function withHeadline(headline: string, body: NormalizedText): ArticleText {
  if (headline === '' || body.text === headline || body.text.startsWith(`${headline}\n\n`)) return { ...body, bodyStart: 0 };
  const prefix = body.text === '' ? headline : `${headline}\n\n`;
  const rawOffsets = new Int32Array(prefix.length + body.rawOffsets.length);
  rawOffsets.fill(-1, 0, prefix.length);
  rawOffsets.set(body.rawOffsets, prefix.length);
  return { text: prefix + body.text, rawOffsets, bodyStart: prefix.length };
}
