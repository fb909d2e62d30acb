import { describe, expect, it } from 'vitest';
import { analyzeText, eventAt, placeName } from '../../events/analyze-text.js';

// Our own sentences.
describe('places: "the strait", "the city" point back to the place named before', () => {
  it('places "in the strait" at the strait the article named, and says why', () => {
    const doc = analyzeText('Ruritania warned ships in the Strait of Hormuz on Monday. On Thursday a frigate downed a drone in the strait.');
    const pointing = (doc.layers.places ?? []).find((p) => doc.text.slice(p.start, p.end) === 'the strait');
    expect(pointing?.name).toBe('Strait of Hormuz');
    expect(pointing?.entity).toBeNull();
    expect(pointing?.reason).toMatch(/points back to Strait of Hormuz/);
    const downed = eventAt(doc, 'downed');
    expect(downed && placeName(doc, downed)).toBe('Strait of Hormuz');
  });

  it('takes the last town for "the city", and nothing when the article named no place of that kind', () => {
    const doc = analyzeText('Protesters gathered in Basra on Friday. Police fired tear gas in the city.');
    const city = (doc.layers.places ?? []).find((p) => doc.text.slice(p.start, p.end) === 'the city');
    expect(city?.name).toMatch(/Basra/);
    const none = analyzeText('Police fired tear gas in the city on Friday.');
    expect((none.layers.places ?? []).some((p) => none.text.slice(p.start, p.end) === 'the city')).toBe(false);
  });

  it('leaves "the city of …" and a capitalised name to the names that follow', () => {
    const doc = analyzeText('Fighting broke out in Mosul. Gunmen attacked the city of Kirkuk on Friday.');
    expect((doc.layers.places ?? []).some((p) => doc.text.slice(p.start, p.end) === 'the city')).toBe(false);
  });
});
