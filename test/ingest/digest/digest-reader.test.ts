import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseByline } from '../../../src/ingest/digest/02-bylines.js';
import { digestReader } from '../../../src/ingest/digest/digest-reader.js';
import { loadInput } from '../../../src/ingest/load-input.js';
import { createSourceText } from '../../../src/ingest/source-text.js';

const read = (text: string) => digestReader.read(createSourceText('digest.txt', 'digest.txt', text));

describe('parseByline', () => {
  it.each([
    ['Example Wire – June 3, 2024', null, 'Example Wire', '2024-06-03'],
    ['Example Wire — 3 June 2024', null, 'Example Wire', '2024-06-03'],
    ['Example Wire - June 3, 2024', null, 'Example Wire', '2024-06-03'],
    ['By Mara Quill | Northern Ledger | May 28, 2024', 'Mara Quill', 'Northern Ledger', '2024-05-28'],
    ['By Mara Quill – Northern Ledger – 28.05.2024', 'Mara Quill', 'Northern Ledger', '2024-05-28'],
    ['By Mara Quill – Northern Ledger – 05/28/2024', 'Mara Quill', 'Northern Ledger', '2024-05-28'],
    ['Northern Ledger | May 28, 2024', null, 'Northern Ledger', '2024-05-28'],
    ['Northern Ledger | 2024-05-28', null, 'Northern Ledger', '2024-05-28'],
  ])('%s', (line, author, outlet, date) => {
    const b = parseByline(line);
    expect(b).not.toBeNull();
    expect([b!.author, b!.outlet]).toEqual([author, outlet]);
    expect(b!.date.kind === 'certain' ? b!.date.reading.value : null).toBe(date);
  });

  it.each([
    'Coalition Closing Bases in Saltmere After Attacks – Reports',
    'Ferry operator warns of delays on island routes',
    'The minister said – and repeated – that talks would resume on May 3, 2024.',
  ])('is not a byline: %s', (line) => {
    expect(parseByline(line)).toBeNull();
  });
});

describe('digestReader', () => {
  const digest = [
    'Quay reopens after collapse',
    'Example Wire – June 3, 2024',
    'The port of Saltmere reopened its northern quay on Monday after a crane collapse.',
    'Inquiry demands grow',
    'Two councillors called for an inquiry on Tuesday, citing a failed inspection.',
    'Ferry delays expected – Reports',
    'By Ada Lorn – Harbor Times – 04.05.2024',
    'Ferries will run late while the quay stays closed, the operator said.',
    'Ada Lorn is a transport reporter at the Harbor Times.',
    'Grain prices steady',
    'By Ivo Park | Northern Ledger | April 30, 2024',
    'Grain prices held steady on Tuesday as harvest forecasts improved.',
  ].join('\n');

  it('splits at bylines, keeps subheadings and " – " headlines, and sets the bio apart', () => {
    const { articles } = read(digest);
    expect(articles.map((a) => [a.title, a.outlet, a.author])).toEqual([
      ['Quay reopens after collapse', 'Example Wire', null],
      ['Ferry delays expected – Reports', 'Harbor Times', 'Ada Lorn'],
      ['Grain prices steady', 'Northern Ledger', 'Ivo Park'],
    ]);
    expect(articles[0]!.text).toContain('Inquiry demands grow');
    expect(articles[0]!.headings).toHaveLength(1);
    expect(articles[1]!.authorBio).toBe('Ada Lorn is a transport reporter at the Harbor Times.');
    expect(articles[1]!.text).not.toContain('transport reporter');
  });

  it('resolves an ambiguous numeric date by the digest order and says why', () => {
    const { articles } = read(digest);
    // 04.05.2024 between June 3 and April 30 (newest first) can only be 4 May.
    expect(articles[1]!.date!.value).toBe('2024-05-04');
    expect(articles[1]!.date!.reason).toMatch(/newest-first/);
  });

  it('records provenance lines and maps text back to source bytes', () => {
    const { articles } = read(digest);
    expect([articles[1]!.provenance.startLine, articles[1]!.provenance.endLine]).toEqual([6, 9]);
    const bytes = Buffer.from(digest);
    for (const a of articles) {
      for (const run of a.sourceRuns) {
        const fromSource = bytes.subarray(run.sourceByte, run.sourceByte + Buffer.byteLength(a.text.slice(run.textStart, run.textStart + run.length))).toString();
        expect(fromSource).toBe(a.text.slice(run.textStart, run.textStart + run.length));
      }
    }
  });

  it('never throws and never loses a body line (property)', () => {
    const line = fc.oneof(
      fc.constantFrom('Example Wire – June 3, 2024', 'By A B | Example Wire | 05/06/2024', 'Short heading', '', '   '),
      fc.string({ maxLength: 80 }).map((s) => s.replace(/\n/g, ' ')),
      fc.lorem({ maxCount: 30 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const text = lines.join('\n');
        const { articles } = read(text);
        const kept = articles.flatMap((a) => [a.title, ...a.text.split('\n\n'), a.authorBio ?? '']).join('\n');
        // Every non-blank line is somewhere: as a title, a body line, a byline, or a bio.
        for (const l of lines) {
          if (l.trim() === '' || parseByline(l)) continue;
          expect(kept.includes(l.trim()) || kept.includes(l)).toBe(true);
        }
        // And each body line lands in exactly one article.
        const bodyLines = articles.flatMap((a) => (a.text === '' ? [] : a.text.split('\n\n')));
        const provenanceLines = articles.reduce((n, a) => n + a.sourceRuns.length, 0);
        expect(bodyLines.length).toBe(provenanceLines);
      }),
      { numRuns: 300 },
    );
  });
});

describe('digest bytes and line endings', () => {
  const stories = [
    'Quay reopens after collapse',
    'Example Wire – June 3, 2024',
    'The port of Saltmere reopened its northern quay on Monday.',
    '',
    'Ferry delays expected',
    'By Ada Lorn – Harbor Times – June 2, 2024',
    'Ferries will run late while the quay stays closed.',
    '',
    'Grain prices steady',
    'By Ivo Park | Northern Ledger | June 1, 2024',
    'Grain prices held steady on Tuesday.',
  ];

  it('rejects only the article that holds a byte that is not UTF-8, naming its line', () => {
    const [before, after] = stories.join('\n').split('Ferries will');
    const bytes = Buffer.concat([Buffer.from(before!), Buffer.from([0xff]), Buffer.from(`Ferries will${after}\n`)]);
    const { articles, rejected } = digestReader.read(loadInput('digest.txt', bytes));
    expect(articles.map((a) => a.title)).toEqual(['Quay reopens after collapse', 'Grain prices steady']);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.message).toMatch(/^digest\.txt:7: invalid UTF-8 at byte \d+/);
  });

  it('reads CR-only line endings as lines, with the same articles and byte offsets as LF', () => {
    const lf = loadInput('digest.txt', Buffer.from(stories.join('\n')));
    const cr = loadInput('digest.txt', Buffer.from(stories.join('\r')));
    const crlf = loadInput('digest.txt', Buffer.from(stories.join('\r\n')));
    const titles = (source: typeof lf) => digestReader.read(source).articles.map((a) => [a.title, a.provenance.startLine, a.text]);
    expect(titles(cr)).toEqual(titles(lf));
    expect(titles(crlf)).toEqual(titles(lf));
    expect(digestReader.read(cr).articles.map((a) => a.provenance.startByte)).toEqual(digestReader.read(lf).articles.map((a) => a.provenance.startByte));
  });
});
