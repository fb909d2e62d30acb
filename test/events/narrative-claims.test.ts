import { describe, expect, it } from 'vitest';
import { nounChunks } from '../../src/events/participants.js';
import { scareQuotes, withoutQuoteMarks } from '../../src/events/scare-quotes.js';
import { buildDocumentView } from '../../src/events/sentence-view.js';
import { analyzeText, eventAt, names, placeName } from './analyze-text.js';

/** Sentences of our own (fictional events), one rule each. */

describe('narrative date: a past event with no time of its own', () => {
  it('takes the last day date of an earlier sentence of its paragraph, and says so', () => {
    const doc = analyzeText('Late on March 3, the convoy reached the border. A rocket barrage hit a police post near Tal Afar, killing two officers.', '2021-04-01');
    const e = eventAt(doc, 'barrage');
    expect(e?.date).toBe('2021-03-03');
    expect(e?.reason).toContain('date from preceding sentence');
  });

  it('does not cross into another paragraph', () => {
    const doc = analyzeText('Late on March 3, the convoy reached the border.\n\nA rocket barrage hit a police post near Tal Afar, killing two officers.', '2021-04-01');
    expect(eventAt(doc, 'barrage')?.date).toBeNull();
  });

  it('leaves a pluperfect, a future event and a date after publication undated', () => {
    const pluperfect = analyzeText('On March 3, the minister met the governor. Gunmen had attacked the governor’s office.', '2021-04-01');
    expect(eventAt(pluperfect, 'attacked')?.date).toBeNull();
    const future = analyzeText('On March 3, the minister met the governor. Rebels will attack the town.', '2021-04-01');
    expect(eventAt(future, 'attack')?.date).toBeNull();
    const later = analyzeText('The talks are set for May 9. Rebels attacked the town.', '2021-04-01');
    expect(eventAt(later, 'attacked')?.date).toBeNull();
  });
});

describe('scare quotes', () => {
  it('keep a noun phrase whole and are not a quotation', () => {
    const doc = analyzeText('Syrian “rebels” attacked the checkpoint.');
    const sentence = buildDocumentView(doc).sentences[0]!;
    const scare = scareQuotes(sentence.tokens);
    expect(scare.size).toBe(2);
    expect(nounChunks(sentence.tokens)[0]).toEqual({ from: 0, to: 4 });
    const e = eventAt(doc, 'attacked');
    expect(names(e!.sources)).toEqual(['Syrian rebels']);
    expect(e!.sources[0]!.cameo).toBe('SYRREB');
    expect(e!.modality).toBe('asserted');
  });

  it('leave real quotations alone', () => {
    const doc = analyzeText('The minister called the raid “a crime”.');
    expect(scareQuotes(buildDocumentView(doc).sentences[0]!.tokens).size).toBe(0);
  });

  it('are removed from a phrase’s name', () => {
    expect(withoutQuoteMarks('Iranian “proxies”')).toBe('Iranian proxies');
    expect(withoutQuoteMarks('the ‘militias’')).toBe('the militias');
  });
});

describe('claim frames', () => {
  it('"X led Y to believe that" makes the embedded event X’s claim, its source read across scare quotes', () => {
    const doc = analyzeText('At a briefing, John Harlow led the senators to believe that Syrian “proxies” had attacked the depot.');
    const e = eventAt(doc, 'attacked');
    expect(e?.modality).toBe('claimed');
    expect(e?.attribution?.speaker).toBe('John Harlow');
    expect(names(e!.sources)).toEqual(['Syrian proxies']);
    expect(e?.reason).toContain('claim frame');
  });

  it('"X convinced Y that" is a claim too; "persuaded Y to" is not', () => {
    const claim = analyzeText('John Harlow convinced the mayor that rebels had bombed the bridge.');
    expect(eventAt(claim, 'bombed')?.modality).toBe('claimed');
    const request = analyzeText('John Harlow persuaded the mayor to bomb the bridge.');
    expect(eventAt(request, 'bomb')?.modality).not.toBe('claimed');
  });

  it('"X accused Y of" makes Y the source; "blamed the bombing on Y" too', () => {
    const accused = analyzeText('John Harlow accused Iran of seizing the tanker.');
    const seizing = eventAt(accused, 'seizing');
    expect(seizing?.modality).toBe('claimed');
    expect(seizing?.sources[0]?.cameo?.slice(0, 3)).toBe('IRN');
    const blamed = analyzeText('The ministry blamed the bombing on Daesh.');
    const bombing = eventAt(blamed, 'bombing');
    expect(bombing?.modality).toBe('claimed');
    expect(bombing?.sources.map((s) => s.actorId)).toContain('arm-isis');
    expect(bombing?.targets).toEqual([]);
  });
});

describe('launch site of an attack', () => {
  it('places the attack where it was launched from and reads who holds the ground, as reported', () => {
    const doc = analyzeText('Police said the rocket attack had been launched from a district of Basra with a strong Islamic State presence.');
    const e = eventAt(doc, 'rocket');
    expect(e?.rootCode).toBe('19');
    expect(placeName(doc, e!)).toMatch(/^Basrah?$/);
    expect(e?.sources.map((s) => s.actorId)).toEqual(['arm-isis']);
    expect(e?.modality).toBe('reported');
    expect(e?.reason).toContain('inferred');
  });

  it('reads "an area controlled by X"', () => {
    const doc = analyzeText('The rocket attack was launched from an area of Mosul controlled by the Islamic State.');
    expect(eventAt(doc, 'rocket')?.sources.map((s) => s.actorId)).toEqual(['arm-isis']);
  });

  it('names no source when the sentence says nothing of who holds the area', () => {
    const doc = analyzeText('The rocket attack was launched from a village of Basra.');
    const e = eventAt(doc, 'rocket');
    expect(placeName(doc, e!)).toMatch(/^Basrah?$/);
    expect(e?.sources).toEqual([]);
    expect(e?.modality).toBe('asserted');
  });
});

describe('events that are only weighed, forbidden or prevented', () => {
  it('codes an option, a ban and a provocation hypothetical, and a prevented one negated', () => {
    expect(eventAt(analyzeText('The generals suggested the option of killing the commander.'), 'killing')?.modality).toBe('hypothetical');
    expect(eventAt(analyzeText('The council had forbidden attacks on US troops.'), 'attacks')?.modality).toBe('hypothetical');
    expect(eventAt(analyzeText('They hoped that provoking an attack by the rebels would end the talks.'), 'attack')?.modality).toBe('hypothetical');
    expect(eventAt(analyzeText('Police prevented a bombing in Basra.'), 'bombing')?.modality).toBe('negated');
    expect(eventAt(analyzeText('Rebels attacked the town.'), 'attacked')?.modality).toBe('asserted');
  });
});

describe('an event still to come', () => {
  it('is planned when a planning verb governs its noun', () => {
    const doc = analyzeText('Iraqi officials said militants were plotting bombings in Baghdad.', '2021-04-01');
    expect(eventAt(doc, 'bombings')?.modality).toBe('planned');
    // Carried out, so not planned; told by the officials, so reported rather than the outlet's own word.
    const done = analyzeText('Iraqi officials said militants carried out bombings in Baghdad.', '2021-04-01');
    expect(eventAt(done, 'bombings')?.modality).toBe('reported');
    expect(eventAt(done, 'bombings')?.attribution?.speaker).toMatch(/officials/i);
  });
});
