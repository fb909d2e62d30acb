
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import type { Store } from '../../src/store/open-store.js';
import { openTestStore } from '../support/test-store.js';
import { needsFiles } from '../support/prerequisites.js';

const SEED = join(__dirname, '../../../shared/corpus/seed-digest.txt');

interface Ev {
  id: string;
  date: string | null;
  place: { name: string } | null;
  evidence: string;
  source: Array<{ name: string; text: string }>;
}
interface Listing<T> {
  items: T[];
  total: number;
}

/** Events no record holds, undated or unplaced, still have a list: the filters the web app's "not yet placed" lists use. */
describe('events that fall out of the timeline, the map and the records', needsFiles(SEED), () => {
  let store: Store;
  let app: FastifyInstance;
  const get = async <T>(url: string): Promise<T> => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };

  beforeAll(async () => {
    store = await openTestStore('out-of-view');
    await ingestFiles(store, [SEED]);
    app = await buildServer({ store });
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await store?.destroy();
  });

  it('undated and dated, unplaced and placed split every event, each with an exact count', async () => {
    const all = await get<Listing<Ev>>('/api/events?limit=500');
    const undated = await get<Listing<Ev>>('/api/events?dated=false&limit=500');
    const dated = await get<Listing<Ev>>('/api/events?dated=true&limit=500');
    expect(undated.total).toBeGreaterThan(0);
    expect(undated.items.every((e) => e.date === null)).toBe(true);
    expect(dated.items.every((e) => e.date !== null)).toBe(true);
    expect(undated.total + dated.total).toBe(all.total);
    const unplaced = await get<Listing<Ev>>('/api/events?placed=false&limit=500');
    expect(unplaced.total).toBeGreaterThan(0);
    expect(unplaced.items.every((e) => e.place === null)).toBe(true);
    expect(unplaced.total + (await get<Listing<Ev>>('/api/events?placed=true&limit=1')).total).toBe(all.total);
  });

  it('events in no record are exactly those no record mentions', async () => {
    const records = await get<Listing<{ mentions: Array<{ eventId: string }> }>>('/api/records?limit=500');
    const held = new Set(records.items.flatMap((r) => r.mentions.map((m) => m.eventId)));
    const loose = await get<Listing<Ev>>('/api/events?inRecord=false&limit=500');
    const inRecords = await get<Listing<Ev>>('/api/events?inRecord=true&limit=500');
    expect(loose.total).toBeGreaterThan(0);
    for (const e of loose.items) expect(held.has(e.id), e.id).toBe(false);
    // Rejected events are in neither list; every listed event held by a record is one the records mention.
    for (const e of inRecords.items) expect(held.has(e.id), e.id).toBe(true);
  });

  it('finds events by the words of their evidence, participants or place, and says what is wrong with a bad flag', async () => {
    const hits = await get<Listing<Ev>>('/api/events?text=salahuddin&limit=500');
    expect(hits.total).toBeGreaterThan(0);
    for (const e of hits.items) {
      const words = [e.evidence, e.place?.name ?? '', ...e.source.flatMap((p) => [p.name, p.text])].join(' ').toLowerCase();
      expect(words).toContain('salahuddin');
    }
    const none = await get<Listing<Ev>>('/api/events?text=no-such-word-anywhere');
    expect(none.total).toBe(0);
    const bad = await app.inject({ method: 'GET', url: '/api/events?dated=maybe' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('DOSSIER_USAGE');
    expect(bad.json().error.message).toMatch(/dated/);
  });
});
