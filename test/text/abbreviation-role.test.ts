import { describe, expect, it } from 'vitest';
import { abbreviationRole, isSentenceOpener } from '../../src/knowledge/abbreviations/index.js';

// The word as written, without its final period.
const roles: ReadonlyArray<readonly [string, ReturnType<typeof abbreviationRole>]> = [
  ['Gen', 'title'],
  ['Lt', 'title'],
  ['Mr', 'title'],
  ['St', 'title'],
  ['vs', 'title'],
  ['gen', null], // "the next gen." is a word
  ['No', 'number-label'],
  ['pp', 'number-label'],
  ['B', 'initial'],
  ['b', null],
  ['U.S', 'terminal'],
  ['a.m', 'terminal'],
  ['N.Y', 'terminal'],
  ['Inc', 'terminal'],
  ['Jr', 'terminal'],
  ['Jan', 'terminal'],
  ['Calif', 'terminal'],
  ['ill', null],
  ['etc', 'terminal'],
  ['US', null],
  ['Rowan', null],
  ['', null],
];

describe('abbreviationRole', () => {
  it.each(roles)('%s → %s', (word, role) => {
    expect(abbreviationRole(word)).toBe(role);
  });
});

describe('isSentenceOpener', () => {
  it.each([
    ['The', true],
    ['However', true],
    ['the', false],
    ['Embassy', false],
    ['', false],
  ] as const)('%s → %s', (word, expected) => {
    expect(isSentenceOpener(word)).toBe(expected);
  });
});
