import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { formatTimeEvalLines, runTimeEval } from '../../src/eval/time-eval.js';
import { parseTimeml } from '../../src/eval/timeml.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/timeml');
const TBAQ = join(import.meta.dirname, '../../../shared/eval/tempeval3/TBAQ-cleaned');

describe('parseTimeml', () => {
  it('reads the DCT, the text between tags with entities decoded, and TIMEX3 spans into it', () => {
    const file = join(FIXTURES, 'wire/harbour-strike.tml');
    const doc = parseTimeml(file, readFileSync(file, 'utf8'));
    expect(doc.docId).toBe('example-wire-0001');
    expect(doc.dct).toBe('2020-05-05');
    expect(doc.text).toContain('three days & union leaders');
    expect(doc.timexes.map((t) => [doc.text.slice(t.start, t.end), t.type, t.value])).toEqual([
      ['Monday', 'DATE', '2020-05-04'],
      ['2014', 'DATE', '2014'],
      ['three days', 'DURATION', 'P3D'],
      ['Friday', 'DATE', '2020-05-08'],
    ]);
  });

  it('names the file and line of a tag that closes the wrong element', () => {
    const file = join(FIXTURES, 'bad/unclosed.tml');
    const read = () => parseTimeml(file, readFileSync(file, 'utf8'));
    expect(read).toThrow(InputError);
    expect(read).toThrow(/unclosed\.tml:7: closing <\/EVENT> does not match <TIMEX3>/);
  });

  it('rejects a document without TEXT', () => {
    expect(() => parseTimeml('empty.tml', '<TimeML>\n<DOCID>x</DOCID>\n</TimeML>')).toThrow(/empty\.tml:1: no <TEXT> element/);
  });
});

describe('runTimeEval', () => {
  it('scores the fixture folder: one gold expression missed, the rest exact', async () => {
    const scores = await runTimeEval(join(FIXTURES, 'wire'));
    expect(scores).toMatchObject({ documents: 2, gold: 7, system: 6, strictMatches: 6, relaxedMatches: 6, valueCorrect: 6 });
    expect(scores.relaxed.precision).toBe(1);
    expect(scores.relaxed.recall).toBeCloseTo(6 / 7, 6);
    expect(scores.errors.map((e) => [e.kind, e.gold])).toEqual([['missed', 'DATE PRESENT_REF "at this stage"']]);
  });

  it('scores a single file too', async () => {
    const scores = await runTimeEval(join(FIXTURES, 'wire/harbour-strike.tml'));
    expect(scores).toMatchObject({ documents: 1, gold: 4, system: 4, valueCorrect: 4 });
  });

  it('names a malformed file in the folder, skips it, and scores the rest', async () => {
    const scores = await runTimeEval(FIXTURES);
    expect(scores.rejected.map((e) => e.message)).toEqual([expect.stringMatching(/unclosed\.tml:7: closing <\/EVENT>/)]);
    expect(scores.documents).toBe(2);
  });

  it('reaches value F1 ≥ 0.80 on TempEval-3 TBAQ-cleaned (HeidelTime: 0.776)', async (ctx) => {
    if (!existsSync(TBAQ)) ctx.skip(`${TBAQ} is absent (it ships with ../shared)`);
    const scores = await runTimeEval(TBAQ);
    expect(scores.documents).toBe(256);
    expect(scores.gold).toBe(1822);
    expect([...scores.parts.keys()].sort()).toEqual(['AQUAINT', 'TimeBank']);
    expect(scores.value.f1).toBeGreaterThanOrEqual(0.8);
    expect(scores.relaxed.f1).toBeGreaterThan(0.9);
  });
});

describe('formatTimeEvalLines', () => {
  it('ends with the summary line', async () => {
    const lines = formatTimeEvalLines(await runTimeEval(join(FIXTURES, 'wire')));
    expect(lines.at(-1)).toBe('eval time value_f1=0.9231 strict_f1=0.9231 relaxed_f1=0.9231 type_acc=1.0000');
    expect(lines[0]).toMatch(/^all: docs=2 gold=7 system=6 /);
  });
});
