import { InputError, type InputErrorCode } from '../errors.js';
import { type JsonRecord, recordFields } from './jsonl-record.js';
import { jsonTextRun } from './jsonl-text-run.js';
import type { RawArticle, ReadResult } from './raw-article.js';
import { provenanceOf, type Reader } from './reader.js';
import type { SourceText } from './source-text.js';

/**
 * JSON Lines: one JSON object per line, one article per object. A line that is not JSON,
 * not an object, has no text, or held bytes that were not UTF-8 is rejected alone, and the
 * other lines go in. Blank lines are skipped.
 */
export const jsonlReader: Reader = {
  name: 'jsonl',
  sniff(head: string, name: string): number {
    const byName = /\.(jsonl|ndjson)$/i.test(name) ? 0.6 : 0;
    const first = head.replace(/^\uFEFF/, '').trimStart();
    const newline = first.indexOf('\n');
    if (!first.startsWith('{')) return byName;
    // A head cut inside a long first line cannot be parsed: starting '{"' is the best sign.
    if (newline === -1) return Math.max(byName, first.startsWith('{"') ? 0.5 : 0.1);
    return isObject(parseJson(first.slice(0, newline))) ? 0.95 : byName;
  },
  read(source: SourceText): ReadResult {
    const result: ReadResult = { articles: [], messages: [], rejected: [] };
    const bad = [...source.badOffsets].sort((a, b) => a - b);
    let nextBad = 0;
    const { text } = source;
    let lineNumber = 0;
    for (let start = 0; start < text.length; ) {
      const newline = text.indexOf('\n', start);
      lineNumber++;
      let end = newline === -1 ? text.length : newline;
      if (text.charCodeAt(end - 1) === 0x0d) end--;
      // The first line may open with a byte-order mark, which JSON.parse refuses.
      const begin = start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
      start = newline === -1 ? text.length : newline + 1;
      while (nextBad < bad.length && bad[nextBad]! < begin) nextBad++;
      const hasBadByte = nextBad < bad.length && bad[nextBad]! < end;
      const outcome = readLine(source, begin, end, lineNumber, hasBadByte);
      if (outcome instanceof InputError) result.rejected.push(outcome);
      else if (outcome !== null) {
        result.articles.push(outcome.article);
        for (const reason of outcome.notes) {
          result.messages.push({ file: source.file, line: lineNumber, ruleId: 'jsonl-field-kept', reason });
        }
      }
    }
    return result;
  },
};

/** What one line gives: an article with its notes, a rejection, or nothing (a blank line). */
type LineOutcome = { readonly article: RawArticle; readonly notes: readonly string[] } | InputError | null;

function readLine(source: SourceText, begin: number, end: number, line: number, hasBadByte: boolean): LineOutcome {
  const reject = (code: InputErrorCode, reason: string): InputError => new InputError(code, { file: source.file, line }, reason);
  const raw = source.text.slice(begin, end);
  if (raw.trim() === '') return null;
  if (hasBadByte) return reject('DOSSIER_INPUT_BAD_UTF8', 'the line holds bytes that are not valid UTF-8');
  const parsed = parseJson(raw);
  if (parsed instanceof Error) return reject('DOSSIER_INPUT_BAD_JSON', `not JSON: ${parsed.message}`);
  if (!isObject(parsed)) return reject('DOSSIER_INPUT_BAD_RECORD', `the line is ${kindOf(parsed)}, not a JSON object`);
  const fields = recordFields(parsed);
  if ('problem' in fields) return reject('DOSSIER_INPUT_BAD_RECORD', fields.problem);

  const text = fields.text.trim();
  const article: RawArticle = {
    title: fields.title,
    outlet: fields.outlet,
    author: fields.author,
    date: fields.date,
    url: fields.url,
    text,
    authorBio: null,
    provenance: provenanceOf(source, begin, end, 'jsonl'),
    sourceRuns: jsonTextRun(source, begin, raw, fields.textKey, fields.text, text),
    extra: fields.extra,
  };
  return { article, notes: fields.notes };
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function isObject(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Error);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

