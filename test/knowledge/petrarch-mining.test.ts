import { describe, expect, it } from 'vitest';
import { mine } from '../../scripts/mine-petrarch-verbs.js';

// A small verb dictionary in PETRARCH-2's format, written for this test: synonym sets, then
// verb blocks with patterns. Not taken from CAMEO.2.0.txt.
const DICTIONARY = `# test dictionary
&ENVOY_
+ENVOY
+AMBASSADOR
+ATTACHE
+CONSUL_GENERAL

####### VERB PATTERNS #######

---  RECALL   [---]  ---
RECALL
SUMMON_BACK
- * &ENVOY                                  [161]   # RECALL
- * TROOPS                                  [0874]  # SUMMON_BACK
- &MILITARY * TROOPS                        [154]   # RECALL
- * (FROM $)                                [161]   # RECALL

---  GREET   [043:042]  ---
GREET
HAIL [051]
- * DELEGATION                              [043:043] # GREET
- * (WITH FLOWERS)                          [043:017] # GREET

---  PLOT   [---]  ---
PLOT
- * COUP                                    [138]
- * COUP                                    [180]
- * ATTACK                                  [138]
- * STATEMENT                               [010]
- * TO ISSUE WARNING                        [130]

---  VOW   [130]  ---
VOW
VOW_SILENTLY
- * REVENGE                                 [138]   # VOW
- * ATTACK                                  [1384]  # VOW
- * STRIKE                                  [143]   # VOW

---  SQUASH   [175]  ---
SQUASH
- * REVOLT                                  [175]   # SQUASH

---  DECIDE   [030]  ---
DECIDE
`;

const options = {
  handWritten: [
    { code: '190', verbs: ['attack'], nouns: ['attack|attacks', 'strike'] },
    { code: '138', verbs: ['vow revenge|retaliation'] },
  ],
  exclusions: new Set(['hail', '&envoy attache']),
  speechVerbs: new Set(['say']),
};

describe('mining PETRARCH-2 verb patterns', () => {
  const result = mine(DICTIONARY, options);
  const code = (text: string) => result.entries.find((e) => e.verbs.includes(text))?.code;
  const all = result.entries.flatMap((e) => e.verbs);

  it('gives a pattern to the verb its comment names, expanding one-word synonym sets', () => {
    // The set's one-word members, less the excluded one; "consul general" is two words.
    expect(code('recall ambassador|envoy')).toBe('161');
    expect(code('summon troops')).toBeUndefined();
    // "SUMMON_BACK" is a phrase verb: the pattern is its, written with both words.
    expect(code('summon back troops')).toBe('0874');
  });

  it('skips what our matcher cannot say: words before the verb, a source slot after it', () => {
    expect(all.some((v) => v.startsWith('recall troops'))).toBe(false);
    expect(all).not.toContain('recall from');
  });

  it('takes a two-way code only when both ways agree', () => {
    expect(code('greet delegation')).toBe('043');
    expect(all).not.toContain('greet with flowers');
  });

  it('drops a pattern the file gives two codes, and statements', () => {
    expect(all).not.toContain('plot coup');
    expect(all).not.toContain('plot statement');
  });

  it('drops a pattern that would take our noun of another root, unless the verb is ours', () => {
    // "attack" is our 190 noun: "plot attack" (138) would swallow it.
    expect(all).not.toContain('plot attack');
    expect(result.dropped).toContain('noun conflict: plot attack [138]');
    // Ours give "vow" root 13, so "vow attack" (1384) stays; "vow strike" (143) would take our 190 noun.
    expect(code('vow attack')).toBe('1384');
    expect(all).not.toContain('vow strike');
  });

  it('drops a "to" that opens more words: our gapped match would read an infinitive through it', () => {
    expect(all.some((v) => v.startsWith('plot to'))).toBe(false);
  });

  it('leaves out what a hand-written pattern covers, and excluded verbs', () => {
    expect(all).not.toContain('vow revenge');
    expect(all).not.toContain('hail');
  });

  it('codes a bare verb only with a specific code of its own or its block', () => {
    expect(code('squash')).toBe('175');
    expect(code('decide')).toBeUndefined();
    expect(code('vow')).toBeUndefined();
    expect(code('vow silently')).toBeUndefined();
  });

  it('is deterministic: entries by code, patterns sorted', () => {
    expect(mine(DICTIONARY, options).entries).toEqual(result.entries);
    const codes = result.entries.map((e) => e.code);
    expect(codes).toEqual([...codes].sort());
  });
});
