import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  articleB3,
  formatRecordsEvalJson,
  formatRecordsEvalLines,
  goldFieldsShown,
  lineRanges,
  type RecordsEvalReport,
  RecordsEvalReportSchema,
  type RecordsSystem,
  type SystemRecord,
  scoreRecords,
} from '../../src/eval/records-eval.js';
import { parseRecordsGold, type RecordsGold, recordsGoldProblems } from '../../src/eval/records-gold.js';
import { leadRecordOf } from '../../src/eval/records-system.js';

// Two invented events over seven article lines: a quay fire reported by lines 1-4 (line 7, a
// report of the strike, mentions it in passing) and a dock strike reported by lines 5-7.
const GOLD: RecordsGold = parseRecordsGold({
  events: [
    {
      id: 'quay-fire-2024-03-04',
      date: '2024-03-04',
      dateAlternatives: ['2024-03-03'],
      cameoRoot: '18',
      articles: [1, 2, 3, 4],
      backgroundArticles: [7],
      independentWitnesses: 3,
      contradictions: [{ field: 'killed' }, { field: 'place' }],
    },
    { id: 'dock-strike-2024-03-10', date: '2024-03-10', cameoRoot: null, articles: [5, 6, 7], independentWitnesses: 2, contradictions: [{ field: 'source' }] },
  ],
  syndicationGroups: [
    [1, 2],
    [5, 6],
  ],
});

const record = (id: string, lines: number[], more: Partial<SystemRecord> = {}): SystemRecord => ({
  id,
  lines,
  rootCode: '18',
  date: null,
  witnesses: 1,
  contradictionFields: [],
  ...more,
});

const FIRE = record('r_fire', [1, 2, 3, 4], { date: '2024-03-04', witnesses: 3, contradictionFields: ['number:killed', 'place'] });
const STRIKE = record('r_strike', [5, 6, 7], { rootCode: '14', witnesses: 2, contradictionFields: ['source'] });

/** Each line's lead record given as [record, lines]; the copy pairs default to both groups linked. */
function system(records: SystemRecord[], leads: Array<[string, readonly number[]]>, copyPairs: Array<[number, number]> = [[2, 1], [5, 6]]): RecordsSystem {
  return { records, articleMainRecord: new Map(leads.flatMap(([r, lines]) => lines.map((l): [number, string] => [l, r]))), copyPairs };
}

const PERFECT = system([FIRE, STRIKE], [['r_fire', [1, 2, 3, 4]], ['r_strike', [5, 6, 7]]]);

describe('scoreRecords', () => {
  it('gives a perfect clustering every figure at its best', () => {
    const { summary, events } = scoreRecords(GOLD, PERFECT);
    expect(summary).toMatchObject({ found: 1, frag: 1, witnesses: 1, contradictions: 1, copies: 1, events: 2, missingCopies: [] });
    expect(summary.b3).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(events[0]).toMatchObject({ mainRecord: 'r_fire', mainLines: [1, 2, 3, 4], mainOverlap: 4, purity: 1, found: true, records: ['r_fire'] });
    expect(events[1]!.contradictions).toEqual({ gold: ['source'], shown: ['source'], matched: 1 });
  });

  it('counts an event split in two as two records, still found while one half holds half its articles', () => {
    const halves = [record('r_a', [1, 2], { witnesses: 2 }), record('r_b', [3, 4]), STRIKE];
    const { summary, events } = scoreRecords(GOLD, system(halves, [['r_a', [1, 2]], ['r_b', [3, 4]], ['r_strike', [5, 6, 7]]]));
    expect(events[0]).toMatchObject({ mainRecord: 'r_a', mainOverlap: 2, found: true, records: ['r_a', 'r_b'] });
    expect(summary.frag).toBe(1.5);
    // Lines 1-4 each find half their event in their cluster; 5-7 all of theirs.
    expect(summary.b3.precision).toBe(1);
    expect(summary.b3.recall).toBeCloseTo((4 * 0.5 + 3) / 7, 10);
  });

  it('does not find an event scattered over one record per article', () => {
    const scattered = [1, 2, 3, 4].map((l) => record(`r_${l}`, [l]));
    const { summary, events } = scoreRecords(GOLD, system([...scattered, STRIKE], [...scattered.map((r): [string, readonly number[]] => [r.id, r.lines]), ['r_strike', [5, 6, 7]]]));
    expect(events[0]!.found).toBe(false);
    expect(summary.found).toBe(0.5);
    expect(summary.frag).toBe((4 + 1) / 2);
  });

  it('finds neither event in an impure merge, counts it for the event it mostly holds, and scores B³ precision down', () => {
    const merged = record('r_all', [1, 2, 3, 4, 5, 6, 7], { witnesses: 2 });
    const { summary, events } = scoreRecords(GOLD, system([merged], [['r_all', [1, 2, 3, 4, 5, 6, 7]]]));
    // 1-4 and the background line 7 are the fire's: 5/7 pure, the strike's 3/7.
    expect(events[0]).toMatchObject({ mainRecord: 'r_all', found: false, records: ['r_all'] });
    expect(events[0]!.purity).toBeCloseTo(5 / 7, 10);
    expect(events[1]).toMatchObject({ mainRecord: 'r_all', found: false, records: [] });
    expect(summary.found).toBe(0);
    expect(summary.frag).toBe(1);
    expect(summary.b3.recall).toBe(1);
    expect(summary.b3.precision).toBeCloseTo((4 * (4 / 7) + 3 * (3 / 7)) / 7, 10);
  });

  it('counts only records of the event’s type and time for frag', () => {
    const extra = [
      record('r_late', [3], { date: '2024-03-20' }),
      record('r_other_type', [4], { rootCode: '04' }),
      record('r_near_alternative', [2], { date: '2024-02-25' }),
      record('r_undated', [1]),
      record('r_month', [2], { date: '2024-02' }),
    ];
    const { events } = scoreRecords(GOLD, system([FIRE, STRIKE, ...extra], [['r_fire', [1, 2, 3, 4]], ['r_strike', [5, 6, 7]]]));
    // 2024-02-25 is 8 days before the event's date but 7 before its alternative 2024-03-03.
    expect(events[0]!.records).toEqual(['r_fire', 'r_near_alternative', 'r_undated', 'r_month']);
    // The strike has no CAMEO root: its record counts whatever its code.
    expect(events[1]!.records).toEqual(['r_strike']);
  });

  it('picks the main record by overlap, then purity, then id', () => {
    const impure = record('r_a_impure', [1, 2, 5]);
    const pure = record('r_b_pure', [3, 4]);
    const twin = record('r_c_pure', [1, 2]);
    const { events } = scoreRecords(GOLD, system([impure, pure, twin], []));
    expect(events[0]!.mainRecord).toBe('r_b_pure');
    expect(scoreRecords(GOLD, system([twin, pure], [])).events[0]!.mainRecord).toBe('r_b_pure');
  });

  it('scores witnesses within one of the gold count, and an event with no record as wrong', () => {
    const offByTwo = { ...FIRE, witnesses: 1 };
    const offByOne = { ...STRIKE, witnesses: 3 };
    const { summary, events } = scoreRecords(GOLD, system([offByTwo, offByOne], []));
    expect(events.map((e) => e.witnesses)).toEqual([
      { system: 1, gold: 3, ok: false },
      { system: 3, gold: 2, ok: true },
    ]);
    expect(summary.witnesses).toBe(0.5);
    const none = scoreRecords(GOLD, system([STRIKE], []));
    expect(none.events[0]).toMatchObject({ mainRecord: null, mainLines: [], purity: 0, found: false, records: [], witnesses: { system: null, ok: false } });
    expect(none.summary.frag).toBe(1);
  });

  it('matches gold contradictions with the fields the main record shows', () => {
    const fire = { ...FIRE, contradictionFields: ['number:killed', 'target'] };
    const strike = { ...STRIKE, contradictionFields: ['number:missiles'] };
    const { summary, events } = scoreRecords(GOLD, system([fire, strike], []));
    expect(events[0]!.contradictions).toEqual({ gold: ['killed', 'place'], shown: ['number:killed', 'target'], matched: 1 });
    expect(events[1]!.contradictions.matched).toBe(0);
    expect([summary.contradictionsMatched, summary.contradictionsTotal]).toEqual([1, 3]);
    expect(summary.contradictions).toBeCloseTo(1 / 3, 10);
  });

  it('reports a syndicated pair the store does not link', () => {
    const { summary } = scoreRecords(GOLD, { ...PERFECT, copyPairs: [[1, 2]] });
    expect(summary).toMatchObject({ copies: 0.5, copiesLinked: 1, copiesTotal: 2, missingCopies: [[5, 6]] });
  });
});

describe('goldFieldsShown', () => {
  it('maps the system’s fields onto the gold vocabulary, dropping those without a gold field', () => {
    expect(goldFieldsShown(['number:missiles', 'dated after publication', 'target', 'date', 'number:injured'])).toEqual(['injured', 'rockets', 'date']);
  });
});

describe('articleB3', () => {
  it('leaves an article with no linked mention alone', () => {
    const b = articleB3(GOLD, new Map<number, string | null>([[1, 'r'], [2, 'r'], [3, 'r'], [4, null], [5, 's'], [6, 's'], [7, 's']]));
    expect(b.precision).toBe(1);
    expect(b.recall).toBeCloseTo((3 * 0.75 + 0.25 + 3) / 7, 10);
  });
});

describe('leadRecordOf', () => {
  it('takes the headline mention’s record, else the first body mention’s', () => {
    expect(leadRecordOf([{ recordId: 'r_late', start: 90, headline: false }, { recordId: 'r_early', start: 20, headline: false }])).toBe('r_early');
    expect(leadRecordOf([{ recordId: 'r_body', start: 20, headline: false }, { recordId: 'r_head', start: 5, headline: true }])).toBe('r_head');
    expect(leadRecordOf([])).toBeNull();
  });
});

describe('formatting', () => {
  const report: RecordsEvalReport = { ...scoreRecords(GOLD, PERFECT), system: { articles: 7, linkedArticles: 7, records: 2 }, seconds: 1.25 };

  it('ends with the summary line, shares to three decimals and frag to two', () => {
    const lines = formatRecordsEvalLines(report);
    expect(lines.at(-1)).toBe('eval records found=1.000 frag=1.00 b3=1.000 witnesses=1.000 contradictions=1.000 copies=1.000 events=2');
    expect(lines[1]).toMatch(/^quay-fire-2024-03-04 +4 +r_fire +\(1-4\) +1\.000 +yes +1 +3\/3 ok +killed,place → number:killed,place \(2\/2\)$/);
  });

  it('prints JSON that its schema reads back', () => {
    const json = RecordsEvalReportSchema.parse(JSON.parse(formatRecordsEvalJson(report)));
    expect(json.summary.events).toBe(2);
    expect(json.events[1]!.mainRecord).toBe('r_strike');
  });

  it('collapses runs of lines', () => {
    expect(lineRanges([10, 7, 1, 2, 3, 9])).toBe('1-3,7,9-10');
    expect(lineRanges([])).toBe('-');
  });
});

describe('the gold', () => {
  it('names the event and field of a schema problem', () => {
    const bad = { events: [{ ...GOLD.events[0], date: '4 March 2024' }] };
    expect(() => parseRecordsGold(bad, 'gold.json')).toThrow(InputError);
    expect(() => parseRecordsGold(bad, 'gold.json')).toThrow(/gold\.json: event 1 \(quay-fire-2024-03-04\): date: expected a YYYY-MM-DD date/);
    expect(() => parseRecordsGold({ events: [] }, 'gold.json')).toThrow(/gold\.json: events/);
  });

  it('finds lines out of range, lines with no article, twice-given ids and articles of two events', () => {
    const lines = new Set([1, 2, 3, 4, 6, 7]);
    const twice = parseRecordsGold({ events: [GOLD.events[0], { ...GOLD.events[1], id: 'quay-fire-2024-03-04', articles: [4, 9] }], syndicationGroups: [[5, 6]] });
    expect(recordsGoldProblems(twice, lines, 'articles.jsonl')).toEqual([
      'event 2 (quay-fire-2024-03-04): the id is given twice',
      'event 2 (quay-fire-2024-03-04): articles: line 9 is out of range (articles.jsonl has 7 article lines)',
      'event 2 (quay-fire-2024-03-04): line 4 is already an article of event 1 (quay-fire-2024-03-04)',
      'syndicationGroups 1: line 5 of articles.jsonl holds no article',
    ]);
    expect(recordsGoldProblems(GOLD, new Set([1, 2, 3, 4, 5, 6, 7]))).toEqual([]);
  });
});
