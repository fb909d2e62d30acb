import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import type { RawArticle, ReadResult } from '../../src/ingest/raw-article.js';
import { reutersReader } from '../../src/ingest/reuters-reader.js';
import { fixture, sourceOf } from './reader-fixtures.js';

const byId = (result: ReadResult, id: number): RawArticle => {
  const found = result.articles.find((a) => a.extra.newId === id);
  if (!found) throw new Error(`no article NEWID=${id}`);
  return found;
};

describe('reutersReader.read on invented-wire.sgm', () => {
  const source = fixture('reuters/invented-wire.sgm');
  const result = reutersReader.read(source);

  it('reads every record with content and rejects the empty one', () => {
    expect(result.articles.map((a) => a.extra.newId)).toEqual([101, 102, 103, 105]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]!.code).toBe('DOSSIER_INPUT_BAD_RECORD');
    expect(result.rejected[0]!.location).toEqual({ file: 'reuters/invented-wire.sgm', line: 66 });
    expect(result.rejected[0]!.reason).toContain('NEWID=104');
  });

  it('decodes entities and drops the control trailer and the sign-off', () => {
    const story = byId(result, 101);
    expect(story.title).toBe('HALVERN MILLS <HLV> BUYS WHEAT & OATS');
    expect(story.text).toBe(
      'Halvern Mills Inc <HLV> said it\nbought 40,000 tonnes of wheat & oats for April delivery.\n' +
        '    The company said the grain would be milled at its river\nplant, which reopened last week.',
    );
  });

  it('reads outlet, byline, day-precision date and the catalogue fields', () => {
    const story = byId(result, 101);
    expect(story.outlet).toBe('Reuters');
    expect(story.author).toBe('Jane Example');
    expect(story.date).toEqual({ value: '1987-03-14', precision: 'day', raw: '14-MAR-1987 09:12:44.10', reason: 'from <DATE>' });
    expect(story.extra).toMatchObject({
      newId: 101,
      oldId: 9001,
      lewisSplit: 'TRAIN',
      topicsFlag: 'YES',
      textType: 'NORM',
      dateline: 'PORT HALVERN, March 14',
      topics: ['grain', 'wheat'],
      places: ['usa'],
      people: [],
    });
  });

  it('reads a date with wire junk after it', () => {
    expect(byId(result, 102).date?.value).toBe('1987-04-02');
  });

  it('keeps a brief as a title with an empty text, without the placeholder', () => {
    const brief = byId(result, 102);
    expect(brief.title).toBe('EXAMPLE BANK CUTS BASE RATE TO 9.5 PCT');
    expect(brief.text).toBe('');
    expect(brief.extra.textType).toBe('BRIEF');
  });

  it('takes an unprocessed story title from its first line and keeps the table', () => {
    const story = byId(result, 103);
    expect(story.title).toBe('RURITANIA CENTRAL BANK WEEKLY RESERVES - APR 3');
    expect(story.text).toBe(
      '    Week ended April 1           mlns of crowns\n Gold...................1,204 vs.....1,198\n' +
        ' Foreign exchange.........876 vs.......901',
    );
    expect(story.extra.textType).toBe('UNPROC');
  });

  it('drops a "REUTER...^M" sign-off but keeps "told Reuters" in the story', () => {
    const story = byId(result, 105);
    expect(story.text).toBe("Ruritania's trade minister told Reuters\nthe talks would resume next month.");
    expect(story.extra).toMatchObject({ people: ['example-minister'], orgs: ['gatt'], exchanges: ['nyse'] });
  });

  it('gives each record its own lines and bytes', () => {
    const story = byId(result, 101);
    expect(story.provenance).toMatchObject({ startLine: 2, endLine: 23, startByte: 36, reader: 'reuters' });
    const bytes = Buffer.from(source.text, 'utf8');
    const span = bytes.subarray(story.provenance.startByte, story.provenance.endByte).toString('utf8');
    expect(span.startsWith('<REUTERS ')).toBe(true);
    expect(span.endsWith('</REUTERS>')).toBe(true);
    expect(span).toContain('NEWID="101"');
  });

  it('maps every source run onto the same bytes of the file', () => {
    const bytes = Buffer.from(source.text, 'utf8');
    const story = byId(result, 101);
    // Entities split the body: "&lt;" and "&amp;" are decoded, so they sit between runs.
    expect(story.sourceRuns.length).toBeGreaterThan(1);
    for (const article of result.articles) {
      for (const run of article.sourceRuns) {
        const piece = article.text.slice(run.textStart, run.textStart + run.length);
        expect(bytes.subarray(run.sourceByte, run.sourceByte + Buffer.byteLength(piece)).toString('utf8')).toBe(piece);
      }
    }
  });
});

describe('reutersReader.read on broken files', () => {
  it('rejects a record cut off by the end of the file and keeps the one before', () => {
    const result = reutersReader.read(fixture('reuters/truncated.sgm'));
    expect(result.articles.map((a) => a.extra.newId)).toEqual([101]);
    expect(result.rejected.map((e) => [e.code, e.location.line])).toEqual([['DOSSIER_INPUT_BAD_RECORD', 24]]);
    expect(result.rejected[0]!.reason).toContain('NEWID=102');
  });

  it('rejects a record that is never closed when another record follows it', () => {
    const whole = fixture('reuters/invented-wire.sgm').text;
    const firstClose = whole.indexOf('</REUTERS>');
    const text = whole.slice(0, firstClose) + whole.slice(firstClose + '</REUTERS>'.length);
    const result = reutersReader.read(sourceOf(text, 'unclosed.sgm'));
    expect(result.articles.map((a) => a.extra.newId)).toEqual([102, 103, 105]);
    expect(result.rejected.map((e) => e.location.line)).toEqual([2, 66]);
  });

  it('rejects only the record holding an invalid UTF-8 byte, naming its line and byte', () => {
    const source = fixture('reuters/stray-byte.sgm');
    expect(source.badOffsets).toHaveLength(1);
    const result = reutersReader.read(source);
    expect(result.articles.map((a) => a.extra.newId)).toEqual([102, 103, 105]);
    const utf8 = result.rejected.find((e) => e.code === 'DOSSIER_INPUT_BAD_UTF8');
    expect(utf8?.location).toEqual({ file: 'reuters/stray-byte.sgm', line: 19, byte: source.byteAt(source.badOffsets[0]!) });
    expect(utf8?.reason).toContain('NEWID=101');
  });

  it('reads nothing, and rejects nothing, from a file without records', () => {
    const result = reutersReader.read(sourceOf('<!DOCTYPE lewis SYSTEM "lewis.dtd">\n', 'empty.sgm'));
    expect(result).toEqual({ articles: [], messages: [], rejected: [] });
  });
});

describe('reutersReader.sniff', () => {
  it.each([
    ['<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<REUTERS TOPICS="NO">', 'reut2-000.sgm', 1],
    ['<REUTERS TOPICS="YES" NEWID="7">\n<DATE>', 'part.txt', 0.9],
    ['no markup at all', 'reut2-000.sgm', 0.4],
    ['<rss version="2.0"><channel>', 'wire.xml', 0],
    ['{"title":"REUTERS ROUNDUP"}', 'lines.jsonl', 0],
  ])('scores %j named %s as %d', (head, name, score) => {
    expect(reutersReader.sniff(head, name)).toBe(score);
  });
});
