import { describe, expect, it } from 'vitest';
import { bodyTold } from '../../src/records/headline-mentions.js';
import { bestRecord, type MentionFeatures, type PlaceFeatures, type RecordFeatures, scoreMerge } from '../../src/records/link-events.js';

const mosul: PlaceFeatures = { id: 'gn:mosul', name: 'Mosul', lat: 36.34, lon: 43.13, precision: 'city', country: 'IRQ', admin1: 'IQ-NI' };
const basra: PlaceFeatures = { id: 'gn:basra', name: 'Basra', lat: 30.5, lon: 47.8, precision: 'city', country: 'IRQ', admin1: 'IQ-BA' };

/** "Soldiers die in rocket strike on Mosul base": a headline with no date, no place resolved, no actors. */
const headline = (over: Partial<MentionFeatures> = {}): MentionFeatures => ({
  eventId: 'e-head',
  articleId: 'a1',
  published: '2021-03-10',
  code: '190',
  rootCode: '19',
  plover: 'ASSAULT',
  date: null,
  dateEnd: null,
  datePrecision: null,
  place: null,
  sources: [],
  targets: [],
  start: 0,
  words: ['base', 'die', 'mosul', 'rocket', 'soldier', 'strike'],
  headline: true,
  ...over,
});

/** The record the article's body started: "Insurgents fired rockets at an army base near Mosul on Monday, killing six soldiers". */
const bodyRecord = (over: Partial<RecordFeatures> = {}): RecordFeatures => ({
  id: 'r-body',
  code: '193',
  rootCode: '19',
  plover: 'ASSAULT',
  date: '2021-03-08',
  dateEnd: '2021-03-08',
  datePrecision: 'day',
  place: mosul,
  sources: ['name:insurgents'],
  targets: ['name:soldiers'],
  articleIds: ['a1'],
  spans: [{ articleId: 'a1', start: 45 }],
  mentionWords: [['army', 'base', 'fire', 'insurgent', 'kill', 'mosul', 'rocket', 'soldier']],
  ...over,
});

describe('a headline in linking', () => {
  it('joins the record its own article’s body made, though undated and without place or actors', () => {
    const merge = scoreMerge(headline(), bodyRecord());
    expect(merge.linkable).toBe(true);
    expect(merge.reason).toContain('headline of the article');
    expect(bestRecord(headline(), [bodyRecord({ id: 'r-other', articleIds: ['a9'], spans: [] }), bodyRecord()])?.record.id).toBe('r-body');
  });

  it('does not join as a headline what is a body sentence far down the article, nor another article’s record', () => {
    expect(scoreMerge(headline({ headline: false, start: 5000 }), bodyRecord()).linkable).toBe(false);
    expect(scoreMerge(headline(), bodyRecord({ articleIds: ['a9'], spans: [{ articleId: 'a9', start: 45 }] })).linkable).toBe(false);
  });

  it('stays apart when its type or a known place disagrees', () => {
    expect(scoreMerge(headline({ code: '112', rootCode: '11', plover: 'ACCUSE' }), bodyRecord()).linkable).toBe(false);
    expect(scoreMerge(headline({ place: basra }), bodyRecord()).linkable).toBe(false);
  });
});

describe('bodyTold', () => {
  const m = (articleId: string, headline: boolean, id: string) => ({ articleId, headline, id });

  it('leaves out an article’s headline where its body tells the record too', () => {
    const mentions = [m('a1', false, 'body-1'), m('a1', true, 'head-1'), m('a2', true, 'head-2'), m('a3', false, 'body-3')];
    expect(bodyTold(mentions).map((x) => x.id)).toEqual(['body-1', 'head-2', 'body-3']);
  });

  it('keeps every mention when no headline is among them', () => {
    const mentions = [m('a1', false, 'x'), m('a2', false, 'y')];
    expect(bodyTold(mentions)).toEqual(mentions);
  });
});
