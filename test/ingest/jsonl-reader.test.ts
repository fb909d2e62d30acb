import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { jsonlReader } from '../../src/ingest/jsonl-reader.js';
import type { RawArticle } from '../../src/ingest/raw-article.js';
import { fixture, sourceOf } from './reader-fixtures.js';

describe('jsonlReader.read on mixed.jsonl', () => {
  const source = fixture('jsonl/mixed.jsonl');
  const result = jsonlReader.read(source);
  const byTitle = (title: string): RawArticle => {
    const found = result.articles.find((a) => a.title === title);
    if (!found) throw new Error(`no article "${title}"`);
    return found;
  };

  it('reads the good lines and rejects each bad one with its line and code', () => {
    expect(result.articles.map((a) => a.provenance.startLine)).toEqual([1, 2, 7, 8, 9, 10]);
    expect(result.rejected.map((e) => [e.location.line, e.code])).toEqual([
      [4, 'DOSSIER_INPUT_BAD_JSON'],
      [5, 'DOSSIER_INPUT_BAD_RECORD'],
      [6, 'DOSSIER_INPUT_BAD_RECORD'],
    ]);
    expect(result.rejected[1]!.reason).toBe('the line is an array, not a JSON object');
    expect(result.rejected[2]!.reason).toContain('no text');
    expect(result.rejected[0]!.message).toMatch(/^jsonl\/mixed\.jsonl:4: not JSON: /);
  });

  it('reads the canonical fields and keeps unknown ones as extras', () => {
    expect(byTitle('Harbour board and unions agree on night shifts')).toMatchObject({
      text: 'The harbour board agreed on Tuesday to add night shifts.',
      outlet: 'Example Wire',
      author: 'Mara Quill',
      date: { value: '2021-05-04', precision: 'day', raw: '2021-05-04T21:30:00-05:00', reason: 'from field "date"' },
      url: 'https://wire.example.org/harbour',
      extra: { section: 'Ports', tags: ['labour', 'harbour'] },
    });
  });

  it('accepts the common alternate names', () => {
    const rail = byTitle('Rail strike called off');
    expect(rail).toMatchObject({
      text: 'The strike was called off.\n\nTalks resume on Monday.',
      outlet: 'Northern Ledger',
      author: 'Tomas Brell, Rika Sand',
      date: { value: '2021-05', precision: 'month' },
      url: 'https://ledger.example.com/rail',
      extra: {},
    });
    expect(byTitle('Bridge reopens')).toMatchObject({ text: 'The northern bridge reopened.', outlet: 'Example Wire' });
  });

  it('reads year-only and free-form dates, and says how', () => {
    expect(byTitle('Café on the quay').date).toMatchObject({ value: '2021', precision: 'year' });
    expect(byTitle('Bridge reopens').date).toMatchObject({ value: '2021-05-04', precision: 'day', reason: 'from field "published"' });
    expect(byTitle('Windows line').date).toMatchObject({
      value: '2021-05-05',
      reason: 'from field "date", free-form "May 5, 2021" read by chrono-node',
    });
  });

  it('keeps an unusable value as an extra and says why', () => {
    const ferry = byTitle('Ferry vote');
    expect(ferry.date).toBeNull();
    expect(ferry.extra).toEqual({ date: '03/04/2021' });
    const bridge = byTitle('Bridge reopens');
    expect(bridge.url).toBeNull();
    expect(bridge.extra).toEqual({ url: 'javascript:alert(1)' });
    expect(result.messages).toContainEqual({
      file: 'jsonl/mixed.jsonl',
      line: 8,
      ruleId: 'jsonl-field-kept',
      reason: 'field "date" kept as an extra: "03/04/2021" could be day-month or month-day',
    });
  });

  it('gives each article its own line, without the line break', () => {
    const windows = byTitle('Windows line');
    const bytes = Buffer.from(source.text, 'utf8');
    const line = bytes.subarray(windows.provenance.startByte, windows.provenance.endByte).toString('utf8');
    expect(line.startsWith('{"title": "Windows line"')).toBe(true);
    expect(line.endsWith('}')).toBe(true);
  });

  it('maps a text written without escapes onto its bytes, and no other', () => {
    const bytes = Buffer.from(source.text, 'utf8');
    const mapped = result.articles.filter((a) => a.sourceRuns.length > 0).map((a) => a.title);
    expect(mapped).toEqual(['Harbour board and unions agree on night shifts', 'Bridge reopens', 'Ferry vote', 'Café on the quay', 'Windows line']);
    for (const article of result.articles) {
      for (const run of article.sourceRuns) {
        const piece = article.text.slice(run.textStart, run.textStart + run.length);
        expect(run.length).toBe(article.text.length);
        expect(bytes.subarray(run.sourceByte, run.sourceByte + Buffer.byteLength(piece)).toString('utf8')).toBe(piece);
      }
    }
    expect(byTitle('Café on the quay').text).toBe('Café Lind reopened — with a new roof.');
  });
});

describe('jsonlReader.read on lines that need care', () => {
  it('rejects only the line holding an invalid UTF-8 byte', () => {
    const result = jsonlReader.read(fixture('jsonl/stray-byte.jsonl'));
    expect(result.articles.map((a) => a.provenance.startLine)).toEqual([1, 3]);
    expect(result.rejected.map((e) => [e.code, e.location.line])).toEqual([['DOSSIER_INPUT_BAD_UTF8', 2]]);
  });

  it('reads a first line that opens with a byte-order mark', () => {
    const result = jsonlReader.read(sourceOf('\uFEFF{"text": "Kept."}\n', 'bom.jsonl'));
    expect(result.articles.map((a) => a.text)).toEqual(['Kept.']);
  });

  it('uses the last of duplicate keys, as JSON.parse does, for text and its run', () => {
    const line = '{"text": "first", "text": "second"}';
    const [article] = jsonlReader.read(sourceOf(line, 'dup.jsonl')).articles;
    expect(article?.text).toBe('second');
    expect(article?.sourceRuns).toEqual([{ textStart: 0, length: 6, sourceByte: line.lastIndexOf('second') }]);
  });

  it.each([
    ['null', 'the line is null, not a JSON object'],
    ['42', 'the line is a number, not a JSON object'],
    ['{"title": "No body", "body": 7}', 'no text: none of text, body, content holds a non-empty string'],
  ])('rejects %s', (line, reason) => {
    const result = jsonlReader.read(sourceOf(`${line}\n`, 'one.jsonl'));
    expect(result.articles).toEqual([]);
    expect(result.rejected.map((e) => [e.code, e.reason])).toEqual([['DOSSIER_INPUT_BAD_RECORD', reason]]);
  });

  it('reads nothing from blank lines', () => {
    expect(jsonlReader.read(sourceOf('\n  \n\r\n', 'blank.jsonl'))).toEqual({ articles: [], messages: [], rejected: [] });
  });
});

describe('jsonlReader.sniff', () => {
  it.each([
    ['{"title": "A", "text": "B"}\n{"title": "C"', 'items.txt', 0.95],
    ['{"title": "A", "text": "a first line longer than the head', 'items.txt', 0.5],
    ['{\n  "title": "pretty-printed JSON"\n}', 'doc.json', 0],
    ['{\n  "title": "pretty-printed JSON"\n}', 'items.jsonl', 0.6],
    ['[1, 2, 3]\n', 'list.ndjson', 0.6],
    ['<rss version="2.0">', 'feed.xml', 0],
    ['Just words.\n', 'notes.txt', 0],
  ])('scores %j named %s as %d', (head, name, score) => {
    expect(jsonlReader.sniff(head, name)).toBe(score);
  });
});
