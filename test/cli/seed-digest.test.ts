
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsFiles } from '../support/prerequisites.js';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import { findArticles, getArticle } from '../../src/store/articles-repository.js';
import { openTestStore } from '../support/test-store.js';

const SEED = join(__dirname, '../../../shared/corpus/seed-digest.txt');

// Titles, outlets, authors and dates of the seed digest, in its order (facts, not text).
const EXPECTED: Array<[string, string, string | null, string]> = [
  ['US military presence in Iraq aimed at protecting Israel’s security, interests: PMU leader', 'Press TV', null, '2020-05-25'],
  ['Syrian Air Defenses Repel Israeli Missiles that Targeted a Military Site in the North of the Country', 'American Herald Tribune', 'Khaled Iskef', '2020-05-05'],
  ['Iraq mounts counter-terrorism operations amid warnings of US-Daesh plot to split region', 'Press TV', null, '2020-05-05'],
  ['US seeking to replace Iraq’s PMU in the western Anbar province bordering Syria: Analyst', 'Press TV', null, '2020-04-26'],
  ['US main stumbling block to Iraq’s possession of advanced air defense systems: Lawmaker', 'Press TV', null, '2020-04-23'],
  ['Iraqi parliament demands Baghdad’s procurement of Russia’s S-400 missile system', 'Press TV', null, '2020-04-18'],
  ['Buying Punishment for “Terrorists”: Washington’s Reward Program Is Largely Ineffective', 'American Herald Tribune', 'Philip Giraldi', '2020-04-15'],
  ['Why the US wouldn’t Ease Iran Sanctions', 'New Eastern Outlook', 'Salman Rafi Sheikh', '2020-04-09'],
  ['France, Czechs, & Other US Allies Exit Iraq Over COVID-19 Fears', 'Zero Hedge', 'Tyler Durden', '2020-03-27'],
  ['Pompeo and Netanyahu paved a path to war with Iran, and they’re pushing Trump again', 'The Grayzone', 'Gareth Porter', '2020-03-20'],
  ['U.S. Forces Withdraw From Key Base Near Syrian Border. More Rocket Attacks On U.S. Targets In Iraq', 'South Front', null, '2020-03-18'],
  ['US-Led Coalition Closing Several Bases in Iraq Following Rocket Attacks – Reports', 'Sputnik', null, '2020-03-16'],
];

describe('ingesting the seed digest', needsFiles(SEED), () => {
  it('gives exactly its 12 articles, their metadata, and the repeated passages', async () => {
    const store = await openTestStore('seed');
    const first = await ingestFiles(store, [SEED]);
    expect(first.errors).toEqual([]);
    expect(first.articlesNew).toBe(12);
    const rows = await findArticles(store, { sort: '-date' });
    const bySource = [...rows].sort((a, b) => a.source.startLine - b.source.startLine);
    expect(bySource.map((r) => [r.title, r.outlet, r.author, r.date])).toEqual(EXPECTED);
    expect(bySource.every((r) => r.datePrecision === 'day')).toBe(true);
    expect(bySource[7]!.dateReason).toMatch(/day-month/);

    const april23 = bySource[4]!;
    const april18 = bySource[5]!;
    const detail = await getArticle(store, april23.id);
    expect(detail!.repeatedPassages).toHaveLength(6);
    expect(new Set(detail!.repeatedPassages.map((p) => p.otherArticleId))).toEqual(new Set([april18.id]));
    expect(detail!.repeatedPassages.filter((p) => p.kind === 'exact')).toHaveLength(4);
    for (const other of bySource.filter((r) => r.id !== april23.id && r.id !== april18.id)) {
      expect((await getArticle(store, other.id))!.repeatedPassages).toEqual([]);
    }
    const bio = (await getArticle(store, bySource[7]!.id))!;
    expect(bio.authorBio).toMatch(/^Salman Rafi Sheikh is/);
    expect(bio.text).not.toContain(bio.authorBio!);

    const second = await ingestFiles(store, [SEED]);
    expect([second.articlesNew, second.articlesKnown]).toEqual([0, 12]);
    await store.destroy();
  });
});
