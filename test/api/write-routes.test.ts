import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, RESOLUTION_FILES, startTestApi, type TestApi } from './api-fixture.js';

const TOKEN = 'test-token-5f1c';
const auth = { authorization: `Bearer ${TOKEN}` };

describe('write routes on a read-only server (no token)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ token: null });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('refuses every write with 403 READ_ONLY, even with a bearer header', async () => {
    const upload = multipart([{ name: 'x.txt', content: 'Some text.' }]);
    const writes = [
      { url: '/api/review/e_x', payload: { decision: 'accept' } },
      { url: '/api/review/undo' },
      { url: '/api/actors/corrections', payload: { op: 'rename', actor: 'irq-pmu', name: 'PMF' } },
      { url: '/api/actors/corrections/undo' },
      { url: '/api/ingest', payload: upload.payload, headers: upload.headers },
    ];
    for (const w of writes) {
      for (const headers of [{ ...w.headers }, { ...w.headers, ...auth }]) {
        const res = await api.app.inject({ method: 'POST', url: w.url, payload: w.payload, headers });
        expect(res.statusCode, w.url).toBe(403);
        expect(res.json().error.code).toBe('DOSSIER_API_READ_ONLY');
      }
    }
    expect((await api.app.inject('/api/stats')).json().articles).toBe(5);
  });
});

describe('write routes with a token', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ token: TOKEN, maxUploadBytes: 4096 });
  });
  afterAll(async () => {
    await api?.close();
  });
  const post = (url: string, payload?: object, headers: Record<string, string> = auth) => api.app.inject({ method: 'POST', url, payload, headers });

  it('answers 401 without the header or with a wrong token', async () => {
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong' }, { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` }]) {
      const res = await post('/api/review/undo', undefined, headers);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('DOSSIER_API_UNAUTHORIZED');
    }
  });

  it('records review decisions, hides rejected events, and undoes', async () => {
    const queue = (await api.app.inject('/api/review')).json().items as Array<{ id: string; kind: string }>;
    const event = queue.find((i) => i.kind === 'event')!;
    const res = await post(`/api/review/${event.id}`, { decision: 'reject', note: 'not an event' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ seq: expect.any(Number) });
    expect((await api.app.inject('/api/review')).json().items.map((i: { id: string }) => i.id)).not.toContain(event.id);
    expect((await api.app.inject('/api/events')).json().total).toBe(5);
    expect((await api.app.inject('/api/events?all=true')).json().total).toBe(6);
    expect((await api.app.inject(`/api/events/${event.id}`)).json().review).toBe('rejected');

    const undo = await post('/api/review/undo');
    expect(undo.statusCode).toBe(200);
    expect(undo.json()).toMatchObject({ itemId: event.id, decision: 'reject', note: 'not an event' });
    expect((await api.app.inject('/api/events')).json().total).toBe(6);
    expect((await post('/api/review/undo')).statusCode).toBe(404);
  });

  it('applies a fix and refuses bad decisions', async () => {
    const [event] = (await api.app.inject('/api/events?code=112')).json().items as Array<{ id: string }>;
    const fix = await post(`/api/review/${event!.id}`, { decision: 'fix', field: 'modality', value: 'claimed' });
    expect(fix.statusCode, fix.body).toBe(200);
    expect((await api.app.inject(`/api/events/${event!.id}`)).json()).toMatchObject({ modality: 'claimed', review: 'fixed' });
    const bad = [
      { payload: { decision: 'maybe' }, status: 400, text: 'decision' },
      { payload: { decision: 'fix', field: 'colour', value: 'red' }, status: 400, text: 'field' },
      { payload: { decision: 'fix', field: 'modality', value: 'rumoured' }, status: 400, text: 'modality' },
      { payload: { decision: 'accept', field: 'code', value: '19' }, status: 400, text: 'fix' },
      { payload: { decision: 'accept', extra: 1 }, status: 400, text: 'extra' },
    ];
    for (const b of bad) {
      const res = await post(`/api/review/${event!.id}`, b.payload);
      expect(res.statusCode, JSON.stringify(b.payload)).toBe(b.status);
      expect(res.json().error.code).toBe('DOSSIER_USAGE');
      expect(res.json().error.message).toContain(b.text);
    }
    for (const id of ['e_00000000', 'zzz']) {
      const missing = await post(`/api/review/${id}`, { decision: 'accept' });
      expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'DOSSIER_NOT_FOUND']);
    }
    const notJson = await api.app.inject({ method: 'POST', url: `/api/review/${event!.id}`, payload: '{"decision":', headers: { ...auth, 'content-type': 'application/json' } });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('DOSSIER_USAGE');
  });

  it('records, lists and undoes actor corrections', async () => {
    const res = await post('/api/actors/corrections', { op: 'rename', actor: 'irq-pmu', name: 'Popular Mobilisation Forces' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ seq: expect.any(Number), changed: 0 });
    expect((await api.app.inject('/api/actors/irq-pmu')).json().name).toBe('Popular Mobilisation Forces');
    const merge = await post('/api/actors/corrections', { op: 'merge', into: 'irq-pmu', from: 'irq-kh' });
    expect(merge.json().changed).toBe(1);
    const list = (await api.app.inject('/api/actors/corrections')).json();
    expect(list).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(list.items.map((c: { correction: { op: string } }) => c.correction.op)).toEqual(['rename', 'merge']);

    const undo = await post('/api/actors/corrections/undo');
    expect(undo.json()).toMatchObject({ undone: { correction: { op: 'merge' }, undone: true }, changed: 1 });
    expect((await api.app.inject('/api/actors/corrections')).json().total).toBe(1);
    expect((await api.app.inject('/api/actors/corrections?all=true')).json().total).toBe(2);
    expect((await post('/api/actors/corrections/undo')).statusCode).toBe(200);
    expect((await post('/api/actors/corrections/undo')).statusCode).toBe(404);

    const unknown = await post('/api/actors/corrections', { op: 'rename', actor: 'nobody', name: 'X' });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'DOSSIER_NOT_FOUND']);
    const badOp = await post('/api/actors/corrections', { op: 'explode', actor: 'irq-pmu' });
    expect([badOp.statusCode, badOp.json().error.code]).toEqual([400, 'DOSSIER_USAGE']);
    expect(badOp.json().error.message).toContain('op');
    const missing = await post('/api/actors/corrections', { op: 'merge', into: 'irq-pmu' });
    expect([missing.statusCode, missing.json().error.code]).toEqual([400, 'DOSSIER_USAGE']);
    expect(missing.json().error.message).toContain('from');
  });

  it('ingests uploaded files and reports per-file errors under the uploaded names', async () => {
    const text = '---\ntitle: Quay walls inspected\noutlet: Example Wire\ndate: 2021-03-05\n---\n\nEngineers inspected the quay walls in Saltmere on Friday and found them sound, the harbour clerk said.\n';
    const upload = multipart([
      { name: 'quay.txt', content: text },
      { name: 'rockets-green-zone.txt', content: readFileSync(RESOLUTION_FILES[1]!) },
      { name: '../../etc/empty.txt', content: '' },
    ]);
    const res = await api.app.inject({ method: 'POST', url: '/api/ingest', payload: upload.payload, headers: { ...upload.headers, ...auth } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ files: 3, articlesNew: 1, articlesKnown: 1 });
    expect(body.errors).toEqual([{ file: 'empty.txt', message: expect.stringContaining('empty.txt'), code: 'DOSSIER_INPUT_EMPTY' }]);
    expect(JSON.stringify(body)).not.toContain('dossier-upload-');
    const found = (await api.app.inject('/api/articles?from=2021-03-05')).json();
    expect(found.items.map((a: { title: string }) => a.title)).toEqual(['Quay walls inspected']);
  });

  it('answers 413 for a file over the limit and 400 for an upload with no file', async () => {
    const big = multipart([{ name: 'big.txt', content: 'x'.repeat(5000) }]);
    const res = await api.app.inject({ method: 'POST', url: '/api/ingest', payload: big.payload, headers: { ...big.headers, ...auth } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('DOSSIER_API_TOO_LARGE');
    const none = await api.app.inject({ method: 'POST', url: '/api/ingest', payload: { a: 1 }, headers: auth });
    expect([none.statusCode, none.json().error.code]).toEqual([400, 'DOSSIER_USAGE']);
    const hugeJson = await post('/api/actors/corrections', { op: 'rename', actor: 'irq-pmu', name: 'x'.repeat(2 * 1024 * 1024) });
    expect(hugeJson.statusCode).toBe(413);
    expect(hugeJson.json().error.code).toBe('DOSSIER_API_TOO_LARGE');
  });
});
