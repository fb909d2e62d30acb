import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsFiles } from '../support/prerequisites.js';
import {
  actorMatchesGold,
  bestEvent,
  fieldAgrees,
  formatEventEvalLines,
  matchStoryEvents,
  type PredictedEvent,
  predictedEvents,
  readStories,
  runEventEval,
  scoreGold,
  scorePlover,
  scoreValidation,
} from '../../src/eval/event-eval.js';
import {
  checkGoldOffsets,
  currentPloverType,
  dictionaryRegistryEntries,
  eventGoldSchemaProblems,
  type GoldEvent,
  parseActorDictionary,
  parseEventGold,
  parsePloverGold,
  parseValidationRecords,
  textFingerprint,
} from '../../src/eval/event-gold.js';
import { goldStoryProblems } from '../../src/eval/event-gold-stories.js';
import { loadActorRegistry } from '../../src/knowledge/actors/load-registry.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import type { Analyzer } from '../../src/pipeline/analyze-article.js';
import { createPipeline } from '../../src/pipeline/pipeline.js';
import type { Stage } from '../../src/pipeline/stage.js';
import { createStages } from '../../src/pipeline/stages.js';
import type { Document, EventAttrs, Layer } from '../../src/text/document.js';
import { runTextStages } from '../text/run-text-stages.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/event-gold');
const SHARED = join(import.meta.dirname, '../../../shared');
const CORPUS = join(SHARED, 'corpus');
const REUTERS = join(CORPUS, 'reuters21578');
const CAMEO_TSV = join(SHARED, 'eval/event-coding/cameo/cameo-event-codes.tsv');

function predicted(overrides: Partial<PredictedEvent>): PredictedEvent {
  return {
    code: '190',
    rootCode: '19',
    plover: 'ASSAULT',
    ploverMode: null,
    sources: [],
    targets: [],
    place: null,
    placeCoordinates: null,
    date: null,
    dateEnd: null,
    modality: 'asserted',
    confidence: 0.5,
    rawStart: 0,
    ...overrides,
  };
}

function goldEvent(overrides: Partial<GoldEvent>): GoldEvent {
  return { sentence: [0, 50], code: '190', root: '19', sources: [], targets: [], place: null, date: null, modality: 'asserted', ...overrides };
}

describe('PLOVER gold records', () => {
  const records = parsePloverGold(JSON.parse(readFileSync(join(FIXTURES, 'plover-mini.json'), 'utf8')));

  it('skips the DOCUMENT header and renames the 0.5b1 event types', () => {
    expect(records.map((r) => [r.id, r.event, r.mode])).toEqual([
      ['EXAMPLE-GSR-DEMAND-0001', 'REQUEST', 'policy'],
      ['EXAMPLE-GSR-INVESTIGATE-0001', 'ACCUSE', 'investigate'],
      ['EXAMPLE-GSR-FIGHT-0001', 'ASSAULT', null],
      ['EXAMPLE-GSR-DISAPPROVE-0001', 'ACCUSE', null],
    ]);
    expect(currentPloverType('AGREE', null)).toEqual({ event: 'AGREE', mode: null });
  });

  it('reads actors: an empty-string target is no target, and "***" is no sector', () => {
    expect(records[1]?.targets).toEqual([]);
    expect(records[2]?.targets).toEqual([{ text: 'Freedonian', code: 'FRD', sector: null }]);
    expect(records[0]?.sources).toEqual([{ text: 'Freedonian', code: 'FRD', sector: 'GOV' }]);
    const stray = parsePloverGold([{ id: 'X-1', event: 'AGREE', target: 'diplomatic', text: 'Sylvania and Freedonia agreed to talk.' }]);
    expect(stray[0]?.targets).toEqual([]);
  });

  it('rejects a file that is not an array', () => {
    expect(() => parsePloverGold({ id: 'x' })).toThrow(/JSON array/);
  });
});

describe('PETRARCH validation records', () => {
  const fromJsonl = parseValidationRecords(readFileSync(join(FIXTURES, 'petrarch-mini.jsonl'), 'utf8'));
  const fromXml = parseValidationRecords(readFileSync(join(FIXTURES, 'petrarch-mini.xml'), 'utf8'));

  it('reads triples, noevents and errors from the JSONL', () => {
    expect(fromJsonl.map((r) => [r.id, r.date, r.expected.length, r.noEvents, r.error])).toEqual([
      ['EX-01', '2001-02-03', 1, false, null],
      ['EX-02', '2001-02-03', 1, false, null],
      ['EX-03', '2001-02-03', 0, true, null],
      ['EX-04', '2001-02-03', 0, false, 'storydiscard'],
    ]);
    expect(fromJsonl[1]?.expected[0]).toEqual({ source: '"THE HARBOUR GUILD"', target: '"THE MINISTRY OF TIDES"', event: '051' });
  });

  it('reads the same records from the XML, self-closed opening tags and wrapped text included', () => {
    expect(fromXml).toEqual(fromJsonl);
  });
});

describe('PETRARCH actor dictionaries', () => {
  const actors = parseActorDictionary(readFileSync(join(FIXTURES, 'actors-mini.txt'), 'utf8'));

  it('reads phrases, synonyms and indented codes, and skips comments', () => {
    expect(actors).toEqual([
      { phrases: ['FREEDONIA', 'FREEDONIAN'], code: 'FRD' },
      { phrases: ['FREEDONIAN TROOPS'], code: 'FRDMIL' },
      { phrases: ['HARBOUR GUILD'], code: 'SYLBUS' },
      { phrases: ['RUFUS T. FIREFLY'], code: 'FRDELI' },
      { phrases: ['NOBODY IN PARTICULAR'], code: '---' },
    ]);
  });

  it('becomes registry entries the registry loader accepts, without codes that are not CAMEO codes', () => {
    const entries = dictionaryRegistryEntries(actors);
    expect(entries.map((e) => e.cameo)).toEqual(['FRD', 'FRDMIL', 'SYLBUS', 'FRDELI']);
    const dir = mkdtempSync(join(tmpdir(), 'dossier-test-'));
    try {
      const file = join(dir, 'actors.json');
      writeFileSync(file, JSON.stringify({ actors: entries }));
      const registry = loadActorRegistry({ extraFiles: [file] });
      const troops = [...registry.actors.values()].find((a) => a.cameo === 'FRDMIL');
      expect(troops?.name).toBe('Freedonian Troops');
      expect(troops?.sector).toBe('military');
      expect([...registry.actors.values()].find((a) => a.cameo === 'FRD')?.aliases).toContain('Freedonian');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PLOVER scoring', () => {
  it('matches actors on country code and sector', () => {
    expect(actorMatchesGold('USAMIL', { text: 'US troops', code: 'USA', sector: 'MIL' })).toBe(true);
    expect(actorMatchesGold('USAGOV', { text: 'US', code: 'USA', sector: 'MIL' })).toBe(false);
    expect(actorMatchesGold('USA', { text: 'US', code: 'USA', sector: null })).toBe(true);
    expect(actorMatchesGold('IGOUNO', { text: 'UN', code: 'IGO', sector: null })).toBe(true);
    expect(actorMatchesGold(null, { text: 'UN', code: 'IGO', sector: null })).toBe(false);
  });

  it('judges the event of the gold type first, then the most confident', () => {
    const a = predicted({ plover: 'ACCUSE', confidence: 0.9 });
    const b = predicted({ plover: 'ASSAULT', confidence: 0.4 });
    const c = predicted({ plover: 'ASSAULT', confidence: 0.6 });
    expect(bestEvent([a, b, c], 'ASSAULT')).toBe(c);
    expect(bestEvent([a, b], 'REQUEST')).toBe(a);
    expect(bestEvent([], 'REQUEST')).toBeNull();
  });

  it('counts type, mode, source and target over all records', () => {
    const records = parsePloverGold(JSON.parse(readFileSync(join(FIXTURES, 'plover-mini.json'), 'utf8')));
    const scores = scorePlover(records, [
      [predicted({ plover: 'REQUEST', ploverMode: 'policy', sources: [{ name: 'Freedonia', cameo: 'FRDGOV' }], targets: [{ name: 'Sylvania', cameo: 'SYL' }] })],
      [predicted({ plover: 'ACCUSE', ploverMode: 'investigate', sources: [{ name: 'court', cameo: 'SYLGOV' }] })],
      [predicted({ plover: 'ASSAULT', sources: [{ name: 'troops', cameo: 'SYLMIL' }], targets: [{ name: 'Freedonian', cameo: 'FRDMIL' }] })],
      [],
    ]);
    expect(scores.type).toEqual({ correct: 3, total: 4 });
    expect(scores.mode).toEqual({ correct: 2, total: 2 });
    expect(scores.source).toEqual({ correct: 2, total: 4 });
    expect(scores.target).toEqual({ correct: 3, total: 4 });
    expect(scores.noEvent).toBe(1);
    expect(formatEventEvalLines(scores).at(-1)).toBe('eval events type_acc=0.7500 mode_acc=1.0000 source_acc=0.5000 target_acc=0.7500 n=4');
  });
});

describe('PETRARCH scoring', () => {
  const records = parseValidationRecords(readFileSync(join(FIXTURES, 'petrarch-mini.jsonl'), 'utf8'));

  it('scores expected triples and records that expect nothing', () => {
    const scores = scoreValidation('petrarch', records, [
      [predicted({ code: '190', sources: [{ name: 'Freedonian troops', cameo: 'FRDMIL' }], targets: [{ name: 'Sylvania', cameo: 'SYL' }] })],
      // Right root, wrong sub-code; actors by their words, as PETRARCH quotes unknown ones.
      [predicted({ code: '052', rootCode: '05', sources: [{ name: 'The Harbour Guild', cameo: null }], targets: [{ name: 'the Ministry of Tides', cameo: null }] })],
      [predicted({ code: '010', rootCode: '01', sources: [{ name: 'Sylvania', cameo: 'SYL' }], targets: [{ name: 'weather', cameo: null }] })],
      // An event with no target is no triple: the record still expects nothing and gets nothing.
      [predicted({ code: '010', rootCode: '01', sources: [{ name: 'league', cameo: null }] })],
    ]);
    expect(scores.exact).toEqual({ correct: 2, total: 4 });
    expect(scores.root).toEqual({ correct: 3, total: 4 });
    expect(scores.empty).toEqual({ correct: 1, total: 2 });
    expect(scores.codeOnly).toEqual({ correct: 2, total: 2 });
    expect(scores.recordsPassed).toEqual({ correct: 2, total: 4 });
    expect(scores.precision).toEqual({ correct: 1, total: 3 });
    expect(formatEventEvalLines(scores).at(-1)).toBe('eval events exact=0.5000 root=0.7500 n=4');
  });

  it('gives a compound actor one triple per source', () => {
    const scores = scoreValidation('gsr', [records[0]!], [
      [predicted({ sources: [{ name: 'Sylvania', cameo: 'SYL' }, { name: 'troops', cameo: 'FRDMIL' }], targets: [{ name: 'Sylvania', cameo: 'SYL' }] })],
    ]);
    expect(scores.exact.correct).toBe(1);
    expect(scores.precision).toEqual({ correct: 1, total: 2 });
  });
});

describe('gold scoring', () => {
  it('lists missed, spurious and partly wrong events with their sentence for --errors', () => {
    const text = 'Rebels shelled the town on Monday. Troops arrested two men. Example Wire said nothing happened.';
    const gold = [
      goldEvent({ code: '194', sentence: [0, 34], sources: [{ name: 'Rebels', cameo: 'REB' }], date: '2020-05-04' }),
      goldEvent({ code: '173', root: '17', sentence: [35, 59] }),
    ];
    const wrongDate = predicted({ code: '194', sources: [{ name: 'Rebels', cameo: 'REB' }], date: '2020-05-05', rawStart: 7 });
    const spurious = predicted({ code: '010', rootCode: '01', rawStart: 73 });
    const scores = scoreGold([{ events: gold, label: 'example.jsonl:1', text }], [[wrongDate, spurious]]);
    expect(scores.mismatches.map((m) => [m.kind, m.wrong.join(',')])).toEqual([
      ['fields', 'date'],
      ['missed', ''],
      ['spurious', ''],
    ]);
    expect(scores.mismatches[1]!.context).toBe('Troops arrested two men.');
    const lines = formatEventEvalLines(scores, { errors: true });
    expect(lines[0]).toBe('error fields date example.jsonl:1');
    expect(lines).toContain('  text: Rebels shelled the town on Monday.');
    expect(formatEventEvalLines(scores).some((l) => l.startsWith('error'))).toBe(false);
  });

  it('pairs events one-to-one in the same sentence with the same root, full code first', () => {
    const gold = [goldEvent({ code: '195' }), goldEvent({ code: '190', sentence: [60, 120] })];
    const inFirst = predicted({ code: '190', rawStart: 10, confidence: 0.9 });
    const sameCode = predicted({ code: '195', rawStart: 20, confidence: 0.1 });
    const otherSentence = predicted({ rawStart: 70 });
    const wrongRoot = predicted({ code: '111', rootCode: '11', rawStart: 75 });
    const pairs = matchStoryEvents(gold, [inFirst, sameCode, otherSentence, wrongRoot]);
    expect(pairs.map((p) => p.predicted)).toEqual([sameCode, otherSentence]);
  });

  it('pairs two attacks of one sentence by their participants, and scores actors by code or by country', () => {
    const gold = [
      goldEvent({ sources: [{ name: 'its forces', cameo: 'IRQMIL' }], targets: [{ name: 'Iranian', cameo: 'IRN' }] }),
      goldEvent({ sources: [{ name: 'Iranian', cameo: 'IRN' }], targets: [{ name: 'Iraq', cameo: 'IRQ' }] }),
    ];
    const byIran = predicted({ sources: [{ name: 'Revolutionary Guards', cameo: 'IRNMIL' }], targets: [{ name: 'Iraq', cameo: 'IRQ' }], confidence: 0.9 });
    const byIraq = predicted({ sources: [{ name: 'Iraqi army', cameo: 'IRQMIL' }], targets: [{ name: 'Iran', cameo: 'IRN' }], confidence: 0.2 });
    expect(matchStoryEvents(gold, [byIran, byIraq]).map((p) => p.predicted)).toEqual([byIraq, byIran]);
    const scores = scoreGold([{ events: gold }], [[byIran, byIraq]]);
    expect(scores.fields.source).toEqual({ correct: 1, total: 2 });
    expect(scores.countryFields.source).toEqual({ correct: 2, total: 2 });
    expect(scores.fields.target).toEqual({ correct: 2, total: 2 });
  });

  it('computes detection precision and recall, and each field on the matched pairs', () => {
    const gold = [
      goldEvent({ code: '194', sources: [{ name: 'U.S. warships', cameo: 'USAMIL' }], targets: [{ name: 'Iranian', cameo: 'IRN' }], place: 'Gulf', date: '1987-10-19' }),
      goldEvent({ code: '138', root: '13', sources: [{ name: 'Rafsanjani', cameo: 'IRNGOV' }], modality: 'conditional' }),
      goldEvent({ code: '042', root: '04', sentence: [60, 120] }),
    ];
    const scores = scoreGold(
      [{ events: gold }],
      [
        [
          predicted({
            code: '190',
            sources: [{ name: 'U.S. Navy', cameo: 'USAMIL' }],
            targets: [{ name: 'Iran', cameo: 'IRN' }],
            place: 'Persian Gulf',
            date: '1987-10-19',
            rawStart: 5,
          }),
          predicted({ code: '138', rootCode: '13', sources: [{ name: 'Ali Akbar Hashemi Rafsanjani', cameo: null }], modality: 'asserted', rawStart: 30 }),
          predicted({ code: '173', rootCode: '17', rawStart: 65 }),
          predicted({ code: '042', rootCode: '04', rawStart: 130 }),
        ],
      ],
    );
    expect([scores.gold, scores.predicted, scores.matched]).toEqual([3, 4, 2]);
    expect(scores.precision).toBe(0.5);
    expect(scores.recall).toBeCloseTo(2 / 3);
    expect(scores.fields.code).toEqual({ correct: 1, total: 2 });
    expect(scores.fields.source).toEqual({ correct: 2, total: 2 });
    expect(scores.fields.target).toEqual({ correct: 2, total: 2 });
    expect(scores.fields.place).toEqual({ correct: 2, total: 2 });
    expect(scores.fields.date).toEqual({ correct: 2, total: 2 });
    expect(scores.fields.modality).toEqual({ correct: 1, total: 2 });
    expect(scores.perRoot.get('04')).toEqual({ gold: 1, predicted: 1, matched: 0 });
    expect(formatEventEvalLines(scores).at(-1)).toMatch(/^eval events precision=0\.5000 recall=0\.6667 f1=0\.5714 code_acc=0\.5000 .* n=3$/);
  });

  it('judges a place with coordinates by distance (50 km), and a place without by name', () => {
    const erbil = { name: 'Erbil', lat: 36.19, lon: 44.01 };
    const pair = (gold: Partial<GoldEvent>, p: Partial<PredictedEvent>) => ({ gold: goldEvent(gold), predicted: predicted(p) });
    // The airport, about 10 km from the city centre, under another name: near enough.
    const airport = pair({ place: erbil }, { place: 'Erbil International Airport', placeCoordinates: { lat: 36.24, lon: 43.96 } });
    expect(fieldAgrees('placeWithinKm', airport)).toBe(true);
    expect(fieldAgrees('place', airport)).toBe(true);
    // Mosul is about 80 km away: too far, whatever the name.
    const mosul = pair({ place: erbil }, { place: 'Erbil', placeCoordinates: { lat: 36.34, lon: 43.13 } });
    expect(fieldAgrees('placeWithinKm', mosul)).toBe(false);
    expect(fieldAgrees('place', mosul)).toBe(true);
    // A gold name without coordinates falls back to the names.
    expect(fieldAgrees('placeWithinKm', pair({ place: 'Gulf' }, { place: 'Persian Gulf', placeCoordinates: { lat: 27, lon: 51 } }))).toBe(true);
    expect(fieldAgrees('placeWithinKm', pair({ place: erbil }, { place: null }))).toBe(false);
    expect(fieldAgrees('placeWithinKm', pair({ place: null }, { place: null }))).toBe(true);
  });

  it('compares a gold date, or a gold date range, with the two ends of the event date', () => {
    const range = goldEvent({ date: '2019-10-09/2019-10-11' });
    const day = predicted({ date: '2019-10-09', dateEnd: '2019-10-09' });
    expect(fieldAgrees('date', { gold: range, predicted: predicted({ date: '2019-10-09', dateEnd: '2019-10-11' }) })).toBe(true);
    expect(fieldAgrees('date', { gold: range, predicted: day })).toBe(false);
    // The events layer gives a day's end as the day itself, a month's as its last day.
    expect(fieldAgrees('date', { gold: goldEvent({ date: '2019-10-09' }), predicted: day })).toBe(true);
    expect(fieldAgrees('date', { gold: goldEvent({ date: '2015-03' }), predicted: predicted({ date: '2015-03', dateEnd: '2015-03-31' }) })).toBe(true);
    expect(fieldAgrees('date', { gold: goldEvent({ date: '2015-03/2019-09' }), predicted: predicted({ date: '2015-03', dateEnd: '2019-09-30' }) })).toBe(true);
  });

  it('counts the matched pairs with every field right, the place by distance and the code by its root', () => {
    const gold = [
      goldEvent({ code: '195', sources: [{ name: 'Turkish jets', cameo: 'TURMIL' }], place: { name: 'Ras al-Ayn', lat: 36.85, lon: 40.07 }, date: '2019-10-09' }),
      goldEvent({ code: '190', sentence: [60, 120], sources: [{ name: 'Example Wire', cameo: null }], date: '2019-10-09' }),
    ];
    const right = predicted({ code: '190', sources: [{ name: 'Turkish Armed Forces', cameo: 'TURMIL' }], place: 'Ras al Ayn', placeCoordinates: { lat: 36.86, lon: 40.06 }, date: '2019-10-09' });
    const wrongDate = predicted({ rawStart: 70, sources: [{ name: 'Example Wire', cameo: null }], date: '2019-10-10' });
    const scores = scoreGold([{ events: gold }], [[right, wrongDate]]);
    expect(scores.matched).toBe(2);
    expect(scores.fields.code).toEqual({ correct: 1, total: 2 });
    expect(scores.placeWithinKm).toEqual({ correct: 2, total: 2 });
    expect(scores.allFields).toEqual({ correct: 1, total: 2 });
    const lines = formatEventEvalLines(scores);
    expect(lines.at(-1)).toMatch(/ code_acc=0\.5000 source_acc=1\.0000 target_acc=1\.0000 place_acc=1\.0000 date_acc=0\.5000 modality_acc=1\.0000 place_50km_acc=1\.0000 all_fields=0\.5000 n=2$/);
    expect(lines.at(-2)).toMatch(/ all_fields=1\/2$/);
  });

  it('counts events read in the headline apart: the gold annotates the body, so they are neither right nor wrong', () => {
    const gold = [goldEvent({ code: '190', sentence: [0, 60] })];
    // rawStart -1: the trigger lies in the headline, which the raw body text does not hold.
    const scores = scoreGold([{ events: gold }], [[predicted({ code: '190', rawStart: -1, confidence: 0.9 }), predicted({ code: '193', rawStart: 10 })]]);
    expect([scores.gold, scores.predicted, scores.matched, scores.headline]).toEqual([1, 1, 1, 1]);
    expect(scores.precision).toBe(1);
    expect(formatEventEvalLines(scores).at(-3)).toContain('headline=1');
  });
});

function eventAttrs(doc: Document, trigger: string, overrides: Partial<EventAttrs>): Layer<EventAttrs>[number] {
  const start = doc.text.indexOf(trigger);
  const span = { start, end: start + trigger.length };
  return {
    start: 0,
    end: doc.text.length,
    code: '190',
    rootCode: '19',
    plover: 'ASSAULT',
    ploverMode: null,
    trigger: span,
    sources: [],
    targets: [],
    place: null,
    time: null,
    date: null,
    dateEnd: null,
    datePrecision: null,
    modality: 'asserted',
    modalityCue: null,
    attribution: null,
    magnitudes: [],
    confidence: 0.7,
    reason: 'test',
    ...overrides,
  };
}

describe('predictedEvents', () => {
  it('maps the trigger back to the raw text and takes names and codes from the participants', () => {
    const raw = 'Example Wire.\r\n\r\n  Freedonian   troops attacked Sylvania.';
    const doc = runTextStages(raw);
    const troops = doc.text.indexOf('Freedonian');
    const withEvents: Document = {
      ...doc,
      layers: {
        ...doc.layers,
        events: [
          eventAttrs(doc, 'attacked', {
            sources: [{ span: { start: troops, end: troops + 17 }, entity: null, actorId: 'frd-mil', name: 'Freedonian Armed Forces', cameo: 'FRDMIL' }],
          }),
        ],
      },
    };
    const [event] = predictedEvents(withEvents);
    expect(raw.slice(event!.rawStart, event!.rawStart + 8)).toBe('attacked');
    expect(event?.sources).toEqual([{ name: 'Freedonian Armed Forces', cameo: 'FRDMIL' }]);
    expect(predictedEvents(doc)).toEqual([]);
  });
});

/** An analyzer whose events stage codes "attacked" as 190 between two fixed actors. */
function fakeAnalyzer(): Analyzer {
  const events: Stage = {
    name: 'fake-events',
    version: '0',
    requires: ['sentences'],
    assigns: 'events',
    run(doc) {
      if (!doc.text.includes('attacked')) return [];
      const actor = (name: string, cameo: string) => {
        const start = doc.text.indexOf(name);
        return { span: { start, end: start + name.length }, entity: null, actorId: null, name, cameo };
      };
      return [eventAttrs(doc, 'attacked', { sources: [actor('Freedonian troops', 'FRDMIL')], targets: [actor('Sylvania', 'SYL')] })];
    },
  };
  const pipeline = createPipeline([...createStages(), events]);
  return {
    pipeline,
    knowledge: undefined,
    stageVersions: [],
    analyze: () => {
      throw new Error('not used by these sets');
    },
    analyzeInterruptibly: () => Promise.reject(new Error('not used by these sets')),
  };
}

describe('runEventEval', () => {
  const options = { knowledge: {} as unknown as Knowledge, createAnalyzer: fakeAnalyzer };

  it('runs the analyzer on each PETRARCH record and scores it', async () => {
    const lines = formatEventEvalLines(await runEventEval('petrarch', join(FIXTURES, 'petrarch-mini.xml'), options));
    expect(lines.at(-1)).toBe('eval events exact=0.7500 root=0.7500 n=4');
  });

  it('runs the analyzer on each PLOVER record and scores it', async () => {
    const lines = formatEventEvalLines(await runEventEval('plover', join(FIXTURES, 'plover-mini.json'), options));
    expect(lines.at(-1)).toBe('eval events type_acc=0.0000 mode_acc=0.0000 source_acc=0.0000 target_acc=0.0000 n=4');
  });
});

describe('the gold fixture', () => {
  const gold = parseEventGold(JSON.parse(readFileSync(join(FIXTURES, 'reuters-30.json'), 'utf8')));

  it('holds 30 distinct stories and between 100 and 250 events, each code under its root', () => {
    expect(new Set(gold.stories.map((s) => s.newId)).size).toBe(30);
    const events = gold.stories.flatMap((s) => s.events);
    expect(events.length).toBeGreaterThanOrEqual(100);
    expect(events.length).toBeLessThanOrEqual(250);
    for (const e of events) expect(e.code.startsWith(e.root)).toBe(true);
  });

  it('rejects an event whose code is not under its root', () => {
    const story = { ...gold.stories[0]!, events: [goldEvent({ code: '190', root: '18' })] };
    expect(() => parseEventGold({ ...gold, stories: [story] })).toThrow(/not under root 18/);
  });

  it('reads schema /2: JSONL stories by line, places with coordinates, date ranges', () => {
    const text = 'Example Wire reported that Sylvanian gunboats shelled the port of Nova.';
    const story = {
      file: 'example/articles.jsonl',
      line: 3,
      date: '2020-09-30',
      textSha1: textFingerprint(text),
      events: [goldEvent({ code: '194', sentence: [0, 71], place: { name: 'Nova', lat: 10.5, lon: 20.25 }, date: '2020-09-29/2020-09-30' })],
    };
    const parsed = parseEventGold({ schema: 'dossier-event-gold/2', corpus: '../shared/corpus', stories: [story, gold.stories[0]] });
    expect(parsed.stories[0]?.line).toBe(3);
    expect(parsed.stories[0]?.events[0]?.place).toEqual({ name: 'Nova', lat: 10.5, lon: 20.25 });
    expect(checkGoldOffsets(parsed.stories[0]!, text)).toEqual([]);
    // Schema /1 stays what it was: Reuters stories and place names only.
    expect(() => parseEventGold({ schema: 'dossier-event-gold/1', corpus: 'x', stories: [story] })).toThrow(/schema \/1 holds Reuters stories only/);
  });

  it('names the story and the event of every schema problem', () => {
    const story = (extra: object) => ({ file: 'example/articles.jsonl', date: '2020-09-30', textSha1: 'abcdefabcdef', events: [], ...extra });
    const bad = {
      schema: 'dossier-event-gold/2',
      corpus: '.',
      stories: [
        story({ line: 4, events: [goldEvent({ modality: 'rumoured' as GoldEvent['modality'] })] }),
        story({ line: 5, newId: 9 }),
        story({ line: 6, events: [goldEvent({ place: { name: 'Nova', lat: 95, lon: 0 } })] }),
        story({ line: 7, events: [goldEvent({}), goldEvent({ code: '111' })] }),
      ],
    };
    const problems = eventGoldSchemaProblems(bad);
    expect(problems[0]).toMatch(/^story example\/articles\.jsonl:4 event 0: modality: /);
    expect(problems.some((p) => /^story example\/articles\.jsonl:9: .*either a newId \(Reuters\) or a line/.test(p))).toBe(true);
    expect(problems.some((p) => /^story example\/articles\.jsonl:6 event 0: place/.test(p))).toBe(true);
    const fixed = { ...bad, stories: [bad.stories[3]!, bad.stories[3]!] };
    expect(eventGoldSchemaProblems(fixed)).toEqual([
      'story example/articles.jsonl:7 event 1: code 111 is not under root 19',
      'story example/articles.jsonl:7: listed twice',
      'story example/articles.jsonl:7 event 1: code 111 is not under root 19',
    ]);
  });

  it('finds offsets that do not fit the text', () => {
    const text = 'Sylvania shelled the port. Freedonia protested.';
    const story = { newId: 1, file: 'reut2-000.sgm', date: '1987-01-01', textSha1: textFingerprint(text), events: [goldEvent({ sentence: [0, 26] })] };
    expect(checkGoldOffsets(story, text)).toEqual([]);
    expect(checkGoldOffsets({ ...story, events: [goldEvent({ sentence: [0, 200] })] }, text)[0]).toMatch(/outside the text/);
    expect(checkGoldOffsets({ ...story, events: [goldEvent({ sentence: [0, 27] })] }, text)[0]).toMatch(/start and end on words/);
    expect(checkGoldOffsets(story, `${text} `)[0]).toMatch(/SHA-1 differs/);
    // With the splitter's sentences, a span that is not one of them is refused.
    expect(checkGoldOffsets(story, text, [[0, 26], [27, 47]])).toEqual([]);
    expect(checkGoldOffsets({ ...story, events: [goldEvent({ sentence: [0, 47] })] }, text, [[0, 26], [27, 47]])[0]).toMatch(
      /^story reut2-000\.sgm:1 event 0: sentence \[0, 47\) is not one of the splitter's sentences$/,
    );
  });

  describe('against the CAMEO code table', needsFiles(CAMEO_TSV), () => {
    it('uses only CAMEO event codes', () => {
      const codes = new Set(
        readFileSync(CAMEO_TSV, 'utf8')
          .split('\n')
          .slice(1)
          .map((line) => line.split('\t')[0]),
      );
      const unknown = gold.stories.flatMap((s) => s.events.map((e) => e.code)).filter((c) => !codes.has(c));
      expect(unknown).toEqual([]);
    });
  });

  describe('against Reuters-21578', needsFiles(REUTERS), () => {
    it('finds every story, its text unchanged, each sentence inside it', () => {
      const articles = readStories(REUTERS, gold);
      expect(articles.map((a) => a.extra.newId)).toEqual(gold.stories.map((s) => s.newId));
      gold.stories.forEach((story, i) => {
        expect(articles[i]?.date?.value).toBe(story.date);
        expect(checkGoldOffsets(story, articles[i]!.text)).toEqual([]);
      });
    });
  });
});

describe('the adjudicated conflict gold', () => {
  const gold = parseEventGold(JSON.parse(readFileSync(join(FIXTURES, 'conflict-100.json'), 'utf8')));
  const label = (s: { file: string; newId?: number | undefined; line?: number | undefined }) => `${s.file}:${s.newId ?? s.line}`;

  it('holds at least 100 distinct stories from both corpora, most of them with events', () => {
    expect(gold.schema).toBe('dossier-event-gold/2');
    expect(new Set(gold.stories.map(label)).size).toBe(gold.stories.length);
    expect(gold.stories.length).toBeGreaterThanOrEqual(100);
    expect(new Set(gold.stories.map((s) => s.textSha1)).size).toBe(gold.stories.length);
    expect(gold.stories.filter((s) => s.line !== undefined).length).toBeGreaterThanOrEqual(30);
    expect(gold.stories.filter((s) => s.events.length === 0).length).toBeLessThan(5);
    const events = gold.stories.flatMap((s) => s.events);
    expect(events.filter((e) => e.place !== null && typeof e.place !== 'string').length).toBeGreaterThan(50);
  });

  it('keeps every story of reuters-30.json', () => {
    const first = parseEventGold(JSON.parse(readFileSync(join(FIXTURES, 'reuters-30.json'), 'utf8')));
    const here = new Set(gold.stories.map(label));
    expect(first.stories.filter((s) => !here.has(`reuters21578/${s.file}:${s.newId}`))).toEqual([]);
  });

  describe('against the CAMEO code table', needsFiles(CAMEO_TSV), () => {
    it('uses only CAMEO event codes', () => {
      const codes = new Set(
        readFileSync(CAMEO_TSV, 'utf8')
          .split('\n')
          .slice(1)
          .map((line) => line.split('\t')[0]),
      );
      expect(gold.stories.flatMap((s) => s.events.map((e) => e.code)).filter((c) => !codes.has(c))).toEqual([]);
    });
  });

  describe('against the corpora', needsFiles(join(REUTERS, 'reut2-000.sgm'), join(CORPUS, 'multi-outlet-dev/articles.jsonl')), () => {
    it('finds every story, its text unchanged, each event on one of the splitter sentences', () => {
      expect(goldStoryProblems(CORPUS, gold.stories)).toEqual([]);
      const articles = readStories(CORPUS, gold);
      expect(articles.map((a) => a.date?.value)).toEqual(gold.stories.map((s) => s.date));
    });
  });
});
