import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../events/analyze-text.js';

/** The entity mentions of a text of our own, as "text/TYPE". */
function mentions(text: string): string[] {
  const doc = analyzeText(text);
  return (doc.layers.entities ?? []).map((e) => `${doc.text.slice(e.start, e.end)}/${e.type}`);
}

describe('entities stage: tidying the spans the model finds', () => {
  it('ends a name before a parenthesis it does not close', () => {
    const found = mentions('The Example Front (Party of Freedom) group declared a ceasefire on Monday.');
    expect(found).toContain('Example Front/ORG');
    expect(found.some((m) => m.includes('('))).toBe(false);
  });
});
