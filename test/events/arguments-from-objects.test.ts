import { describe, expect, it } from 'vitest';
import { analyzeText, codes, eventAt, names, placeName } from './analyze-text.js';

// Our own sentences about real actors; the publication date is Tuesday 5 May 2020.

describe('events: arguments read through the pattern’s object, the teller and the place words', () => {
  it('takes the target from the target phrase of the object a light-verb pattern names', () => {
    const doc = analyzeText('The Iranians launched a major overnight assault on the positions of two Iraqi brigades.');
    const e = eventAt(doc, 'launched');
    expect(e?.rootCode).toBe('19');
    expect(codes(e!.sources)).toEqual(['IRN']);
    expect(codes(e!.targets)).toEqual(['IRQMIL']);
  });

  it('takes a seized ship as the target, coded by its flag', () => {
    const doc = analyzeText('Iran has seized a British-flagged ship, Example Wire reported.');
    const e = eventAt(doc, 'seized');
    expect(e?.rootCode).toBe('17');
    expect(names(e!.targets).join(' ')).toMatch(/ship/);
    expect(codes(e!.targets)).toEqual(['GBR']);
  });

  it('reads "it" after a body that tells the event as that body', () => {
    const doc = analyzeText("Iran's elite Revolutionary Guard force said on Monday it shot down an American drone.");
    const e = eventAt(doc, 'shot');
    expect(e?.rootCode).toBe('19');
    expect(codes(e!.sources)[0]).toMatch(/^IRN/);
    expect(e?.modality).toBe('reported');
  });

  it('does not make a person the referent of "it"', () => {
    const doc = analyzeText('Donald Trump said it attacked the base.');
    const e = eventAt(doc, 'attacked');
    expect(names(e?.sources ?? []).join(' ')).not.toMatch(/Trump/);
  });

  it('places an event in a strait passed through, and a port named before its noun', () => {
    const doc = analyzeText('Iranian gunboats seized a tanker that was passing through the Strait of Hormuz on Monday.');
    expect(placeName(doc, eventAt(doc, 'seized')!)).toMatch(/Hormuz/);
    const field = analyzeText("Iraqi warplanes destroyed a pumping station at Iran's Ahvaz field on Monday.");
    expect(placeName(field, eventAt(field, 'destroyed')!)).toMatch(/Ahvaz/);
  });

  it('reads a city naming an event noun as its place, and a country as its actor', () => {
    const doc = analyzeText('At least 12 soldiers were killed in an Idlib attack on Monday.');
    const e = eventAt(doc, 'killed');
    expect(placeName(doc, e!)).toMatch(/Idlib/);
    expect(names(e!.sources).join(' ')).not.toMatch(/Idlib/);
    const us = analyzeText('Senators endorsed the U.S. attack on two oil platforms.');
    const a = eventAt(us, 'attack');
    expect(codes(a!.sources)[0]).toMatch(/^USA/);
    expect(a?.place).toBeNull();
  });

  it('reads a bombing\'s city as its place, an attack named after a person as aimed at him, and an apposition as no actor', () => {
    const blast = analyzeText('The Beirut blast killed five people on Monday.');
    const b = eventAt(blast, 'blast');
    expect(placeName(blast, b!)).toMatch(/Beirut/);
    expect(b!.sources).toEqual([]);
    const raid = analyzeText('Officials described the Abu Bakr al-Baghdadi raid in detail on Monday.');
    expect(names(eventAt(raid, 'raid')!.targets)).toEqual(['Abu Bakr al-Baghdadi']);
    expect(eventAt(raid, 'raid')!.sources).toEqual([]);
    const nato = analyzeText('"This morning, Turkey, a NATO member, invaded Syria," the senator said.');
    expect(names(eventAt(nato, 'invaded')!.sources)).toEqual(['Turkey']);
  });

  it('keeps a definite event noun in a prepositional phrase asserted under a saying verb', () => {
    const doc = analyzeText('Example Wire said no warning has been issued in the aftermath of the U.S. attack on the oil platforms.');
    expect(eventAt(doc, 'attack')?.modality).toBe('asserted');
    const content = analyzeText('The minister said Iranian troops attacked the oil platforms.');
    expect(eventAt(content, 'attacked')?.modality).toBe('reported');
  });

  it('reads the subject of "come under", "draw" and "receive" as the one the act is done to', () => {
    const doc = analyzeText('Kuwaiti tankers have come under repeated Iranian attack.');
    const e = eventAt(doc, 'attack');
    expect(codes(e!.sources)).toEqual(['IRN']);
    expect(codes(e!.targets)).toEqual(['KWT']);
    const un = analyzeText('The killing drew condemnation from the UN on Monday.');
    expect(codes(eventAt(un, 'condemnation')!.sources)).toEqual(['IGOUNO']);
  });

  it('codes a person the registry does not know by the title before the name, however it is parsed', () => {
    const doc = analyzeText('Ruritanian Foreign Minister Anton Kessler telephoned U.S. Secretary of State Mara Lindqvist on Monday.');
    const e = eventAt(doc, 'telephoned');
    expect(e?.code).toBe('041');
    expect(codes(e!.targets)).toEqual(['USAGOV']);
  });
});
