import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isErrorCode } from '../../src/errors.js';
import { startTestApi, type TestApi } from './api-fixture.js';

/*
 * The API's part of the fuzz suite (issue 20): any query string a careless or hostile client can
 * send to a read route is answered, in bounded time, with a page (200), a usage error naming
 * what is wrong (400), a 404, or a 503 naming a budget, never a crash (500), and always as the
 * contract's JSON with the security headers of an ordinary answer. The ingest side is
 * test/ingest/fuzz-batch.test.ts.
 */

/** Each read route, with the parameters it reads; ids that exist are filled in from the store. */
const ROUTES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['/api/articles', ['limit', 'offset', 'outlet', 'author', 'from', 'to', 'sort']],
  ['/api/articles/{article}', ['missing']],
  ['/api/search', ['q', 'limit']],
  ['/api/find', ['q', 'limit']],
  ['/api/actors', ['limit', 'offset', 'name', 'type', 'country']],
  ['/api/actors/{actor}', []],
  ['/api/places', ['limit', 'offset', 'name', 'country', 'precision']],
  ['/api/timeline', ['limit', 'offset', 'from', 'to']],
  ['/api/events', ['limit', 'offset', 'actor', 'code', 'plover', 'place', 'bbox', 'from', 'to', 'outlet', 'modality', 'text', 'includeRejected']],
  ['/api/events/{event}', []],
  ['/api/quotes', ['limit', 'offset', 'speaker', 'outlet', 'minConfidence']],
  ['/api/network', ['actor', 'from', 'to', 'type', 'minConfidence']],
  ['/api/records', ['limit', 'offset', 'sort', 'disputed', 'minIndependent', 'from', 'to']],
  ['/api/records/{record}', []],
  ['/api/repeats', ['limit', 'offset']],
  ['/api/outlets', ['limit', 'offset', 'name', 'brief']],
  ['/api/review', ['threshold', 'limit', 'offset']],
  ['/api/stats', []],
];

/** A search written to cost the index as much as it can, or to break its syntax. */
const HOSTILE_SEARCH = fc.constantFrom(
  Array.from({ length: 80 }, () => 'a*').join(' OR '),
  `NEAR(${Array.from({ length: 40 }, (_, i) => `${String.fromCharCode(97 + (i % 26))}*`).join(' ')}, 1000)`,
  '"unclosed',
  '((((((((((((((((((((',
  'NOT',
  '*',
  'a OR',
  'col:value',
  '^start',
  '" OR 1=1 --',
  "'; DROP TABLE articles; --",
);

/** A value as a careless or hostile client sends it, already written for the query string (some of it not valid percent-encoding). */
const RAW_VALUE = fc.oneof(
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.string({ unit: 'binary', maxLength: 20 }).map(encodeURIComponent),
  fc.constantFrom('', '-1', '0', '1e309', 'NaN', '9007199254740993', '1.5', '0x10', ' 5', '5%20', '%00', '%', '%zz', '%E0%A4%A', '%FF%FE', '%C0%80'),
  fc.constantFrom('2020-02-30', '99999-01-01', '0000-00-00', '2024-13', '2024-06-01T25:00', 'yesterday'),
  fc.constantFrom('1,2,3', '181,-91,0,0', 'NaN,NaN,NaN,NaN', '1,2,3,4,5', ',,,'),
  fc.integer({ min: 1, max: 20_000 }).map((n) => 'x'.repeat(n)),
  HOSTILE_SEARCH.map(encodeURIComponent),
);

const REQUEST = fc.record({
  route: fc.integer({ min: 0, max: ROUTES.length - 1 }),
  params: fc.array(fc.tuple(fc.oneof(fc.nat(20), fc.constantFrom('__proto__', 'constructor', 'limit[]', 'q[0]', '')), RAW_VALUE), { maxLength: 6 }),
  id: fc.oneof(fc.constant(null), RAW_VALUE),
});

let api: TestApi;
/** An id of each kind the store holds, so that look-ups of real things meet the hostile parameters too. */
let ids: Record<string, string>;

beforeAll(async () => {
  api = await startTestApi();
  const first = async (url: string): Promise<string> => ((await api.app.inject(url)).json() as { items: Array<{ id: string }> }).items[0]!.id;
  ids = { article: await first('/api/articles'), actor: await first('/api/actors'), event: await first('/api/events'), record: await first('/api/records') };
}, 180_000);
afterAll(async () => {
  await api?.close();
});

describe("the API's read routes under hostile parameters (fast-check)", () => {
  it('answer every query string with a page or a named error, never a crash, with the security headers', async () => {
    const ordinary = (await api.app.inject('/api/health')).headers;
    const securityHeaders = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy'];
    for (const h of securityHeaders) expect(ordinary[h], h).toBeDefined();
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(REQUEST, async ({ route, params, id }) => {
        const [template, names] = ROUTES[route]!;
        const path = template.replace(/\{(\w+)\}/, (_, kind: string) => id ?? ids[kind]!);
        const query = params.map(([name, value]) => `${typeof name === 'number' ? (names[name % Math.max(1, names.length)] ?? 'limit') : name}=${value}`).join('&');
        const url = query ? `${path}?${query}` : path;
        const res = await api.app.inject(url);
        // A failure names the request, shortened: some are 20,000 characters long.
        const shown = url.slice(0, 300);
        seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
        // 414: a path parameter longer than the router reads (Fastify's maxParamLength).
        expect([200, 400, 404, 414, 503], shown).toContain(res.statusCode);
        expect(res.headers['content-type'], shown).toMatch(/^application\/json/);
        for (const h of securityHeaders) expect(res.headers[h], `${shown} ${h}`).toBe(ordinary[h]);
        const body = res.json() as { error?: { code: string; message: string } };
        if (res.statusCode !== 200) {
          expect(isErrorCode(body.error?.code ?? ''), shown).toBe(true);
          expect(body.error?.message.length, shown).toBeGreaterThan(0);
          expect(body.error?.message, shown).not.toMatch(/\n\s+at /);
        }
      }),
      { numRuns: 600, seed: 20, endOnFailure: true },
    );
    // The generator reaches both sides: pages and refusals.
    expect(seen.get(200)).toBeGreaterThan(20);
    expect(seen.get(400)).toBeGreaterThan(20);
  }, 170_000);
});
