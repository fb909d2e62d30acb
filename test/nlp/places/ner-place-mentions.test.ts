import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../src/knowledge/gazetteer/gazetteer.js';
import type { EntityMention, NerType } from '../../../src/nlp/ner/recognize.js';
import { placeMentionsFromEntities } from '../../../src/nlp/places/ner-place-mentions.js';

const gazetteer = loadGazetteer();

function entities(text: string, tagged: ReadonlyArray<readonly [string, NerType]>): EntityMention[] {
  let from = 0;
  return tagged.map(([name, type]) => {
    const start = text.indexOf(name, from);
    if (start < 0) throw new Error(`${name} not in text`);
    from = start + name.length;
    return { start, end: start + name.length, type, confidence: 0.9 };
  });
}

function names(text: string, tagged: ReadonlyArray<readonly [string, NerType]>): string[] {
  return placeMentionsFromEntities(gazetteer, text, entities(text, tagged)).map((m) => text.slice(m.start, m.end));
}

describe('placeMentionsFromEntities', () => {
  it('keeps LOC spans and well-known places the tagger typed otherwise', () => {
    const text = 'Crews left Kirkuk for Richmond after Jane Example spoke.';
    expect(names(text, [['Kirkuk', 'LOC'], ['Richmond', 'ORG'], ['Jane Example', 'PER']])).toEqual(['Kirkuk', 'Richmond']);
  });

  it('keeps demonyms tagged MISC and the place an organisation is named after', () => {
    const text = 'Iraqi officials met the Oakland Fire Department.';
    expect(names(text, [['Iraqi', 'MISC'], ['Oakland Fire Department', 'ORG']])).toEqual(['Iraqi', 'Oakland']);
  });

  it('adds a state abbreviation after a place and the curated sites the tagger missed', () => {
    const text = 'A fair opened in Alexandria, La., while jets left Ain al-Asad.';
    const out = placeMentionsFromEntities(gazetteer, text, entities(text, [['Alexandria', 'LOC']]));
    expect(out.map((m) => text.slice(m.start, m.end))).toEqual(['Alexandria', 'La.', 'Ain al-Asad']);
    expect(out[2]?.type).toBe('FAC');
  });

  it('gives each span once, in text order', () => {
    const text = 'Flights from Baghdad resumed.';
    const out = placeMentionsFromEntities(gazetteer, text, entities(text, [['Baghdad', 'LOC']]));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ type: 'GPE' });
  });
});
