import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-in-process.js';
import { freshStoreTarget } from '../support/test-store.js';

// Runs the CLI in-process (test/support/cli-in-process.ts) on two short articles written for the test.
const FIXTURES = join(__dirname, '../fixtures/resolution');

interface ActorRow {
  id: string;
  name: string;
  type: string;
  country: string | null;
  sector: string | null;
  aliases: string[];
  mentions: number;
}

describe('dossier actors, places, timeline and show on resolved text', () => {
  let dir: string;
  let target: string;
  const run = (...args: string[]) => runCli(['--db', target, ...args]);
  const json = async <T>(...args: string[]): Promise<T> => {
    const r = await run(...args, '--json');
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as T;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-mentions-'));
    target = await freshStoreTarget('mentions');
    const r = await run('ingest', FIXTURES);
    expect(r.status, r.stderr).toBe(0);
  });

  it('lists actors with every spelling under one identity', async () => {
    const actors = await json<ActorRow[]>('actors');
    const pmu = actors.find((a) => a.aliases.includes('PMU'))!;
    expect(pmu).toMatchObject({ type: 'organization', country: 'IRQ', sector: 'militia' });
    expect(pmu.aliases).toEqual(expect.arrayContaining(["Hashd al-Sha'abi", 'Popular Mobilisation Forces']));
    expect(pmu.mentions).toBeGreaterThanOrEqual(4);
    const kadhimi = actors.find((a) => a.name === 'Mustafa al-Kadhimi')!;
    expect(kadhimi.mentions).toBe(2);
    expect(actors.find((a) => a.aliases.includes('Naim Qassim'))?.country).toBe('LBN');
    // The lawmaker nobody listed is a new actor; "the Iraqi lawmaker" is counted as him.
    const umran = actors.find((a) => a.name === 'Haidar Umran')!;
    expect(umran.id).toMatch(/^new:person:/);
    expect(umran.mentions).toBe(2);
  });

  it('shows one actor with its mentions and the reason of each link', async () => {
    const us = await json<{ mentionList: Array<{ text: string; reason: string }> }>('actor', 'usa-gov');
    expect(us.mentionList.map((m) => m.text)).toEqual(['Washington', 'Washington']);
    expect(us.mentionList[0]!.reason).toMatch(/metonymy/);
    // Not found is a failure, not a usage error: exit 1, naming the id.
    const missing = await run('actor', 'no-such-actor');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('error: no actor with id no-such-actor (see dossier actors)\n');
  });

  it('lists places with coordinates and honest precision', async () => {
    const places = await json<Array<{ name: string; lat: number; lon: number; precision: string; country: string; geonamesId: number | null; mentions: number }>>('places');
    const zone = places.find((p) => p.name === 'Green Zone')!;
    // Two in the bodies, and one in each headline ("… firing at the Green Zone", "… Baghdad's Green Zone").
    expect(zone).toMatchObject({ precision: 'district', country: 'IRQ', mentions: 4 });
    expect(Math.abs(zone.lat - 33.31)).toBeLessThan(0.05);
    expect(places.find((p) => p.name === 'Iraq')).toMatchObject({ precision: 'country' });
    expect(places.find((p) => p.name === 'Erbil')?.geonamesId).toBeGreaterThan(0);
  });

  it('puts dated mentions on a timeline resolved against each publication date', async () => {
    const entries = await json<Array<{ value: string; text: string; published: string }>>('timeline');
    expect(entries.map((e) => [e.value, e.text, e.published])).toEqual([
      ['2020-05-04', 'Monday', '2020-05-05'],
      ['2020-05-04', 'Monday', '2020-05-06'],
      ['2020-05-07', 'Thursday', '2020-05-05'],
    ]);
  });

  it('marks entities, places and times in show, and lists them in show --json', async () => {
    const [article] = await json<Array<{ id: string }>>('articles', '--outlet', 'northern');
    const detail = await json<{ entities: Array<{ text: string; type: string; actorId: string | null }>; places: Array<{ text: string; placeId: string }>; times: Array<{ text: string; value: string; precision: string }> }>('show', article!.id);
    expect(detail.entities.find((e) => e.text === 'Hizballah')).toMatchObject({ type: 'ORG', actorId: 'lbn-hezbollah' });
    expect(detail.places.find((p) => p.text === 'Beirut')?.placeId).toMatch(/^gn:/);
    expect(detail.times).toEqual([expect.objectContaining({ text: 'Monday', value: '2020-05-04', precision: 'day' })]);
    const text = (await run('show', article!.id)).stdout;
    expect(text).toContain('⟨Hizballah⟩{ORG:lbn-hezbollah}');
    expect(text).toContain('⟦Monday⟧{2020-05-04}');
  });

  it('applies, undoes, exports and imports corrections', async () => {
    const before = await json<ActorRow[]>('actors');
    const umran = before.find((a) => a.name === 'Haidar Umran')!;
    expect((await run('actors', 'merge', 'per-mustafa-al-kadhimi', umran.id)).status).toBe(0);
    expect((await json<ActorRow[]>('actors')).find((a) => a.name === 'Mustafa al-Kadhimi')!.mentions).toBe(4);
    expect((await run('actors', 'rename', 'per-mustafa-al-kadhimi', 'M. al-Kadhimi')).stdout).toMatch(/correction #2/);
    const file = join(dir, 'corrections.json');
    expect((await run('actors', 'export-corrections', file)).status).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).corrections).toHaveLength(2);
    expect((await run('actors', 'undo')).stdout).toMatch(/undid correction #2/);
    expect((await run('actors', 'undo')).stdout).toMatch(/undid correction #1/);
    expect((await json<ActorRow[]>('actors')).find((a) => a.name === 'Haidar Umran')!.mentions).toBe(2);
    // Re-ingesting changes nothing, and importing the file brings both corrections back.
    expect((await run('ingest', FIXTURES)).stdout).toMatch(/0 articles new, 2 already known/);
    expect((await run('actors', 'import-corrections', file)).stdout).toMatch(/^2 corrections imported/);
    const after = await json<ActorRow[]>('actors');
    expect(after.find((a) => a.name === 'M. al-Kadhimi')!.mentions).toBe(4);
    expect(after.find((a) => a.name === 'Haidar Umran')).toBeUndefined();
    const bad = await run('actors', 'import-corrections', join(FIXTURES, 'hashd-denies.txt'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/hashd-denies\.txt: not JSON/);
  });
});
