import { InputError } from '../errors.js';
import type { RawArticle, ReadResult } from './raw-article.js';
import type { Reader } from './reader.js';
import { readReutersRecord } from './reuters-record.js';
import type { SourceText } from './source-text.js';

/**
 * Reuters-21578 SGML: a "<!DOCTYPE lewis ...>" line, then a flat run of
 * <REUTERS ...>...</REUTERS> records with no root element, so it is scanned, not parsed.
 * Each record stands alone: one that is cut off, empty, or holds a byte that was not valid
 * UTF-8 is rejected by itself and the rest of the file goes in.
 */
export const reutersReader: Reader = {
  name: 'reuters',
  sniff(head: string, name: string): number {
    if (/<!DOCTYPE\s+lewis\b/i.test(head)) return 1;
    if (/<REUTERS[\s>]/.test(head)) return 0.9;
    return /\.sgml?$/i.test(name) ? 0.4 : 0;
  },
  read(source: SourceText): ReadResult {
    const { text, file } = source;
    const bad = [...source.badOffsets].sort((a, b) => a - b);
    let nextBad = 0;
    const articles: RawArticle[] = [];
    const rejected: InputError[] = [];

    for (let start = nextRecord(text, 0); start !== -1; ) {
      const close = text.indexOf('</REUTERS>', start);
      const following = nextRecord(text, start + 1);
      if (close === -1 || (following !== -1 && following < close)) {
        const reason = `the record that starts here (${newIdOf(text, start)}) has no </REUTERS>`;
        rejected.push(new InputError('DOSSIER_INPUT_BAD_RECORD', { file, line: source.lineAt(start) }, reason));
        start = following;
        continue;
      }
      const end = close + '</REUTERS>'.length;
      while (nextBad < bad.length && bad[nextBad]! < start) nextBad++;
      if (nextBad < bad.length && bad[nextBad]! < end) {
        const at = bad[nextBad]!;
        const reason = `record ${newIdOf(text, start)}, from line ${source.lineAt(start)}, holds a byte that is not valid UTF-8`;
        rejected.push(new InputError('DOSSIER_INPUT_BAD_UTF8', { file, line: source.lineAt(at), byte: source.byteAt(at) }, reason));
      } else {
        const read = readReutersRecord(source, start, end);
        if ('problem' in read) {
          rejected.push(new InputError('DOSSIER_INPUT_BAD_RECORD', { file, line: source.lineAt(start) }, read.problem));
        } else {
          articles.push(read);
        }
      }
      start = following;
    }
    return { articles, messages: [], rejected };
  },
};

function nextRecord(text: string, from: number): number {
  let at = text.indexOf('<REUTERS', from);
  // "<REUTERS>" or "<REUTERS TOPICS=...": not "<REUTERSX".
  while (at !== -1 && !/[\s>]/.test(text.charAt(at + 8))) at = text.indexOf('<REUTERS', at + 1);
  return at;
}

function newIdOf(text: string, start: number): string {
  const tagEnd = text.indexOf('>', start);
  const m = /NEWID="([^"]*)"/.exec(text.slice(start, tagEnd === -1 ? start + 200 : tagEnd));
  return m ? `NEWID=${m[1]}` : 'no NEWID';
}
