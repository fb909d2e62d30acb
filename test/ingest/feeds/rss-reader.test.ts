import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { rssReader } from '../../../src/ingest/feeds/rss-reader.js';
import { fixture, sourceOf } from '../reader-fixtures.js';

describe('rssReader.read on an RSS 2.0 feed', () => {
  const source = fixture('feeds/example-wire.rss.xml');
  const result = rssReader.read(source);
  const [harbour, rail, bridge] = result.articles;

  it('makes one article per item with content, and rejects the empty item', () => {
    expect(result.articles.map((a) => a.title)).toEqual([
      'Harbour board & unions agree on night shifts',
      'Rail strike called off \u2013 talks resume',
      'Northern bridge reopens',
    ]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ code: 'DOSSIER_INPUT_BAD_RECORD', location: { line: 35 } });
  });

  it('reads outlet, link, author and categories', () => {
    expect(harbour).toMatchObject({
      outlet: 'Example Wire',
      url: 'https://wire.example.org/2021/05/harbour-shifts',
      author: 'Mara Quill',
      extra: { categories: ['Labour', 'Port Halvern'], guid: 'ew-2021-0504-17' },
    });
    expect(rail?.author).toBe('Tomas Brell');
  });

  it('reads the day as the feed wrote it, with where it came from', () => {
    // 21:30 at -0500 is already 5 May in UTC; the publisher's day is 4 May.
    expect(harbour?.date).toEqual({
      value: '2021-05-04',
      precision: 'day',
      raw: 'Tue, 04 May 2021 21:30:00 -0500',
      reason: 'from <pubDate>',
    });
    expect(rail?.date).toMatchObject({ value: '2021-05-06', reason: 'from <dc:date>' });
    expect(bridge?.date).toBeNull();
    expect(result.messages).toContainEqual({
      file: 'feeds/example-wire.rss.xml',
      line: 30,
      ruleId: 'feed-date-unreadable',
      reason: '<pubDate>: "sometime next week" is not a date',
    });
  });

  it('prefers content:encoded and turns its HTML into paragraphs', () => {
    expect(harbour?.text).toBe(
      'The harbour board and two unions agreed on Tuesday to add night shifts at the container quay.\n\n' +
        '"We have waited three years," said Ilse Varga, who leads the dockers\' union.\n\nShifts start in June.',
    );
  });

  it('reads an entity-escaped description as HTML, decoding each reference once', () => {
    expect(rail?.text).toBe('The strike planned for Friday was called off.\n\nTalks resume on Monday & may run all week.');
  });

  it('leaves scripts and javascript: links inert', () => {
    for (const article of result.articles) {
      expect(article.text).not.toMatch(/document\.cookie|evil\.example|javascript:|<script/i);
      expect(article.url ?? '').toMatch(/^(https:\/\/|$)/);
    }
    // The javascript: link is dropped; the permalink guid stands in for it.
    expect(rail?.url).toBe('https://wire.example.org/2021/05/rail-strike');
    expect(result.messages.map((m) => m.ruleId)).toContain('feed-link-dropped');
  });

  it('resolves a relative link against the channel link and keeps a body-less item', () => {
    expect(bridge).toMatchObject({ url: 'https://wire.example.org/2021/05/bridge', text: '' });
  });

  it("gives each article its item's own lines and bytes", () => {
    expect(harbour?.provenance).toMatchObject({ file: 'feeds/example-wire.rss.xml', startLine: 9, endLine: 21, reader: 'rss' });
    const bytes = Buffer.from(source.text, 'utf8');
    for (const article of result.articles) {
      const { startByte, endByte } = article.provenance;
      const item = bytes.subarray(startByte, endByte).toString('utf8');
      expect(item).toMatch(/^<item>[\s\S]*<\/item>$/);
      expect(item).toContain(article.title.slice(0, 4));
      expect(article.sourceRuns).toEqual([]);
    }
  });
});

describe('rssReader.read on an RSS 1.0 (RDF) feed', () => {
  it('finds items beside the channel and links them by rdf:about', () => {
    const [article] = rssReader.read(fixture('feeds/ruritania-news.rdf')).articles;
    expect(article).toMatchObject({
      title: 'Grain prices steady',
      outlet: 'Ruritania News',
      url: 'https://news.example.net/a/1',
      text: 'Prices held for a third week.',
      date: { value: '2003-06', precision: 'month' },
    });
  });
});

describe('rssReader.read on malformed XML', () => {
  const failure = (read: () => unknown): InputError => {
    try {
      read();
    } catch (error) {
      if (error instanceof InputError) return error;
      throw error;
    }
    throw new Error('expected an InputError');
  };

  it('rejects a truncated feed at its last line, naming what was left open', () => {
    const error = failure(() => rssReader.read(fixture('feeds/truncated.rss.xml')));
    expect(error.code).toBe('DOSSIER_INPUT_BAD_XML');
    expect(error.location).toEqual({ file: 'feeds/truncated.rss.xml', line: 20 });
    expect(error.reason).toContain('<content:encoded>, <item>, <channel>, <rss> are closed');
  });

  it('names the line of a mismatched end tag', () => {
    const xml = '<rss version="2.0">\n<channel>\n<item><title>A</title>\n</channel>\n</rss>\n';
    const error = failure(() => rssReader.read(sourceOf(xml, 'bad.xml')));
    expect(error).toMatchObject({ code: 'DOSSIER_INPUT_BAD_XML', location: { file: 'bad.xml', line: 4 } });
    expect(error.reason).toContain("closing tag 'item'");
  });

  it('rejects a DOCTYPE that declares an external entity, at the DOCTYPE line', () => {
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n<rss><channel><item><title>&x;</title></item></channel></rss>';
    const error = failure(() => rssReader.read(sourceOf(xml, 'external.xml')));
    expect(error).toMatchObject({ code: 'DOSSIER_INPUT_BAD_XML', location: { line: 2 } });
  });

  it('does not expand nested internal entities in item fields', () => {
    const levels = ['<!ENTITY a "aaaaaaaaaa">'];
    for (const [name, inner] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e']]) {
      levels.push(`<!ENTITY ${name} "${`&${inner};`.repeat(10)}">`);
    }
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n${levels.join('\n')}\n]>\n<rss><channel><title>W</title><item><title>&f; x</title><description>&f;</description></item></channel></rss>`;
    const [article] = rssReader.read(sourceOf(xml, 'laughs.xml')).articles;
    expect(article?.title.length).toBeLessThan(20);
    expect(article?.text.length).toBeLessThan(20);
  });

  it('counts a leading blank line in the line it names', () => {
    const xml = '\n\n<rss version="2.0"><channel>\n<item>a & b</item></channel></rss>';
    expect(failure(() => rssReader.read(sourceOf(xml, 'amp.xml'))).location.line).toBe(4);
  });
});

describe('rssReader.sniff', () => {
  it.each([
    ['<?xml version="1.0"?>\n<!-- made by hand -->\n<rss version="2.0">', 1],
    ['\uFEFF<rss version="0.91"><channel>', 1],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">', 0.9],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description/>', 0.2],
    ['<feed xmlns="http://www.w3.org/2005/Atom">', 0],
    ['<html><body><pre>&lt;rss version="2.0"&gt;</pre>', 0],
    ['Plain words that mention <rss> later.', 0],
  ])('scores %j as %d', (head, score) => {
    expect(rssReader.sniff(head, 'feed.xml')).toBe(score);
  });
});
