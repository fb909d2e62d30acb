import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeGazetteer, encodeGazetteer } from '../../../src/knowledge/gazetteer/compiled-gazetteer.js';
import { buildGazetteerFromPackages, GAZETTEER_FILE_VARIABLE, loadGazetteer, lookupPlace, lookupPlaceVariants } from '../../../src/knowledge/gazetteer/gazetteer.js';
import { loadKnowledge } from '../../../src/pipeline/load-knowledge.js';

const built = buildGazetteerFromPackages();
const file = encodeGazetteer(built);
const read = decodeGazetteer(file, 'gazetteer.compiled.bin');

describe('the compiled gazetteer', () => {
  it('reads back the records the builder made, in order, boxes included', () => {
    expect(read.records.length).toBe(built.records.length);
    expect(JSON.stringify(read.records)).toBe(JSON.stringify(built.records));
    expect(read.records.filter((r) => r.bbox !== undefined).length).toBeGreaterThan(100);
  });

  it('finds every key and variant with the same records and keys, in the same order', () => {
    expect(read.byKey.size).toBe(built.byKey.size);
    for (const [key, records] of built.byKey) expect(read.byKey.get(key), key).toEqual(records);
    expect(read.byVariant.size).toBe(built.byVariant.size);
    for (const [variant, keys] of built.byVariant) expect(read.byVariant.get(variant), variant).toEqual(keys);
    expect(read.byKey.get('no such place anywhere')).toBeUndefined();
    expect(read.byKey.has('baghdad')).toBe(true);
    expect([...read.byKey.keys()].sort()).toEqual([...built.byKey.keys()].sort());
  });

  it('keeps the small indexes and answers lookups as the built one does', () => {
    expect(read.demonyms).toEqual(built.demonyms);
    expect(read.countries).toEqual(built.countries);
    expect(read.admin1).toEqual(built.admin1);
    expect(read.iso3ByIso2).toEqual(built.iso3ByIso2);
    // Country and admin-1 entries are the records themselves, as in the built gazetteer.
    expect(read.records).toContain(read.countries.get('IRQ'));
    for (const name of ['Baghdad', 'Anbar Province', 'Iraqi', "Al-Qa'im", 'Saint Louis', 'the Gulf']) expect(lookupPlace(read, name), name).toEqual(lookupPlace(built, name));
    for (const name of ['Fallouja', 'Kerkuk', 'Salahuddin Governorate']) expect(lookupPlaceVariants(read, name), name).toEqual(lookupPlaceVariants(built, name));
  });

  it('refuses a file that is not one, naming it', () => {
    expect(() => decodeGazetteer(Buffer.from('{"records": []}'), 'dist/x.bin')).toThrow(/^dist\/x\.bin: not a compiled gazetteer.*npm run build/);
    expect(() => decodeGazetteer(file.subarray(0, file.length / 2), 'half.bin')).toThrow(/^half\.bin: section \w+ runs past the end/);
  });

  it('is loaded by the Knowledge object once, when first asked for', () => {
    const knowledge = loadKnowledge();
    expect(knowledge.gazetteer).toBe(knowledge.gazetteer);
    expect(knowledge.gazetteer.stats.records).toBe(built.stats.records);
  });

  describe('named by $DOSSIER_GAZETTEER (the suite compiles one per run)', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it('is read from the file named, whatever lies beside the module', () => {
      const dir = mkdtempSync(join(tmpdir(), 'dossier-gazetteer-'));
      writeFileSync(join(dir, 'whole.bin'), file);
      vi.stubEnv(GAZETTEER_FILE_VARIABLE, join(dir, 'whole.bin'));
      expect(JSON.stringify(loadGazetteer().records)).toBe(JSON.stringify(built.records));
      // The file named is the one read: a file that is not a gazetteer is refused by its name.
      writeFileSync(join(dir, 'not-one.bin'), '{"records": []}');
      vi.stubEnv(GAZETTEER_FILE_VARIABLE, join(dir, 'not-one.bin'));
      expect(() => loadGazetteer()).toThrow(/not-one\.bin: not a compiled gazetteer/);
    });

    it('refuses a name that is not a file, naming it and the variable', () => {
      vi.stubEnv(GAZETTEER_FILE_VARIABLE, join(tmpdir(), 'no-such-gazetteer.bin'));
      expect(() => loadGazetteer()).toThrow(/no-such-gazetteer\.bin: no such file \(named by \$DOSSIER_GAZETTEER/);
    });
  });
});
