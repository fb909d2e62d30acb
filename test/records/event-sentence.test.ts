import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateWords, eventSentence, eventWording, magnitudeWords, modalityLabel } from '../../src/records/event-sentence.js';

const EVENTS = join(__dirname, '../../src/knowledge/events');
const read = (file: string): { codes: Array<{ code: string; name: string; parent: string | null }>; roots: Record<string, unknown> } =>
  JSON.parse(readFileSync(join(EVENTS, file), 'utf8'));
const wording = eventWording(read('cameo-codes.json'), read('event-verbs.json'), 'event-verbs.json');

const attack = {
  code: '190',
  source: [{ name: 'Islamic State' }],
  target: [{ name: 'Popular Mobilization Units' }],
  place: 'Salahuddin',
  date: '2020-05-02',
  datePrecision: 'day',
  magnitudes: [{ kind: 'killed', value: 10, qualifier: 'at-least', text: 'at least 10 fighters' }],
};

describe('an event as a sentence', () => {
  it('tells who did what to whom, where, when and how many, with the type’s name', () => {
    const s = eventSentence({ ...attack, modality: 'asserted' }, wording);
    expect(s.text).toBe('Islamic State attacked Popular Mobilization Units in Salahuddin, 2 May 2020 — at least 10 killed');
    expect(s.typeName).toBe('Use conventional military force');
    expect(s.happened).toBe(true);
    expect(s.modality).toBeNull();
  });

  it('sets apart what did not, or not yet, happen', () => {
    const told = (modality: string) => eventSentence({ ...attack, magnitudes: [], modality }, wording);
    expect(told('planned').text).toBe('Islamic State plans to attack Popular Mobilization Units in Salahuddin, 2 May 2020');
    expect(told('hypothetical').text).toMatch(/^Islamic State might attack /);
    expect(told('conditional').text).toMatch(/^Islamic State would attack Popular Mobilization Units on a condition/);
    expect(told('denied').text).toMatch(/^Denied: Islamic State attacked /);
    expect(told('negated').text).toMatch(/^Islamic State did not attack /);
    expect(told('claimed').text).toMatch(/^Islamic State allegedly attacked /);
    for (const m of ['planned', 'hypothetical', 'conditional', 'denied', 'negated']) expect(told(m).happened, m).toBe(false);
    expect(told('denied').modality).toBe('denied');
    expect(modalityLabel('negated')).toBe('did not happen');
    expect(modalityLabel('reported')).toBeNull();
  });

  it('never joins disputed versions as if both were true: it names the dispute', () => {
    const s = eventSentence(
      {
        ...attack,
        source: [{ name: 'Islamic State' }, { name: 'Kata’ib Hezbollah' }],
        contradictions: [
          { field: 'source', values: [{ value: 'Islamic State' }, { value: 'Kata’ib Hezbollah' }] },
          { field: 'number:killed', values: [{ value: '10' }, { value: '12' }] },
          { field: 'date', values: [{ value: '2020-05-02' }, { value: '2020-05-03' }] },
        ],
      },
      wording,
    );
    expect(s.text).toBe('Islamic State or Kata’ib Hezbollah (disputed) attacked Popular Mobilization Units in Salahuddin, on a disputed date (2 May 2020 or 3 May 2020) — killed disputed: 10 or 12');
    expect(s.text).not.toContain(' and ');
    expect(s.disputed).toEqual(['source', 'number:killed', 'date']);
  });

  it('reads every root class, a missing target, an unknown code and coarse dates', () => {
    expect(eventSentence({ code: '042', source: [{ name: 'Kadhimi' }], target: [], place: 'Erbil', date: '2020-05', datePrecision: 'month', modality: 'planned' }, wording).text).toBe(
      'Kadhimi plans to hold talks in Erbil, May 2020',
    );
    expect(eventSentence({ code: '112', source: [], target: [{ name: 'Iran' }], place: null, date: null }, wording).text).toBe('Someone criticized Iran');
    const unknown = eventSentence({ code: '999', source: [{ name: 'A' }], target: [{ name: 'B' }], place: null, date: null }, wording);
    expect(unknown.typeName).toBeNull();
    expect(unknown.text).not.toMatch(/\b999\b(?!”)/);
    for (let root = 1; root <= 20; root++) expect(wording.verb(String(root).padStart(2, '0'))).not.toBeNull();
    expect(dateWords('2019-12-27T10:00:00Z')).toBe('27 December 2019');
    expect(dateWords('2020', 'year')).toBe('2020');
    expect(magnitudeWords({ kind: 'injured', value: null, qualifier: 'vague', text: 'dozens' })).toBe('dozens injured');
  });

  it('refuses a verb file without a root, naming the file, the root and the form', () => {
    const codes = read('cameo-codes.json');
    const roots = { ...read('event-verbs.json').roots };
    delete roots['19'];
    expect(() => eventWording(codes, { roots }, 'my-verbs.json')).toThrow(/my-verbs\.json: roots\."19" is missing/);
    expect(() => eventWording(codes, { roots: { ...roots, '19': { past: 'attacked' } } }, 'my-verbs.json')).toThrow(/my-verbs\.json: roots\."19"\.base must be a string/);
  });
});
