import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { atomReader } from '../../../src/ingest/feeds/atom-reader.js';
import { fixture, sourceOf } from '../reader-fixtures.js';

describe('atomReader.read on an Atom feed', () => {
  const source = fixture('feeds/northern-ledger.atom.xml');
  const result = atomReader.read(source);
  const [ferry, passes, library] = result.articles;

  it('makes one article per entry, with the feed title as outlet', () => {
    expect(result.articles.map((a) => [a.title, a.outlet])).toEqual([
      ['Council votes to keep the ferry running', 'Northern Ledger'],
      ['Snow closes two passes', 'Northern Ledger'],
      ['Library hours', 'Northern Ledger'],
    ]);
    expect(result.rejected).toEqual([]);
  });

  it('takes the alternate link, not the self link, and resolves a relative one', () => {
    expect(ferry?.url).toBe('https://ledger.example.com/2022/11/ferry');
    expect(passes?.url).toBe('https://ledger.example.com/2022/11/passes');
  });

  it('drops a javascript: link and says so', () => {
    expect(library?.url).toBeNull();
    expect(result.messages).toContainEqual({
      file: 'feeds/northern-ledger.atom.xml',
      line: 30,
      ruleId: 'feed-link-dropped',
      reason: 'no <link> of this entry is an http(s) address',
    });
  });

  it('prefers <published>, falls back to <updated>, and keeps a month as a month', () => {
    expect(ferry?.date).toEqual({
      value: '2022-11-02',
      precision: 'day',
      raw: '2022-11-02T18:05:00+01:00',
      reason: 'from <published>',
    });
    expect(passes?.date).toMatchObject({ value: '2022-11-03', reason: 'from <updated>' });
    expect(library?.date).toMatchObject({ value: '2022-11', precision: 'month' });
  });

  it("joins an entry's authors, and lets an entry without one inherit the feed's", () => {
    expect(ferry?.author).toBe('Jonas Pell, Rika Sand');
    expect(passes?.author).toBe('Ledger Staff');
  });

  it('reads html, xhtml and text content each by its type', () => {
    expect(ferry?.text).toBe(
      'The council voted 7 to 2 on Wednesday to keep the ferry running.\n\nThe mayor, Edda Lind, said the vote "settles it".',
    );
    expect(passes?.text).toBe('Snow closed the Kell and Varn passes overnight.\n\nCrews expect to clear them by Friday & reopen.');
    // <content src="..."> is elsewhere, so the text summary stands in; its blank line is a paragraph break.
    expect(library?.text).toBe('The library opens an hour later.\n\nWeekend hours stay the same.');
  });

  it('keeps categories and the entry id as extras', () => {
    expect(ferry?.extra).toEqual({ categories: ['transport', 'council'], id: 'urn:example:ledger:41' });
  });

  it("gives each article its entry's own bytes", () => {
    const bytes = Buffer.from(source.text, 'utf8');
    expect(ferry?.provenance).toMatchObject({ startLine: 9, endLine: 22, reader: 'atom' });
    for (const article of result.articles) {
      const entry = bytes.subarray(article.provenance.startByte, article.provenance.endByte).toString('utf8');
      expect(entry).toMatch(/^<entry>[\s\S]*<\/entry>$/);
    }
  });
});

describe('atomReader.read on hostile and odd entries', () => {
  const feed = (entries: string): string =>
    `<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Wire</title>\n${entries}\n</feed>\n`;

  it('turns scripts, handlers and javascript: links in html content into inert text', () => {
    const content =
      '&lt;p onclick="steal()"&gt;Calm &lt;a href="javascript:steal()"&gt;words&lt;/a&gt;.&lt;/p&gt;' +
      '&lt;script&gt;steal()&lt;/script&gt;&lt;img src=x onerror="steal()"&gt;';
    const xml = feed(`<entry><title>T</title><content type="html">${content}</content></entry>`);
    const [article] = atomReader.read(sourceOf(xml, 'hostile.atom')).articles;
    expect(article?.text).toBe('Calm words.');
  });

  it('reads markup in a text-typed title as the characters it is', () => {
    const xml = feed('<entry><title type="text">Why 3 &lt; 5 &amp; &lt;b&gt; matter</title><summary>S</summary></entry>');
    expect(atomReader.read(sourceOf(xml, 'text.atom')).articles[0]?.title).toBe('Why 3 < 5 & <b> matter');
  });

  it('rejects an entry with neither title nor text, and keeps the others', () => {
    const xml = feed('<entry><id>1</id></entry>\n<entry><title>Kept</title></entry>');
    const result = atomReader.read(sourceOf(xml, 'empty.atom'));
    expect(result.articles.map((a) => a.title)).toEqual(['Kept']);
    expect(result.rejected.map((e) => [e.code, e.location.line])).toEqual([['DOSSIER_INPUT_BAD_RECORD', 3]]);
  });
});

describe('atomReader.read on malformed XML', () => {
  it('rejects an unclosed tag, naming the line of the end tag that did not match', () => {
    let caught: unknown;
    try {
      atomReader.read(fixture('feeds/unclosed-tag.atom.xml'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect(caught).toMatchObject({ code: 'DOSSIER_INPUT_BAD_XML', location: { file: 'feeds/unclosed-tag.atom.xml', line: 22 } });
    expect((caught as InputError).reason).toContain("Expected closing tag 'summary'");
  });
});

describe('atomReader.sniff', () => {
  it.each([
    ['<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', 1],
    ["<atom:feed xmlns:atom='http://www.w3.org/2005/Atom'>", 1],
    ['<feed><entry/></feed>', 0.4],
    ['<rss version="2.0">', 0],
    ['<html><head><title>feed</title>', 0],
    ['{"feed": "http://www.w3.org/2005/Atom"}', 0],
  ])('scores %j as %d', (head, score) => {
    expect(atomReader.sniff(head, 'feed.atom')).toBe(score);
  });
});
