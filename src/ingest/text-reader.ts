import { InputError } from '../errors.js';
import { readFrontMatter } from './front-matter.js';
import { recordFields } from './jsonl-record.js';
import type { ReadMessage, ReadResult } from './raw-article.js';
import { provenanceOf, type Reader } from './reader.js';
import type { SourceText } from './source-text.js';

/**
 * A plain-text article, with or without front matter. Its fields are read under the same
 * names, alternates and date rules as a JSONL record's. The body is the file's own text,
 * so one source run maps all of it.
 */
export const textReader: Reader = {
  name: 'text',
  sniff(head: string, name: string): number {
    if (/^\uFEFF?---[ \t]*\r?\n[A-Za-z][\w-]*[ \t]*:/.test(head)) return 0.5;
    if (/\.(txt|text|md)$/i.test(name)) return 0.3;
    // Plain text is the fallback for anything that does not open like markup or JSON.
    return /^[\s\uFEFF]*[<{[]/.test(head) ? 0.02 : 0.1;
  },
  read(source: SourceText): ReadResult {
    const frontMatter = readFrontMatter(source);
    const { text } = source;
    let bodyStart = frontMatter?.end ?? (text.charCodeAt(0) === 0xfeff ? 1 : 0);
    let title: string | null = null;
    if (frontMatter === null) {
      const heading = titleLine(text, bodyStart);
      if (heading !== null) [title, bodyStart] = [heading.title, heading.next];
    }
    const [start, end] = trimmedRange(text, bodyStart);
    if (start === end) {
      const where = frontMatter === null ? 'the file holds no text' : 'the file holds front matter but no text';
      throw new InputError('DOSSIER_INPUT_EMPTY', { file: source.file }, where);
    }
    const body = text.slice(start, end);
    const fields = recordFields({ ...frontMatter?.fields, ...(title === null ? {} : { title }), text: body });
    if ('problem' in fields) throw new InputError('DOSSIER_INPUT_EMPTY', { file: source.file }, fields.problem);
    const messages: ReadMessage[] = fields.notes.map((reason) => ({ file: source.file, line: 1, ruleId: 'text-field-kept', reason }));
    return {
      articles: [
        {
          title: fields.title,
          outlet: fields.outlet,
          author: fields.author,
          date: fields.date,
          url: fields.url,
          text: body,
          authorBio: null,
          provenance: provenanceOf(source, 0, text.length, 'text'),
          sourceRuns: [{ textStart: 0, length: body.length, sourceByte: source.byteAt(start) }],
          extra: fields.extra,
        },
      ],
      messages,
      rejected: [],
    };
  },
};

/**
 * The first non-empty line as a title, when it reads like one: short and not ending in a
 * full stop ("Harbour board agrees night shifts"), with text after it. "# Title" in
 * Markdown loses its "#". A lone line is the body, not a title.
 */
function titleLine(text: string, from: number): { title: string; next: number } | null {
  const [start] = trimmedRange(text, from);
  const newline = text.indexOf('\n', start);
  if (newline === -1) return null;
  const line = text.slice(start, newline).trim();
  // A rule ("---", "* * *") above the text is no title.
  if (line.length >= 200 || line.endsWith('.') || !/[\p{L}\p{N}]/u.test(line)) return null;
  const [rest, restEnd] = trimmedRange(text, newline + 1);
  if (rest === restEnd) return null;
  return { title: line.replace(/^#{1,6}[ \t]+/, ''), next: newline + 1 };
}

/** From `from`: the start of the first non-blank line (its indent kept), and the end before trailing whitespace. */
function trimmedRange(text: string, from: number): [number, number] {
  let end = text.length;
  while (end > from && /\s/.test(text[end - 1]!)) end--;
  let first = from;
  while (first < end && /\s/.test(text[first]!)) first++;
  if (first === end) return [end, end];
  return [Math.max(from, text.lastIndexOf('\n', first - 1) + 1), end];
}
