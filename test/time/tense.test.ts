import { describe, expect, it } from 'vitest';
import { tenseNear, wordsOf } from '../../src/time/tense.js';

function tenseAt(sentence: string, expression: string): string {
  const start = sentence.indexOf(expression);
  return tenseNear(wordsOf(sentence), start, start + expression.length);
}

describe('tenseNear', () => {
  it('takes the nearest marker', () => {
    expect(tenseAt('The envoy said Friday that the talks will resume.', 'Friday')).toBe('past');
    expect(tenseAt('The envoy will meet rebels on Friday.', 'Friday')).toBe('future');
    expect(tenseAt('The border is closed on Friday.', 'Friday')).toBe('present');
    expect(tenseAt('Rebels attacked the town on Friday.', 'Friday')).toBe('past');
  });

  it('reads intentions followed by "to" as future, and the noun "plan" as nothing', () => {
    expect(tenseAt('The council plans to vote in June.', 'June')).toBe('future');
    expect(tenseAt('The thrift announced the plan in June.', 'June')).toBe('past');
  });

  it('reads an intention after "is" as future: the auxiliary does not hide it', () => {
    // "scheduled" after "is" is a participle, but "is scheduled to close" points ahead.
    expect(tenseAt('The sale of the unit is scheduled to close Monday.', 'Monday')).toBe('future');
    expect(tenseAt('The vote is expected to take place in June.', 'June')).toBe('future');
  });

  it('keeps a past verb right before the expression over a modal of the clause it reports', () => {
    expect(tenseAt('The board said Friday it will sell the mill.', 'Friday')).toBe('past');
    expect(tenseAt('Under the terms announced Friday, holders would receive two shares.', 'Friday')).toBe('past');
    // Without the adjacent past verb the modal still governs.
    expect(tenseAt('Holders would receive two shares on Friday.', 'Friday')).toBe('future');
  });

  it('reads a plan in the past perfect as past', () => {
    expect(tenseAt('The offer had been due to expire Friday.', 'Friday')).toBe('past');
    expect(tenseAt('The vote had been scheduled to take place Monday.', 'Monday')).toBe('past');
    expect(tenseAt('The council had planned to vote in June.', 'June')).toBe('past');
    expect(tenseAt('The vote has been scheduled to take place Monday.', 'Monday')).toBe('future');
  });

  it('reads "is to" before a verb as an arrangement ahead', () => {
    expect(tenseAt('The stock is to resume trading Tuesday.', 'Tuesday')).toBe('future');
    expect(tenseAt('The ministers are to meet in June.', 'June')).toBe('future');
  });

  it('ignores a participle after "be"', () => {
    expect(tenseAt('The dividend would be paid in January.', 'January')).toBe('future');
  });

  it('says unknown when no marker is in the sentence', () => {
    expect(tenseAt('Friday, a new start.', 'Friday')).toBe('unknown');
  });
});
