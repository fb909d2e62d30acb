import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storedSourcePath } from '../../src/ingest/stored-source-path.js';
import { readInputFile } from '../../src/pipeline/ingest-files.js';

describe('storedSourcePath', () => {
  it('keeps a path inside the working folder relative, and only the name of one outside it', () => {
    expect(storedSourcePath('/srv/news/in/wire.txt', '/srv/news')).toBe('in/wire.txt');
    expect(storedSourcePath('in/wire.txt', '/srv/news')).toBe('in/wire.txt');
    expect(storedSourcePath('./in/../wire.txt', '/srv/news')).toBe('wire.txt');
    expect(storedSourcePath('/home/someone/private/wire.txt', '/srv/news')).toBe('wire.txt');
    expect(storedSourcePath('../elsewhere/wire.txt', '/srv/news')).toBe('wire.txt');
    expect(storedSourcePath('..data/wire.txt', '/srv/news')).toBe('..data/wire.txt');
  });

  it('keeps URLs and stdin as they are', () => {
    expect(storedSourcePath('https://example.org/feed.xml', '/srv')).toBe('https://example.org/feed.xml');
    expect(storedSourcePath('-', '/srv')).toBe('-');
  });
});

describe('provenance of a file read from outside the working folder', () => {
  it('stores no absolute path, by default or with the name an upload was sent under', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-stored-'));
    const file = join(dir, 'notice.txt');
    writeFileSync(file, 'Quay reopens\n\nThe port of Saltmere reopened its quay, Example Wire said.\n');
    const plain = await readInputFile(file);
    expect(plain.articles.map((a) => a.provenance.file)).toEqual(['notice.txt']);
    const sent = await readInputFile(file, { storedName: () => 'sent-as.txt' });
    expect(sent.articles.map((a) => a.provenance.file)).toEqual(['sent-as.txt']);
  });
});
