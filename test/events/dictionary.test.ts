import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { argumentClasses, inArgumentClass } from '../../src/knowledge/events/argument-classes.js';
import { cameoCode, cameoCodes, ploverOf } from '../../src/knowledge/events/cameo-table.js';
import shipped from '../../src/knowledge/events/event-dictionary.json' with { type: 'json' };
import mined from '../../src/knowledge/events/event-dictionary-petrarch.json' with { type: 'json' };
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

  it('follows the PLOVER manual where the 2021 mapping contradicts it', () => {
    // Lifting a curfew or a state of emergency is the manual's own example of CONCEDE.
    expect(ploverOf('0813').event).toBe('CONCEDE');
    expect(ploverOf('0814').event).toBe('CONCEDE');
    // A bombing not said to be a suicide attack is one with explosives; destroyed property is 'destroy'.
    expect(ploverOf('183')).toEqual({ event: 'ASSAULT', mode: 'explosives' });
    expect(ploverOf('1831')).toEqual({ event: 'ASSAULT', mode: 'suicide-attack' });
    expect(ploverOf('1712')).toEqual({ event: 'ASSAULT', mode: 'destroy' });
  });

  it('codes a planned act as the promise or threat it is: PLOVER has no future tense', () => {
    // "Example Land will give Sampleton a grant": AID in the future is AGREE; likewise a planned visit.
    expect(ploverOf('071', true)).toEqual({ event: 'AGREE', mode: null });
    expect(ploverOf('042', true)).toEqual({ event: 'AGREE', mode: null });
    // "will withdraw its troops": an announced retreat is CONCEDE.
    expect(ploverOf('0874', true)).toEqual({ event: 'CONCEDE', mode: null });
    // "will extend the curfew", "will expel the envoys", "will attack": threats, the mode their content.
    expect(ploverOf('1723', true)).toEqual({ event: 'THREATEN', mode: 'restrict' });
    expect(ploverOf('173', true)).toEqual({ event: 'THREATEN', mode: 'arrest' });
    expect(ploverOf('166', true)).toEqual({ event: 'THREATEN', mode: 'expel' });
    expect(ploverOf('161', true)).toEqual({ event: 'THREATEN', mode: 'relations' });
    expect(ploverOf('190', true)).toEqual({ event: 'THREATEN', mode: 'violence' });
    // Promises, demands, protests and concessions are what they are whenever they come.
    expect(ploverOf('100', true)).toEqual(ploverOf('100'));
    expect(ploverOf('141', true)).toEqual(ploverOf('141'));
    expect(ploverOf('0831', true)).toEqual(ploverOf('0831'));
    // Done, the act keeps its own type.
    expect(ploverOf('071')).toEqual({ event: 'AID', mode: null });
    expect(ploverOf('1723')).toEqual({ event: 'COERCE', mode: 'curfew' });
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
    expect(dictionary.verbs.get('detains')?.find((p) => p.text === 'detain')?.code).toBe('173');
    expect(dictionary.verbs.get('shot')?.some((p) => p.code === '193')).toBe(true);
    expect(dictionary.nouns.get('airstrikes')?.[0]?.code).toBe('195');
    // Longest pattern first: "withdraw troops" before "withdraw".
    const withdraw = dictionary.verbs.get('withdrew') ?? [];
    expect(withdraw[0]!.words.length).toBeGreaterThanOrEqual(withdraw.at(-1)!.words.length);
  });
});

describe('the patterns mined from PETRARCH-2', () => {
  const dictionary = loadEventDictionary();

  it('are loaded under the hand-written ones, marked with their file and layer', () => {
    const recall = dictionary.verbs.get('withdrew')?.find((p) => p.text === 'withdraw ambassador');
    expect(recall).toMatchObject({ code: '161', layer: 0, weight: 0.7 });
    expect(recall?.origin).toContain('event-dictionary-petrarch.json');
    expect(dictionary.verbs.get('withdrew')?.find((p) => p.text === 'withdraw')).toMatchObject({ code: '0874', layer: 1 });
    expect(dictionary.files[0]).toContain('event-dictionary-petrarch.json');
    expect(mined.source).toContain('CAMEO.2.0.txt');
    expect(mined.licence).toContain('MIT');
  });

  it('never repeat a hand-written pattern, and leave statements (01) out', () => {
    const ours = new Set(shipped.entries.flatMap((e) => e.verbs ?? []));
    for (const entry of mined.entries) {
      expect(entry.code.startsWith('01'), entry.code).toBe(false);
      for (const v of entry.verbs) expect(ours.has(v), v).toBe(false);
    }
  });

  it('lose a tie of equal length to a later layer', () => {
    const file = userFile('tie.json', '[{"code": "0874", "verbs": ["withdraw troops|forces"]}]');
    const d = loadEventDictionary({ extraFiles: [file] });
    // Longer patterns first; among the two-word ones matching "withdrew troops", the user's
    // comes first, then ours, then the mined ones.
    const twoWords = (d.verbs.get('withdrew') ?? []).filter((p) => p.words.length === 2);
    expect(twoWords[0]?.origin).toContain(file);
    const layers = twoWords.map((p) => p.layer);
    expect(layers).toEqual([...layers].sort((a, b) => b - a));
    expect(layers.at(-1)).toBe(0);
  });
});

describe('frames', () => {
  const dictionary = loadEventDictionary();

  it('are read for the ambiguous attack verbs, for their verbs only', () => {
    const strike = dictionary.verbs.get('struck')?.find((p) => p.text === 'strike');
    expect(strike?.code).toBe('190');
    expect(strike?.frame).toMatchObject({ needs: 'agent-or-target', agent: ['armed-agent', 'state'], target: ['attackable'], notTarget: ['non-attack-object'] });
    for (const verb of ['hit', 'target', 'attack', 'shoot', 'pound', 'slam', 'blast']) {
      expect(dictionary.verbs.get(verb)?.find((p) => p.text === verb)?.frame, verb).not.toBeNull();
    }
    expect(dictionary.nouns.get('strike')?.find((p) => p.text === 'strike')?.frame).toBeNull();
    expect(dictionary.verbs.get('assassinated')?.[0]?.frame).toBeNull();
  });

  it('name only classes the lexicon defines, and say which arguments they need', () => {
    const unknown = userFile('frame-unknown.json', '[{"code": "190", "verbs": ["clobber"], "frame": {"needs": "agent", "agent": ["giants"]}}]');
    expect(() => loadEventDictionary({ extraFiles: [unknown] })).toThrow(/entry 1 \(code "190"\): frame names the argument class "giants"/);
    const missing = userFile('frame-missing.json', '[{"code": "190", "verbs": ["clobber"], "frame": {"needs": "agent-or-target", "agent": ["armed-agent"]}}]');
    expect(() => loadEventDictionary({ extraFiles: [missing] })).toThrow(/frame\.target: needs "agent-or-target" but names no target class/);
    const good = userFile('frame-good.yaml', 'entries:\n  - code: "194"\n    verbs: ["clobber"]\n    frame: { needs: target, target: [attackable] }\n');
    expect(loadEventDictionary({ extraFiles: [good] }).verbs.get('clobbered')?.[0]?.frame).toEqual({ needs: 'target', agent: [], target: ['attackable'], notTarget: [], notAgent: [] });
  });

  it('sort arguments by head noun and actor code', () => {
    const c = argumentClasses();
    const armed = c.get('armed-agent')!;
    expect(inArgumentClass(armed, ['the', 'rebel', 'fighters'], null)).toBe(true);
    expect(inArgumentClass(armed, ['the', 'navy'], 'USAMIL')).toBe(true);
    expect(inArgumentClass(armed, ['the', 'book'], null)).toBe(false);
    expect(inArgumentClass(c.get('state')!, ['Iran'], 'IRN')).toBe(true);
    expect(inArgumentClass(c.get('state')!, ['the', 'United', 'Nations'], 'IGOUNO')).toBe(false);
    expect(inArgumentClass(c.get('attackable')!, ['an', 'oil', 'platform'], null)).toBe(true);
    expect(inArgumentClass(c.get('non-attack-object')!, ['a', 'record'], null)).toBe(true);
    expect(inArgumentClass(c.get('non-attack-object')!, ['a', 'trade', 'deal'], null)).toBe(true);
    expect(inArgumentClass(c.get('non-attack-cause')!, ['the', 'earthquake'], null)).toBe(true);
    expect(inArgumentClass(c.get('armed-agent')!, ['security', 'forces'], null)).toBe(true);
    expect(inArgumentClass(c.get('speaker')!, ['the', 'United', 'Nations'], 'IGOUNO')).toBe(true);
  });
});

describe('inflection', () => {
  it.each([
    ['plan', ['plans', 'planned', 'planning']],
    ['deny', ['denies', 'denied', 'denying']],
    ['seize', ['seizes', 'seized', 'seizing']],
    ['withdraw', ['withdrew', 'withdrawn', 'withdrawing']],
    ['shoot', ['shot', 'shoots', 'shooting']],
    ['sink', ['sank', 'sunk', 'sinks', 'sinking']],
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
