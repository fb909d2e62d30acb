import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIV3 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { openStore } from '../../src/store/open-store.js';
import { freshStoreTarget } from '../support/test-store.js';
import { startTestApi, type TestApi } from './api-fixture.js';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** The policy as a list of directives: whitespace after ";" does not matter to browsers. */
const directives = (header: string | string[] | null | undefined): string[] => String(header ?? '').split(';').map((d) => d.trim()).filter(Boolean);

const ROUTES = [
  'GET /api/health',
  'GET /api/stats',
  'GET /api/articles',
  'GET /api/articles/{id}',
  'GET /api/search',
  'GET /api/find',
  'GET /api/actors',
  'GET /api/actors/{id}',
  'GET /api/actors/corrections',
  'POST /api/actors/corrections',
  'POST /api/actors/corrections/undo',
  'GET /api/places',
  'GET /api/timeline',
  'GET /api/events',
  'GET /api/events/{id}',
  'GET /api/quotes',
  'GET /api/network',
  'GET /api/records',
  'GET /api/repeats',
  'GET /api/records/{id}',
  'GET /api/outlets',
  'GET /api/review',
  'POST /api/review/{id}',
  'POST /api/review/undo',
  'POST /api/ingest',
];

let api: TestApi;
let web: string;
beforeAll(async () => {
  web = mkdtempSync(join(tmpdir(), 'dossier-web-'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Dossier</title><div id="app"></div><script type="module" src="/assets/app.js"></script>\n');
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'assets', 'app.js'), 'export const app = 1;\n');
  api = await startTestApi({ webRoot: web });
});
afterAll(async () => {
  await api?.close();
  rmSync(web, { recursive: true, force: true });
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3 and lists every route with its parameters and a 200 response schema', async () => {
    const res = await api.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as OpenAPIV3.Document;
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    const listed = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item ?? {}).filter((k) => ['get', 'post', 'put', 'delete', 'patch'].includes(k)).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(listed.sort()).toEqual([...ROUTES].sort());
    for (const route of ROUTES) {
      const [method, path] = route.split(' ') as [string, string];
      const op = (doc.paths[path] as Record<string, OpenAPIV3.OperationObject>)[method.toLowerCase()]!;
      const ok = op.responses['200'] as OpenAPIV3.ResponseObject;
      expect(ok.content?.['application/json']?.schema, route).toBeDefined();
      // Path parameters are declared, and every operation is described.
      for (const name of path.match(/\{(\w+)\}/g) ?? []) {
        expect((op.parameters as OpenAPIV3.ParameterObject[]).some((p) => p.in === 'path' && `{${p.name}}` === name), route).toBe(true);
      }
      if (method === 'POST') expect(op.security, route).toEqual([{ bearer: [] }]);
    }
    const events = (doc.paths['/api/events']!.get!.parameters as OpenAPIV3.ParameterObject[]).map((p) => p.name);
    expect(events).toEqual(expect.arrayContaining(['limit', 'offset', 'actor', 'code', 'plover', 'place', 'bbox', 'from', 'to', 'outlet', 'modality', 'minConfidence', 'all']));
    expect(doc.components?.securitySchemes).toHaveProperty('bearer');
  });
});

describe('security headers and the web app', () => {
  it('serves index.html at / with the strict CSP', async () => {
    const res = await api.app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<div id="app">');
    expect(directives(res.headers['content-security-policy'])).toEqual(directives(CSP));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('falls back to index.html for page URLs, serves assets, and keeps /api and missing files 404', async () => {
    const page = await api.app.inject('/actors/irq-pmu?from=2020-05');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="app">');
    expect(directives(page.headers['content-security-policy'])).toEqual(directives(CSP));
    const asset = await api.app.inject('/assets/app.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toContain('export const app');
    for (const url of ['/assets/missing.js', '/api/missing', '/api']) {
      const res = await api.app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('DOSSIER_NOT_FOUND');
    }
    expect((await api.app.inject({ method: 'POST', url: '/somewhere' })).statusCode).toBe(404);
  });

  it('puts the CSP on API answers too', async () => {
    expect(directives((await api.app.inject('/api/health')).headers['content-security-policy'])).toEqual(directives(CSP));
  });

  it('answers an address it cannot decode with the contract error and every security header of an ordinary answer', async () => {
    const ordinary = (await api.app.inject('/api/health')).headers;
    const shared = Object.keys(ordinary).filter((h) => !['content-type', 'content-length', 'date', 'connection', 'etag', 'cache-control'].includes(h));
    expect(shared).toEqual(expect.arrayContaining(['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy']));
    for (const url of ['/api/articles/%E0%A4%A', '/api/%E0%A4%A', '/actor/%E0%A4%A']) {
      const res = await api.app.inject(url);
      expect(res.statusCode, url).toBe(url.startsWith('/api') ? 400 : 302);
      for (const h of shared) expect(res.headers[h], `${url} ${h}`).toBe(ordinary[h]);
      if (url.startsWith('/api')) expect(res.json().error.code).toBe('DOSSIER_USAGE');
    }
  });
});

describe('blank page parameters', () => {
  it('reads limit= and offset= left blank as not given, not as 0', async () => {
    const given = (await api.app.inject('/api/articles')).json() as { items: unknown[]; limit: number; offset: number };
    for (const url of ['/api/articles?limit=', '/api/articles?limit=&offset=', '/api/timeline?limit=', '/api/search?q=said&limit=']) {
      const res = await api.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      const body = res.json() as { items: unknown[]; limit: number; offset: number };
      expect(body.items.length, url).toBeGreaterThan(0);
      expect([body.limit, body.offset], url).toEqual(url.includes('search') ? [20, 0] : [given.limit, given.offset]);
    }
  });
});

describe('hostile ingested text', () => {
  it('comes back as plain JSON strings, never as HTML', async () => {
    const list = (await api.app.inject('/api/articles?from=2021')).json() as { items: Array<{ id: string; title: string; author: string | null; url: string | null }> };
    expect(list.items).toHaveLength(3);
    const notice = list.items.find((a) => a.title.includes('<script>'))!;
    expect(notice.title).toBe("Quay notice <script>alert('title')</script> taken down");
    expect(notice.url).toBeNull();
    const res = await api.app.inject(`/api/articles/${notice.id}`);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const raw = res.body;
    // The markup travels as JSON string data, exactly as ingested: quotes escaped, nothing rewritten.
    expect(raw).toContain(`<script>alert('body')</script>`);
    expect(raw).toContain(`<a href=\\"javascript:alert('link')\\">`);
    const article = res.json() as { text: string; author: string };
    expect(article.text).toContain("<img src=x onerror=alert('img')>");
    expect(article.author).toContain('onerror=');
    const html = list.items.find((a) => a.title === 'Harbour council vote delayed')!;
    const page = (await api.app.inject(`/api/articles/${html.id}`)).json() as { text: string };
    expect(page.text).toContain('javascript:alert(document.cookie)');
    expect(page.text).not.toContain('<script');
    const hits = (await api.app.inject('/api/search?q=notice')).json() as { items: Array<{ title: string }> };
    expect(hits.items.map((h) => h.title)).toContain(notice.title);
  });
});

describe('errors', () => {
  it('answers 500 with a generic message and no stack when the store fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-broken-'));
    const store = await openStore(await freshStoreTarget('broken'));
    const app = await buildServer({ store });
    await store.destroy();
    const res = await app.inject('/api/stats');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'DOSSIER_INTERNAL', message: expect.any(String) } });
    expect(res.body).not.toMatch(/destroy|kysely|\.ts|at /i);
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('listening for real', () => {
  it('serves /api/health on 127.0.0.1 with port 0, then closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-listen-'));
    const store = await openStore(await freshStoreTarget('listen'));
    const app = await buildServer({ store });
    try {
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${address}/api/health`);
      expect(res.status).toBe(200);
      expect(directives(res.headers.get('content-security-policy'))).toEqual(directives(CSP));
      expect(await res.json()).toMatchObject({ ok: true });
    } finally {
      await app.close();
      await store.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
