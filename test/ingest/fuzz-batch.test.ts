import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { ingestFiles, readInputFile } from '../../src/pipeline/ingest-files.js';
import { dialectOf } from '../../src/store/dialect.js';
import { openTestStore } from '../support/test-store.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
/** Good inputs of each reader, mutated below. */
const SEEDS = ['feeds/example-wire.rss.xml', 'feeds/northern-ledger.atom.xml', 'jsonl/mixed.jsonl', 'reuters/invented-wire.sgm', 'html/northern-ledger-article.html', 'text/plain-title.txt', 'queue/wire-digest.txt'].map((f) => join(FIXTURES, f));
/** Formats that reject record by record (a digest article by article): a bad file may have an error line per bad record. */
const BY_RECORD = /\.(jsonl|sgm|xml)$|digest/;
/** The text stages only: this is about reading, and the models take seconds to load. */
const analyzer = createAnalyzer();

/** The ways a file arrives broken, each a function of the good bytes and a random source. */
const MUTATION = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }), bits: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('nul' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('bad-utf8' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.constantFrom(0x80, 0xc3, 0xff, 0xfe, 0xed) }),
  fc.constant({ kind: 'utf16' as const }),
  fc.constant({ kind: 'cr' as const }),
  fc.constant({ kind: 'crlf' as const }),
  fc.record({ kind: fc.constant('nesting' as const), depth: fc.integer({ min: 1000, max: 20000 }) }),
  fc.record({ kind: fc.constant('entities' as const), count: fc.integer({ min: 1000, max: 50000 }) }),
  fc.record({ kind: fc.constant('gzip-bomb' as const), megabytes: fc.integer({ min: 2, max: 8 }) }),
);
type Mutation = typeof MUTATION extends fc.Arbitrary<infer M> ? M : never;

function mutate(good: Buffer, m: Mutation): Buffer {
  const pos = (at: number): number => Math.min(good.length - 1, Math.floor(at * good.length));
  switch (m.kind) {
    case 'truncate':
      return good.subarray(0, pos(m.at));
    case 'flip': {
      const out = Buffer.from(good);
      for (const at of m.at) out[pos(at)]! ^= m.bits;
      return out;
    }
    case 'nul':
      return Buffer.concat([good.subarray(0, pos(m.at)), Buffer.from([0]), good.subarray(pos(m.at))]);
    case 'bad-utf8':
      return Buffer.concat([good.subarray(0, pos(m.at)), Buffer.from([m.byte]), good.subarray(pos(m.at))]);
    case 'utf16':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good.toString('utf8'), 'utf16le')]);
    case 'cr':
      return Buffer.from(good.toString('utf8').replace(/\r?\n/g, '\r'));
    case 'crlf':
      return Buffer.from(good.toString('utf8').replace(/\r?\n/g, '\r\n'));
    case 'nesting':
      return Buffer.from(`<html><body>${'<div>'.repeat(m.depth)}Deep text of Example Wire.${'</div>'.repeat(m.depth)}</body></html>`);
    case 'entities':
      return Buffer.from(`<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">]><rss version="2.0"><channel><title>Example Wire</title><item><title>Echo</title><description>${'&a;'.repeat(m.count)}</description></item></channel></rss>`);
    case 'gzip-bomb':
      return gzipSync(Buffer.alloc(m.megabytes * 1024 * 1024, 0x61));
  }
}

describe('a batch of mutated inputs among good ones (fast-check)', () => {
  it('never crashes or hangs, names each bad file in at most one error, stores every good file, keeps the store sound', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-fuzz-'));
    // What each good seed stores alone: the batch must store at least these.
    const alone = await Promise.all(SEEDS.map((s) => readInputFile(s)));
    const goodTitles = new Set(alone.flatMap((r) => r.articles.map((a) => a.title)));
    // A seed may reject a record of its own on purpose (an item with no text): the batch gives the same.
    const seedErrors = new Map(SEEDS.map((s, i) => [s, alone[i]!.rejected.map((e) => e.message)]));
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: SEEDS.length - 1 }), MUTATION), { minLength: 4, maxLength: 8 }), async (mutations) => {
        round++;
        const files = mutations.map(([seed, m], n) => {
          const name = `r${round}-${n}-${m.kind}-${basename(SEEDS[seed]!)}${m.kind === 'gzip-bomb' ? '.gz' : ''}`;
          const path = join(dir, name);
          writeFileSync(path, mutate(readFileSync(SEEDS[seed]!), m));
          return path;
        });
        const store = await openTestStore(`fuzz-${round}`);
        try {
          // Limits small enough that a bomb is refused: inflating stops at 1 MiB.
          const summary = await ingestFiles(store, [...SEEDS, ...files], { analyzer, limits: { maxInputBytes: 1024 * 1024 } });
          expect(summary.storageError).toBeNull();
          for (const f of [...SEEDS, ...files]) {
            // One error line per bad file at most, except for record formats that reject record by record.
            const errors = summary.errors.filter((e) => e.location.file === f);
            if (!BY_RECORD.test(basename(f))) expect(errors.length, f).toBeLessThanOrEqual(1);
            for (const e of errors) expect(e.message.startsWith(f), e.message).toBe(true);
          }
          for (const seed of SEEDS) expect(summary.errors.filter((e) => e.location.file === seed).map((e) => e.message), seed).toEqual(seedErrors.get(seed));
          const stored = new Set((await store.selectFrom('articles').select('title').execute()).map((r) => r.title));
          for (const t of goodTitles) expect(stored.has(t), t).toBe(true);
          if (dialectOf(store) === 'sqlite') {
            const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(store);
            expect(check.rows.map((r) => r.integrity_check)).toEqual(['ok']);
          }
        } finally {
          await store.destroy();
        }
      }),
      { numRuns: 24, seed: 20, endOnFailure: true },
    );
  }, 170_000);
});
