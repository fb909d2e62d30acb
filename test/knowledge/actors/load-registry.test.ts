import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { lookupActorName } from '../../../src/knowledge/actors/alias-index.js';
import { loadActorRegistry } from '../../../src/knowledge/actors/load-registry.js';

const dir = mkdtempSync(join(tmpdir(), 'dossier-actors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function loadError(path: string): InputError {
  try {
    loadActorRegistry({ extraFiles: [path] });
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('loadActorRegistry', () => {
  it('loads the shipped registry once and hands back the same object', () => {
    const a = loadActorRegistry();
    expect(loadActorRegistry()).toBe(a);
    expect(a.actors.get('cc-irq')?.name).toBe('Iraq');
    expect(a.actors.get('irq-gov')).toMatchObject({ name: 'Government of Iraq', capital: 'Baghdad', cameo: 'IRQGOV' });
  });

  it('adds actors from a YAML file and extends aliases of known ones', () => {
    const path = file(
      'extra.yaml',
      [
        'actors:',
        '  - id: irq-example-brigade',
        '    name: Example Brigade',
        '    aliases: [Liwa al-Mithal]',
        '    type: group',
        '    country: IRQ',
        '    sector: militia',
        '    memberOf: [irq-pmu]',
        '  - id: irq-pmu',
        '    aliases: [Hashd Example Spelling]',
        '',
      ].join('\n'),
    );
    const registry = loadActorRegistry({ extraFiles: [path] });
    expect(registry.actors.get('irq-example-brigade')).toMatchObject({ memberOf: ['irq-pmu'], roles: [], cameo: null });
    const pmu = registry.actors.get('irq-pmu')!;
    expect(pmu.aliases).toContain('Hashd Example Spelling');
    expect(pmu.aliases).toContain('PMU');
    expect(lookupActorName(registry, 'Liwa al-Mithal')[0]?.actorId).toBe('irq-example-brigade');
    expect(registry.files.at(-1)).toBe(path);
    // The shipped registry is untouched.
    expect(loadActorRegistry().actors.has('irq-example-brigade')).toBe(false);
  });

  it('replaces fields given, and aliases too with replaceAliases', () => {
    const path = file(
      'override.json',
      JSON.stringify([{ id: 'irq-aah', name: 'AAH (renamed)', aliases: ['Only Alias'], replaceAliases: true, note: 'x' }]),
    );
    const aah = loadActorRegistry({ extraFiles: [path] }).actors.get('irq-aah')!;
    expect(aah).toMatchObject({ name: 'AAH (renamed)', aliases: ['Only Alias'], note: 'x', sector: 'militia' });
  });

  it('names the file, line, actor and field of a validation error in YAML', () => {
    const path = file(
      'bad-sector.yaml',
      ['- id: irq-new-group', '  name: New Group', '  type: group', '  country: IRQ', '  sector: gang', ''].join('\n'),
    );
    const error = loadError(path);
    expect(error.code).toBe('DOSSIER_INPUT_BAD_RECORD');
    expect(error.location).toEqual({ file: path, line: 5 });
    expect(error.message).toContain(`${path}:5`);
    expect(error.reason).toMatch(/actor 'irq-new-group'.*sector/);
  });

  it('rejects a new actor that lacks required fields', () => {
    const error = loadError(file('partial.yaml', '- id: irq-nobody\n  name: Nobody\n'));
    expect(error.reason).toMatch(/irq-nobody.*new actor.*type/);
    expect(error.location.line).toBe(1);
  });

  it('rejects YAML syntax errors with their line', () => {
    const error = loadError(file('broken.yaml', 'actors:\n  - id: a\n    name: [unclosed\n'));
    expect(error.reason).toMatch(/invalid YAML/);
    expect(error.location.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects bad JSON with its line', () => {
    const error = loadError(file('broken.json', '[\n  {"id": "x",\n  oops\n]'));
    expect(error.code).toBe('DOSSIER_INPUT_BAD_JSON');
    expect(error.location.file).toContain('broken.json');
  });

  it('rejects references to unknown actors, duplicate ids, bad dates and reversed roles', () => {
    const base = { name: 'Someone', type: 'person', country: 'IRQ', sector: 'civilian' };
    const unknown = loadError(file('unknown.json', JSON.stringify([{ id: 'per-someone', ...base, memberOf: ['irq-nope'] }])));
    expect(unknown.reason).toMatch(/memberOf refers to unknown actor 'irq-nope'/);
    const twice = loadError(file('twice.json', JSON.stringify([{ id: 'per-a', ...base }, { id: 'per-a', ...base }])));
    expect(twice.reason).toMatch(/appears twice/);
    expect(twice.location.line).toBe(1);
    const role = (from: string | null, to: string | null) => [{ id: 'per-b', ...base, roles: [{ title: 'Minister', of: 'irq-gov', from, to }] }];
    expect(loadError(file('baddate.json', JSON.stringify(role('2020-13-01', null)))).reason).toMatch(/roles\.0\.from/);
    expect(loadError(file('reversed.json', JSON.stringify(role('2021-01-01', '2020-01-01')))).reason).toMatch(/ends .* before it starts/);
    // A former body's span is checked as a role's is.
    const span = (from: string | null, to: string | null) => [{ id: 'irq-old-council', name: 'Old Council', type: 'organization', country: 'IRQ', sector: 'government', existed: { from, to } }];
    expect(loadError(file('span.json', JSON.stringify(span('1991', '1979')))).reason).toMatch(/existed ends \(1979\) before it starts \(1991\)/);
    expect(loadError(file('spandate.json', JSON.stringify(span('1979-02-30x', null)))).reason).toMatch(/existed\.from/);
    expect(loadActorRegistry({ extraFiles: [file('spanok.json', JSON.stringify(span('1979-07-16', '2003-04-09')))] }).actors.get('irq-old-council')?.existed).toEqual({
      from: '1979-07-16',
      to: '2003-04-09',
    });
  });

  it('rejects unknown fields, ill-formed codes and unknown file types', () => {
    expect(loadError(file('typo.json', JSON.stringify([{ id: 'irq-pmu', alias: ['x'] }]))).reason).toMatch(/alias/);
    expect(loadError(file('cameo.json', JSON.stringify([{ id: 'irq-pmu', cameo: 'IRQ-MIL' }]))).reason).toMatch(/cameo/);
    expect(loadError(file('country.json', JSON.stringify([{ id: 'irq-pmu', country: 'Iraq' }]))).reason).toMatch(/country/);
    expect(loadError(file('actors.txt', 'hello')).code).toBe('DOSSIER_INPUT_UNKNOWN_FORMAT');
    expect(loadError(join(dir, 'missing.yaml')).code).toBe('DOSSIER_INPUT_UNREADABLE');
  });

  it('reports ambiguous aliases instead of failing', () => {
    const registry = loadActorRegistry();
    const lebaneseForces = registry.ambiguousAliases.find((a) => a.key === 'lebanese forces');
    expect(lebaneseForces?.actorIds).toEqual(['lbn-lf', 'lbn-mil']);
  });
});
