import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type GoldEvent, textFingerprint } from '../../src/eval/event-gold.js';
import { goldStoryProblems, parseStoryList, readGoldStories, StoryReader, sentenceBounds } from '../../src/eval/event-gold-stories.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');

// An invented JSONL corpus: a blank line and a line that is not JSON keep the later records' line numbers.
const FIRST = 'Sylvanian gunboats shelled the port of Nova on Monday.  Freedonia protested.';
const SECOND = '  Example Wire reported   that talks resumed.\r\n\r\nNo one was hurt.  ';
const dir = mkdtempSync(join(tmpdir(), 'dossier-gold-stories-'));
writeFileSync(
  join(dir, 'articles.jsonl'),
  [
    JSON.stringify({ title: 'Port shelled', text: FIRST, outlet: 'Example Wire', date: '2020-09-30' }),
    '',
    'not json',
    JSON.stringify({ title: 'Talks', text: SECOND, outlet: 'Example Wire', date: '2020-10-02' }),
  ].join('\n'),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const event = (sentence: [number, number]): GoldEvent => ({
  sentence,
  code: '194',
  root: '19',
  sources: [],
  targets: [],
  place: null,
  date: null,
  modality: 'asserted',
});

describe('StoryReader', () => {
  const reader = new StoryReader(dir);

  it('finds a JSONL record by the line it is on, whatever lines before it were skipped', () => {
    const first = reader.read({ file: 'articles.jsonl', line: 1 });
    const second = reader.read({ file: 'articles.jsonl', line: 4 });
    expect(typeof first !== 'string' && first.text).toBe(FIRST);
    // The text Dossier stores: the JSONL reader trims it.
    expect(typeof second !== 'string' && second.text).toBe(SECOND.trim());
    expect(typeof second !== 'string' && second.date?.value).toBe('2020-10-02');
    expect(reader.read({ file: 'articles.jsonl', line: 3 })).toBe('line 3 of articles.jsonl holds no article');
    expect(reader.read({ file: 'missing.jsonl', line: 1 })).toMatch(/^cannot read .*missing\.jsonl/);
  });

  it('finds a Reuters story by its NEWID', () => {
    const story = new StoryReader(FIXTURES).read({ file: 'reuters/invented-wire.sgm', newId: 101 });
    expect(typeof story !== 'string' && story.date?.value).toBe('1987-03-14');
    expect(new StoryReader(FIXTURES).read({ file: 'reuters/invented-wire.sgm', newId: 999 })).toBe('NEWID=999 is not in reuters/invented-wire.sgm');
  });
});

describe('sentenceBounds', () => {
  it('gives the splitter sentences in offsets of the raw text, ends on the last character', () => {
    const raw = SECOND.trim();
    const bounds = sentenceBounds(raw);
    expect(bounds.map(([s, e]) => raw.slice(s, e))).toEqual(['Example Wire reported   that talks resumed.', 'No one was hurt.']);
  });
});

describe('checking gold stories against their corpus', () => {
  const text = SECOND.trim();
  const [first, second] = sentenceBounds(text);
  const story = { file: 'articles.jsonl', line: 4, date: '2020-10-02', textSha1: textFingerprint(text), events: [event(first!), event(second!)] };

  it('reads the stories and accepts offsets on sentence bounds', () => {
    expect(readGoldStories(dir, [story]).map((a) => a.title)).toEqual(['Talks']);
    expect(goldStoryProblems(dir, [story])).toEqual([]);
  });

  it('names the story and the event of each problem', () => {
    const across = event([first![0], second![1]]);
    expect(goldStoryProblems(dir, [{ ...story, events: [event(first!), across] }])).toEqual([
      `story articles.jsonl:4 event 1: sentence [${first![0]}, ${second![1]}) is not one of the splitter's sentences`,
    ]);
    expect(goldStoryProblems(dir, [{ ...story, line: 1 }])).toEqual(['story articles.jsonl:1: the article text is not the one annotated (SHA-1 differs)']);
    expect(goldStoryProblems(dir, [{ ...story, line: 2 }])).toEqual(['story articles.jsonl:2: line 2 of articles.jsonl holds no article']);
    expect(() => readGoldStories(dir, [{ ...story, line: 1 }], 'pass-a.json')).toThrow(/story articles\.jsonl:1: the article text is not the one annotated/);
  });
});

describe('parseStoryList', () => {
  it('reads one reference a line, with comments, and reports the lines it cannot read', () => {
    const list = parseStoryList('# the list\nreuters reut2-020.sgm:20333  # a note\n\njsonl ../corpus/articles.jsonl:12\nreuters reut2-020.sgm\nrss feed.xml:3\n');
    expect(list.references).toEqual([
      { kind: 'reuters', path: 'reut2-020.sgm', id: 20333 },
      { kind: 'jsonl', path: '../corpus/articles.jsonl', id: 12 },
    ]);
    expect(list.errors).toEqual(['line 5: not "reuters FILE:NEWID" or "jsonl PATH:LINE"', 'line 6: not "reuters FILE:NEWID" or "jsonl PATH:LINE"']);
  });
});
