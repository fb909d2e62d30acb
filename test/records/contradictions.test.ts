import { describe, expect, it } from 'vitest';
import { actorGroups, findContradictions, findFigureUpdates, type MentionClaim } from '../../src/records/contradictions.js';
import { claimActor } from '../../src/records/record-views.js';

const claim = (id: string, outlet: string, over: Partial<MentionClaim> = {}): MentionClaim => ({
  eventId: id,
  articleId: `a_${id}`,
  outlet,
  evidence: `text of ${id}`,
  sources: [{ key: 'name:insurgents', name: 'Insurgents' }],
  targets: [{ key: 'name:soldiers', name: 'four soldiers' }],
  date: '2021-03-08',
  datePrecision: 'day',
  place: { id: 'm', name: 'Mosul', lat: 36.34, lon: 43.13, precision: 'city', country: 'IRQ', admin1: 'IQ-NI' },
  magnitudes: [{ kind: 'killed', value: 4, qualifier: 'exact' }],
  ...over,
});

describe('findContradictions', () => {
  it('finds nothing when the reports agree', () => {
    expect(findContradictions([claim('1', 'A'), claim('2', 'B')])).toEqual([]);
  });

  it('lists each death toll with the outlets and events behind it', () => {
    const cs = findContradictions([claim('1', 'A'), claim('2', 'B', { magnitudes: [{ kind: 'killed', value: 6, qualifier: 'exact' }] }), claim('3', 'C')]);
    expect(cs).toEqual([
      {
        field: 'number:killed',
        values: [
          { value: '4', claimants: [], outlets: ['A', 'C'], articleIds: ['a_1', 'a_3'], eventIds: ['1', '3'], evidence: ['text of 1', 'text of 3'] },
          { value: '6', claimants: [], outlets: ['B'], articleIds: ['a_2'], eventIds: ['2'], evidence: ['text of 2'] },
        ],
      },
    ]);
  });

  it('compares who did it only between mentions of one kind of act', () => {
    const raid = (id: string, outlet: string) => claim(id, outlet, { code: '190', sources: [{ key: 'cc-usa', name: 'United States' }] });
    // "he detonated a suicide vest": a second act joined to the raid's record, with its own actor.
    const vest = claim('3', 'C', { code: '183', sources: [{ key: 'per-ivo', name: 'Ivo Baskar' }] });
    expect(findContradictions([raid('1', 'A'), raid('2', 'B'), vest]).map((c) => c.field)).toEqual([]);
    // Two versions of who raided are still a dispute.
    const other = claim('4', 'D', { code: '190', sources: [{ key: 'cc-vlm', name: 'Velmaria' }] });
    expect(findContradictions([raid('1', 'A'), raid('2', 'B'), vest, other]).map((c) => c.field)).toEqual(['source']);
  });

  it('keeps whose word each value is', () => {
    const [source] = findContradictions([
      claim('1', 'A', { modality: 'claimed', speaker: 'US officials', sources: [{ key: 'name:proxies', name: 'proxies' }] }),
      claim('2', 'B', { modality: 'reported', speaker: 'Iraqi investigation', sources: [{ key: 'grp-is', name: 'Islamic State' }] }),
      claim('3', 'C', { sources: [{ key: 'grp-is', name: 'Islamic State' }] }),
    ]);
    expect(source?.values.map((v) => [v.value, v.claimants, v.outlets])).toEqual([
      ['proxies (claimed, per US officials)', ['US officials'], ['A']],
      ['Islamic State', ['Iraqi investigation'], ['B', 'C']],
    ]);
  });

  it('treats "at least" as a lower bound', () => {
    const atLeast = (v: number) => [{ kind: 'killed', value: v, qualifier: 'at-least' }];
    expect(findContradictions([claim('1', 'A'), claim('2', 'B', { magnitudes: atLeast(3) })])).toEqual([]);
    expect(findContradictions([claim('1', 'A'), claim('2', 'B', { magnitudes: atLeast(5) })]).map((c) => c.field)).toEqual(['number:killed']);
  });

  it('flags different perpetrators, days and distant places', () => {
    const cs = findContradictions([
      claim('1', 'A'),
      claim('2', 'B', {
        sources: [{ key: 'arm-isis', name: 'Islamic State' }],
        date: '2021-03-09',
        place: { id: 'b', name: 'Basra', lat: 30.5, lon: 47.8, precision: 'city', country: 'IRQ', admin1: 'IQ-BA' },
      }),
    ]);
    expect(cs.map((c) => c.field)).toEqual(['source', 'date', 'place']);
    expect(cs[0]!.values.map((v) => [v.value, v.outlets])).toEqual([
      ['Insurgents', ['A']],
      ['Islamic State', ['B']],
    ]);
  });

  it('does not call a report naming fewer victims, a coarser date or a country a contradiction', () => {
    const cs = findContradictions([
      claim('1', 'A', { targets: [{ key: 'x', name: 'X' }, { key: 'y', name: 'Y' }] }),
      claim('2', 'B', { targets: [{ key: 'y', name: 'Y' }], date: '2021-03', datePrecision: 'month' }),
      claim('3', 'C', { targets: [{ key: 'x', name: 'X' }], place: { id: 'i', name: 'Iraq', lat: 33, lon: 44, precision: 'country', country: 'IRQ', admin1: null } }),
    ]);
    expect(cs).toEqual([]);
  });

  it('chains actor sets that share an actor', () => {
    expect(actorGroups([new Set(['x']), new Set(['y']), new Set(['x', 'y'])])).toBe(1);
    expect(actorGroups([new Set(['x']), new Set(['y'])])).toBe(2);
  });
});

describe('claimed and denied perpetrators', () => {
  const kh = [{ key: 'irq-kataib-hezbollah', name: 'Kataib Hezbollah' }];

  it('shows an accusation and its denial side by side, though they name one actor', () => {
    const cs = findContradictions([
      claim('1', 'A', { sources: kh, modality: 'claimed', speaker: 'US officials' }),
      claim('2', 'B', { sources: kh, modality: 'denied', speaker: 'Kataib Hezbollah' }),
    ]);
    const source = cs.find((c) => c.field === 'source');
    expect(source?.values.map((v) => [v.value, v.outlets])).toEqual([
      ['Kataib Hezbollah (claimed, per US officials)', ['A']],
      ['Kataib Hezbollah (denied, per Kataib Hezbollah)', ['B']],
    ]);
  });

  it('lays a claimed perpetrator beside another report’s, with no winner (the Kirkuk shape)', () => {
    const cs = findContradictions([
      claim('1', 'A', { sources: [{ key: 'name:iranian proxies', name: 'Iranian proxies' }], modality: 'claimed', speaker: 'Mike Pompeo' }),
      claim('2', 'A', { sources: [{ key: 'arm-isis', name: 'Islamic State' }] }),
    ]);
    expect(cs.find((c) => c.field === 'source')?.values.map((v) => v.value)).toEqual(['Iranian proxies (claimed, per Mike Pompeo)', 'Islamic State']);
  });

  it('does not dispute a denial of someone nobody accused', () => {
    const cs = findContradictions([claim('1', 'A', { sources: kh, modality: 'denied' }), claim('2', 'B', { sources: [] })]);
    expect(cs.some((c) => c.field === 'source')).toBe(false);
  });
});

describe('tolls over time', () => {
  const injured = (value: number, qualifier = 'exact') => [{ kind: 'injured', value, qualifier }];
  const on = (id: string, outlet: string, published: string, magnitudes: MentionClaim['magnitudes']) => claim(id, outlet, { published, magnitudes });

  it('shows a toll that rises from report to report as dated updates, not as a dispute', () => {
    const claims = [on('1', 'A', '2020-01-08', injured(0)), on('2', 'B', '2020-01-10', injured(11)), on('3', 'A', '2020-01-16', injured(34)), on('4', 'C', '2020-01-28', injured(110))];
    expect(findContradictions(claims)).toEqual([]);
    const [updates] = findFigureUpdates(claims);
    expect(updates?.kind).toBe('injured');
    expect(updates?.series.map((v) => [v.value, v.published, v.outlets])).toEqual([
      ['0', '2020-01-08', ['A']],
      ['11', '2020-01-10', ['B']],
      ['34', '2020-01-16', ['A']],
      ['110', '2020-01-28', ['C']],
    ]);
  });

  it('reads rising floors of one day ("more than 30", "at least 70") as updates too', () => {
    const claims = [on('1', 'A', '2020-08-04', injured(30, 'at-least')), on('2', 'B', '2020-08-04', injured(70, 'at-least'))];
    expect(findContradictions(claims)).toEqual([]);
    expect(findFigureUpdates(claims).map((u) => u.series.map((v) => v.value))).toEqual([['at least 30', 'at least 70']]);
  });

  it('keeps two exact figures of one day, or a later lower one, as a dispute', () => {
    const sameDay = [on('1', 'A', '2021-03-09', injured(4)), on('2', 'B', '2021-03-09', injured(6))];
    expect(findContradictions(sameDay).map((c) => c.field)).toEqual(['number:injured']);
    expect(findFigureUpdates(sameDay)).toEqual([]);
    const lower = [on('1', 'A', '2021-03-09', injured(6)), on('2', 'B', '2021-03-11', injured(4))];
    expect(findContradictions(lower).map((c) => c.field)).toEqual(['number:injured']);
  });

  it('never reads counts that do not grow (rockets) as updates', () => {
    const rockets = (v: number) => [{ kind: 'rockets', value: v, qualifier: 'exact' }];
    const claims = [on('1', 'A', '2020-09-30', rockets(3)), on('2', 'B', '2020-10-01', rockets(6))];
    expect(findContradictions(claims).map((c) => c.field)).toEqual(['number:rockets']);
    expect(findFigureUpdates(claims)).toEqual([]);
  });
});

describe('who an actor is, not how a report words it', () => {
  const source = (key: string, name: string, identified = true) => ({ sources: [{ key, name, identified }] });

  it('finds no perpetrator dispute between reports that say not who did it', () => {
    const cs = findContradictions([
      claim('1', 'A', source('name:unknown gunmen', 'unknown gunmen', false)),
      claim('2', 'B', source('name:terrorists', 'terrorists', false)),
      claim('3', 'C', source('grp-is', 'Islamic State')),
    ]);
    expect(cs.map((c) => c.field)).toEqual([]);
    // Two that do say, and differ, still disagree; the anonymous report is no value of the dispute.
    const two = findContradictions([
      claim('1', 'A', source('name:unknown gunmen', 'unknown gunmen', false)),
      claim('2', 'B', source('grp-is', 'Islamic State')),
      claim('3', 'C', source('cc-irn', 'Iran')),
    ]);
    expect(two.find((c) => c.field === 'source')?.values.map((v) => v.value)).toEqual(['Islamic State', 'Iran']);
  });

  it('reads one person in other spellings as one target, and a killed man beside his state as no dispute', () => {
    const target = (key: string, name: string) => ({ targets: [{ key, name }] });
    expect(
      findContradictions([
        claim('1', 'A', target('new:person:hisham-hashimi', 'Hisham al-Hashimi')),
        claim('2', 'B', target('new:person:hisham-hashemi', 'Hisham al-Hashemi')),
        claim('3', 'C', target('new:person:hashimi', 'Al-Hashimi')),
        claim('4', 'D', target('cc-irq', 'Iraq')),
      ]).map((c) => c.field),
    ).toEqual([]);
    // Another first name is another man.
    expect(
      findContradictions([claim('1', 'A', target('new:person:hisham-hashimi', 'Hisham al-Hashimi')), claim('2', 'B', target('new:person:ali-hashimi', 'Ali al-Hashimi'))]).map((c) => c.field),
    ).toEqual(['target']);
  });
});

describe('a news outlet read as the doer', () => {
  it('names no perpetrator to disagree with: it told the act', () => {
    const outlet = claimActor({ id: 'med-example-wire', name: 'Example Wire' }, 'med-example-wire', { cameo: 'VLRMED', type: 'organization', country: 'VLR', sector: 'media' }, 'source');
    const rebels = claimActor({ id: 'grp-sea-rebels', name: 'Sea Rebels' }, 'grp-sea-rebels', { cameo: 'VLRREB', type: 'group', country: 'VLR', sector: null }, 'source');
    expect(findContradictions([claim('1', 'A', { sources: [outlet] }), claim('2', 'B', { sources: [rebels] })]).map((c) => c.field)).toEqual([]);
    // As a target it is what was hit, and as a source of another kind of body it still says who.
    expect(claimActor({ id: 'med-example-wire', name: 'Example Wire' }, 'med-example-wire', { cameo: 'VLRMED', type: 'organization', country: 'VLR', sector: 'media' }, 'target').identified).toBe(true);
    expect(rebels.identified).toBe(true);
  });
});

describe('a defence told with the attack', () => {
  const strike = (id: string, outlet: string) => claim(id, outlet, { code: '195', sources: [{ key: 'cc-vlm', name: 'Velmaria' }], targets: [{ key: 'name:depot', name: 'an army depot' }] });
  // "Example air defenses downed most of the missiles": the attacked side's act.
  const ward = (id: string, outlet: string) =>
    claim(id, outlet, { code: '190', defence: true, sources: [{ key: 'cc-exa', name: 'Example Air Defense Force' }], targets: [{ key: 'cc-vlm', name: 'Velmaria' }] });

  it('does not read the defender as a rival attacker', () => {
    expect(findContradictions([strike('1', 'A'), ward('2', 'A'), ward('3', 'B')])).toEqual([]);
    // The same act told as an attack by the other side is a rival version of who attacked.
    expect(findContradictions([strike('1', 'A'), { ...ward('2', 'B'), defence: false }]).map((c) => c.field)).toEqual(['source']);
  });

  it('still compares who attacked between the attack’s own reports', () => {
    const other = claim('4', 'C', { code: '195', sources: [{ key: 'cc-oth', name: 'Otheria' }] });
    expect(findContradictions([strike('1', 'A'), ward('2', 'A'), other]).map((c) => c.field)).toEqual(['source']);
  });
});

describe('whose space it happened in', () => {
  it('shows "over international airspace" against "over Iranian airspace" as a disputed place, with who says each', () => {
    const cs = findContradictions([
      claim('1', 'A', { place: null, speaker: 'the Guard', evidence: 'The Guard said it shot down the drone over Iranian airspace.' }),
      claim('2', 'B', { place: null, speaker: 'US officials', evidence: 'US officials said the drone was downed over international airspace near the strait.' }),
      claim('3', 'C', { place: null, evidence: 'International airspace was where it flew, the navy said.' }),
    ]);
    const place = cs.find((c) => c.field === 'place');
    expect(place?.values.map((v) => [v.value, v.claimants])).toEqual([
      ['Iranian airspace', ['the Guard']],
      ['international airspace', ['US officials']],
    ]);
  });

  it('finds no dispute when the reports agree, or name waters that are no state\'s', () => {
    const agree = [claim('1', 'A', { place: null, evidence: 'The tanker was in international waters.' }), claim('2', 'B', { place: null, evidence: 'It sailed in International waters, the owner said.' })];
    expect(findContradictions(agree).map((c) => c.field)).toEqual([]);
    const gulf = [claim('1', 'A', { place: null, evidence: 'The tanker was in international waters.' }), claim('2', 'B', { place: null, evidence: 'It was seized in Gulf waters.' })];
    expect(findContradictions(gulf).map((c) => c.field)).toEqual([]);
  });

  it('reads a ship beside its flag state as one target', () => {
    const target = (key: string, name: string) => ({ targets: [{ key, name }] });
    expect(findContradictions([claim('1', 'A', target('cc-gbr', 'British')), claim('2', 'B', target('new:organization:stena-impero', 'Stena Impero'))]).map((c) => c.field)).toEqual([]);
    expect(findContradictions([claim('1', 'A', target('cc-gbr', 'British')), claim('2', 'B', target('cc-swe', 'Sweden'))]).map((c) => c.field)).toEqual(['target']);
  });
});

describe('one sentence carried by two reports', () => {
  it('says one day, though the reports anchored "today" on the days they ran', () => {
    const statement = '"Both sides will benefit from today\'s agreement," the statement read.';
    const cs = findContradictions([
      claim('1', 'A', { published: '2021-03-08', evidence: statement }),
      claim('2', 'B', { published: '2021-03-09', date: '2021-03-09', evidence: `“Both sides will benefit from today’s agreement,” the statement read.` }),
    ]);
    expect(cs.map((c) => c.field)).toEqual([]);
    // Two sentences of their own that give two days do disagree.
    expect(findContradictions([claim('1', 'A', { published: '2021-03-08' }), claim('2', 'B', { published: '2021-03-09', date: '2021-03-09' })]).map((c) => c.field)).toEqual(['date']);
  });

  it('reads two far sites one sentence names together as one event’s places, not a dispute', () => {
    const northport = { id: 'n', name: 'Northport', lat: 25.9, lon: 49.6, precision: 'city', country: 'VLR', admin1: 'VL-E' };
    const eastfield = { id: 'e', name: 'Eastfield', lat: 24.0, lon: 47.8, precision: 'city', country: 'VLR', admin1: 'VL-R' };
    const atNorthport = claim('1', 'Example Wire', { place: northport, evidence: 'Drones set the depots at Northport and Eastfield on fire, Example Wire reported.' });
    const atEastfield = claim('2', 'Example Times', { place: eastfield, evidence: 'The rebels said their drones hit the Eastfield depot.' });
    expect(findContradictions([atNorthport, atEastfield]).map((c) => c.field)).toEqual([]);
    // Or in two sentences of one report: it places the strike at one site and names the other.
    const apart = { ...atNorthport, evidence: 'Drones set the depots at Northport on fire, Example Wire reported.' };
    const eastfieldToo = claim('3', 'Example Wire', { articleId: apart.articleId, place: null, evidence: 'Smoke rose over Eastfield too.' });
    expect(findContradictions([apart, eastfieldToo, atEastfield]).map((c) => c.field)).toEqual([]);
    // Told apart by every report, the same two places are a disputed place.
    expect(findContradictions([apart, atEastfield]).map((c) => c.field)).toEqual(['place']);
  });

  it('reads a company’s facilities as the company among the targets', () => {
    const oil = { key: 'vlr-example-oil', name: 'Example Oil' };
    const facilities = { key: 'new:organization:example-oil-facilities', name: 'Example Oil Facilities' };
    const refinery = { key: 'new:organization:north-refinery', name: 'North Refinery' };
    expect(findContradictions([claim('1', 'Example Wire', { targets: [oil] }), claim('2', 'Example Times', { targets: [facilities] })]).map((c) => c.field)).toEqual([]);
    // Another body is still another target.
    expect(findContradictions([claim('1', 'Example Wire', { targets: [oil] }), claim('2', 'Example Times', { targets: [refinery] })]).map((c) => c.field)).toEqual(['target']);
  });
});
