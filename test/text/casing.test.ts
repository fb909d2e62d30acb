import { describe, expect, it } from 'vitest';
import { artefactCapitals, type CasingWords, textForModels } from '../../src/text/casing.js';
import { analyzeText, eventAt } from '../events/analyze-text.js';
import { runTextStages } from './run-text-stages.js';

const words: CasingWords = { abbreviations: ['U.S.', 'U.K.'], namesOnTheirOwn: ['navy', 'embassy'] };

const recased = (text: string): string[] => {
  const doc = runTextStages(text);
  return artefactCapitals(doc, words).map((c) => `${doc.text.slice(c.start, c.end)}>${c.form}`);
};

// Our own sentences, written the way some wire archives capitalise after "U.S.".
describe('casing: capitals the archive put after an abbreviation', () => {
  it('reads a common word after "U.S." in lower case', () => {
    expect(recased('Ruritania condemned the U.S. Raid on its oil platform.')).toEqual(['Raid>raid']);
    expect(recased('Officials said the U.K. Has no plan to send ships.')).toEqual(['Has>has']);
  });

  it('leaves a name alone: the next word capitalised, an institution word, another abbreviation, a new sentence', () => {
    expect(recased('The U.S. Central Command said two drones were shot down.')).toEqual([]);
    expect(recased('A U.S. Navy frigate escorted the tanker.')).toEqual([]);
    expect(recased('Ruritania summoned the envoy of the U.N. Security Council.')).toEqual([]);
    expect(recased('The convoy sailed for the U.S. Officials in Ruritania were told on Monday.')).toEqual(['Officials>officials']);
    expect(recased('The ship flew the U.S.\nAttack boats followed it.')).toEqual([]);
    expect(recased('Troops moved into the U.S.-Led coalition zone.')).toEqual([]);
  });

  it('keeps every offset: the models read the same text with only the letters recased', () => {
    const doc = runTextStages('The U.S. Attack on the platform was condemned.');
    const withCasing = { ...doc, layers: { ...doc.layers, casing: artefactCapitals(doc, words) } };
    expect(textForModels(withCasing)).toBe('The U.S. attack on the platform was condemned.');
    expect(textForModels(doc)).toBe(doc.text);
  });

  it('lets the events stage find the raid and its doer behind the artefact capital', () => {
    const doc = analyzeText('Ruritania estimated the damage from the U.S. Raid at about 50 million dollars.', '1987-10-20');
    const raid = eventAt(doc, 'raid');
    expect(raid?.rootCode).toBe('19');
    expect(raid?.sources.map((s) => s.cameo)).toEqual(['USA']);
    expect(doc.text).toContain('U.S. Raid');
  });

  it('names the doer by the country, not by a name the capital made up', () => {
    const doc = analyzeText('The minister did not expect the U.S. Attack to affect prices.', '1987-10-20');
    expect(eventAt(doc, 'attack')?.sources.map((s) => s.name)).toEqual(['United States']);
  });
});
