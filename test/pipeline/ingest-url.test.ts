import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import { findArticles } from '../../src/store/articles-repository.js';
import { openTestStore } from '../support/test-store.js';

const FEED = readFileSync(join(__dirname, '../fixtures/feeds/example-wire.rss.xml'));

describe('ingesting a feed from a URL', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/feed.xml') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(FEED);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads the items, records the URL as the source, and names a failing URL', async () => {
    const store = await openTestStore('url');
    const summary = await ingestFiles(store, [`${base}/feed.xml`, `${base}/missing.xml`]);
    expect(summary.articlesNew).toBeGreaterThan(0);
    // The fixture holds one deliberately empty item, rejected on its own line.
    expect(summary.errors.map((e) => e.code).sort()).toEqual(['DOSSIER_INPUT_BAD_RECORD', 'DOSSIER_INPUT_FETCH_FAILED']);
    expect(summary.errors.find((e) => e.code === 'DOSSIER_INPUT_FETCH_FAILED')!.message).toMatch(/missing\.xml: HTTP 404/);
    const rows = await findArticles(store, {});
    expect(rows.every((r) => r.source.file === `${base}/feed.xml` && r.source.reader === 'rss')).toBe(true);
    await store.destroy();
  });
});
