import { readDate } from './date-reading.js';
import { httpUrlOrNull } from './http-url.js';
import type { DateReading } from './raw-article.js';

/**
 * One JSONL record's fields, read under the names exporters use for them. For each column
 * the first name holding a usable value wins; every other field, including one whose value
 * could not be used, stays in `extra` so that nothing the source said is lost.
 */

export interface JsonRecord {
  readonly [key: string]: unknown;
}

export interface RecordFields {
  readonly title: string;
  readonly text: string;
  /** Which field the text came from, to map it back onto the line. */
  readonly textKey: string;
  readonly outlet: string | null;
  readonly author: string | null;
  readonly date: DateReading | null;
  readonly url: string | null;
  readonly extra: Record<string, unknown>;
  readonly notes: string[];
}

const NAMES = {
  title: ['title', 'headline'],
  text: ['text', 'body', 'content'],
  outlet: ['outlet', 'source', 'publisher'],
  author: ['author', 'byline', 'authors'],
  date: ['date', 'published', 'published_at'],
  url: ['url', 'link'],
} as const;

/** The record's fields, or the reason it holds no article. */
export function recordFields(record: JsonRecord): RecordFields | { readonly problem: string } {
  const extra: Record<string, unknown> = { ...record };
  const notes: string[] = [];
  const take = <T>(names: readonly string[], read: (value: unknown, key: string) => T | null): [T, string] | null => {
    for (const key of names) {
      if (!(key in extra)) continue;
      const value = read(extra[key], key);
      if (value !== null) {
        delete extra[key];
        return [value, key];
      }
    }
    return null;
  };

  const text = take(NAMES.text, (v) => (typeof v === 'string' && v.trim() !== '' ? v : null));
  if (text === null) return { problem: `no text: none of ${NAMES.text.join(', ')} holds a non-empty string` };
  const date = take(NAMES.date, (v, key) => {
    if (typeof v !== 'string' && typeof v !== 'number') return null;
    const outcome = readDate(String(v), `field "${key}"`);
    if (outcome.kind === 'read') return outcome.reading;
    notes.push(`field "${key}" kept as an extra: ${outcome.problem}`);
    return null;
  });
  const url = take(NAMES.url, (v, key) => {
    const href = typeof v === 'string' ? httpUrlOrNull(v) : null;
    if (href === null) notes.push(`field "${key}" kept as an extra: not an http(s) address`);
    return href;
  });

  return {
    title: take(NAMES.title, oneLine)?.[0] ?? '',
    text: text[0],
    textKey: text[1],
    outlet: take(NAMES.outlet, outletName)?.[0] ?? null,
    author: take(NAMES.author, authorNames)?.[0] ?? null,
    date: date?.[0] ?? null,
    url: url?.[0] ?? null,
    extra,
    notes,
  };
}

function oneLine(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const line = value.replace(/\s+/g, ' ').trim();
  return line === '' ? null : line;
}

// News APIs write the outlet as an object: "source": {"id": "example-wire", "name": "Example Wire"}.
function outletName(value: unknown): string | null {
  if (typeof value === 'object' && value !== null && 'name' in value) return oneLine(value.name);
  return oneLine(value);
}

// "authors": ["Mara Quill", "Tomas Brell"] becomes "Mara Quill, Tomas Brell".
function authorNames(value: unknown): string | null {
  if (!Array.isArray(value)) return oneLine(value);
  const names = value.map(oneLine).filter((n): n is string => n !== null);
  return names.length > 0 ? names.join(', ') : null;
}
