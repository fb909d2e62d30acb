import { describe, expect, it } from 'vitest';
import { analyzeText, codes, eventAt, eventsOf, names, placeName } from './analyze-text.js';

// Sentences are our own, about real actors or a fictional outlet; the publication date is
// Tuesday 5 May 2020 unless said otherwise, so "Monday" is 2020-05-04 and "Saturday" 2020-05-02.

describe('events: arguments', () => {
  it('codes a passive with its agent in an instrument phrase, and both coordinated targets', () => {
    const doc = analyzeText('Qassem Soleimani and Abu Mahdi al-Muhandis were assassinated in a US airstrike near Baghdad International Airport on January 3, 2020.');
    const e = eventAt(doc, 'assassinated');
    expect(e?.code).toBe('186');
    expect(e?.plover).toBe('ASSAULT');
    expect(codes(e!.sources)).toEqual(['USA']);
    expect(names(e!.targets).join(' ')).toMatch(/Soleimani.*Muhandis/);
    expect(placeName(doc, e!)).toMatch(/Baghdad International Airport/);
    expect(e?.date).toBe('2020-01-03');
    expect(e?.modality).toBe('asserted');
    // The airstrike is how the killing was done, not a second event.
    expect(eventAt(doc, 'airstrike')).toBeUndefined();
  });

  it('codes an active arrest: source before the verb, target after, count and place', () => {
    const doc = analyzeText('On Monday, Iraqi security forces arrested three Islamic State militants in Mosul.');
    const e = eventAt(doc, 'arrested');
    expect(e?.code).toBe('173');
    // The registry codes "Iraqi security forces" as the military; a role rule would say police.
    expect(['IRQCOP', 'IRQMIL']).toContain(e!.sources[0]?.cameo);
    expect(e!.targets.length).toBeGreaterThan(0);
    expect(placeName(doc, e!)).toMatch(/Mosul/);
    expect(e?.date).toBe('2020-05-04');
    expect(e?.magnitudes).toContainEqual(expect.objectContaining({ kind: 'arrested', value: 3, qualifier: 'exact' }));
  });

  it('builds a participant code from a demonym and a role word', () => {
    const doc = analyzeText('Israeli warplanes bombed a weapons depot near Damascus on Saturday.');
    const e = eventAt(doc, 'bombed');
    expect(e?.rootCode).toBe('19');
    expect(codes(e!.sources)).toEqual(['ISRMIL']);
    expect(placeName(doc, e!)).toMatch(/Damascus/);
    expect(e?.date).toBe('2020-05-02');
  });

  it('dates, places and counts a nominal event, folding the verb that tells its result', () => {
    const doc = analyzeText('The campaign followed Saturday’s assault in Diyala Province that killed at least 10 Iraqi soldiers.');
    const e = eventAt(doc, 'assault');
    expect(e?.rootCode).toBe('19');
    expect(e?.date).toBe('2020-05-02');
    expect(placeName(doc, e!)).toMatch(/Diyala/);
    expect(e?.magnitudes).toContainEqual(expect.objectContaining({ kind: 'killed', value: 10, qualifier: 'at-least' }));
    expect(eventAt(doc, 'killed')).toBeUndefined();
  });

  it('takes the time of the trigger’s own clause, not of the reporting clause', () => {
    const doc = analyzeText('The Iraqi army said on Monday that Islamic State militants attacked a checkpoint in Diyala on Saturday.');
    const e = eventAt(doc, 'attacked');
    expect(e?.date).toBe('2020-05-02');
    expect(e?.modality).toBe('reported');
  });

  it('places an event only where a preposition puts it, not in an actor’s country', () => {
    const doc = analyzeText('Iranian forces attacked Kurdish rebels.');
    const e = eventAt(doc, 'attacked');
    expect(e).toBeDefined();
    expect(e?.place).toBeNull();
    expect(e?.date).toBeNull();
    expect(e?.reason).toMatch(/publication date is not assumed/);
  });

  it('does not take the place of a reporting clause', () => {
    const doc = analyzeText('Turkish troops shelled Kurdish positions, a spokesman in Ankara said.');
    const e = eventAt(doc, 'shelled');
    expect(e?.code).toBe('194');
    expect(e?.place).toBeNull();
  });
});

describe('events: modality and attribution', () => {
  it.each([
    ['The Syrian army did not attack the town.', 'attack', 'negated'],
    ['Iran could strike US bases in Iraq.', 'strike', 'hypothetical'],
    ['Turkey will withdraw its troops from Syria.', 'withdraw', 'planned'],
    ['Turkey plans to withdraw its troops from Syria.', 'withdraw', 'planned'],
    ['The militia will attack US forces if Washington refuses to leave Iraq.', 'attack', 'conditional'],
    ['Iran denied that its forces attacked the tanker.', 'attacked', 'denied'],
    ['The Islamic State allegedly attacked a village in Nineveh.', 'attacked', 'claimed'],
    ['According to the Iraqi army, Islamic State militants attacked a village in Nineveh.', 'attacked', 'reported'],
    ['Israeli jets attacked a convoy in Syria on Monday.', 'attacked', 'asserted'],
  ])('%s → %s is %s', (text, trigger, modality) => {
    const e = eventAt(analyzeText(text), trigger);
    expect(e?.modality).toBe(modality);
    if (modality !== 'asserted' && modality !== 'reported') expect(e?.modalityCue).not.toBeNull();
  });

  it('attributes an event inside a quote to its speaker', () => {
    const doc = analyzeText('“Our fighters will attack the American bases,” Qais al-Khazali said on Monday.');
    const e = eventAt(doc, 'attack');
    expect(e?.attribution).not.toBeNull();
    expect(e?.attribution?.speaker ?? '').toMatch(/Khazali/);
    expect(['reported', 'planned']).toContain(e?.modality);
  });

  it('gives events in an opinion paragraph a lower confidence and says why', () => {
    const fact = eventAt(analyzeText('Israeli jets bombed a convoy in Syria on Monday.'), 'bombed');
    const opinion = eventAt(analyzeText('I think Israeli jets bombed a convoy in Syria on Monday, and we all know why.'), 'bombed');
    expect(opinion?.confidence).toBeLessThan(fact!.confidence);
    expect(opinion?.reason).toMatch(/opinion/);
  });
});

describe('events: a role noun and the name after it', () => {
  it('takes the person a rank and name name, however the parse hangs the name', () => {
    const doc = analyzeText('The drone strike killed Iranian commander General Qassem Soleimani in Baghdad.');
    expect(eventsOf(doc).flatMap((e) => e.targets.map((t) => t.actorId))).toContain('per-qasem-soleimani');
    const noun = analyzeText('The vote followed the US assassination of top Iranian commander Lieutenant General Qassem Soleimani.');
    expect(eventAt(noun, 'assassination')?.targets.map((t) => t.actorId)).toEqual(['per-qasem-soleimani']);
  });
});

describe('events: magnitudes', () => {
  it('reads counts of rockets and vague counts', () => {
    const doc = analyzeText('Two rockets slammed into the Green Zone in Baghdad on Thursday, and dozens of protesters were arrested in Basra.');
    const all = eventsOf(doc).flatMap((e) => e.magnitudes);
    expect(all).toContainEqual(expect.objectContaining({ kind: 'rockets', value: 2, qualifier: 'exact' }));
    expect(all).toContainEqual(expect.objectContaining({ kind: 'arrested', value: null, qualifier: 'vague' }));
  });

  it('adds the results told by participles to the event: killing three, injuring five', () => {
    const doc = analyzeText('The Israeli strike hit a farm near Quneitra on Monday, killing three civilians and injuring five others.');
    const e = eventsOf(doc).find((x) => x.rootCode === '19');
    expect(e?.magnitudes).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'killed', value: 3 }), expect.objectContaining({ kind: 'injured', value: 5 })]),
    );
  });
});

describe('events: what befell the people counted', () => {
  it('reads "50 dead" as killed and "3,000 injured" as injured, whatever the trigger', () => {
    const doc = analyzeText('At least 70 people were killed and 3,000 injured in the blast at the Example Harbor depot on Monday. Massive explosion rocks Example Harbor, 50 dead, thousands injured.');
    const all = eventsOf(doc).flatMap((e) => e.magnitudes);
    expect(all).toContainEqual(expect.objectContaining({ kind: 'killed', value: 70, qualifier: 'at-least' }));
    expect(all).toContainEqual(expect.objectContaining({ kind: 'injured', value: 3000 }));
    expect(all).not.toContainEqual(expect.objectContaining({ kind: 'killed', value: 3000 }));
    expect(all).toContainEqual(expect.objectContaining({ kind: 'killed', value: 50 }));
  });
});

describe('events: the toll of a protest', () => {
  it('reads "12 protesters were killed" and "the deaths of at least 14 protesters" as killed, not as the crowd', () => {
    const doc = analyzeText(
      'At least 12 protesters were killed in demonstrations that swept the capital on Friday, the Example Rights Commission said. Rallies went on through the night, reportedly resulting in the deaths of at least 14 protesters.',
    );
    const all = eventsOf(doc).flatMap((e) => e.magnitudes);
    expect(all).toContainEqual(expect.objectContaining({ kind: 'killed', value: 12, qualifier: 'at-least' }));
    expect(all).not.toContainEqual(expect.objectContaining({ kind: 'protesters', value: 12 }));
    expect(all).toContainEqual(expect.objectContaining({ kind: 'killed', value: 14, qualifier: 'at-least' }));
  });
});

describe('events: layer shape', () => {
  it('spans the sentence, fills every field and explains itself', () => {
    const doc = analyzeText('Iraqi forces detained a senior Islamic State commander in Anbar on Monday. Separately, the parliament met.');
    const e = eventAt(doc, 'detained')!;
    expect(doc.text.slice(e.start, e.end)).toContain('detained a senior');
    expect(doc.text.slice(e.trigger.start, e.trigger.end)).toBe('detained');
    expect(e.confidence).toBeGreaterThan(0);
    expect(e.confidence).toBeLessThanOrEqual(1);
    expect(e.reason).toMatch(/173/);
    expect(e.dateEnd).toBe('2020-05-04');
    expect(e.datePrecision).toBe('day');
  });
});

describe('datelines', () => {
  it('never makes the place of filing an actor', () => {
    const doc = analyzeText('HARBOURTON, March 4 - Three rockets struck a military base near the port on Monday, wounding two soldiers.', '2024-03-05');
    const events = doc.layers.events ?? [];
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) for (const p of e.sources) expect(doc.text.slice(p.span.start, p.span.end)).not.toBe('HARBOURTON');
  });
});

describe('events: dates from possessives and ranges', () => {
  it('dates "last week\'s strike" to that week, not to the whole year', () => {
    const e = eventAt(analyzeText("Last week's strike near Fallouja killed four militants."), 'strike');
    expect([e?.date, e?.dateEnd]).toEqual(['2020-04-27', '2020-05-03']);
  });

  it('dates a range whose year is written on its end only', () => {
    const doc = analyzeText('Israeli warplanes carried out five strikes in southern Lebanon from July 19 until August 20, 2019.');
    const e = eventsOf(doc)[0];
    expect([e?.date, e?.dateEnd]).toEqual(['2019-07-19', '2019-08-20']);
  });

  it('dates a range of weekdays told in the past tense to one week', () => {
    const e = eventAt(analyzeText('Israeli warplanes struck targets near Damascus from Monday to Wednesday.'), 'struck');
    expect([e?.date, e?.dateEnd]).toEqual(['2020-04-27', '2020-04-29']);
  });
});

describe('events: a range fronted before the clause', () => {
  it('dates the clause after "From July 19 until August 20, 2019," to the whole range', () => {
    const doc = analyzeText('From July 19 until August 20, 2019, Israeli warplanes carried out five strikes in southern Lebanon.');
    const e = eventsOf(doc)[0];
    expect([e?.date, e?.dateEnd]).toEqual(['2019-07-19', '2019-08-20']);
  });
});
