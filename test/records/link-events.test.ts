import { describe, expect, it } from 'vitest';
import {
  actorScore,
  bestRecord,
  canonicalRecord,
  dateGapDays,
  haversineKm,
  isLinkable,
  isSingleEvent,
  type MentionFeatures,
  type PlaceFeatures,
  placeOfEvent,
  placeScore,
  type RecordFeatures,
  recencyPrior,
  scoreMerge,
  textScore,
} from '../../src/records/link-events.js';

const mosul: PlaceFeatures = { id: 'gn:mosul', name: 'Mosul', lat: 36.34, lon: 43.13, precision: 'city', country: 'IRQ', admin1: 'IQ-NI' };
const basra: PlaceFeatures = { id: 'gn:basra', name: 'Basra', lat: 30.5, lon: 47.8, precision: 'city', country: 'IRQ', admin1: 'IQ-BA' };
const iraq: PlaceFeatures = { id: 'gn:iraq', name: 'Iraq', lat: 33, lon: 44, precision: 'country', country: 'IRQ', admin1: null };

const mention = (over: Partial<MentionFeatures> = {}): MentionFeatures => ({
  eventId: 'e1',
  articleId: 'a1',
  published: '2021-03-10',
  code: '193',
  rootCode: '19',
  plover: 'ASSAULT',
  date: '2021-03-08',
  dateEnd: '2021-03-08',
  datePrecision: 'day',
  place: mosul,
  sources: ['name:insurgents'],
  targets: ['name:soldiers'],
  words: ['army', 'base', 'insurgent', 'kill', 'mosul', 'rocket', 'soldier'],
  ...over,
});

const record = (over: Partial<RecordFeatures> = {}): RecordFeatures => ({
  id: 'r1',
  code: '193',
  rootCode: '19',
  plover: 'ASSAULT',
  date: '2021-03-08',
  dateEnd: '2021-03-08',
  datePrecision: 'day',
  place: mosul,
  sources: ['name:insurgents'],
  targets: ['name:soldiers'],
  articleIds: ['a0'],
  mentionWords: [['army', 'base', 'fire', 'insurgent', 'kill', 'mosul', 'rocket', 'soldier']],
  ...over,
});

describe('date and place measures', () => {
  it('measures gaps between dates of any precision, zero when they overlap', () => {
    expect(dateGapDays({ date: '2021-03-08', dateEnd: null }, { date: '2021-03-11', dateEnd: null })).toBe(3);
    expect(dateGapDays({ date: '2020-01', dateEnd: null }, { date: '2020-01-03', dateEnd: null })).toBe(0);
    expect(dateGapDays({ date: '2020-01', dateEnd: null }, { date: '2020-02-03', dateEnd: null })).toBe(3);
    expect(dateGapDays({ date: null, dateEnd: null }, { date: '2020-02-03', dateEnd: null })).toBeNull();
  });

  it('computes great-circle distances', () => {
    expect(haversineKm(mosul, basra)).toBeGreaterThan(500);
    expect(haversineKm(mosul, mosul)).toBe(0);
  });

  it('lets a country agree with a city inside it, and blocks precise places far apart', () => {
    expect(placeScore(iraq, mosul).score).toBe(0.5);
    expect(placeScore(mosul, basra).blocks).toBe(true);
    expect(placeScore(mosul, { ...basra, admin1: 'IQ-NI' }).blocks).toBe(false);
  });
});

describe('scoreMerge', () => {
  it('joins a second report of the same strike', () => {
    const s = scoreMerge(mention(), record());
    expect(s.linkable).toBe(true);
    expect(s.reason).toMatch(/same code.*same day.*same place/);
  });

  it('keeps apart events of other types, days beyond the window, and far places', () => {
    expect(scoreMerge(mention({ code: '141', rootCode: '14', plover: 'PROTEST' }), record()).linkable).toBe(false);
    expect(scoreMerge(mention({ date: '2021-03-15', dateEnd: '2021-03-15' }), record()).linkable).toBe(false);
    expect(scoreMerge(mention({ place: basra, sources: ['x'], targets: ['y'] }), record()).linkable).toBe(false);
  });

  it('joins a mention dated only by month to a day-dated record with the same actors', () => {
    expect(scoreMerge(mention({ date: '2021-03', dateEnd: '2021-03', datePrecision: 'month' }), record()).linkable).toBe(true);
  });

  it('lets an undated mention join only on strong target agreement, and never a record dated after its article', () => {
    const undated = mention({ date: null, dateEnd: null, datePrecision: null, place: null });
    expect(scoreMerge(undated, record()).linkable).toBe(true);
    expect(scoreMerge({ ...undated, targets: ['name:police'] }, record()).linkable).toBe(false);
    expect(scoreMerge(undated, record({ date: '2021-04-01', dateEnd: '2021-04-01' })).linkable).toBe(false);
  });

  it('joins an undated retelling without actors to a record of its own article only', () => {
    const retelling = mention({ code: '194', date: null, dateEnd: null, datePrecision: null, sources: [], targets: [] });
    expect(scoreMerge(retelling, record({ articleIds: ['a1'] })).linkable).toBe(true);
    expect(scoreMerge(retelling, record({ articleIds: ['a9'] })).linkable).toBe(false);
  });

  it('gives an undated mention the time of its own article only when it names no actors', () => {
    const bare = mention({ date: null, dateEnd: null, datePrecision: null, sources: [], targets: [] });
    const own = record({ articleIds: ['a1'], date: '2019-01-01', dateEnd: '2019-01-01' });
    expect(recencyPrior(bare, own)).toBeGreaterThan(recencyPrior({ ...bare, targets: ['name:soldiers'] }, own));
    expect(recencyPrior({ ...bare, articleId: 'a2' }, record({ date: '2021-02-01', dateEnd: '2021-02-01' }))).toBeGreaterThan(
      recencyPrior({ ...bare, articleId: 'a2' }, record({ date: '2019-02-01', dateEnd: '2019-02-01' })),
    );
  });

  it('picks the best of several candidates', () => {
    const best = bestRecord(mention(), [record({ id: 'weak', code: '190', sources: ['other'] }), record({ id: 'strong' })]);
    expect(best?.record.id).toBe('strong');
    expect(bestRecord(mention(), [record({ id: 'far', date: '2020-01-01', dateEnd: '2020-01-01' })])).toBeNull();
  });

  it('does not link what did not happen', () => {
    expect(isLinkable('planned')).toBe(false);
    expect(isLinkable('asserted')).toBe(true);
    expect(isLinkable('denied')).toBe(true);
  });
});

describe('a state and its bodies', () => {
  const undatedLead = mention({ date: null, dateEnd: null, datePrecision: null, place: null, sources: [], targets: ['cc-vlr'] });

  it('lets a bare state agree, at half weight, with a body the registry gives that state', () => {
    // "the Valerian oil attack" (the state) against "the attack on Valeria Petroleum" (its company).
    const company = record({ sources: [], targets: ['vlr-petroleum'], actorCountries: new Map([['vlr-petroleum', 'VLR']]) });
    expect(actorScore(undatedLead, company)).toMatchObject({ score: 0.5 });
    expect(actorScore(undatedLead, record({ sources: [], targets: ['vlr-petroleum'], actorCountries: new Map([['vlr-petroleum', 'OST']]) })).score).toBe(0);
    expect(actorScore(undatedLead, record({ sources: [], targets: ['cc-vlr'] })).score).toBe(1);
    // Half is not the strong agreement an undated mention outside its story needs.
    expect(scoreMerge(undatedLead, company).linkable).toBe(false);
    // Who did it is not its state (rebels of Valeria are not Valeria), nor is a person a body of it.
    expect(actorScore({ sources: ['cc-vlr'], targets: [] }, { sources: ['vlr-rebels'], targets: [], actorCountries: new Map([['vlr-rebels', 'VLR']]) }).score).toBe(0);
    expect(actorScore(undatedLead, record({ sources: [], targets: ['per-ana-velt'], actorCountries: new Map([['per-ana-velt', 'VLR']]) })).score).toBe(0);
  });
});

describe('the place of the event, not of its source', () => {
  const valeria: PlaceFeatures = { id: 'gn:valeria', name: 'Valeria', lat: 24, lon: 45, precision: 'country', country: 'VLR', admin1: null };
  const ostrand: PlaceFeatures = { id: 'gn:ostrand', name: 'Ostrand', lat: 15, lon: 48, precision: 'country', country: 'OST', admin1: null };
  const refinery: PlaceFeatures = { id: 'site:north-refinery', name: 'North Refinery', lat: 25.9, lon: 49.6, precision: 'site', country: 'VLR', admin1: 'VL-E' };
  // "claims by the rebels in Ostrand that they were responsible": the rebels' country, not the attack's.
  const claim = mention({ date: null, dateEnd: null, datePrecision: null, place: ostrand, sources: ['ost-rebels'], targets: [], actorCountries: new Map([['ost-rebels', 'OST']]), story: 's1' });
  const attack = record({ place: refinery, sources: ['ost-rebels'], targets: [], storyOf: new Map([['a0', 's1']]) });

  it('reads a country that is its own source’s as no place, so another report of the story joins', () => {
    expect(placeOfEvent(claim)).toBeNull();
    expect(scoreMerge(claim, attack).linkable).toBe(true);
    expect(scoreMerge({ ...claim, place: valeria }, attack).linkable).toBe(true);
  });

  it('keeps a country that is not its source’s, and a precise place, as the event’s place', () => {
    expect(placeOfEvent({ ...claim, sources: ['vlr-army'], actorCountries: new Map([['vlr-army', 'VLR']]) })).toBe(ostrand);
    expect(scoreMerge({ ...claim, sources: ['vlr-army'], actorCountries: new Map([['vlr-army', 'VLR']]) }, attack).linkable).toBe(false);
    const precise = { ...ostrand, id: 'gn:port', name: 'Port', precision: 'city' };
    expect(placeOfEvent({ ...claim, place: precise })).toBe(precise);
  });
});

describe('two sites of one event', () => {
  // "Drones struck the depots at Northport and Eastfield", told by one sentence: the record is
  // placed at the one, a later mention of the strike at the other, far apart in two provinces.
  const northport: PlaceFeatures = { id: 'gn:northport', name: 'Northport', lat: 25.9, lon: 49.6, precision: 'city', country: 'VLR', admin1: 'VL-E', words: ['northport'] };
  const eastfield: PlaceFeatures = { id: 'gn:eastfield', name: 'Eastfield', lat: 24.0, lon: 47.8, precision: 'city', country: 'VLR', admin1: 'VL-R', words: ['eastfield'] };
  const strike = record({ code: '190', place: northport, sources: [], targets: ['name:depots'], mentionWords: [['depot', 'drone', 'northport', 'strike']] });
  const atEastfield = mention({ code: '190', place: eastfield, sources: [], targets: ['name:depot'], words: ['depot', 'drone', 'eastfield', 'northport', 'strike'] });

  it('does not split a strike whose sentence names the record’s place too', () => {
    expect(placeScore(eastfield, northport).blocks).toBe(true);
    const merge = scoreMerge(atEastfield, strike);
    expect(merge.linkable).toBe(true);
    expect(merge.reason).toContain('both named in one sentence');
  });

  it('does not split it when one of the record’s sentences names the mention’s place', () => {
    const named = record({ ...strike, mentionWords: [['depot', 'drone', 'eastfield', 'northport', 'strike']] });
    expect(scoreMerge({ ...atEastfield, words: ['depot', 'drone', 'eastfield', 'strike'] }, named).linkable).toBe(true);
  });

  it('still splits far places no sentence names together', () => {
    expect(scoreMerge({ ...atEastfield, words: ['depot', 'drone', 'eastfield', 'strike'] }, strike).linkable).toBe(false);
    // A name of several words is told only when every word of it is.
    const twoWords = { ...northport, name: 'Northport Harbour', words: ['harbour', 'northport'] };
    expect(scoreMerge(atEastfield, { ...strike, place: twoWords }).linkable).toBe(false);
  });
});

describe('canonicalRecord', () => {
  it('prefers the most precise date, the most reported code and precise place, and spans first to last report', () => {
    const c = canonicalRecord([
      mention({ eventId: 'a', code: '190', date: '2021-03', dateEnd: '2021-03', datePrecision: 'month', place: iraq, published: '2021-03-20' }),
      mention({ eventId: 'b', published: '2021-03-09' }),
      mention({ eventId: 'c', sources: ['name:islamic state'], published: '2021-03-12' }),
    ]);
    expect([c.code, c.date, c.datePrecision, c.place?.name]).toEqual(['193', '2021-03-08', 'day', 'Mosul']);
    expect(c.sources).toEqual(['name:insurgents', 'name:islamic state']);
    expect([c.firstReported, c.lastReported, c.mentionCount]).toEqual(['2021-03-09', '2021-03-20', 3]);
  });
});

describe('retellings a few sentences on', () => {
  const lead = record({
    code: '194',
    date: null,
    dateEnd: null,
    datePrecision: null,
    sources: [],
    articleIds: ['a1'],
    spans: [{ articleId: 'a1', start: 100 }],
    mentionWords: [['barrage', 'base', 'contractor', 'kill', 'northern', 'quay', 'rocket', 'slamm']],
  });
  const later = (over: Partial<MentionFeatures>): MentionFeatures =>
    mention({ code: '190', date: null, dateEnd: null, datePrecision: null, place: null, sources: [], targets: [], start: 300, words: ['attack', 'believe', 'militia', 'minister', 'meet'], ...over });

  it('joins an undated mention that points back to the lead with a definite noun', () => {
    const s = scoreMerge(later({ definites: ['base'], sources: ['name:militias'] }), lead);
    expect(s.linkable).toBe(true);
    expect(s.reason).toContain('("the base")');
  });

  it('keeps apart a mention with its own actors and no pointer, or one too far on', () => {
    expect(scoreMerge(later({ sources: ['name:militias'] }), lead).linkable).toBe(false);
    expect(scoreMerge(later({ definites: ['base'], start: 5000 }), lead).linkable).toBe(false);
    expect(scoreMerge(later({ definites: ['base'], articleId: 'a2' }), lead).linkable).toBe(false);
  });
});

describe('a defence told with the attack', () => {
  // "Example warplanes struck a depot near Mosul … with the missiles", then "air defenses
  // downed most of the missiles": the attacked side's act, its roles the other way round.
  const strike = record({
    code: '195',
    sources: ['cc-exa'],
    targets: ['name:depot'],
    articleIds: ['a1'],
    spans: [{ articleId: 'a1', start: 100 }],
    mentionWords: [['depot', 'example', 'missile', 'mosul', 'shrapnel', 'strike', 'warplane', 'wound']],
  });
  const ward = (over: Partial<MentionFeatures> = {}): MentionFeatures =>
    mention({
      code: '190',
      place: null,
      sources: ['cc-irq'],
      targets: [],
      start: 300,
      definites: ['missile'],
      words: ['air', 'defense', 'down', 'missile'],
      defence: true,
      ...over,
    });

  it('joins the defence that points back to the attack, though its source is the other side', () => {
    const s = scoreMerge(ward(), strike);
    expect(s.linkable).toBe(true);
    expect(s.reason).toContain('the defence against its attack');
    // The same act told as an attack by the other side is no part of it.
    expect(scoreMerge(ward({ defence: false }), strike).linkable).toBe(false);
  });

  it('joins it undated, or by its story, but not on another day, nor unbound to the attack', () => {
    expect(scoreMerge(ward({ date: null, dateEnd: null, datePrecision: null }), strike).linkable).toBe(true);
    expect(scoreMerge(ward({ articleId: 'a2', story: 's1', definites: [] }), { ...strike, storyOf: new Map([['a1', 's1']]) }).linkable).toBe(true);
    expect(scoreMerge(ward({ date: '2021-03-10', dateEnd: '2021-03-10' }), strike).linkable).toBe(false);
    expect(scoreMerge(ward({ definites: [] }), strike).linkable).toBe(false);
    expect(scoreMerge(ward({ articleId: 'a2', definites: [] }), strike).linkable).toBe(false);
  });

  it('compares the defender with what was attacked, and what it warded off with the attacker', () => {
    // It names the attacker as what it repelled: the roles agree once turned round.
    const told = scoreMerge(ward({ targets: ['cc-exa'], definites: [], articleId: 'a2', story: 's1' }), { ...strike, storyOf: new Map([['a1', 's1']]) });
    expect(told.linkable).toBe(true);
    expect(told.reason).toContain('actor overlap 1.00');
    // Warding off another attacker's missiles is another incident.
    expect(scoreMerge(ward({ targets: ['cc-oth'] }), strike).linkable).toBe(false);
  });

  it('keeps the attacker as the record’s source', () => {
    const c = canonicalRecord([ward({ sources: ['cc-irq'] }), mention({ sources: ['cc-exa'], targets: ['name:depot'] }), ward({ sources: ['cc-irq'] })]);
    expect(c.sources).toEqual(['cc-exa']);
    expect(c.targets).toEqual(['name:depot']);
  });
});

describe('several events told at once', () => {
  it('keeps "two rocket attacks earlier this month" out of a record of one attack, but not out of one told alike', () => {
    const several = mention({ plural: true, date: '2021-03', dateEnd: '2021-03-31', datePrecision: 'month' });
    expect(scoreMerge(mention(), record()).linkable).toBe(true);
    expect(scoreMerge(several, record()).linkable).toBe(false);
    expect(scoreMerge(several, record()).reason).toContain('several events against one');
    expect(scoreMerge(several, record({ plural: true })).linkable).toBe(true);
  });
});

describe('text similarity', () => {
  it('ignores a record mention told by the same sentence of the same article', () => {
    const words = ['base', 'fighter', 'inquiry', 'rocket'];
    const m = mention({ articleId: 'a1', start: 100, words });
    const sameSentence = record({ spans: [{ articleId: 'a1', start: 100 }], mentionWords: [words] });
    expect(textScore(m, sameSentence).score).toBeNull();
    const otherArticle = record({ spans: [{ articleId: 'a2', start: 100 }], mentionWords: [words] });
    expect(textScore(m, otherArticle).score).toBe(1);
  });
});

describe('single events', () => {
  it('keeps undated plural mentions out of records, and dated ones in', () => {
    expect(isSingleEvent(mention({ plural: true, date: null }))).toBe(false);
    expect(isSingleEvent(mention({ plural: true }))).toBe(true);
    expect(isSingleEvent(mention({ date: null }))).toBe(true);
  });
});
