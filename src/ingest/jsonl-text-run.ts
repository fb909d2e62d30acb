import type { SourceRun } from './raw-article.js';
import type { SourceText } from './source-text.js';

/**
 * The run that maps a record's text onto its line, when the JSON wrote the text without
 * escapes: then the characters between the quotes are the text itself. A text written with
 * escapes ("\n", "\u00e9", "\"") differs from its source and gets no run.
 */
export function jsonTextRun(
  source: SourceText,
  lineStart: number,
  line: string,
  key: string,
  value: string,
  text: string,
): SourceRun[] {
  // Control characters must be escaped in JSON, so a value holding one was written escaped.
  if (/["\\\u0000-\u001f]/.test(value)) return [];
  const literal = `"${value}"`;
  const keyPattern = new RegExp(`"${key.replace(/[^\w]/g, '\\$&')}"\\s*:\\s*`, 'g');
  // JSON.parse keeps the last of duplicate keys, so the last match is the one read.
  let valueStart = -1;
  for (const m of line.matchAll(keyPattern)) {
    const at = m.index + m[0].length;
    if (line.startsWith(literal, at)) valueStart = at + 1;
  }
  if (valueStart === -1) return [];
  const offset = lineStart + valueStart + value.indexOf(text);
  return [{ textStart: 0, length: text.length, sourceByte: source.byteAt(offset) }];
}
