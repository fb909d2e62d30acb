import { z } from 'zod';
import { InputError } from '../errors.js';

/**
 * The gold of a multi-outlet folder (`gold.json` beside `articles.jsonl`): events with the
 * article lines that report them, their independent witness count and the fields reports
 * disagree on, and the syndication groups. Only what `eval records` scores is read; the
 * other keys (description, place, sourceClaims, notes...) are allowed and left alone.
 * Every article reference is a 1-based line number of articles.jsonl.
 */

/** The closed field list of gold contradictions. */
export const GOLD_CONTRADICTION_FIELDS = ['source', 'killed', 'injured', 'rockets', 'date', 'place'] as const;
export type GoldContradictionField = (typeof GOLD_CONTRADICTION_FIELDS)[number];

const Line = z.number().int().positive();
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');

const GoldContradictionSchema = z.object({ field: z.enum(GOLD_CONTRADICTION_FIELDS) });

const GoldRecordEventSchema = z.object({
  id: z.string().min(1),
  date: IsoDay,
  dateAlternatives: z.array(IsoDay).default([]),
  // null where the event has no actor (an explosion of disputed cause).
  cameoRoot: z.string().regex(/^\d{2}$/, 'expected a two-digit CAMEO root or null').nullable(),
  articles: z.array(Line).min(1),
  backgroundArticles: z.array(Line).default([]),
  independentWitnesses: z.number().int().nonnegative(),
  contradictions: z.array(GoldContradictionSchema).default([]),
});

const RecordsGoldSchema = z.object({
  events: z.array(GoldRecordEventSchema).min(1),
  syndicationGroups: z.array(z.array(Line).min(2)).default([]),
});

export type GoldRecordEvent = z.infer<typeof GoldRecordEventSchema>;
export type RecordsGold = z.infer<typeof RecordsGoldSchema>;

/** The gold, checked against its schema; one InputError naming the file and the first problem otherwise. */
export function parseRecordsGold(json: unknown, file = 'gold.json'): RecordsGold {
  const parsed = RecordsGoldSchema.safeParse(json);
  if (!parsed.success) throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file }, describeIssue(json, parsed.error.issues[0]));
  return parsed.data;
}

/** "event 3 (natanz-2020-07-02): date: expected a YYYY-MM-DD date" rather than "events.3.date". */
function describeIssue(json: unknown, issue: z.ZodIssue | undefined): string {
  if (issue === undefined) return 'not a records gold file';
  const [top, index, ...rest] = issue.path;
  if (top === 'events' && typeof index === 'number') {
    const raw = (json as { events?: unknown[] }).events?.[index] as { id?: unknown } | undefined;
    const label = typeof raw?.id === 'string' ? ` (${raw.id})` : '';
    return `event ${index + 1}${label}: ${rest.join('.') || 'event'}: ${issue.message}`;
  }
  return `${issue.path.join('.') || 'gold'}: ${issue.message}`;
}

/**
 * What in a schema-valid gold cannot be scored: a line that holds no article, an event id
 * given twice, an article reported as news of two events (its B³ cluster would be two). The
 * problems in file order; [] when there is none.
 */
export function recordsGoldProblems(gold: RecordsGold, articleLines: ReadonlySet<number>, articlesFile = 'articles.jsonl'): string[] {
  const problems: string[] = [];
  const last = Math.max(0, ...articleLines);
  const checkLines = (where: string, lines: readonly number[]): void => {
    for (const line of lines) {
      if (line > last) problems.push(`${where}: line ${line} is out of range (${articlesFile} has ${last} article lines)`);
      else if (!articleLines.has(line)) problems.push(`${where}: line ${line} of ${articlesFile} holds no article`);
    }
  };
  const ids = new Set<string>();
  const eventOf = new Map<number, number>();
  gold.events.forEach((e, i) => {
    const where = `event ${i + 1} (${e.id})`;
    if (ids.has(e.id)) problems.push(`${where}: the id is given twice`);
    ids.add(e.id);
    checkLines(`${where}: articles`, e.articles);
    checkLines(`${where}: backgroundArticles`, e.backgroundArticles);
    for (const line of new Set(e.articles)) {
      const other = eventOf.get(line);
      if (other !== undefined) problems.push(`${where}: line ${line} is already an article of event ${other + 1} (${gold.events[other]?.id})`);
      eventOf.set(line, i);
    }
  });
  gold.syndicationGroups.forEach((group, i) => {
    checkLines(`syndicationGroups ${i + 1}`, group);
  });
  return problems;
}
