/**
 * Benchmark of repeat detection on Reuters-21578 (../shared/corpus/reuters21578/*.sgm).
 * Run: npx tsx bench/repeats.ts [--samples N]
 *
 * The SGML handling here is deliberately naive (bench only): the <BODY> of each story,
 * paragraphs at blank or indented lines, sentences at ". " before a capital. Stories are
 * added one at a time to a RepeatIndex, as the store would add articles as they arrive.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Passage, RepeatIndex, type RepeatLink } from '../src/text/repeats/index.js';

const CORPUS = new URL('../../shared/corpus/reuters21578/', import.meta.url).pathname;

interface Story {
  readonly id: string;
  readonly body: string;
}

function readStories(dir: string): Story[] {
  const stories: Story[] = [];
  const files = readdirSync(dir).filter((name) => name.endsWith('.sgm')).sort();
  for (const file of files) {
    const sgml = readFileSync(join(dir, file), 'latin1');
    for (const match of sgml.matchAll(/<REUTERS[^>]*NEWID="(\d+)"[^>]*>([\s\S]*?)<\/REUTERS>/g)) {
      const body = /<BODY>([\s\S]*?)<\/BODY>/.exec(match[2]!)?.[1];
      if (body !== undefined) stories.push({ id: match[1]!, body: decodeEntities(body) });
    }
  }
  return stories;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#\d+;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Paragraphs start after a blank line or at an indented line; sentences end at ". X". */
function storyPassages(story: Story): Passage[] {
  const passages: Passage[] = [];
  const breaks = /\n(?:[ \t]*\n)+|\n(?=[ \t]+\S)/g;
  let start = 0;
  const ends = [...story.body.matchAll(breaks)].map((m) => [m.index, m.index + m[0].length] as const);
  ends.push([story.body.length, story.body.length]);
  for (const [end, next] of ends) {
    addParagraph(story, start, end, passages);
    start = next;
  }
  return passages;
}

function addParagraph(story: Story, from: number, to: number, out: Passage[]): void {
  const text = story.body.slice(from, to);
  const lead = text.length - text.trimStart().length;
  const start = from + lead;
  const end = from + text.trimEnd().length;
  if (end <= start) return;
  out.push({ articleId: story.id, kind: 'paragraph', start, end, text: story.body.slice(start, end) });
  let sentenceStart = start;
  for (const m of story.body.slice(start, end).matchAll(/[.!?]["']?\s+(?=["']?[A-Z])/g)) {
    const sentenceEnd = start + m.index + m[0].trimEnd().length;
    out.push(sentence(story, sentenceStart, sentenceEnd));
    sentenceStart = start + m.index + m[0].length;
  }
  out.push(sentence(story, sentenceStart, end));
}

function sentence(story: Story, start: number, end: number): Passage {
  return { articleId: story.id, kind: 'sentence', start, end, text: story.body.slice(start, end) };
}

function describe(link: RepeatLink, byId: Map<string, Story>): string {
  const text = (ref: RepeatLink['a']) => byId.get(ref.articleId)!.body.slice(ref.start, ref.end).replace(/\s+/g, ' ');
  return `${link.kind}/${link.basis} ${link.similarity} ${link.a.kind}\n  A ${link.a.articleId}: ${text(link.a)}\n  B ${link.b.articleId}: ${text(link.b)}`;
}

function main(): void {
  const samplesArg = process.argv.indexOf('--samples');
  const samples = samplesArg >= 0 ? Number(process.argv[samplesArg + 1] ?? 10) : 0;
  let peakRss = process.memoryUsage.rss();
  const readStart = performance.now();
  const stories = readStories(CORPUS);
  const batches = stories.map(storyPassages);
  const readMs = performance.now() - readStart;
  const offered = batches.reduce((sum, batch) => sum + batch.length, 0);

  const rssBefore = process.memoryUsage.rss();
  const index = new RepeatIndex();
  const links: RepeatLink[] = [];
  let added = 0;
  const indexStart = performance.now();
  for (const batch of batches) {
    for (const link of index.add(batch)) links.push(link);
    if (++added % 200 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  const indexMs = performance.now() - indexStart;
  peakRss = Math.max(peakRss, process.memoryUsage.rss());

  const count = (pred: (l: RepeatLink) => boolean) => links.filter(pred).length;
  console.log(`stories ${stories.length}, passages offered ${offered}, indexed ${index.size}`);
  console.log(`read+split ${(readMs / 1000).toFixed(1)} s; index ${(indexMs / 1000).toFixed(1)} s`);
  console.log(`passages/s ${Math.round(offered / (indexMs / 1000))} (offered), ${Math.round(index.size / (indexMs / 1000))} (indexed)`);
  console.log(`links ${links.length}: paragraph ${count((l) => l.a.kind === 'paragraph')}, sentence ${count((l) => l.a.kind === 'sentence')}`);
  console.log(`  exact ${count((l) => l.kind === 'exact')}, near/jaccard ${count((l) => l.basis === 'jaccard')}, near/containment ${count((l) => l.basis === 'containment')}`);
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  console.log(`peak rss ${mib(peakRss)} (${mib(rssBefore)} with the corpus read, before indexing)`);
  if (samples > 0) {
    const byId = new Map(stories.map((s) => [s.id, s]));
    const near = links.filter((l) => l.kind === 'near');
    const step = Math.max(1, Math.floor(near.length / samples));
    for (let i = 0; i < near.length && i / step < samples; i += step) console.log(describe(near[i]!, byId));
  }
}

main();
