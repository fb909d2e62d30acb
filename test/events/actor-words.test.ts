import { describe, expect, it } from 'vitest';
import { analyzeText, codes, eventAt } from './analyze-text.js';

// Our own sentences with invented people and outlets; the states and bodies are real.

describe('events: the actor words a participant is coded by', () => {
  it('reads "PRC" as China, and the state as its government when it acts', () => {
    const e = eventAt(analyzeText('The PRC demanded on Monday that Example Land recall its envoy.'), 'demanded');
    expect(codes(e!.sources)).toEqual(['CHNGOV']);
  });

  it('reads "Kyrgyz" as Kyrgyzstan, as it reads "Iraqi" as Iraq', () => {
    const e = eventAt(analyzeText('Kyrgyz Prime Minister Ivan Sampleov on Monday received a delegation of Example Aid.'), 'received');
    expect(codes(e!.sources)).toEqual(['KGZGOV']);
  });

  it('knows the OSCE, and takes no other body for it', () => {
    const e = eventAt(analyzeText('Officials of Example Land met the OSCE in Vienna on Monday.'), 'met');
    expect(codes(e!.targets)).toEqual(['IGO']);
  });

  it('gives businessmen the business role', () => {
    const e = eventAt(analyzeText('On Monday two Saudi businessmen sued the tourism ministry of Example Land.'), 'sued');
    expect(codes(e!.sources)).toEqual(['SAUBUS']);
  });

  it('codes Hamas as the CAMEO actor dictionaries do, a rebel group (as Hezbollah)', () => {
    const e = eventAt(analyzeText('Hamas threatened on Monday to resume rocket fire at the border towns.'), 'threatened');
    expect(codes(e!.sources)).toEqual(['PSEREB']);
  });

  it("knows the International Labour Office as the ILO, a UN body", () => {
    const e = eventAt(analyzeText('The International Labor Office demanded that the mine owners free the workers.'), 'demanded');
    expect(codes(e!.sources)).toEqual(['IGOUNO']);
  });
});
