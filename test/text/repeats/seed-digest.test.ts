/**
 * Repeats in the shared seed digest (../shared/corpus/seed-digest.txt, read, never copied).
 * Each non-empty line is a paragraph; an article starts at the line before a byline. Two
 * Press TV reports, of April 18 and April 23, 2020, share five paragraphs and a reworded
 * lead; no other two articles share a paragraph.
 */

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { needsFiles } from '../../support/prerequisites.js';
import { findRepeats, type Passage, type RepeatLink } from '../../../src/text/repeats/index.js';

const DIGEST = new URL('../../../../shared/corpus/seed-digest.txt', import.meta.url);

// "Outlet – Month D, YYYY", "By Name | Outlet | Date", "By Name – Outlet – 09.04.2020":
// a short line with a – or | separator, ending in a year.
const BYLINE = /^.{0,80}\s[|–]\s.{0,60}\d{4}$/u;

interface Line {
  readonly number: number;
  readonly start: number;
  readonly text: string;
}

function digestLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  text.split('\n').forEach((line, i) => {
    if (line.trim() !== '') lines.push({ number: i + 1, start, text: line });
    start += line.length + 1;
  });
  return lines;
}

/** Paragraph passages (and crude sentences), the article named by its byline. */
function digestPassages(lines: Line[], withSentences: boolean): Passage[] {
  const passages: Passage[] = [];
  let article = '';
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (next !== undefined && BYLINE.test(next.text)) article = next.text;
    const end = line.start + line.text.length;
    passages.push({ articleId: article, kind: 'paragraph', start: line.start, end, text: line.text });
    if (!withSentences) return;
    let from = 0;
    for (const gap of line.text.matchAll(/(?<=[.!?]["”’]?) +(?=["“‘]?[A-Z])/g)) {
      passages.push(sentence(article, line, from, gap.index));
      from = gap.index + gap[0].length;
    }
    passages.push(sentence(article, line, from, line.text.length));
  });
  return passages;
}

function sentence(articleId: string, line: Line, from: number, to: number): Passage {
  return { articleId, kind: 'sentence', start: line.start + from, end: line.start + to, text: line.text.slice(from, to) };
}

describe('repeats in the seed digest', needsFiles(DIGEST), () => {
  const lines = existsSync(DIGEST) ? digestLines(readFileSync(DIGEST, 'utf8')) : [];
  const lineAt = new Map(lines.map((line) => [line.start, line.number]));
  const describeLink = (link: RepeatLink) =>
    `${link.a.articleId} L${lineAt.get(link.a.start)} ~ ${link.b.articleId} L${lineAt.get(link.b.start)} ${link.kind}`;

  it('splits the digest into its twelve articles', () => {
    expect(new Set(digestPassages(lines, false).map((p) => p.articleId)).size).toBe(12);
  });

  it('links the April 23 report to the April 18 one: a reworded lead and five paragraphs, nothing else', () => {
    const links = findRepeats(digestPassages(lines, false));
    const later = 'Press TV – April 23, 2020';
    const earlier = 'Press TV – April 18, 2020';
    expect(links.map(describeLink)).toEqual([
      `${later} L58 ~ ${earlier} L66 near`,
      `${later} L59 ~ ${earlier} L67 near`,
      `${later} L60 ~ ${earlier} L68 exact`,
      `${later} L61 ~ ${earlier} L76 exact`,
      `${later} L62 ~ ${earlier} L77 exact`,
      `${later} L63 ~ ${earlier} L78 exact`,
    ]);
    expect(links[0]!.similarity).toBeGreaterThan(0.8);
  });

  it('adds no sentence link when sentences are given too: every shared sentence lies in a linked paragraph', () => {
    const links = findRepeats(digestPassages(lines, true));
    expect(links.filter((l) => l.a.kind === 'sentence').map(describeLink)).toEqual([]);
    expect(links).toHaveLength(6);
  });
});
