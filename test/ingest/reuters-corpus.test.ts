import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { needsFiles } from '../support/prerequisites.js';
import { reutersReader } from '../../src/ingest/reuters-reader.js';
import type { SourceText } from '../../src/ingest/source-text.js';
import { sourceFromFile } from './reader-fixtures.js';

// The whole Reuters-21578 collection, beside the project in ../shared; CI has it.
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/reuters21578/', import.meta.url));

describe('reutersReader on the whole Reuters-21578 collection', needsFiles(CORPUS), () => {
  it('reads 21,578 records, each NEWID once', () => {
    const names = readdirSync(CORPUS)
      .filter((name) => /^reut2-\d{3}\.sgm$/.test(name))
      .sort();
    expect(names).toHaveLength(22);
    const sources: SourceText[] = names.map((name) => sourceFromFile(CORPUS + name));

    const started = performance.now();
    const results = sources.map((source) => reutersReader.read(source));
    const seconds = (performance.now() - started) / 1000;

    const articles = results.flatMap((r) => r.articles);
    const rejected = results.flatMap((r) => r.rejected);
    const bytes = sources.reduce((sum, s) => sum + s.byteAt(s.text.length), 0);
    console.log(
      `reuters-corpus: ${articles.length} articles, ${rejected.length} rejected, ` +
        `${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s ` +
        `(${Math.round((articles.length + rejected.length) / seconds)} records/s)`,
    );

    expect(articles.length + rejected.length).toBe(21_578);
    const ids = new Set(articles.map((a) => a.extra.newId));
    expect(ids.size).toBe(articles.length);
    for (const id of ids) expect(id).toSatisfy((n: unknown) => typeof n === 'number' && n >= 1 && n <= 21_578);

    // The one stray 0xFC byte of reut2-017.sgm, and one UNPROC record with nothing in it.
    expect(rejected.map((e) => e.code).sort()).toEqual(['DOSSIER_INPUT_BAD_RECORD', 'DOSSIER_INPUT_BAD_UTF8']);
    expect(rejected.find((e) => e.code === 'DOSSIER_INPUT_BAD_UTF8')?.location.file).toMatch(/reut2-017\.sgm$/);

    expect(articles.every((a) => a.date?.precision === 'day' && a.outlet === 'Reuters')).toBe(true);
    expect(articles.filter((a) => a.extra.textType === 'BRIEF' && a.text === '').length).toBe(1_798);
  });
});
