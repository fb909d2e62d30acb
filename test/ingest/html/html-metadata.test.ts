import { describe, expect, it } from 'vitest';
import { cleanName } from '../../../src/ingest/html/html-author.js';
import { parseHtmlDocument } from '../../../src/ingest/html/html-dom.js';
import { readPageMetadata } from '../../../src/ingest/html/html-metadata.js';
import { withoutSiteName } from '../../../src/ingest/html/html-title.js';

function metadataOf(head: string, body = '<p>Text.</p>') {
  return readPageMetadata(parseHtmlDocument(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`));
}

describe('page title', () => {
  it('prefers og:title, then the JSON-LD headline, then <title>, then <h1>', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"From JSON-LD"}</script>';
    expect(metadataOf(`<meta property="og:title" content="From og"><title>From title</title>${ld}`).title).toBe('From og');
    expect(metadataOf(`<title>From title</title>${ld}`).title).toBe('From JSON-LD');
    expect(metadataOf('<title>From title</title>', '<h1>From h1</h1>').title).toBe('From title');
    expect(metadataOf('', '<h1>From <em>h1</em></h1>').title).toBe('From h1');
    expect(metadataOf('').title).toBeNull();
  });

  it('cuts the site name after the last separator', () => {
    expect(withoutSiteName('Harbour board approves night ferries | Northern Ledger', null)).toBe(
      'Harbour board approves night ferries',
    );
    expect(withoutSiteName('Tide tables change - Example Wire', 'Example Wire')).toBe('Tide tables change');
    expect(withoutSiteName('Fares rise — Northern Ledger', 'The Northern Ledger')).toBe('Fares rise');
  });

  it('keeps titles whose last segment is not a site name', () => {
    expect(withoutSiteName('Left - right', null)).toBe('Left - right');
    expect(withoutSiteName('Ferries: the long night that changed the island for good - and what comes next', null)).toBe(
      'Ferries: the long night that changed the island for good - and what comes next',
    );
    expect(withoutSiteName('Council-run ferries resume', null)).toBe('Council-run ferries resume');
  });
});

describe('page author', () => {
  it('reads meta author, then JSON-LD author names, then rel=author, then a byline', () => {
    const ld = '<script type="application/ld+json">{"@type":"Article","author":[{"name":"Aino Sarre"},"Bo Dahl"]}</script>';
    expect(metadataOf('<meta name="author" content="Maren Olsby">').author).toBe('Maren Olsby');
    expect(metadataOf(ld).author).toBe('Aino Sarre, Bo Dahl');
    expect(metadataOf('', '<a rel="author" href="/p/1">Jonas Lind</a>').author).toBe('Jonas Lind');
    expect(metadataOf('', '<p class="byline">By Ilse Brandvik</p>').author).toBe('Ilse Brandvik');
    expect(metadataOf('').author).toBeNull();
  });

  it('passes over a profile URL in article:author', () => {
    const head = '<meta property="article:author" content="https://social.example/maren"><meta name="dc.creator" content="Maren Olsby">';
    expect(metadataOf(head).author).toBe('Maren Olsby');
  });

  it('cuts a byline where it runs on into a date or a handle', () => {
    expect(cleanName('By Jane Doe | November 18, 2019')).toBe('Jane Doe');
    expect(cleanName('Jane Doe @janedoe Nov 19, 2019 • 2 min read')).toBe('Jane Doe');
    expect(cleanName('EXAMPLE WIRE STAFF NOVEMBER 20, 2019 08:00')).toBe('EXAMPLE WIRE STAFF');
    expect(cleanName('Jane Doe, Example Wire')).toBe('Jane Doe, Example Wire');
    expect(cleanName('https://social.example/jane')).toBeNull();
  });
});

describe('page date', () => {
  it('names its source in the reason', () => {
    const cases: Array<[string, string, string]> = [
      ['<meta property="article:published_time" content="2024-03-05T21:40:00+01:00">', '', 'from article:published_time'],
      ['<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-05"}</script>', '', 'from JSON-LD datePublished'],
      ['', '<time datetime="2024-03-05">Tuesday</time>', 'from <time datetime>'],
      ['<meta name="dc.date" content="2024-03-05">', '', 'from meta dc.date'],
    ];
    for (const [head, body, reason] of cases) {
      expect(metadataOf(head, body).date).toMatchObject({ value: '2024-03-05', precision: 'day', reason });
    }
  });

  it('keeps the publisher’s own day of a date-time', () => {
    const date = metadataOf('<meta property="article:published_time" content="2024-03-05T23:30:00-05:00">').date;
    expect(date?.value).toBe('2024-03-05');
  });

  it('passes over placeholders and unreadable values, and says so', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"0001-01-01T00:00:00Z"}</script>';
    const meta = metadataOf(`<meta property="article:published_time" content="soon">${ld}`, '<time datetime="2023-12-01">x</time>');
    expect(meta.date).toMatchObject({ value: '2023-12-01', reason: 'from <time datetime>' });
    expect(meta.dateProblems).toHaveLength(2);
    expect(meta.dateProblems[0]).toMatch(/^article:published_time: /);
    expect(meta.dateProblems[1]).toMatch(/placeholder/);
  });

  it('takes a month only when no source gives a day', () => {
    expect(metadataOf('<meta name="date" content="2024-03">').date).toMatchObject({ value: '2024-03', precision: 'month' });
    expect(metadataOf('<meta name="date" content="2024-03">', '<time datetime="2024-03-09">x</time>').date?.value).toBe('2024-03-09');
  });
});

describe('outlet and url', () => {
  it('reads og:site_name, then the JSON-LD publisher, then application-name', () => {
    const ld = '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","publisher":{"name":"Example Wire"}}]}</script>';
    expect(metadataOf(`<meta property="og:site_name" content="Northern Ledger">${ld}`).outlet).toBe('Northern Ledger');
    expect(metadataOf(ld).outlet).toBe('Example Wire');
    expect(metadataOf('<meta name="application-name" content="Ledger App">').outlet).toBe('Ledger App');
  });

  it('reads the canonical link, then og:url, and only absolute http(s) addresses', () => {
    expect(metadataOf('<link rel="canonical" href="https://a.example/1"><meta property="og:url" content="https://b.example/1">').url).toBe(
      'https://a.example/1',
    );
    expect(metadataOf('<link rel="canonical" href="/story/1"><meta property="og:url" content="https://b.example/1">').url).toBe(
      'https://b.example/1',
    );
    expect(metadataOf('<link rel="canonical" href="javascript:void(0)">').url).toBeNull();
  });

  it('skips a JSON-LD block that is not valid JSON', () => {
    const broken = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>';
    const good = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Second block"}</script>';
    expect(metadataOf(broken + good).title).toBe('Second block');
  });
});
