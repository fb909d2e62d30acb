import { describe, expect, it } from 'vitest';
import { analyzeText, eventsOf } from './analyze-text.js';

/** The events of a sentence of our own as "trigger=code" strings. */
function coded(text: string): string[] {
  const doc = analyzeText(text);
  return eventsOf(doc).map((e) => `${doc.text.slice(e.trigger.start, e.trigger.end)}=${e.code}`);
}

function plovers(text: string): Array<string | null> {
  return eventsOf(analyzeText(text)).map((e) => e.plover);
}

describe('event types the dictionary gives', () => {
  it('codes agreeing to do something as intent to cooperate (PLOVER AGREE), not as signing', () => {
    expect(plovers('The two governments agreed on Monday to share border intelligence.')).toEqual(['AGREE', 'COOPERATE']);
    expect(coded('The interior minister declined to resign after the report was published.')).toEqual(['declined to resign=1231']);
  });

  it('codes obstruction, alerts and cancelled visits', () => {
    expect(coded('Striking dockers blocked the harbour bridge for two hours on Tuesday.')).toEqual(['blocked the harbour bridge=144']);
    expect(plovers('The army said it would remain on alert along the frontier.')).toEqual(['MOBILIZE']);
    expect(plovers('Turkey cancelled a planned visit to Greece after the dispute.')).toEqual(['SANCTION']);
  });

  it('codes destroying a military target as an attack, and homes or crops as property', () => {
    expect(coded('Government troops destroyed a rebel arms depot near the border.')).toEqual(['destroyed=190']);
    expect(coded('Settlers destroyed olive crops outside the village, residents said.')).toEqual(['destroyed olive crops=1712']);
    expect(coded('Rebels sank two navy patrol boats on the lake.')).toEqual(['sank two navy patrol boats=190']);
    expect(coded('Navy commandos boarded the tanker off the coast on Sunday.')).toEqual(['boarded the tanker=190']);
  });

  it('codes renewed talks as negotiation, and an extended curfew or state of emergency as imposing one', () => {
    expect(coded('Ruritania and Example Land renewed negotiations on Monday over their border.')).toEqual([
      'renewed negotiations=046',
      'renewed negotiations=046',
    ]);
    expect(coded('The interior ministry extended the curfew in the port city until Friday.')).toEqual(['extended the curfew=1723']);
    expect(coded('The cabinet extended the state of emergency for another month.')).toEqual(['extended the state of emergency=1724']);
  });

  it('does not read going back somewhere as a return of people or property', () => {
    expect(coded('The marines returned to their base on Friday.')).toEqual([]);
  });

  it('uses the patterns mined from PETRARCH-2 where ours say less', () => {
    // Ours read "withdraw" as a retreat (0874); PETRARCH's "withdraw ambassador" is 161.
    expect(coded('Ghana withdrew its ambassador from Togo on Wednesday.')).toEqual(['withdrew its ambassador=161']);
  });
});
