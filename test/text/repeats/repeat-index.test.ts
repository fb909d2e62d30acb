import { describe, expect, it } from 'vitest';
import { findRepeats, RepeatIndex, type RepeatLink } from '../../../src/text/repeats/index.js';
import { articlePassages } from './article-passages.js';
import { HARBOR_GAZETTE, PLAINS_COURIER, UPLAND_HERALD } from './invented-articles.js';

const key = (l: RepeatLink) => `${l.a.articleId}:${l.a.kind}:${l.a.start} ${l.b.articleId}:${l.b.kind}:${l.b.start} ${l.kind}`;

describe('RepeatIndex', () => {
  it('returns, on each add, only the links of the passages just added', () => {
    const index = new RepeatIndex();
    expect(index.add(articlePassages(HARBOR_GAZETTE))).toEqual([]);
    const second = index.add(articlePassages(PLAINS_COURIER));
    expect(second).toHaveLength(3);
    expect(second.every((l) => l.a.articleId === HARBOR_GAZETTE.id && l.b.articleId === PLAINS_COURIER.id)).toBe(true);
    expect(index.add(articlePassages(UPLAND_HERALD))).toEqual([]);
  });

  it('finds article by article the links findRepeats finds in one batch', () => {
    const articles = [HARBOR_GAZETTE, PLAINS_COURIER, UPLAND_HERALD];
    const index = new RepeatIndex();
    const incremental = articles.flatMap((a) => index.add(articlePassages(a)));
    const batch = findRepeats(articles.flatMap((a) => articlePassages(a)));
    expect(incremental.map(key).sort()).toEqual(batch.map(key).sort());
  });

  it('links two articles added in the same call', () => {
    const links = new RepeatIndex().add([...articlePassages(PLAINS_COURIER), ...articlePassages(HARBOR_GAZETTE)]);
    expect(links.map((l) => `${l.a.kind} ${l.kind}`)).toEqual(['paragraph near', 'paragraph exact', 'sentence exact']);
    // PLAINS_COURIER came first in this batch, so it is `a`.
    expect(links[0]!.a.articleId).toBe(PLAINS_COURIER.id);
  });

  it('still drops sentence links when sentences arrive in a later call than their paragraphs', () => {
    const index = new RepeatIndex();
    const paragraphsOnly = (a: typeof HARBOR_GAZETTE) => articlePassages(a).filter((p) => p.kind === 'paragraph');
    const sentencesOnly = (a: typeof HARBOR_GAZETTE) => articlePassages(a).filter((p) => p.kind === 'sentence');
    index.add(paragraphsOnly(HARBOR_GAZETTE));
    expect(index.add(paragraphsOnly(PLAINS_COURIER))).toHaveLength(2);
    index.add(sentencesOnly(HARBOR_GAZETTE));
    const sentenceLinks = index.add(sentencesOnly(PLAINS_COURIER));
    expect(sentenceLinks.map((l) => `${l.a.kind} ${l.kind}`)).toEqual(['sentence exact']);
  });

  it('counts only the passages it indexed: short ones, headlines and bylines are skipped', () => {
    const index = new RepeatIndex();
    index.add(articlePassages(HARBOR_GAZETTE, false));
    // Three body paragraphs; the headline, the byline and "The committee said on Monday." are not.
    expect(index.size).toBe(3);
  });
});
