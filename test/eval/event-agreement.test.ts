import { describe, expect, it } from 'vitest';
import { annotationAgreement, disagreeingFields, formatAgreementLines, goldAsPredicted, mergeGoldFiles, storyKey } from '../../src/eval/event-agreement.js';
import type { EventGoldFile, GoldEvent, GoldStory } from '../../src/eval/event-gold.js';

function event(overrides: Partial<GoldEvent>): GoldEvent {
  return { sentence: [0, 50], code: '190', root: '19', sources: [], targets: [], place: null, date: null, modality: 'asserted', ...overrides };
}

const story = (file: string, id: { newId?: number; line?: number }, events: GoldEvent[], textSha1 = 'aaaaaaaaaaaa'): GoldStory => ({
  file,
  ...id,
  date: '2020-09-30',
  textSha1,
  events,
});

const goldFile = (corpus: string, stories: GoldStory[]): EventGoldFile => ({ schema: 'dossier-event-gold/2', corpus, stories });

const sylvania = { name: 'Sylvanian gunboats', cameo: 'SYLMIL' };
const freedonia = { name: 'Freedonia', cameo: 'FRD' };
const nova = { name: 'Nova', lat: 10.5, lon: 20.25 };

describe('goldAsPredicted', () => {
  it('turns a gold event into a prediction in its sentence, splitting a date range', () => {
    const p = goldAsPredicted(event({ sentence: [60, 90], place: nova, date: '2020-09-28/2020-09-30' }));
    expect(p).toMatchObject({ code: '190', rootCode: '19', rawStart: 60, place: 'Nova', placeCoordinates: { lat: 10.5, lon: 20.25 }, date: '2020-09-28', dateEnd: '2020-09-30' });
    expect(goldAsPredicted(event({ place: 'the Gulf' }))).toMatchObject({ place: 'the Gulf', placeCoordinates: null, date: null, dateEnd: null });
    // A single value ends where the events layer would end it.
    expect(goldAsPredicted(event({ date: '2020-09' }))).toMatchObject({ date: '2020-09', dateEnd: '2020-09-30' });
  });
});

describe('storyKey', () => {
  it('is the same for a story named from the Reuters folder and from the corpus root', () => {
    const old = storyKey('../shared/corpus/reuters21578', story('reut2-020.sgm', { newId: 20333 }, []));
    expect(storyKey('../shared/corpus', story('reuters21578/reut2-020.sgm', { newId: 20333 }, []))).toBe(old);
  });
});

describe('mergeGoldFiles', () => {
  it('renames each story file from the first file corpus folder, and refuses a story twice', () => {
    const first = goldFile('../shared/corpus', [story('multi-outlet-dev/articles.jsonl', { line: 5 }, [])]);
    const old = { ...goldFile('../shared/corpus/reuters21578', [story('reut2-020.sgm', { newId: 20333 }, [])]), schema: 'dossier-event-gold/1' as const };
    const merged = mergeGoldFiles([first, old]);
    expect(merged.corpus).toBe('../shared/corpus');
    expect(merged.stories.map((s) => s.file)).toEqual(['multi-outlet-dev/articles.jsonl', 'reuters21578/reut2-020.sgm']);
    expect(() => mergeGoldFiles([first, first])).toThrow(/multi-outlet-dev\/articles\.jsonl:5 is in two/);
  });
});

describe('annotationAgreement', () => {
  const a = goldFile('corpus', [
    story('example/articles.jsonl', { line: 1 }, [
      event({ code: '194', sources: [sylvania], targets: [freedonia], place: nova, date: '2020-09-29', modality: 'asserted' }),
      event({ code: '111', root: '11', sources: [freedonia], targets: [sylvania], sentence: [51, 80] }),
      event({ code: '042', root: '04', sentence: [81, 120] }),
    ]),
    story('example/articles.jsonl', { line: 2 }, [event({ sources: [freedonia] })]),
    story('example/articles.jsonl', { line: 3 }, [event({})], 'bbbbbbbbbbbb'),
  ]);
  const b = goldFile('corpus', [
    story('example/articles.jsonl', { line: 1 }, [
      // Same act, a less specific code, the place 3 km off under another spelling: code differs only.
      event({ code: '190', sources: [{ name: 'Sylvania', cameo: 'SYLMIL' }], targets: [freedonia], place: { name: 'Nova port', lat: 10.52, lon: 20.26 }, date: '2020-09-29' }),
      event({ code: '112', root: '11', sources: [freedonia], targets: [sylvania], sentence: [51, 80], modality: 'reported' }),
      event({ code: '173', root: '17', sentence: [81, 120] }),
    ]),
    story('example/articles.jsonl', { line: 2 }, [event({ sources: [freedonia] })]),
    // Same story over another text: left out.
    story('example/articles.jsonl', { line: 3 }, [event({})], 'cccccccccccc'),
    story('example/articles.jsonl', { line: 9 }, [event({})]),
  ]);
  const scores = annotationAgreement(a, b);

  it('matches events as the scorer does and computes a symmetric detection F1', () => {
    expect([scores.stories, scores.storiesOnlyA, scores.storiesOnlyB]).toEqual([2, 0, 1]);
    expect(scores.textMismatch).toEqual(['corpus/example/articles.jsonl:3']);
    expect([scores.eventsA, scores.eventsB, scores.matched]).toEqual([4, 4, 3]);
    expect(scores.f1).toBe(0.75);
    const first = scores.perStory[0]!;
    expect(first.onlyA.map((e) => e.code)).toEqual(['042']);
    expect(first.onlyB.map((e) => e.code)).toEqual(['173']);
    expect(first.partners.map((e) => e.code)).toEqual(['190', '112']);
  });

  it('gives per-field agreement on the matched events and the share with every field alike', () => {
    expect(scores.fields.code).toEqual({ correct: 1, total: 3 });
    expect(scores.fields.source).toEqual({ correct: 3, total: 3 });
    expect(scores.fields.placeWithinKm).toEqual({ correct: 3, total: 3 });
    expect(scores.fields.modality).toEqual({ correct: 2, total: 3 });
    expect(scores.allFields).toEqual({ correct: 2, total: 3 });
    expect(disagreeingFields(scores.perStory[0]!.pairs[1]!)).toEqual(['code', 'modality']);
    const lines = formatAgreementLines(scores);
    expect(lines.at(-1)).toBe(
      'eval agreement detection_f1=0.7500 code=0.3333 source=1.0000 target=1.0000 place=1.0000 date=1.0000 modality=0.6667 place_50km=1.0000 all_fields=0.6667',
    );
  });

  it('tells a range from a day that starts it', () => {
    const one = goldFile('c', [story('x.jsonl', { line: 1 }, [event({ date: '2020-09-28' })])]);
    const range = goldFile('c', [story('x.jsonl', { line: 1 }, [event({ date: '2020-09-28/2020-09-30' })])]);
    expect(annotationAgreement(one, range).fields.date).toEqual({ correct: 0, total: 1 });
    expect(annotationAgreement(range, one).fields.date).toEqual({ correct: 0, total: 1 });
    expect(annotationAgreement(range, range).fields.date).toEqual({ correct: 1, total: 1 });
  });

  it('agrees fully with itself', () => {
    const self = annotationAgreement(a, a);
    expect(self.f1).toBe(1);
    expect(self.allFields).toEqual({ correct: 5, total: 5 });
  });
});

describe('pairing two passes', () => {
  it('pairs two acts of one sentence by their participants before their codes', () => {
    const houthis = { name: 'Houthi rebels', cameo: 'YEMREB' };
    const saudi = { name: 'Saudi-led', cameo: 'SAUMIL' };
    const a = goldFile('c', [story('x.jsonl', { line: 1 }, [event({ code: '195', sources: [houthis], targets: [saudi] }), event({ code: '190', sources: [saudi], targets: [houthis] })])]);
    const b = goldFile('c', [story('x.jsonl', { line: 1 }, [event({ code: '195', sources: [saudi], targets: [houthis] }), event({ code: '190', sources: [houthis], targets: [saudi] })])]);
    const scores = annotationAgreement(a, b);
    expect(scores.perStory[0]!.partners.map((e) => e.sources[0]?.cameo)).toEqual(['YEMREB', 'SAUMIL']);
    expect(scores.fields.source).toEqual({ correct: 2, total: 2 });
    expect(scores.fields.code).toEqual({ correct: 0, total: 2 });
  });
});
