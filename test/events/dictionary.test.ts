import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cameoCode, cameoCodes, ploverOf } from '../../src/knowledge/events/cameo-table.js';
import shipped from '../../src/knowledge/events/event-dictionary.json' with { type: 'json' };
import { nounForms, verbForms } from '../../src/knowledge/events/inflection.js';
import { compileEventDictionary, loadEventDictionary } from '../../src/knowledge/events/load-dictionary.js';

const dir = mkdtempSync(join(tmpdir(), 'dossier-event-dict-'));
function userFile(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('CAMEO code table', () => {
  it('holds the 20 roots and their sub-codes, with quad class and PLOVER mapping', () => {
    const roots = [...cameoCodes().values()].filter((c) => c.code.length === 2);
    expect(roots.map((c) => c.code)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(cameoCode('186')).toMatchObject({ root: '18', quad: 4, plover: 'ASSAULT', ploverMode: 'assassinate' });
    expect(cameoCode('173')).toMatchObject({ plover: 'COERCE', ploverMode: 'arrest' });
    expect(cameoCode('0874')?.parent).toBe('087');
  });

  it('gives codes the mapping omits their parent’s PLOVER type, and none to 01x and 02x', () => {
    expect(ploverOf('1951').event).toBe('ASSAULT');
    expect(ploverOf('1951').mode).toBeNull();
    expect(ploverOf('010').event).toBeNull();
    expect(ploverOf('0233').event).toBeNull();
  });
});

describe('the shipped event dictionary', () => {
  const dictionary = loadEventDictionary();

  it('uses only codes that exist in the CAMEO table, and covers every root', () => {
    for (const p of dictionary.patterns) expect(cameoCode(p.code), `${p.text} (${p.origin})`).toBeDefined();
    const roots = new Set(dictionary.patterns.map((p) => p.code.slice(0, 2)));
    expect(roots.size).toBe(20);
    expect(dictionary.patterns.length).toBeGreaterThan(600);
  });

  it('never lists one pattern under two codes', () => {
    const seen = new Map<string, string>();
    for (const entry of shipped.entries) {
      for (const [kind, list] of [
        ['verb', entry.verbs ?? []],
        ['noun', entry.nouns ?? []],
      ] as const) {
        for (const text of list) {
          const key = `${kind}:${text}`;
          expect(seen.get(key), `${key} is under ${seen.get(key)} and ${entry.code}`).toBeUndefined();
          seen.set(key, entry.code);
        }
      }
    }
  });

  it('indexes every inflected form of a verb and both numbers of a noun', () => {
    expect(dictionary.verbs.get('assassinated')?.[0]?.code).toBe('186');
    expect(dictionary.verbs.get('detains')?.[0]?.code).toBe('173');
    expect(dictionary.verbs.get('shot')?.some((p) => p.code === '193')).toBe(true);
    expect(dictionary.nouns.get('airstrikes')?.[0]?.code).toBe('195');
    // Longest pattern first: "withdraw troops" before "withdraw".
    const withdraw = dictionary.verbs.get('withdrew') ?? [];
    expect(withdraw[0]!.words.length).toBeGreaterThanOrEqual(withdraw.at(-1)!.words.length);
  });
});

describe('inflection', () => {
  it.each([
    ['plan', ['plans', 'planned', 'planning']],
    ['deny', ['denies', 'denied', 'denying']],
    ['seize', ['seizes', 'seized', 'seizing']],
    ['withdraw', ['withdrew', 'withdrawn', 'withdrawing']],
    ['shoot', ['shot', 'shoots', 'shooting']],
  ])('%s has forms %j', (lemma, forms) => {
    expect(verbForms(lemma)).toEqual(expect.arrayContaining(forms));
  });

  it('pluralizes nouns', () => {
    expect(nounForms('casualty')).toContain('casualties');
    expect(nounForms('strike')).toContain('strikes');
    expect(nounForms('talks')).toEqual(['talks']);
  });
});

describe('user event dictionaries', () => {
  it('adds patterns and recodes known ones', () => {
    const file = userFile('mine.yaml', 'entries:\n  - code: "1383"\n    verbs: ["vow jihad"]\n  - code: "193"\n    verbs: ["attack"]\n');
    const d = loadEventDictionary({ extraFiles: [file] });
    expect(d.verbs.get('vowed')?.find((p) => p.text === 'vow jihad')?.code).toBe('1383');
    expect(d.verbs.get('attacked')?.find((p) => p.text === 'attack')?.code).toBe('193');
    expect(d.files).toContain(file);
    // The shipped dictionary is left as it was.
    expect(loadEventDictionary().verbs.get('attacked')?.find((p) => p.text === 'attack')?.code).toBe('190');
  });

  it.each([
    ['an unknown code', '[{"code": "999", "verbs": ["frobnicate"]}]', /entry 1 \(code "999"\).*CAMEO event code/],
    ['a code absent from CAMEO', '[{"code": "0299", "verbs": ["frobnicate"]}]', /entry 1 \(code "0299"\): no such CAMEO event code/],
    ['an upper-case pattern', '{"entries": [{"code": "190", "verbs": ["attack"]}, {"code": "173", "verbs": ["Arrest"]}]}', /entry 2 \(code "173"\), verbs\[0\]: must be lower-case/],
    ['an unknown field', '[{"code": "190", "verbs": ["attack"], "colour": "red"}]', /entry 1 \(code "190"\).*colour/],
    ['an entry without words', '[{"code": "190"}]', /entry 1 \(code "190"\): gives no verbs and no nouns/],
  ])('rejects %s, naming the file and the entry', (_what, content, message) => {
    const file = userFile(`bad-${Math.random().toString(36).slice(2)}.json`, content);
    expect(() => loadEventDictionary({ extraFiles: [file] })).toThrow(message);
    expect(() => loadEventDictionary({ extraFiles: [file] })).toThrow(file);
  });

  it('rejects unparsable and missing files', () => {
    const broken = userFile('broken.json', '{"entries": [');
    expect(() => loadEventDictionary({ extraFiles: [broken] })).toThrow(/broken\.json: the event dictionary is not valid JSON/);
    expect(() => loadEventDictionary({ extraFiles: [join(dir, 'missing.yaml')] })).toThrow(/missing\.yaml: cannot read the event dictionary/);
  });

  it('compiles inline data', () => {
    const d = compileEventDictionary({ entries: [{ code: '141', nouns: ['sit-in'], of: 'source' }] });
    expect(d.nouns.get('sit-ins')?.[0]).toMatchObject({ code: '141', of: 'source', kind: 'noun' });
  });
});
