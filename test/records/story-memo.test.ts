import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoryMemo } from '../../src/records/story-memo.js';
import type { Store } from '../../src/store/open-store.js';
import { type StoredStory, storiesNear, writeStory } from '../../src/store/stories-repository.js';
import { openTestStore } from '../support/test-store.js';

const story = (id: string, day: number, terms: Array<[string, number]>): StoredStory => ({
  id,
  firstDay: day,
  lastDay: day,
  articleCount: 1,
  terms,
  actors: ['grp-example'],
  places: [],
});

/** What the clustering reads of each story: its id and words, as the memo gives them. */
const wordsOf = (read: Awaited<ReturnType<StoryMemo['near']>>): Array<[string, string[]]> => read.map((r) => [r.sums.id, [...r.features.terms.keys()]]);

describe('the stories a linker read before', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore('story-memo');
    await writeStory(store, story('s_bridge', 100, [['bridge', 1]]));
    await writeStory(store, story('s_port', 102, [['port', 1]]));
    await writeStory(store, story('s_later', 130, [['flood', 1]]));
  });
  afterAll(async () => {
    await store?.destroy();
  });

  it('are the window storiesNear reads, in its order', async () => {
    const memo = new StoryMemo();
    const read = await memo.near(store, 101, 7);
    expect(read.map((r) => r.sums)).toEqual(await storiesNear(store, 101, 7));
    expect(wordsOf(read)).toEqual([
      ['s_bridge', ['bridge']],
      ['s_port', ['port']],
    ]);
  });

  it('read again a story written since, and one whose write was rolled back', async () => {
    const memo = new StoryMemo();
    await memo.near(store, 101, 7);
    await writeStory(store, story('s_port', 102, [['port', 0.5], ['strike', 0.5]]));
    expect(wordsOf(await memo.near(store, 101, 7))).toEqual([
      ['s_bridge', ['bridge']],
      ['s_port', ['port', 'strike']],
    ]);
    const rollback = new Error('rolled back');
    await expect(
      store.transaction().execute(async (trx) => {
        await writeStory(trx, story('s_bridge', 101, [['convoy', 1]]));
        expect(wordsOf(await memo.near(trx, 101, 7))[0]).toEqual(['s_bridge', ['convoy']]);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(wordsOf(await memo.near(store, 101, 7))[0]).toEqual(['s_bridge', ['bridge']]);
  });

  it('read a row written before digests every time', async () => {
    const memo = new StoryMemo();
    await memo.near(store, 101, 7);
    await store.updateTable('stories').set({ terms: JSON.stringify([['ferry', 1]]), digest: null }).where('id', '=', 's_bridge').execute();
    expect(wordsOf(await memo.near(store, 101, 7))[0]).toEqual(['s_bridge', ['ferry']]);
  });
});
