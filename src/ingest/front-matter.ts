import { InputError } from '../errors.js';
import type { SourceText } from './source-text.js';

/**
 * A front-matter block at the top of a text file: a "---" line, "key: value" lines, and a
 * closing "---" line. YAML-ish only: a value is one line, optionally quoted, and "- item"
 * lines under an empty key make a list ("tags:" then "  - ports").
 */
export interface FrontMatter {
  /** Keys lower-cased, in file order. */
  readonly fields: Record<string, string | string[]>;
  /** Offset just after the closing "---" line. */
  readonly end: number;
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
// Keys are single words ("published_at"): "The vote: 7 to 2" after a rule is prose.
const FIELD = /^([A-Za-z][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;
const LIST_ITEM = /^[ \t]*-[ \t]+(.*?)[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * The block, or null when the file has none. A "---" first line followed by prose is a rule,
 * not front matter; a block that starts like one and then never closes, or holds a line
 * that is no field, rejects the file: reading it as body would put "title: ..." in the text.
 */
export function readFrontMatter(source: SourceText): FrontMatter | null {
  const open = OPEN.exec(source.text);
  if (open === null) return null;
  const fields: Record<string, string | string[]> = {};
  let lastKey: string | null = null;
  let at = open[0].length;
  let sawField = false;
  while (at < source.text.length) {
    const newline = source.text.indexOf('\n', at);
    const next = newline === -1 ? source.text.length : newline + 1;
    const line = source.text.slice(at, newline === -1 ? next : newline).replace(/\r$/, '');
    if (CLOSE.test(line)) return sawField ? { fields, end: next } : null;
    const field = FIELD.exec(line);
    const item = LIST_ITEM.exec(line);
    if (field) {
      lastKey = field[1]!.trim().toLowerCase();
      fields[lastKey] = unquote(field[2] ?? '');
      sawField = true;
    } else if (item && lastKey !== null) {
      const current = fields[lastKey];
      fields[lastKey] = [...(Array.isArray(current) ? current : current ? [current] : []), unquote(item[1]!)];
    } else if (line.trim() !== '' && !line.trimStart().startsWith('#')) {
      if (!sawField) return null;
      const reason = `front matter line "${line.trim()}" is not "key: value"; is the closing "---" missing?`;
      throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file: source.file, line: source.lineAt(at) }, reason);
    }
    at = next;
  }
  if (!sawField) return null;
  throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file: source.file, line: 1 }, 'the front matter opened on line 1 is never closed by a "---" line');
}

function unquote(value: string): string {
  const m = /^"(.*)"$|^'(.*)'$/.exec(value);
  return m ? (m[1] ?? m[2] ?? '') : value;
}
