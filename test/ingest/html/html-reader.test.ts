import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { htmlReader } from '../../../src/ingest/html/html-reader.js';
import { createSourceText, type SourceText } from '../../../src/ingest/source-text.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/html');

function fixture(name: string): SourceText {
  return createSourceText(`fixtures/${name}`, name, readFileSync(join(FIXTURES, name), 'utf8'));
}

function readOne(source: SourceText) {
  const result = htmlReader.read(source);
  expect(result.articles).toHaveLength(1);
  return { article: result.articles[0]!, messages: result.messages };
}

describe('htmlReader on a news page', () => {
  const source = fixture('northern-ledger-article.html');
  const { article, messages } = readOne(source);

  it('reads the metadata, each from the first source that has it', () => {
    expect(article.title).toBe('Harbour board approves night ferries');
    expect(article.outlet).toBe('Northern Ledger');
    expect(article.author).toBe('Maren Olsby');
    expect(article.url).toBe('https://www.northern-ledger.example/news/harbour-night-ferries');
    expect(article.date).toEqual({
      value: '2024-03-05',
      precision: 'day',
      raw: '2024-03-05T21:40:00+01:00',
      reason: 'from article:published_time',
    });
    expect(messages).toEqual([]);
  });

  it('keeps the story and leaves out navigation, captions, ads, related links and sign-up prompts', () => {
    expect(article.text).toBe(
      [
        "The harbour board of Vessby voted on Tuesday to run ferries through the night from the first of May, ending a debate that has split the island's councils for three winters.",
        'Board chair Ilse Brandvik said the late crossings would cost about 40,000 crowns a month, paid for by a small rise in daytime fares & a grant from the county.',
        'Shift workers at the fish plant had asked for the change since the last bus to the mainland was cut in 2021. "We finish at midnight and then we wait until six," said packer Jonas Lind.',
        'Fares and timetable',
        'The first night boat will leave the north quay at 00:30 and the last at 04:30. Tickets bought after 22:00 will cost the same as the daytime fare, the board said.',
        'Opposition members said the grant runs for only two years. The board will review the service in the spring of 2026.',
      ].join('\n\n'),
    );
  });

  it('marks the subheading by its offsets in the text', () => {
    expect(article.headings).toHaveLength(1);
    const [heading] = article.headings!;
    expect(article.text.slice(heading!.start, heading!.end)).toBe('Fares and timetable');
  });

  it('maps the article to the whole file, with no verbatim runs', () => {
    expect(article.sourceRuns).toEqual([]);
    expect(article.provenance).toEqual({
      file: 'fixtures/northern-ledger-article.html',
      startLine: 1,
      endLine: source.text.split('\n').length - 1,
      startByte: 0,
      endByte: Buffer.byteLength(source.text),
      reader: 'html',
    });
    expect(article.extra).toEqual({ extractionMethod: 'readability' });
  });
});

describe('htmlReader on hostile markup', () => {
  const { article } = readOne(fixture('hostile-page.html'));

  it('yields the prose as plain text', () => {
    expect(article.text).toContain('Members agreed to ask three builders for quotes. The lowest bid will be chosen in April, said the clerk.');
    expect(article.text).toContain('Residents may read the full minutes at the town hall. Copies cost nothing.');
  });

  it('keeps no script, handler, URL scheme, or text of non-content elements', () => {
    for (const text of [article.text, article.title, article.author ?? '', article.outlet ?? '']) {
      expect(text).not.toMatch(/[<>]|alert|javascript|onerror|onclick|cookie|evil\.example/i);
      expect(text).not.toMatch(/Template paragraph|Hidden comment|enable JavaScript|typed text|area text|frames/);
    }
    expect(article.author).toBe('Per Holm');
  });
});

describe('htmlReader fallbacks and failures', () => {
  it('takes the JSON-LD articleBody when the page body is drawn by a script', () => {
    const { article } = readOne(fixture('json-ld-only.html'));
    expect(article.text).toBe(
      'The coast office will print its tide tables in local time from January.\n\nSailors had asked for the change for years, the office said.',
    );
    expect(article.extra).toEqual({ extractionMethod: 'json-ld' });
    expect(article.author).toBe('Aino Sarre, Bo Dahl');
    expect(article.date?.reason).toBe('from JSON-LD datePublished');
    expect(article.title).toBe('Tide tables change');
  });

  it('finds the text in a page nested too deep for Readability', () => {
    const depth = 12_000;
    const prose = 'The ferry timetable for the winter months was printed in the harbour office window on Friday.';
    const html = `<html><body>${'<div>'.repeat(depth)}<p>${prose}</p>${'</div>'.repeat(depth)}</body></html>`;
    const { article } = readOne(createSourceText('deep.html', 'deep.html', html));
    expect(article.text).toBe(prose);
    expect(article.extra).toEqual({ extractionMethod: 'densest-block' });
  });

  it('reads a page whose tags are all there but shuffled, or refuses it in one clean error; Readability failing is no crash (property)', () => {
    // Readability threw a TypeError on such pages ("Cannot read properties of null (reading
    // 'tagName')"), and the page was lost instead of read by the fallbacks.
    const parts = readFileSync(join(FIXTURES, 'northern-ledger-article.html'), 'utf8').split(/(?=<)/);
    const outcomes = { read: 0, refused: 0 };
    fc.assert(
      fc.property(fc.shuffledSubarray([...parts.keys()], { minLength: parts.length }), (order) => {
        const html = order.map((i) => parts[i]).join('');
        try {
          expect(htmlReader.read(createSourceText('shuffled.html', 'shuffled.html', html)).articles).toHaveLength(1);
          outcomes.read++;
        } catch (error) {
          // A tag that opens raw text (<script>, <title>) early swallows the page: no text is left.
          expect(error).toBeInstanceOf(InputError);
          expect((error as InputError).code).toBe('DOSSIER_INPUT_NO_ARTICLES');
          outcomes.refused++;
        }
      }),
      { numRuns: 200, seed: 1 },
    );
    expect(outcomes.read).toBeGreaterThan(20);
  });

  it('reports what the page lacks as messages', () => {
    const { messages } = readOne(fixture('hostile-page.html'));
    expect(messages.map((m) => m.ruleId)).toEqual(['html-no-date']);
    expect(messages[0]).toMatchObject({ file: 'fixtures/hostile-page.html', line: null });
  });

  it.each([
    ['front-page.html', readFileSync(join(FIXTURES, 'front-page.html'), 'utf8')],
    ['empty.html', ''],
    ['scripts.html', '<html><body><script>var a = 1;</script><style>p{}</style></body></html>'],
  ])('rejects %s, which holds no article text', (name, html) => {
    const read = (): unknown => htmlReader.read(createSourceText(name, name, html));
    expect(read).toThrow(InputError);
    expect(read).toThrow(`${name}: no article text found in the HTML page`);
    try {
      read();
    } catch (error) {
      expect((error as InputError).code).toBe('DOSSIER_INPUT_NO_ARTICLES');
      expect((error as InputError).location).toEqual({ file: name });
    }
  });
});

describe('htmlReader.sniff', () => {
  it('is sure of pages by name or by their first tag', () => {
    expect(htmlReader.name).toBe('html');
    expect(htmlReader.sniff('<!DOCTYPE html><html>', 'story.html')).toBe(1);
    expect(htmlReader.sniff('\ufeff  <!-- saved --><!doctype html>', 'page')).toBeGreaterThanOrEqual(0.9);
    expect(htmlReader.sniff('<html lang="en">', 'page.txt')).toBeGreaterThanOrEqual(0.9);
    expect(htmlReader.sniff('Plain words', 'story.htm')).toBeGreaterThanOrEqual(0.8);
  });

  it('gives feeds nothing, even when they are named .html', () => {
    expect(htmlReader.sniff('<?xml version="1.0"?>\n<rss version="2.0"><channel>', 'feed.html')).toBe(0);
    expect(htmlReader.sniff('<feed xmlns="http://www.w3.org/2005/Atom">', 'atom.xml')).toBe(0);
  });

  it('is unsure of anything else', () => {
    expect(htmlReader.sniff('{"title": "x"}', 'items.jsonl')).toBeLessThan(0.1);
    expect(htmlReader.sniff('Some words. <body> later', 'notes.txt')).toBeLessThan(0.5);
  });
});
