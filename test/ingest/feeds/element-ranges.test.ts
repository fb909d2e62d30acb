import { describe, expect, it } from 'vitest';
import { findElementRanges } from '../../../src/ingest/feeds/element-ranges.js';

const cut = (text: string, name: string): string[] => findElementRanges(text, name).map((r) => text.slice(r.start, r.end));

describe('findElementRanges', () => {
  it.each([
    ['<c><item>a</item><item x="1">b</item></c>', ['<item>a</item>', '<item x="1">b</item>']],
    ['<c><item/><item></item></c>', ['<item/>', '<item></item>']],
    ['<c><!-- <item>no</item> --><item>yes</item></c>', ['<item>yes</item>']],
    ['<c><item><d><![CDATA[</item><item>]]></d></item></c>', ['<item><d><![CDATA[</item><item>]]></d></item>']],
    ['<c><item><d><item>inner</item></d></item></c>', ['<item><d><item>inner</item></d></item>']],
    ['<c><rss:item>p</rss:item><items>no</items></c>', ['<rss:item>p</rss:item>']],
    ['<c><item title="a > b">q</item></c>', ['<item title="a > b">q</item>']],
    ['<c><items/><entry>e</entry></c>', []],
  ])('cuts %j', (text, expected) => {
    expect(cut(text, 'item')).toEqual(expected);
  });
});
