import { describe, expect, it } from 'vitest';
import { sliceRuns } from '../../src/ingest/source-runs.js';

describe('sliceRuns', () => {
  // "Café <X> said" decoded from "Café &lt;X> said" at byte 100: "&lt;" broke the run.
  const text = 'Café <X> said';
  const runs = [
    { textStart: 0, length: 5, sourceByte: 100 },
    { textStart: 6, length: 7, sourceByte: 110 },
  ];

  it('keeps whole runs that fall inside the slice, rebased', () => {
    expect(sliceRuns(text, runs, 0, text.length)).toEqual(runs);
    expect(sliceRuns(text, runs, 6, 13)).toEqual([{ textStart: 0, length: 7, sourceByte: 110 }]);
  });

  it('moves a cut run by the UTF-8 length of what was cut', () => {
    // Cutting "Caf" moves 3 bytes; cutting "Café" moves 5, since "é" is two bytes.
    expect(sliceRuns(text, runs, 3, 13)[0]).toEqual({ textStart: 0, length: 2, sourceByte: 103 });
    expect(sliceRuns(text, runs, 4, 13)[0]).toEqual({ textStart: 0, length: 1, sourceByte: 105 });
    expect(sliceRuns(text, runs, 8, 10)).toEqual([{ textStart: 0, length: 2, sourceByte: 112 }]);
  });

  it('drops runs outside the slice and returns none for an empty one', () => {
    expect(sliceRuns(text, runs, 5, 6)).toEqual([]);
    expect(sliceRuns(text, runs, 9, 9)).toEqual([]);
  });
});
