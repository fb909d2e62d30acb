import { describe, expect, it } from 'vitest';
import { analyzeText, codes, eventAt, eventsOf, names } from './analyze-text.js';

// Our own sentences; the publication date is Tuesday 5 May 2020.

describe('events: one event per real act, and acts done with each other each way', () => {
  it('folds the toll told around an attack into that attack', () => {
    const doc = analyzeText('Two civilians were killed and five wounded when shells hit the market in Tikrit on Sunday.');
    const violent = eventsOf(doc).filter((e) => ['18', '19', '20'].includes(e.rootCode));
    expect(violent).toHaveLength(1);
    expect(names(violent[0]!.targets)).toContain('Two civilians');
    expect(violent[0]!.magnitudes.map((m) => m.kind).sort()).toEqual(['injured', 'killed']);
  });

  it('folds a result told in a participle clause of the attack, however deep, and a toll around an attack verb that counts casualties itself', () => {
    const strikes = analyzeText('Last month the Israeli army carried out five strikes against militias in Iraq, blowing up four depots and killing ten fighters.');
    const violent = eventsOf(strikes).filter((e) => ['18', '19', '20'].includes(e.rootCode));
    expect(violent).toHaveLength(1);
    expect(names(violent[0]!.targets).join(' ')).toMatch(/fighters/);
    const struck = analyzeText('Three civilians were killed when rockets struck the market in Tikrit on Sunday.');
    expect(eventsOf(struck).filter((e) => ['18', '19', '20'].includes(e.rootCode))).toHaveLength(1);
  });

  it('keeps apart a second attack told with its own date, and an attack that is the object of another act', () => {
    const twice = analyzeText('Turkish jets bombed the village of Tal Rifaat on Friday and shelled it again on Saturday.');
    expect(
      eventsOf(twice)
        .filter((e) => e.rootCode === '19')
        .map((e) => e.date),
    ).toEqual(['2020-05-01', '2020-05-02']);
    const repelled = analyzeText('Iraq said its forces repelled the offensive near Basra.');
    expect(eventsOf(repelled).filter((e) => e.rootCode === '19')).toHaveLength(2);
  });

  it('never takes a time of day as the thing attacked', () => {
    const e = eventAt(analyzeText('Rebels attacked the base at dawn.'), 'attacked');
    expect(names(e!.targets)).toEqual(['base']);
  });

  it('keeps apart an act told with another modality, and one that names another party', () => {
    const doc = analyzeText('Gunmen attacked a police station in Mosul on Monday, but no officers were hurt.');
    const modalities = eventsOf(doc)
      .filter((e) => e.rootCode === '19')
      .map((e) => e.modality)
      .sort();
    expect(modalities).toEqual(['asserted', 'negated']);
  });

  it('gives an act two doers do with each other one event each way', () => {
    const doc = analyzeText('Israel and Bahrain will normalize diplomatic relations, the White House said.');
    const acts = eventsOf(doc).filter((e) => e.code === '054');
    expect(acts.map((e) => `${codes(e.sources)}>${codes(e.targets)}`).sort()).toEqual(['BHRGOV>ISR', 'ISR>BHRGOV']);
  });

  it('leaves two doers of a one-sided act together as its sources', () => {
    const doc = analyzeText('Turkey and Russia condemned the strike on Sunday.');
    const condemned = eventsOf(doc).filter((e) => e.rootCode === '11');
    expect(condemned).toHaveLength(1);
    expect(condemned[0]!.sources).toHaveLength(2);
  });
});

describe('events: a response still to come is a threat of force', () => {
  it('codes a response told as ahead as a threat (138), and a response told as done as no threat', () => {
    const ahead = analyzeText('The ministry said Iran would respond decisively to any aggression.');
    expect(eventsOf(ahead).map((e) => e.code)).toContain('138');
    const done = analyzeText('Turkey retaliated by shelling Syrian army positions near Idlib.');
    expect(eventsOf(done).map((e) => e.rootCode)).not.toContain('13');
  });

  it("takes 'we' in a direct quote as the speaker's side, and the attacker its sentence names as the one threatened", () => {
    const quoted = eventAt(analyzeText('"We will retaliate," Iranian Foreign Minister Mohammad Javad Zarif said on Monday.'), 'retaliate');
    expect(quoted?.code).toBe('138');
    expect(codes(quoted!.sources)).toEqual(['IRNGOV']);
    // The person speaks for his state: "we" is not the minister himself.
    expect(quoted!.sources[0]!.actorId).toBeNull();
    const threat = eventAt(analyzeText('The Iraqi leadership was quick to threaten vengeance after the Turkish raids on the border posts.'), 'threaten');
    expect(threat?.code).toBe('138');
    expect(codes(threat!.targets)).toEqual(['TUR']);
  });
});

describe('events: an act told as a kind is no event', () => {
  it('drops a material act in the simple present, or after a quantifier of kinds, when nothing dates or places it', () => {
    expect(eventsOf(analyzeText('Terrorism kills innocent people in every walk of life.'))).toHaveLength(0);
    expect(eventsOf(analyzeText('The group is responsible for numerous attacks targeting Americans.'))).toHaveLength(0);
    // A date or a place makes it an act that happened.
    expect(eventsOf(analyzeText('Terrorism killed 12 people in Iraq last year.')).length).toBeGreaterThan(0);
  });

  it('reads any act of a kind as hypothetical', () => {
    const e = eventAt(analyzeText('Any attack by Iran on American interests will be met with force, the adviser said.'), 'attack');
    expect(e?.modality).toBe('hypothetical');
  });
});

describe('events: a line pointing to another story tells no event of this one', () => {
  it('skips a paragraph opened by a link cue in capitals or with a colon, and keeps a sentence that only starts alike', () => {
    const doc = analyzeText('Rockets hit the base on Monday.\n\nRELATED Rebels attacked a convoy near Tikrit\n\nRead More: Jets struck a border post near Mosul\n\nRelated talks were held in Geneva on Tuesday.');
    const triggers = eventsOf(doc).map((e) => doc.text.slice(e.trigger.start, e.trigger.end));
    expect(triggers).toContain('hit');
    expect(triggers).toContain('talks');
    expect(triggers).not.toContain('attacked');
    expect(triggers).not.toContain('struck');
  });
});
