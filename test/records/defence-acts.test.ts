import { describe, expect, it } from 'vitest';
import { attackSide, isDefenceAct } from '../../src/records/defence-acts.js';

describe('isDefenceAct', () => {
  it.each([
    ['repelled', ' and downed most of the missiles.', true],
    ['repelled', ' several hostile missiles, resulting in blasts', true],
    ['intercepted', ' two rockets fired at the airport', true],
    ['shot', ' down three of the missiles over the bay', true],
    ['thwarted', ' an assault on the northern checkpoint', true],
    ['Repel', ' Example Missiles that Targeted a Depot', true],
    // The object is no attack warded off: the act is the event itself.
    ['shot', ' down a surveillance drone over the strait', false],
    ['intercepted', ' a tanker bound for the port', false],
    // Another clause's attack word is not the object.
    ['repelled', ' the crowd, which had come after the attack', false],
    ['fired', ' missiles at the depot', false],
    ['shot', ' dead two guards at the gate', false],
  ])('%s%s → %s', (trigger, after, expected) => {
    expect(isDefenceAct(trigger, after)).toBe(expected);
  });
});

describe('attackSide', () => {
  it('leaves the defences out of a record that holds the attack, and keeps a record of defences whole', () => {
    const attack = { id: 'strike', defence: false };
    const ward = { id: 'ward', defence: true };
    expect(attackSide([ward, attack]).map((m) => m.id)).toEqual(['strike']);
    expect(attackSide([ward, { id: 'ward2', defence: true }]).map((m) => m.id)).toEqual(['ward', 'ward2']);
    const plain: { id: string; defence?: boolean } = { id: 'plain' };
    expect(attackSide([plain]).map((m) => m.id)).toEqual(['plain']);
  });
});
