import { describe, expect, it } from 'vitest';
import { blockText } from '../../../src/ingest/html/block-text.js';
import { parseHtmlDocument } from '../../../src/ingest/html/html-dom.js';
import { hasNoiseWord, stripNoise } from '../../../src/ingest/html/main-text/01-strip-noise.js';
import { isOnSite, pruneContent } from '../../../src/ingest/html/main-text/03-prune-content.js';
import { isBoilerplateLine } from '../../../src/ingest/html/main-text/04-drop-boilerplate.js';
import { densestBlock } from '../../../src/ingest/html/main-text/05-densest-block.js';
import { extractArticleText, extractMainText } from '../../../src/ingest/html/main-text/index.js';

const LONG =
  'The island council met for four hours on Thursday and agreed, after a long and often heated debate, to keep the ' +
  'library open on Sundays through the winter, paid for by savings on street lighting along the harbour road.';

function page(body: string): string {
  return `<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`;
}

function bodyTextAfterStrip(body: string): string {
  const document = parseHtmlDocument(page(body));
  stripNoise(document);
  return blockText(document.body!);
}

describe('stripNoise', () => {
  it('removes furniture by tag, class words, role and visibility', () => {
    const text = bodyTextAfterStrip(
      `<nav>Menu</nav><div class="ad-slot">Buy now</div><div id="relatedArticles">Other story</div>` +
        `<div role="complementary">Aside</div><div class="sr-only">Skip</div><div style="display:none">Gone</div>` +
        `<figure><img src="a.jpg"><figcaption>Caption text</figcaption></figure><p>${LONG}</p>`,
    );
    expect(text).toBe(LONG);
  });

  it('reads class words whole: "header" and "download" hold no "ad"', () => {
    expect(hasNoiseWord('ad-slot')).toBe(true);
    expect(hasNoiseWord('socialShare')).toBe(true);
    expect(hasNoiseWord('story__related-links')).toBe(true);
    expect(hasNoiseWord('header download-box')).toBe(false);
    expect(hasNoiseWord('article-body')).toBe(false);
  });

  it('keeps an element with a noise word when it holds much of the page text', () => {
    const text = bodyTextAfterStrip(`<form id="page-form"><div class="story has-comments"><p>${LONG}</p><p>${LONG}</p></div></form>`);
    expect(text).toBe(`${LONG}\n\n${LONG}`);
  });

  it('keeps an inline element inside a sentence but drops its pop-up card', () => {
    const text = bodyTextAfterStrip(
      `<p>${LONG} Asked about it, <span class="rollover-person"><a href="/p/ilse">Ilse Brandvik</a>` +
        '<span class="rollover-card"><img src="i.jpg"><a href="/p/ilse">Ilse Brandvik</a><a href="/x">Her latest stories</a></span></span> said yes.</p>',
    );
    expect(text).toBe(`${LONG} Asked about it, Ilse Brandvik said yes.`);
  });
});

describe('pruneContent', () => {
  function pruned(html: string, host: string | null): string {
    const content = parseHtmlDocument(page(`<div id="c">${html}</div>`)).querySelector('#c')!;
    pruneContent(content, host);
    return blockText(content);
  }

  it('removes lists and lines of links to the site’s own pages', () => {
    const html =
      `<p>${LONG}</p><ul><li><a href="/news/a">Ferry fares rise</a></li><li><a href="https://www.ledger.example/b">Storm closes bridge</a></li></ul>` +
      '<p><a href="/subscribe">READ MORE ON THE LEDGER BY CLICKING HERE</a></p>';
    expect(pruned(html, 'ledger.example')).toBe(LONG);
  });

  it('keeps links that leave the site, such as shops and cited sources', () => {
    const html = `<p>${LONG}</p><p><a href="https://shop.example/kettle">Get it at the Shop for $20</a></p><p><a href="http://archive.example/report">http://archive.example/report</a></p>`;
    expect(pruned(html, 'ledger.example')).toBe(
      `${LONG}\n\nGet it at the Shop for $20\n\nhttp://archive.example/report`,
    );
  });

  it('tells on-site links from off-site ones', () => {
    expect(isOnSite('/news/a', null)).toBe(true);
    expect(isOnSite('news/a', null)).toBe(true);
    expect(isOnSite('//cdn.ledger.example/x', 'www.ledger.example')).toBe(true);
    expect(isOnSite('https://other.example/x', 'www.ledger.example')).toBe(false);
    expect(isOnSite('https://ledger.example/x', null)).toBe(false);
    expect(isOnSite('mailto:desk@ledger.example', 'ledger.example')).toBe(false);
  });
});

describe('isBoilerplateLine', () => {
  it.each([
    'Advertisement',
    'You may also like...',
    "DON'T MISS",
    'Follow the Example Wire on Twitter for updates.',
    'Subscribe to our daily newsletter',
    'Updated 11:21 pm CST, Tuesday, November 19, 2024',
    'Posted on March 30, 2015 by Admin',
    'By Maren Olsby -',
    'Copyright 2024 Northern Ledger. All rights reserved.',
  ])('drops "%s"', (line) => {
    expect(isBoilerplateLine(line)).toBe(true);
  });

  it.each([
    'Following a two-day trial, the jury returned its verdict.',
    'Click here to get more information or download the timetable.',
    'Published figures show ferry use rose by a third.',
    'By noon the quay was empty.',
    'More than 300 people came to the meeting.',
  ])('keeps "%s"', (line) => {
    expect(isBoilerplateLine(line)).toBe(false);
  });
});

describe('densestBlock', () => {
  it('picks the element whose own text blocks hold the most unlinked text', () => {
    const document = parseHtmlDocument(
      page(
        '<div id="links"><p><a href="/1">One link</a></p><p><a href="/2">Two link</a></p></div>' +
          `<div id="story"><p>${LONG}</p><p>${LONG}</p></div><div id="teaser"><p>Short teaser text.</p></div>`,
      ),
    );
    expect(densestBlock(document.body!)?.getAttribute('id')).toBe('story');
  });

  it('counts text kept in a <div> with <br>s, not only <p>s', () => {
    const document = parseHtmlDocument(
      page(`<div id="nav"><div><a href="/">Home</a></div></div><div id="main"><div>${LONG}<br><br>${LONG}</div></div>`),
    );
    expect(densestBlock(document.body!)?.getAttribute('id')).toBe('main');
  });
});

describe('extractMainText', () => {
  it('reports which method found the text', () => {
    expect(extractMainText(page(`<article><p>${LONG}</p><p>${LONG}</p></article>`)).method).toBe('readability');
  });

  it('gives an empty text for a page of links only', () => {
    expect(extractArticleText(page('<nav><a href="/">Home</a></nav><ul class="menu"><li><a href="/a">A</a></li></ul>'))).toBe('');
  });
});
