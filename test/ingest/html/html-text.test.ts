import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/ingest/html/html-text.js';

describe('htmlToText', () => {
  it('makes one paragraph of each block and joins them with a blank line', () => {
    const html =
      '<h2>Harbour reopens</h2><p>The Example Wire reports that the <b>north</b> quay opened.</p>' +
      '<ul><li>Ferries resume</li><li>Cranes idle</li></ul><blockquote>We are ready.</blockquote>';
    expect(htmlToText(html)).toBe(
      'Harbour reopens\n\nThe Example Wire reports that the north quay opened.\n\nFerries resume\n\nCranes idle\n\nWe are ready.',
    );
  });

  it('breaks paragraphs at <br> and table rows, and keeps cells apart on a row', () => {
    expect(htmlToText('Line one<br>Line two<br/>Line three')).toBe('Line one\n\nLine two\n\nLine three');
    expect(htmlToText('<table><tr><td>Pier</td><td>4</td></tr><tr><td>Dock</td><td>7</td></tr></table>')).toBe(
      'Pier 4\n\nDock 7',
    );
  });

  it('collapses inline whitespace, including no-break spaces, and joins adjacent inline runs', () => {
    expect(htmlToText('<p>  The\n   council&nbsp;&nbsp;met\t<span>on</span><span>ce</span>.  </p>')).toBe(
      'The council met once.',
    );
  });

  it('decodes named and numeric character references', () => {
    expect(htmlToText('<p>Caf&eacute; &amp; bar &#8212; &#x2018;open&#x2019; &lt;3</p>')).toBe(
      'Café & bar — ‘open’ <3',
    );
  });

  it('drops scripts, styles, noscript, templates, iframes and hidden blocks', () => {
    const html =
      '<p>Kept.</p><script>document.write("no")</script><style>p{color:red}</style>' +
      '<noscript>Enable JS</noscript><template><p>Later</p></template><iframe src="x">frame</iframe>' +
      '<div hidden>Hidden</div><div style="display: none">Gone</div><p>Also kept.</p>';
    expect(htmlToText(html)).toBe('Kept.\n\nAlso kept.');
  });

  it('keeps link text but never an attribute or a tag', () => {
    const html =
      '<p onclick="steal()">Read <a href="javascript:alert(1)">the report</a>' +
      '<img src="x" onerror="alert(2)" alt="chart">.</p>';
    expect(htmlToText(html)).toBe('Read the report.');
  });

  it('turns doubly escaped markup into text as well', () => {
    expect(htmlToText('&lt;p&gt;Tide &amp;amp; wind&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;')).toBe('Tide & wind');
    expect(htmlToText('<p>&lt;p&gt;First&lt;/p&gt;&lt;p&gt;Second&lt;/p&gt;</p>')).toBe('First\n\nSecond');
  });

  it('keeps the blank-line paragraphs of plain text', () => {
    expect(htmlToText('First  line\nwraps.\n\n\nSecond &amp; last.')).toBe('First line wraps.\n\nSecond & last.');
  });

  it('returns an empty string for empty or markup-only input', () => {
    expect(htmlToText('')).toBe('');
    expect(htmlToText('<div><script>x</script><br></div>')).toBe('');
  });

  it('keeps angle brackets that do not make an HTML tag', () => {
    expect(htmlToText('<p>The show &lt;Harbour Lights&gt; opens; 3 &lt; 4.</p>')).toBe('The show <Harbour Lights> opens; 3 < 4.');
  });

  it('never returns an HTML tag, whatever the input', () => {
    const piece = fc.constantFrom(
      '<p>', '</p>', '<div>', '<b>', 'text', ' ', '&lt;', '&gt;', '&amp;', '<script>', '</script>',
      '<br>', 'a=b', '"', "'", '<a href="x">', '</a>', '&lt;i&gt;', '<!--', '-->',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = htmlToText(pieces.join(''));
        expect(text).not.toMatch(/<\/?(?:p|div|b|i|a|br|script)(?:\s[^<>]*)?\/?>/i);
        expect(text).not.toMatch(/\n{3}|^\s|\s$/);
      }),
      { numRuns: 300 },
    );
  });
});
