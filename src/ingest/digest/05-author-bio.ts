import type { SourceLine } from './01-lines.js';

/**
 * Whether the last body line is the author's bio: short, and it starts with the author's
 * name or surname followed by "is" ("Jane Roe is a research fellow at…"), or "About the author".
 */
export function isAuthorBio(line: SourceLine, author: string | null): boolean {
  const text = line.text.trim();
  if (text.length > 400) return false;
  if (/^about the author\b/i.test(text)) return true;
  if (author === null || author.length === 0) return false;
  const surname = author.split(/\s+/).at(-1) ?? author;
  for (const name of [author, surname]) {
    if (text.startsWith(name) && /^\s*(?:is|was|writes|has)\b/.test(text.slice(name.length))) return true;
  }
  return false;
}
