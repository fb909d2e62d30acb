
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { needsFiles } from '../support/prerequisites.js';
import { digestReader } from '../../src/ingest/digest/digest-reader.js';
import { loadInput } from '../../src/ingest/load-input.js';
import { loadKnowledge } from '../../src/pipeline/load-knowledge.js';
import { createAnalyzer } from '../../src/pipeline/analyze-article.js';
import type { Document } from '../../src/text/document.js';
import { type Event, placeName } from './analyze-text.js';

const SEED = join(__dirname, '../../../shared/corpus/seed-digest.txt');

describe('events on the seed digest', needsFiles(SEED), () => {
  let docs: Document[] = [];
  beforeAll(() => {
    const analyzer = createAnalyzer(loadKnowledge());
    docs = digestReader.read(loadInput(SEED)).articles.map((a) => analyzer.analyze(a).doc);
  });

  /** Events of articles published on `date` whose trigger and evidence match. */
  function find(date: string, trigger: RegExp, evidence: RegExp): Array<{ doc: Document; e: Event }> {
    return docs
      .filter((d) => d.meta.published === date)
      .flatMap((doc) => (doc.layers.events ?? []).map((e) => ({ doc, e })))
      .filter(({ doc, e }) => trigger.test(doc.text.slice(e.trigger.start, e.trigger.end)) && evidence.test(doc.text.slice(e.start, e.end)));
  }

  it('finds the killing of Soleimani and al-Muhandis near Baghdad airport on 2020-01-03 (25 May article)', () => {
    const [hit] = find('2020-05-25', /assassinated/, /airstrike/);
    expect(hit).toBeDefined();
    const { doc, e } = hit!;
    expect(e.rootCode).toBe('18');
    expect(e.targets.map((t) => t.actorId)).toEqual(expect.arrayContaining(['per-qasem-soleimani', 'per-abu-mahdi-al-muhandis']));
    expect(e.sources.map((s) => s.cameo)).toContain('USA');
    expect(placeName(doc, e)).toMatch(/Baghdad International Airport/);
    expect(e.date).toBe('2020-01-03');
    expect(e.modality).toBe('asserted');
  });

  it('never makes Soleimani the target of an act Iran did (the shoot-down of the drone, the option of killing him)', () => {
    const iranOnSoleimani = docs
      .flatMap((d) => d.layers.events ?? [])
      .filter((e) => e.sources.some((s) => s.cameo?.startsWith('IRN')) && e.targets.some((t) => t.actorId === 'per-qasem-soleimani'));
    expect(iranOnSoleimani).toEqual([]);
  });

  it('finds the Israeli strike near Al-Safirah on 2020-05-04', () => {
    const hits = find('2020-05-05', /offensive|strike|attack|targeted/i, /Safirah/).filter(({ e }) => e.date === '2020-05-04');
    expect(hits.length).toBeGreaterThan(0);
    const { doc, e } = hits[0]!;
    expect(e.rootCode).toBe('19');
    expect(e.sources.map((s) => s.cameo?.slice(0, 3))).toContain('ISR');
    expect(placeName(doc, e)).toMatch(/Saf[iī]rah/);
  });

  it('finds the Daesh assault in Salahuddin on 2020-05-02 with at least 10 killed', () => {
    const [hit] = find('2020-05-05', /assault/, /Salahuddin/);
    expect(hit).toBeDefined();
    const { doc, e } = hit!;
    expect(e.sources.map((s) => s.actorId)).toContain('arm-isis');
    expect(placeName(doc, e)).toMatch(/Saladin|Salahuddin/);
    expect(e.date).toBe('2020-05-02');
    expect(e.magnitudes).toContainEqual(expect.objectContaining({ kind: 'killed', value: 10, qualifier: 'at-least' }));
  });

  it('finds the arrest of Abu Hajar in Nineveh on 2020-05-04', () => {
    const [hit] = find('2020-05-05', /detained/, /Abu Hajar/);
    expect(hit).toBeDefined();
    const { doc, e } = hit!;
    expect(e.code).toBe('173');
    expect(e.targets.map((t) => t.name).join(' ')).toMatch(/Abu Hajar/);
    expect(placeName(doc, e)).toMatch(/Nineveh/);
    expect(e.date).toBe('2020-05-04');
  });

  it('keeps the conditional threats conditional', () => {
    const threats = [...find('2020-05-05', /warned/, /if the US refuses/), ...find('2020-04-26', /vowed|take up arms/, /if Washington fails/)];
    expect(threats.length).toBeGreaterThanOrEqual(2);
    for (const { e } of threats) {
      expect(e.rootCode).toBe('13');
      expect(e.modality).toBe('conditional');
    }
  });

  it('attributes events inside quotes to their speaker', () => {
    const quoted = docs.flatMap((d) => d.layers.events ?? []).filter((e) => e.attribution?.quote !== null && e.attribution !== null);
    expect(quoted.length).toBeGreaterThan(0);
    for (const e of quoted) expect(e.modality).not.toBe('asserted');
  });
});
