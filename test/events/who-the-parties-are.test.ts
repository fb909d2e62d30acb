import { describe, expect, it } from 'vitest';
import { analyzeText, codes, eventAt, names } from './analyze-text.js';

// Our own sentences about real actors and places; the publication date is Tuesday 5 May 2020.

describe('events: who the parties are says what the act is and who did it', () => {
  it('codes a killing between armed forces as fighting (190), of protesters as repression (175), of a known person as assassination (186), else as assault (1823)', () => {
    const battle = eventAt(analyzeText('Communist rebels killed 18 soldiers on Mindanao island, the army said.'), 'killed');
    expect(battle?.code).toBe('190');
    expect(codes(battle!.sources)).toEqual(['REB']);
    const protest = eventAt(analyzeText('At least 21 protesters were killed in Basra on Friday.'), 'killed');
    expect(protest?.code).toBe('175');
    const murder = eventAt(analyzeText('Gunmen killed a journalist in Baghdad on Monday.'), 'killed');
    expect(murder?.code).toBe('1823');
    // A commander is a person: killing him is no battle, but the killing of a known person is
    // assassination (186).
    const general = eventAt(analyzeText('Pompeo and Bolton suggested the option of killing Qassem Soleimani.'), 'killing');
    expect(general?.code).toBe('186');
    // Murder and execution stay assault, whoever the victim.
    const executed = eventAt(analyzeText('The militants executed two captured soldiers on Sunday.'), 'executed');
    expect(executed?.code).toBe('1823');
  });

  it("takes a navy's ship as its state's military", () => {
    const e = eventAt(analyzeText('On Thursday, the USS Boxer downed an Iranian drone in the strait.'), 'downed');
    expect(codes(e!.sources)).toEqual(['USAMIL']);
    expect(names(e!.sources)).toEqual(['USS Boxer']);
    expect(codes(e!.targets)).toEqual(['IRNMIL']);
  });

  it('joins a country word to the body after it into one actor, and takes who died in an attack as its target', () => {
    const e = eventAt(analyzeText('Earlier, 22 Turkish soldiers died in a Syrian Air Force strike in Idlib.'), 'strike');
    // An air force strikes from the air (195).
    expect(e?.code).toBe('195');
    expect(names(e!.sources)).toEqual(['Syrian Air Force']);
    expect(codes(e!.sources)).toEqual(['SYRMIL']);
    expect(codes(e!.targets)).toEqual(['TURMIL']);
  });

  it('takes the subject of a verb that carries a verbal noun as who does it', () => {
    const e = eventAt(analyzeText('The foreign ministry voiced strong condemnation of the raid on Monday.'), 'condemnation');
    expect(e?.rootCode).toBe('11');
    expect(names(e!.sources).join(' ')).toMatch(/ministry/);
  });

  it('takes who launched an attack from the attack noun of a light-verb pattern, never as its target', () => {
    const e = eventAt(analyzeText('Hours after launching the Turkish military operation on the border villages, 20 civilians were hurt.'), 'launching');
    expect(codes(e!.sources)).toEqual(['TURMIL']);
    expect(codes(e!.targets).filter((c) => c?.startsWith('TUR'))).toEqual([]);
    const hostages = eventAt(analyzeText('Groups holding American hostages in Lebanon received the money, Example Wire said.'), 'holding');
    expect(codes(hostages!.sources)).not.toContain('USA');
  });

  it('takes a country before the thing attacked as whom the attack hit, and one before the attack noun as who made it', () => {
    const owned = eventAt(analyzeText('Pompeo called the Saudi oil attack an act of war on Wednesday.'), 'attack');
    expect(codes(owned!.targets)).toEqual(['SAU']);
    expect(codes(owned!.sources)).toEqual([]);
    const made = eventAt(analyzeText('An Iranian missile attack hit the tanker on Monday.'), 'missile');
    expect(codes(made!.sources)).toEqual(['IRN']);
    // A word mis-tagged as a noun ("retaliatory") owns nothing.
    const retaliation = eventAt(analyzeText('Lawmakers praised the U.S. retaliatory strike on Tuesday.'), 'strike');
    expect(codes(retaliation!.targets)).not.toContain('USA');
  });

  it("takes the 'on' phrase the parser hangs on the attacker as what the attack hit", () => {
    const e = eventAt(analyzeText('It was the first official reaction to the attack by four U.S. Navy destroyers on the Rostam oil platform.'), 'attack');
    expect(codes(e!.sources)).toEqual(['USAMIL']);
    expect(names(e!.targets).join(' ')).toMatch(/Rostam/);
  });

  it("takes a 'by' phrase the parser hangs on a place or on what was acted on as the agent", () => {
    const hit = eventAt(analyzeText('Several hundred vessels have been hit in the Gulf by Iran since 1984.'), 'hit');
    expect(codes(hit!.sources)).toEqual(['IRNGOV']);
    const detention = eventAt(analyzeText('The detention of Kuwaiti fishing vessels by Iran was not the first.'), 'detention');
    expect(codes(detention!.sources)).toEqual(['IRNGOV']);
  });

  it('takes who claims responsibility for an attack as its doer, and the attack as claimed', () => {
    const e = eventAt(analyzeText('The Houthis claimed responsibility for the drone attack on the oil facilities.'), 'drone');
    expect(codes(e!.sources)).toEqual(['YEMREB']);
    expect(e?.modality).toBe('claimed');
  });

  it('takes no subject or passive from before the "that" that opens the clause', () => {
    const e = eventAt(analyzeText('An official told Example Wire initial indicators are that three rockets struck a base near Erbil.'), 'struck');
    expect(names(e!.targets).join(' ')).not.toMatch(/indicators/);
    expect(names(e!.targets).join(' ')).toMatch(/base/);
  });

  it('takes a body named with its country as one actor, and keeps a country named beside a body of its own', () => {
    const e = eventAt(analyzeText("Yemen's Houthi rebels claimed the attack on the Abqaiq plant on Saturday."), 'attack');
    expect(codes(e!.sources)).toEqual(['YEMREB']);
    const both = eventAt(analyzeText('Iran and its proxies attacked the base on Monday.'), 'attacked');
    expect(codes(both!.sources)[0]).toBe('IRN');
  });
});
