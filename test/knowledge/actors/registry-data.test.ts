import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { needsFiles } from '../../support/prerequisites.js';
import { CAMEO_PATTERN, PARTIAL_DATE_PATTERN, SECTORS } from '../../../src/knowledge/actors/actor-schema.js';
import { findAliasMentions } from '../../../src/knowledge/actors/alias-index.js';
import { ISO3_CODES } from '../../../src/knowledge/actors/country-actors.js';
import { loadActorRegistry, validateShippedActorFiles } from '../../../src/knowledge/actors/load-registry.js';
import { SHIPPED_ACTOR_FILES } from '../../../src/knowledge/actors/shipped-data.js';
import { runTextStages } from '../../text/run-text-stages.js';

const registry = loadActorRegistry();
const actors = [...registry.actors.values()];

describe('shipped registry data', () => {
  it('passes the full zod validation a user file gets', () => {
    expect(() => validateShippedActorFiles()).not.toThrow();
  });

  it('defines each hand-written id in one file only', () => {
    const seen = new Map<string, string>();
    for (const { file, data } of SHIPPED_ACTOR_FILES)
      for (const entry of (data as { actors: Array<{ id: string }> }).actors) {
        expect(seen.get(entry.id), `${entry.id} in ${file}`).toBeUndefined();
        seen.set(entry.id, file);
      }
  });

  it('refers only to known actors', () => {
    for (const a of actors) {
      for (const id of a.memberOf) expect(registry.actors.has(id), `${a.id} memberOf ${id}`).toBe(true);
      for (const r of a.roles) expect(registry.actors.has(r.of), `${a.id} role of ${r.of}`).toBe(true);
    }
  });

  it('uses real ISO3 codes, known sectors and well-formed CAMEO codes and QIDs', () => {
    for (const a of actors) {
      if (a.country !== null) expect(ISO3_CODES.has(a.country), `${a.id} country ${a.country}`).toBe(true);
      expect(SECTORS).toContain(a.sector);
      if (a.cameo !== null) expect(a.cameo, a.id).toMatch(CAMEO_PATTERN);
      if (a.wikidata !== undefined) expect(a.wikidata, a.id).toMatch(/^Q[1-9]\d*$/);
    }
  });

  it('has valid role dates, each role starting no later than it ends', () => {
    for (const a of actors)
      for (const r of a.roles) {
        for (const d of [r.from, r.to]) if (d !== null) expect(d, `${a.id} ${r.title}`).toMatch(PARTIAL_DATE_PATTERN);
        if (r.from && r.to) expect(r.from.slice(0, r.to.length) <= r.to, `${a.id} ${r.title}`).toBe(true);
      }
  });

  it('gives persons roles only in organizations or states, and states a capital', () => {
    for (const a of actors) for (const r of a.roles) expect(registry.actors.get(r.of)?.type).not.toBe('person');
    expect(registry.actors.get('cc-irq')?.capital).toBe('Baghdad');
    expect(registry.actors.get('cc-usa')?.capital).toBe('Washington D.C.');
  });

  it('covers the states of the world and several hundred hand-written actors', () => {
    const states = actors.filter((a) => a.type === 'state');
    expect(states.length).toBeGreaterThanOrEqual(190);
    const handWritten = SHIPPED_ACTOR_FILES.reduce((n, f) => n + (f.data as { actors: unknown[] }).actors.length, 0);
    expect(handWritten).toBeGreaterThanOrEqual(400);
  });
});

// The seed digest is read, never copied: CI has ../shared beside the repo.
const seedPath = fileURLToPath(new URL('../../../../shared/corpus/seed-digest.txt', import.meta.url));

describe('the seed digest’s actors are in the registry', needsFiles(seedPath), () => {
  const found = new Map<string, Set<string>>();
  if (existsSync(seedPath))
    readFileSync(seedPath, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .forEach((line, i) => {
        const doc = runTextStages(line, `seed-${i}`);
        for (const m of findAliasMentions(registry, doc)) {
          const text = doc.text.slice(m.start, m.end);
          found.set(text, new Set([...(found.get(text) ?? []), ...m.actorIds]));
        }
      });

  // Spellings as the digest writes them → the actor each must resolve to.
  const expected: Record<string, string> = {
    'Popular Mobilization Units': 'irq-pmu',
    PMU: 'irq-pmu',
    'Hashd al-Sha’abi': 'irq-pmu',
    'Popular Mobilization Forces': 'irq-pmu',
    'Qais al-Khazali': 'per-qais-al-khazali',
    'Asa’ib Ahl al-Haq': 'irq-aah',
    'Asaib Ahl al-Haq': 'irq-aah',
    'Qassem Soleimani': 'per-qasem-soleimani',
    'Qassim Soleimani': 'per-qasem-soleimani',
    'Quds Force': 'irn-quds-force',
    'Islamic Revolution Guards Corps': 'irn-irgc',
    'Iranian Revolutionary Guards Corps': 'irn-irgc',
    IRGC: 'irn-irgc',
    'Abu Mahdi al-Muhandis': 'per-abu-mahdi-al-muhandis',
    'Donald Trump': 'per-donald-trump',
    'Adel Abdul-Mahdi': 'per-adel-abdul-mahdi',
    Daesh: 'arm-isis',
    Deash: 'arm-isis',
    ISIS: 'arm-isis',
    'Islamic State': 'arm-isis',
    'Security Media Cell': 'irq-security-media-cell',
    'Rudaw media network': 'med-rudaw',
    'Mahmoud al-Rubaye': 'per-mahmoud-al-rubaye',
    'Harakat Hezbollah al-Nujaba': 'irq-nujaba',
    'Islamic Resistance of Iraq': 'irq-islamic-resistance',
    'Fatah Alliance': 'irq-fatah',
    'Fazel Jaber': 'per-fazel-jaber',
    'Kata’ al-Rikabi': 'per-kata-al-rikabi',
    'Safa al-A’ssam': 'per-safa-al-assam',
    'Badr al-Ziyadi': 'per-badr-al-ziyadi',
    'General Command of Armed Forces': 'irq-gcaf',
    'Heather Nauert': 'per-heather-nauert',
    'State Department': 'usa-state-department',
    'Mike Pompeo': 'per-mike-pompeo',
    'Benjamin Netanyahu': 'per-benjamin-netanyahu',
    'John Bolton': 'per-john-bolton',
    'Kataib Hezbollah': 'irq-kh',
    Hezbollah: 'lbn-hezbollah',
    Hizballah: 'lbn-hezbollah',
    'Michael Oren': 'per-michael-oren',
    'Aviv Kochavi': 'per-aviv-kochavi',
    'Mark Esper': 'per-mark-esper',
    'Mark A Milley': 'per-mark-milley',
    'Muhammad Kawtharani': 'per-muhammad-kawtharani',
    'Javad Zarif': 'per-javad-zarif',
    'Osama bin Laden': 'per-osama-bin-laden',
    'Abu Bakr al-Baghdadi': 'per-abu-bakr-al-baghdadi',
    'Abu Sayyaf': 'arm-abu-sayyaf',
    'Syrian army': 'syr-mil',
    'Syrian Ministry of Defense': 'syr-mod',
    'Government of Iraq': 'irq-gov',
    'Iraqi federal police': 'irq-federal-police',
    'Iraqi Security Forces': 'irq-mil',
    'International Monetary Fund': 'igo-imf',
    'Czech Ministry of Defense': 'cze-mod',
    Instex: 'org-instex',
    'Elijah Magnier': 'per-elijah-magnier',
    Rouhani: 'per-hassan-rouhani',
    NATO: 'igo-nato',
    CNN: 'med-cnn',
    'Amos Yadlin': 'per-amos-yadlin',
    Congress: 'usa-congress',
  };
  it.each(Object.entries(expected))('%s → %s', (spelling, id) => {
    expect([...(found.get(spelling) ?? [])]).toContain(id);
  });
});
