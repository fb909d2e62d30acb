import { describe, expect, it } from 'vitest';
import { findRepeats, type Passage, type RepeatLink } from '../../../src/text/repeats/index.js';
import { articlePassages, type InventedArticle } from './article-passages.js';
import { HARBOR_GAZETTE, PLAINS_COURIER, UPLAND_HERALD } from './invented-articles.js';

/** A link as "articleA#kind:start-end ~ articleB#kind:start-end kind/basis", for readable expectations. */
function describeLink(link: RepeatLink): string {
  const ref = (r: RepeatLink['a']) => `${r.articleId}#${r.kind}:${r.start}-${r.end}`;
  return `${ref(link.a)} ~ ${ref(link.b)} ${link.kind}/${link.basis}`;
}

function textOf(article: InventedArticle, passage: Pick<Passage, 'start' | 'end'>): string {
  return article.paragraphs.join('\n\n').slice(passage.start, passage.end);
}

describe('findRepeats on invented digests', () => {
  const links = findRepeats([HARBOR_GAZETTE, PLAINS_COURIER, UPLAND_HERALD].flatMap((a) => articlePassages(a)));

  it('links the rewritten lead, the retypeset quote and the lifted sentence, and nothing else', () => {
    const found = links.map((link) => ({
      kind: link.a.kind,
      match: `${link.kind}/${link.basis}`,
      a: textOf(HARBOR_GAZETTE, link.a).slice(0, 30),
      b: textOf(PLAINS_COURIER, link.b).slice(0, 30),
    }));
    expect(found).toEqual([
      { kind: 'paragraph', match: 'near/jaccard', a: "The Velmarian parliament's tra", b: "Last week, the Velmarian parli" },
      { kind: 'paragraph', match: 'exact/exact', a: '“The committee has presented a', b: '"The committee has presented a' },
      { kind: 'sentence', match: 'exact/exact', a: 'Ferry services on the Anselm r', b: 'Ferry services on the Anselm r' },
    ]);
  });

  it('orients each link from the passage added first to the later one', () => {
    for (const link of links) {
      expect(link.a.articleId).toBe(HARBOR_GAZETTE.id);
      expect(link.b.articleId).toBe(PLAINS_COURIER.id);
    }
  });

  it('gives a near-duplicate a similarity below 1 and an exact repeat exactly 1', () => {
    expect(links[0]!.similarity).toBeGreaterThan(0.8);
    expect(links[0]!.similarity).toBeLessThan(1);
    expect(links[1]!.similarity).toBe(1);
  });

  it('does not repeat a paragraph link as links between the sentences it contains', () => {
    const sentenceLinks = links.filter((l) => l.a.kind === 'sentence').map(describeLink);
    expect(sentenceLinks).toHaveLength(1);
  });
});

describe('findRepeats: what never links', () => {
  const cases: { name: string; articles: InventedArticle[] }[] = [
    {
      name: 'unrelated passages sharing common phrases',
      articles: [
        { id: 'x', paragraphs: ['The Velmarian parliament said on Monday that the ferry study was incomplete.'] },
        { id: 'y', paragraphs: ['The Velmarian parliament said on Monday that new taxes on fuel would start in June.'] },
      ],
    },
    {
      name: 'short passages, even identical',
      articles: [
        { id: 'x', paragraphs: ['The committee said on Monday.', 'Kessow port reopens'] },
        { id: 'y', paragraphs: ['The committee said on Monday.', 'Kessow port reopens'] },
      ],
    },
    {
      name: 'a headline and a byline of ten words or more, even identical',
      articles: [
        { id: 'x', paragraphs: ['Velmarian Parliament Demands Twelve New River Ferries for the Northern Provinces', 'By Tam Ostrava | Harbor Gazette | March 2, 2031'] },
        { id: 'y', paragraphs: ['Velmarian Parliament Demands Twelve New River Ferries for the Northern Provinces', 'By Tam Ostrava | Harbor Gazette | March 2, 2031'] },
      ],
    },
    {
      name: 'a paragraph repeated within one article',
      articles: [{ id: 'x', paragraphs: [HARBOR_GAZETTE.paragraphs[2]!, HARBOR_GAZETTE.paragraphs[2]!] }],
    },
    {
      name: 'a template with other figures',
      articles: [
        { id: 'x', paragraphs: ['The notes were priced to yield 30 basis points more than comparable state bonds.'] },
        { id: 'y', paragraphs: ['The notes were priced to yield 80 basis points more than comparable state bonds.'] },
      ],
    },
  ];

  it.each(cases)('$name', ({ articles }) => {
    expect(findRepeats(articles.flatMap((a) => articlePassages(a))).map(describeLink)).toEqual([]);
  });
});

describe('findRepeats: short sentences', () => {
  it('links a lightly edited 8-word sentence', () => {
    const links = findRepeats([
      ...articlePassages({ id: 'x', paragraphs: ["The Velmarian parliament's committee has submitted a study."] }),
      ...articlePassages({ id: 'y', paragraphs: ["Last week, the Velmarian parliament's committee submitted a study."] }),
    ]);
    expect(links.map((l) => [l.a.kind, l.kind, l.similarity])).toEqual([['paragraph', 'near', 0.5]]);
  });

  it('links only same-kind passages, so a paragraph given alone does not link to a sentence', () => {
    const lifted = 'Ferry services on the Anselm river were suspended in March after two vessels ran aground.';
    const links = findRepeats([
      { articleId: 'x', kind: 'paragraph', start: 0, end: lifted.length, text: lifted },
      { articleId: 'y', kind: 'sentence', start: 0, end: lifted.length, text: lifted },
    ]);
    expect(links).toEqual([]);
  });
});
