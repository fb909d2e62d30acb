import { describe, expect, it } from 'vitest';
import { loadDocumentFrequencies } from '../../../src/knowledge/document-frequencies.js';
import { loadGazetteer } from '../../../src/knowledge/gazetteer/gazetteer.js';
import { loadToponymWords } from '../../../src/knowledge/gazetteer/toponym-words.js';
import type { EntityMention, NerType } from '../../../src/nlp/ner/recognize.js';
import { placeMentionsFromEntities } from '../../../src/nlp/places/ner-place-mentions.js';

const gazetteer = loadGazetteer();
const words = loadToponymWords(loadDocumentFrequencies());

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
  return placeMentionsFromEntities(gazetteer, text, entities(text, tagged), words).map((m) => text.slice(m.start, m.end));
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
    const out = placeMentionsFromEntities(gazetteer, text, entities(text, [['Alexandria', 'LOC']]), words);
    expect(out.map((m) => text.slice(m.start, m.end))).toEqual(['Alexandria', 'La.', 'Ain al-Asad']);
    expect(out[2]?.type).toBe('FAC');
  });

  it('gives each span once, in text order', () => {
    const text = 'Flights from Baghdad resumed.';
    const out = placeMentionsFromEntities(gazetteer, text, entities(text, [['Baghdad', 'LOC']]), words);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ type: 'GPE' });
  });

  it('drops a town name the document shows is a person', () => {
    const text = 'Dewly Nelson runs the plant. Nelson said coach Tyler agreed. Crews drove to Nelson later.';
    // "Nelson" after the full name is the man; so is "Tyler" after a title; the LOC is a place.
    expect(names(text, [['Dewly Nelson', 'PER'], ['Nelson', 'PER'], ['Tyler', 'PER'], ['Nelson', 'LOC']])).toEqual(['Nelson']);
    const kept = 'Crews drove to Tyler later.';
    expect(names(kept, [['Tyler', 'PER']])).toEqual(['Tyler']);
  });

  it('takes a name whose last word makes it a place, whatever the tagger called it', () => {
    const text = 'Butler County schools closed on Swan Street near Mount Example.';
    expect(names(text, [['Butler County', 'ORG'], ['Swan Street', 'PER'], ['Mount Example', 'PER']])).toEqual([
      'Butler County',
      'Swan Street',
      'Mount Example',
    ]);
    // An organisation that opens with a head word keeps only its place.
    const org = 'The Mount Vernon Fire Department came.';
    expect(names(org, [['Mount Vernon Fire Department', 'ORG']])).toEqual(['Mount Vernon']);
  });

  it('bounds names as written: final periods, unit words, schools named after states, commas', () => {
    const text = 'Troops left the U.S. Fans of Ohio State met in Orange County and Washington, D.C. today.';
    const tagged = entities(text, [['U.S', 'LOC'], ['Ohio State', 'ORG'], ['Orange', 'LOC'], ['Washington, D.C', 'LOC']]);
    const out = placeMentionsFromEntities(gazetteer, text, tagged, words).map((m) => text.slice(m.start, m.end));
    expect(out).toEqual(['U.S.', 'Ohio', 'Orange County', 'Washington', 'D.C.']);
    // A sentence's period after a name with a spaced abbreviation stays the sentence's.
    const fort = 'Troops came back to Ft. Lee.';
    expect(names(fort, [['Ft. Lee', 'LOC']])).toEqual(['Ft. Lee']);
  });

  it('drops a one-word LOC the gazetteer does not know when it is an acronym or an ordinary word', () => {
    const text = 'The Section met in Kirkuk while TB spread near Zorvalinka.';
    // "Zorvalinka" is no word and no known place: the tagger's LOC stands.
    expect(names(text, [['Section', 'LOC'], ['Kirkuk', 'LOC'], ['TB', 'LOC'], ['Zorvalinka', 'LOC']])).toEqual(['Kirkuk', 'Zorvalinka']);
  });

  it('takes a known town the tagger called a person when a preposition of place stands before it', () => {
    const text = 'Parker Example drove from Swanton to the office.';
    expect(names(text, [['Parker Example', 'PER'], ['Swanton', 'PER']])).toEqual(['Swanton']);
  });

  it('finds the county, the town and the hyphened places inside organisation names', () => {
    const text = 'The Butler County Auditor, Swanton Police and the Logan-Rogersville district met Sen. Example, R-Westfield.';
    const tagged: Array<[string, NerType]> = [
      ['Butler County Auditor', 'ORG'],
      ['Swanton Police', 'ORG'],
      ['Logan-Rogersville', 'ORG'],
      ['R-Westfield', 'ORG'],
    ];
    expect(names(text, tagged)).toEqual(['Butler County', 'Swanton', 'Logan', 'Rogersville', 'Westfield']);
  });
});
