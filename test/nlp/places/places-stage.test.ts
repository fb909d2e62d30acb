import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../src/knowledge/gazetteer/gazetteer.js';
import { recognizePlaceNames } from '../../../src/nlp/places/place-recognizer.js';
import { createPlacesStage } from '../../../src/nlp/places/places-stage.js';
import type { Document, EntityType, Layers } from '../../../src/text/document.js';
import { runTextStages } from '../../text/run-text-stages.js';

const gazetteer = loadGazetteer();

function withEntities(raw: string, tagged: ReadonlyArray<readonly [string, EntityType]>): Document {
  const doc = runTextStages(raw);
  let from = 0;
  const entities: Layers['entities'] = tagged.map(([name, type]) => {
    const start = doc.text.indexOf(name, from);
    from = start + name.length;
    return { start, end: start + name.length, type, confidence: 0.9, source: 'model' as const };
  });
  return { ...doc, layers: { ...doc.layers, entities } };
}

describe('createPlacesStage', () => {
  const stage = createPlacesStage(gazetteer);

  it('declares its layer and inputs', () => {
    expect(stage.assigns).toBe('places');
    expect(stage.requires).toEqual(['tokens', 'entities', 'sentences']);
  });

  it('resolves place entities and links them by index', () => {
    const doc = withEntities('Example Wire: Rockets hit Kirkuk, Iraq, on Sunday, said Ahmed Example.', [
      ['Example Wire', 'ORG'],
      ['Kirkuk', 'GPE'],
      ['Iraq', 'GPE'],
      ['Ahmed Example', 'PERSON'],
    ]);
    const places = stage.run(doc);
    expect(places.map((p) => [p.entity, p.name, p.country])).toEqual([
      [1, 'Kirkuk', 'IRQ'],
      [2, 'Iraq', 'IRQ'],
    ]);
    expect(places[1]?.precision).toBe('country');
  });

  it('adds curated sites the tagger missed, with entity null', () => {
    const doc = withEntities('Drones targeted Ain al-Asad and Camp Taji, north of Baghdad.', [['Baghdad', 'GPE']]);
    const places = stage.run(doc);
    const added = places.filter((p) => p.entity === null).map((p) => doc.text.slice(p.start, p.end));
    expect(added).toEqual(['Ain al-Asad', 'Camp Taji']);
    expect(places.every((p, i) => i === 0 || places[i - 1]!.start <= p.start)).toBe(true);
  });

  it("leans on a local outlet's home, read from doc.meta.outlet by name or domain", () => {
    const tagged = withEntities('Crews in Alexandria cleared the flooded streets by noon.', [['Alexandria', 'GPE']]);
    const at = (outlet: string | null) => stage.run({ ...tagged, meta: { ...tagged.meta, outlet } })[0]?.admin1;
    expect(at(null)).not.toBe('US-LA');
    expect(at('thetowntalk.com')).toBe('US-LA');
    expect(at('The Town Talk')).toBe('US-LA');
    expect(at('echopress.com')).toBe('US-MN');
  });
});

describe('recognizePlaceNames', () => {
  it('finds capitalized place names, longest first', () => {
    const text = 'The Strait of Hormuz links the Gulf of Oman to ports near Basra. Then it rained.';
    const found = recognizePlaceNames(gazetteer, text).map((m) => [text.slice(m.start, m.end), m.type]);
    expect(found).toEqual([
      ['Strait of Hormuz', 'LOC'],
      ['Gulf of Oman', 'LOC'],
      ['Basra', 'GPE'],
    ]);
  });
});
