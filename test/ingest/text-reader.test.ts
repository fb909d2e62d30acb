import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { RawArticle } from '../../src/ingest/raw-article.js';
import type { SourceText } from '../../src/ingest/source-text.js';
import { textReader } from '../../src/ingest/text-reader.js';
import { fixture, sourceOf } from './reader-fixtures.js';

const only = (source: SourceText): RawArticle => {
  const result = textReader.read(source);
  expect(result.articles).toHaveLength(1);
  return result.articles[0]!;
};

/** The body, cut from the file's bytes through the article's one source run. */
const mappedBody = (source: SourceText, article: RawArticle): string => {
  const [run] = article.sourceRuns;
  if (run === undefined || article.sourceRuns.length !== 1) throw new Error('expected one run');
  expect(run).toMatchObject({ textStart: 0, length: article.text.length });
  const bytes = Buffer.from(source.text, 'utf8');
  return bytes.subarray(run.sourceByte, run.sourceByte + Buffer.byteLength(article.text)).toString('utf8');
};

describe('textReader.read with front matter', () => {
  const source = fixture('text/front-matter.txt');
  const article = only(source);

  it('reads the fields, unquoted, and keeps the others as extras', () => {
    expect(article).toMatchObject({
      title: 'Harbour board agrees night shifts',
      outlet: 'Example Wire',
      author: 'Mara Quill',
      date: { value: '2021-05-04', precision: 'day', reason: 'from field "date"' },
      url: 'https://wire.example.org/harbour',
      extra: { section: 'Ports', tags: ['labour', 'harbour'] },
    });
  });

  it('takes the body verbatim, from its first non-blank line, and maps it onto the file', () => {
    expect(article.text).toBe(
      '    PORT HALVERN, May 4 - The harbour board agreed on Tuesday to add night shifts.\n\n' +
        '"We have waited three years," said Ilse Varga, who leads the dockers\' union.',
    );
    expect(mappedBody(source, article)).toBe(article.text);
  });

  it('names the whole file as provenance', () => {
    expect(article.provenance).toEqual({
      file: 'text/front-matter.txt',
      startLine: 1,
      endLine: 16,
      startByte: 0,
      endByte: Buffer.byteLength(source.text),
      reader: 'text',
    });
  });
});

describe('textReader.read without front matter', () => {
  it('takes a short first line without a full stop as the title', () => {
    const source = fixture('text/plain-title.txt');
    const article = only(source);
    expect(article.title).toBe('Northern bridge reopens after repairs');
    expect(article.text).toBe('The northern bridge reopened on Friday — a week early.\nTraffic was light in the morning.');
    expect(mappedBody(source, article)).toBe(article.text);
    expect([article.outlet, article.author, article.date, article.url]).toEqual([null, null, null, null]);
  });

  it('keeps a first line ending in a full stop in the body', () => {
    const article = only(fixture('text/no-title.txt'));
    expect(article.title).toBe('');
    expect(article.text).toBe('The council voted to keep the ferry running.\nIt will sail twice a day until spring.');
  });

  it.each([
    ['# Markdown heading\n\nBody.', 'Markdown heading', 'Body.'],
    ['A lone line with no body', '', 'A lone line with no body'],
    [`${'Long '.repeat(50)}\nBody.`, '', `${'Long '.repeat(50)}\nBody.`],
    ['\n\n  Indented title  \n\n  Indented body.\n', 'Indented title', '  Indented body.'],
  ])('reads %j as title %j', (text, title, body) => {
    const source = sourceOf(text, 'case.txt');
    const article = only(source);
    expect([article.title, article.text]).toEqual([title, body]);
    expect(mappedBody(source, article)).toBe(body);
  });

  it('reads a "---" followed by prose as text, not front matter', () => {
    const article = only(fixture('text/rule-then-prose.txt'));
    expect(article.title).toBe('');
    expect(article.text).toBe('---\nThe vote: 7 to 2, after a long night.\n---\nThe ferry keeps running.');
  });
});

describe('textReader.read on malformed text', () => {
  const failure = (source: SourceText): InputError => {
    try {
      textReader.read(source);
    } catch (error) {
      if (error instanceof InputError) return error;
      throw error;
    }
    throw new Error('expected an InputError');
  };

  it('rejects front matter that is never closed, naming the line it stops at', () => {
    const error = failure(fixture('text/unclosed-front-matter.txt'));
    expect(error).toMatchObject({ code: 'DOSSIER_INPUT_BAD_RECORD', location: { file: 'text/unclosed-front-matter.txt', line: 4 } });
    expect(error.reason).toContain('is the closing "---" missing?');
  });

  it('rejects front matter that runs to the end of the file', () => {
    const error = failure(sourceOf('---\ntitle: A\nauthor: B\n', 'open.txt'));
    expect(error).toMatchObject({ code: 'DOSSIER_INPUT_BAD_RECORD', location: { line: 1 } });
  });

  it('rejects a file with front matter and no text', () => {
    const error = failure(fixture('text/front-matter-only.txt'));
    expect(error).toMatchObject({ code: 'DOSSIER_INPUT_EMPTY', reason: 'the file holds front matter but no text' });
  });

  it('rejects a file of blank lines', () => {
    expect(failure(sourceOf('\n \n\t\n', 'blank.txt')).code).toBe('DOSSIER_INPUT_EMPTY');
  });

  it('keeps an unreadable date as an extra and says so', () => {
    const result = textReader.read(sourceOf('---\ndate: soon\n---\nBody.', 'soon.txt'));
    expect(result.articles[0]?.date).toBeNull();
    expect(result.articles[0]?.extra).toEqual({ date: 'soon' });
    expect(result.messages.map((m) => m.ruleId)).toEqual(['text-field-kept']);
  });
});

describe('textReader.sniff', () => {
  it.each([
    ['---\ntitle: A\n---\nBody', 'a.dat', 0.5],
    ['Some words.', 'a.txt', 0.3],
    ['Some words.', 'a', 0.1],
    ['<html><body>', 'page', 0.02],
    ['{"title": "A"}', 'a', 0.02],
  ])('scores %j named %s as %d', (head, name, score) => {
    expect(textReader.sniff(head, name)).toBe(score);
  });
});
