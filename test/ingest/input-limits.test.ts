import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_INPUT_LIMITS, MAX_ANALYSED_ARTICLE_CHARS, cutArticle } from '../../src/ingest/input-limits.js';
import { loadInput } from '../../src/ingest/load-input.js';
import type { RawArticle } from '../../src/ingest/raw-article.js';
import { createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import { findArticles, getArticle } from '../../src/store/articles-repository.js';
import type { Store } from '../../src/store/open-store.js';
import { openTestStore } from '../support/test-store.js';

const dir = mkdtempSync(join(tmpdir(), 'dossier-limits-'));
const write = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const story = (n: number, body = `Body of story ${n}, as Example Wire told it.`): string => `Story ${n}\nExample Wire – June ${n}, 2024\n${body}\n`;
/** The text stages only: these tests are about reading, and the full knowledge takes seconds to load. */
const analyzer = createAnalyzer();

let store: Store | undefined;
afterEach(async () => {
  await store?.destroy();
  store = undefined;
});

describe('the input limits', () => {
  it('refuse a gzip that expands past the input limit while inflating, and the batch goes on', async () => {
    const bomb = write('bomb.txt.gz', gzipSync(Buffer.alloc(8 * 1024 * 1024, 'a')));
    const good = write('good.txt', story(1));
    store = await openTestStore('limits-gzip');
    const s = await ingestFiles(store, [bomb, good], { analyzer, limits: { maxInputBytes: 1024 * 1024 } });
    expect(s.errors.map((e) => [e.code, e.message])).toEqual([
      ['DOSSIER_INPUT_TOO_LARGE', `${bomb}: the gzip data expands to more bytes than allowed (limit 1048576 bytes; raise it with --max-input-bytes)`],
    ]);
    expect(s.articlesNew).toBe(1);
  });

  it('refuse a file larger than the limit before reading it', () => {
    const big = write('big.txt', story(2, 'word '.repeat(1000)));
    expect(() => loadInput(big, undefined, { ...DEFAULT_INPUT_LIMITS, maxInputBytes: 1000 })).toThrow(/big\.txt: the file is \d+ bytes \(limit 1000 bytes; raise it with --max-input-bytes\)/);
  });

  it('refuse a line longer than the limit, naming its line', async () => {
    const long = write('long-line.txt', `${story(3)}\nx${'y'.repeat(300_000)}\n`);
    const good = write('good2.txt', story(4));
    store = await openTestStore('limits-line');
    const s = await ingestFiles(store, [long, good], { analyzer, limits: { maxLineBytes: 100_000 } });
    expect(s.errors.map((e) => e.message)).toEqual([`${long}:5: line 5 is 300001 bytes long (limit 100000; raise it with --max-line-bytes)`]);
    expect(s.errors[0]!.code).toBe('DOSSIER_INPUT_LINE_TOO_LONG');
    expect(s.articlesNew).toBe(1);
  });

  it('keep the 45 MB single line of the report out by default', () => {
    const line = write('one-line.txt', Buffer.alloc(DEFAULT_INPUT_LIMITS.maxLineBytes + 1, 'z'));
    expect(() => loadInput(line)).toThrow(`line 1 is ${DEFAULT_INPUT_LIMITS.maxLineBytes + 1} bytes long`);
  });

  it('cut an article past the length limit, with one warning, and store the rest', async () => {
    const sentences = Array.from({ length: 400 }, (_, i) => `Sentence ${i} of a very long report from Example Wire.`).join(' ');
    const long = write('long-article.txt', story(5, sentences));
    store = await openTestStore('limits-article');
    const s = await ingestFiles(store, [long], { analyzer, limits: { maxArticleChars: 5000 } });
    expect(s.errors).toEqual([]);
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toMatch(new RegExp(`^${long.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: article "Story 5" is ${sentences.length} characters long; cut to its first \\d+ \\(limit 5000; raise it with --max-article-chars\\)$`));
    const [listed] = await findArticles(store, {});
    const text = (await getArticle(store, listed!.id))!.text;
    expect(text.length).toBeLessThanOrEqual(5000 + 'Story 5\n\n'.length);
    expect(text.length).toBeGreaterThan(4000);
    expect(text.trimEnd().endsWith('Wire.')).toBe(true);
  });

  it('refuse an article the cut was raised past the analysis ceiling, by name, and store the rest of its file', async () => {
    // Two stories in one digest: the first about 1.2 million characters of the same sentence.
    const sentence = 'The ferry to Saltmere ran late again, Example Wire reported. ';
    const body = sentence.repeat(Math.ceil((MAX_ANALYSED_ARTICLE_CHARS * 1.2) / sentence.length));
    const digest = write('huge-article.txt', `${story(6, body)}
${story(7)}`);
    store = await openTestStore('limits-ceiling');
    const s = await ingestFiles(store, [digest], { analyzer, limits: { maxArticleChars: 2 * MAX_ANALYSED_ARTICLE_CHARS } });
    expect(s.errors.map((e) => e.code)).toEqual(['DOSSIER_INPUT_ARTICLE_TOO_LONG']);
    expect(s.errors[0]!.message).toMatch(
      new RegExp(`^${digest.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: article "Story 6" is \\d+ characters long, past the 1000000 one article may have to be analysed within the memory bound; cut it with --max-article-chars 1000000 or less$`),
    );
    expect(s.warnings).toEqual([]);
    expect((await findArticles(store, {})).map((a) => a.title)).toEqual(['Story 7']);
    // With the default cut the same file goes in whole, the long story cut with a warning.
    const again = await ingestFiles(store, [digest], { analyzer });
    expect(again.errors).toEqual([]);
    expect(again.warnings).toHaveLength(1);
    expect(again.articlesNew).toBe(1);
  });

  it('refuse a file of more articles than the limit', async () => {
    const many = write('many.txt', [1, 2, 3, 4].map((n) => story(10 + n)).join(''));
    store = await openTestStore('limits-many');
    const s = await ingestFiles(store, [many], { analyzer, limits: { maxArticlesPerFile: 3 } });
    expect(s.errors.map((e) => e.message)).toEqual([`${many}: 4 articles in one file (limit 3; split the file or raise it with --max-articles-per-file)`]);
  });

  it('read only regular files: a FIFO or /dev/zero is named, not waited on or read for ever', async () => {
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const good = write('good3.txt', story(20));
    store = await openTestStore('limits-fifo');
    const s = await ingestFiles(store, [fifo, '/dev/zero', good], { analyzer });
    expect(s.errors.map((e) => e.message)).toEqual([fifo, '/dev/zero'].map((f) => `${f}: not a regular file (a folder, FIFO, socket or device is not read)`));
    expect(s.articlesNew).toBe(1);
  });
});

describe('cutArticle', () => {
  const raw = (text: string): RawArticle => ({
    title: 'T',
    outlet: null,
    author: null,
    date: null,
    url: null,
    text,
    headings: [
      { start: 0, end: 4 },
      { start: 20, end: 30 },
    ],
    authorBio: null,
    provenance: { file: 'f', startLine: 1, endLine: 1, startByte: 0, endByte: text.length, reader: 'text' },
    sourceRuns: [
      { textStart: 0, length: 12, sourceByte: 0 },
      { textStart: 12, length: 30, sourceByte: 12 },
    ],
    extra: {},
  });

  it('leaves a short article as it is, and cuts a long one at a word with its headings and runs', () => {
    const short = raw('short text');
    expect(cutArticle(short, 100)).toBe(short);
    const cut = cutArticle(raw('Head one two three four five six seven eight nine'), 20);
    expect(cut.text).toBe('Head one two three');
    expect(cut.headings).toEqual([{ start: 0, end: 4 }]);
    expect(cut.sourceRuns).toEqual([
      { textStart: 0, length: 12, sourceByte: 0 },
      { textStart: 12, length: 6, sourceByte: 12 },
    ]);
  });

  it('never splits a surrogate pair', () => {
    expect(cutArticle(raw(`${'x'.repeat(9)}😀😀`), 10).text).toBe('x'.repeat(9));
  });
});
