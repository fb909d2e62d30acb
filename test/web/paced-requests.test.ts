import { describe, expect, it } from 'vitest';
import { atMostAtOnce } from '../../web/src/paced-requests.js';

describe('requests paced to the server\'s read threads', () => {
  it('keep at most the given number in flight, start the next as one ends, and keep the jobs\' order', async () => {
    let inFlight = 0;
    let most = 0;
    const started: number[] = [];
    const finish: Array<() => void> = [];
    const jobs = Array.from({ length: 5 }, (_, i) => async (): Promise<string> => {
      started.push(i);
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise<void>((done) => finish.push(done));
      inFlight--;
      return `page ${i}`;
    });
    const all = atMostAtOnce(jobs, 2);
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    // The second ends first: the third starts in its place, and the results keep the jobs' order.
    const settle = async (): Promise<void> => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
    };
    finish[1]!();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    // Then each in flight ends in turn (a bounded number of rounds: five jobs).
    for (let round = 0; round < 5 && inFlight > 0; round++) {
      for (const f of finish.splice(0)) f();
      await settle();
    }
    expect(await all).toEqual(['page 0', 'page 1', 'page 2', 'page 3', 'page 4']);
    expect(most).toBe(2);
  });

  it('run nothing for no jobs, and give the first failure', async () => {
    expect(await atMostAtOnce([], 2)).toEqual([]);
    await expect(atMostAtOnce([async () => 1, async () => Promise.reject(new Error('503 on page 2'))], 2)).rejects.toThrow('503 on page 2');
  });
});
