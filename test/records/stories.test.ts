import { describe, expect, it } from 'vitest';
import { loadDocumentFrequencies } from '../../src/knowledge/document-frequencies.js';
import { loadSyntaxModel } from '../../src/nlp/syntax/syntax-model.js';
import { contentWords } from '../../src/records/evidence-words.js';
import {
  addToStory,
  articleSignature,
  bestStory,
  dayNumber,
  STORY_TERMS,
  STORY_THRESHOLD,
  signatureOf,
  storyFeatures,
  storySimilarity,
  storySums,
} from '../../src/records/stories.js';

const rules = loadSyntaxModel().lemmas;
const { idf } = loadDocumentFrequencies();

const article = (id: string, title: string, body: string, date: string | null, actors: string[] = [], places: string[] = []) =>
  signatureOf(id, { title, body, date, actors, places }, rules, idf);

const wire = article('a1', 'Harbor chief Verhalen shot dead in Port Ellis', 'Gunmen shot dead Tomas Verhalen, head of the Port Ellis harbor council, on Friday, police said.', '2022-05-14', ['per-verhalen'], ['port-ellis']);
const gazette = article('a2', 'Verhalen assassinated near his house', 'Tomas Verhalen, who chaired the Port Ellis harbor council, was assassinated by two men on a motorbike.', '2022-05-15', ['per-verhalen'], ['port-ellis']);
const rockets = article('a3', 'Rockets hit fuel depot near Dunmore', 'Militants fired three rockets at a fuel depot near Dunmore on Friday, wounding two guards, police said.', '2022-05-14', [], ['dunmore']);

describe('story similarity', () => {
  it('weighs a rare name above a common word', () => {
    // Words are compared by the lemma the linking reads them with, whatever it makes of a name.
    const [name] = contentWords('Verhalen', rules);
    expect(idf(name!)).toBeGreaterThan(idf('police') + 2);
    const terms = new Map(wire.terms);
    expect(terms.get(name!)!).toBeGreaterThan(2 * terms.get('police')!);
  });

  it('joins two reports of one killing and keeps a like event of the same day apart', () => {
    const story = storyFeatures(storySums('s1', [wire]));
    const same = storySimilarity(articleSignature(gazette), story);
    const other = storySimilarity(articleSignature(rockets), story);
    expect(same.score).toBeGreaterThanOrEqual(STORY_THRESHOLD);
    expect(other.score).toBeLessThan(STORY_THRESHOLD);
    expect(same.reason).toMatch(/actors 1\.00, places 1\.00, 1 days/);
    expect(bestStory(articleSignature(gazette), [storyFeatures(storySums('s0', [rockets])), story])?.story.id).toBe('s1');
    expect(bestStory(articleSignature(rockets), [story])).toBeNull();
  });

  it('fades with the days between, and ends a story after a week', () => {
    const story = storyFeatures(storySums('s1', [wire]));
    const later = (date: string) => articleSignature({ ...gazette, day: dayNumber(date) });
    const near = storySimilarity(later('2022-05-15'), story).score;
    const week = storySimilarity(later('2022-05-20'), story).score;
    expect(week).toBeLessThan(near);
    expect(storySimilarity(later('2022-05-23'), story)).toEqual({ score: 0, reason: '9 days apart' });
  });
});

describe('actors a story shares', () => {
  it('compares the actors a registry entry resolves, not the recognizer’s other readings', () => {
    // A monitor's report of the shelling names the militia the story names, and many words the
    // recognizer took for names ("Human Rights", two villages) that no registry entry resolves.
    const story = storyFeatures(storySums('s1', [article('a1', 'Army shells border towns', 'The army shelled two border towns.', '2022-05-14', ['grp-river-front', 'per-an-official', 'grp-hill-guard', 'per-a-minister'])]));
    const monitor = article('a2', 'Civilians hurt in shelling', 'A monitor counted civilians hurt.', '2022-05-14', [
      'grp-river-front',
      'new:person:human-rights',
      'new:organization:upper-hamlet',
      'new:organization:lower-hamlet',
      'new:person:north-quarter',
    ]);
    expect(storySimilarity(articleSignature(monitor), story).reason).toMatch(/actors 1\.00/);
    // A misreading both share says nothing: names of no registry entry only share no actor.
    const named = storyFeatures(storySums('s2', [article('a3', 'x', 'y', '2022-05-14', ['new:organization:inc', 'grp-hill-guard'])]));
    expect(storySimilarity(articleSignature(article('a5', 'x', 'y', '2022-05-14', ['new:organization:inc', 'new:organization:brill-holdings'])), named).reason).toMatch(/actors 0\.00/);
  });
});

describe('story sums', () => {
  it('spans its articles’ days and names, and keeps only its heaviest words', () => {
    const s = addToStory(storySums('s1', [wire]), gazette);
    expect([s.firstDay, s.lastDay, s.articleCount]).toEqual([dayNumber('2022-05-14'), dayNumber('2022-05-15'), 2]);
    expect(s.actors).toEqual(['per-verhalen']);
    const many = Array.from({ length: 30 }, (_, i) => article(`b${i}`, `Story ${i}`, Array.from({ length: 20 }, (_, k) => `word${i}x${k}`).join(' '), null));
    expect(storySums('s2', many).terms.length).toBe(STORY_TERMS);
  });

  it('reads an ISO date of any precision as its first day', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2020-02')).toBe(dayNumber('2020-02-01'));
    expect(dayNumber(null)).toBeNull();
  });
});
