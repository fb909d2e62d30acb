import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getRecord, recordsPage } from '../records/record-views.js';
import type { Store } from '../store/open-store.js';
import { RECORD_SORTS } from '../store/records-queries.js';
import type { ApiContext } from './api-context.js';
import { notFound } from './api-errors.js';
import { errorResponses } from './claim-schemas.js';
import { Flag, IdParams, IsoDate, Needle, PageQuery } from './query-schemas.js';

/*
 * Response shapes of src/records/record-views.ts. Records are still growing fields (owners,
 * wire credits, inconsistencies inside one article): every object is loose, so a new field
 * reaches the client instead of being stripped, and an old client ignores it.
 */
const RecordActor = z.looseObject({ id: z.string().nullable(), name: z.string() });

const ContradictionSchema = z.looseObject({
  field: z.string().describe('source, target, date, place, or "number:<kind>" such as number:killed'),
  values: z.array(
    z.looseObject({
      value: z.string(),
      claimants: z.array(z.string()).describe('whose word the value is, where the reports say ("US officials", "Iraqi investigation")'),
      outlets: z.array(z.string()),
      articleIds: z.array(z.string()),
      eventIds: z.array(z.string()),
      evidence: z.array(z.string()),
    }),
  ),
});

const FigureUpdatesSchema = z.looseObject({
  kind: z.string().describe('the count: killed, injured, arrested, displaced'),
  series: z.array(
    z.looseObject({
      value: z.string(),
      published: z.string().describe('the day the reports giving it were published'),
      outlets: z.array(z.string()),
      articleIds: z.array(z.string()),
      eventIds: z.array(z.string()),
      evidence: z.array(z.string()),
    }),
  ),
});

export const RecordSchema = z.looseObject({
  id: z.string(),
  code: z.string(),
  plover: z.string().nullable(),
  date: z.string().nullable(),
  datePrecision: z.string().nullable(),
  place: z.looseObject({ id: z.string().nullable(), name: z.string(), lat: z.number(), lon: z.number() }).nullable(),
  source: z.array(RecordActor),
  target: z.array(RecordActor),
  mentions: z.array(z.looseObject({ eventId: z.string(), articleId: z.string(), outlet: z.string().nullable() })),
  outlets: z.array(z.string()),
  independentOutlets: z.number().int(),
  disputed: z.boolean(),
  contradictions: z.array(ContradictionSchema),
  updates: z.array(FigureUpdatesSchema).describe('counts that rose as reports came out, in order of publication: successive figures, not disputes'),
  inconsistencies: z
    .array(z.looseObject({ kind: z.string(), articleId: z.string(), outlet: z.string().nullable(), eventIds: z.array(z.string()), values: z.array(z.string()), note: z.string() }))
    .optional()
    .describe('inside one article: an event dated after the article, or one article’s mentions disagreeing'),
  firstReported: z.string().nullable(),
  lastReported: z.string().nullable(),
});

const ReportSchema = z.looseObject({
  eventId: z.string(),
  articleId: z.string(),
  title: z.string().nullable().describe('the article’s title'),
  evidenceSpan: z.object({ start: z.number().int(), end: z.number().int() }).nullable().describe('the evidence sentence in the article text'),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
  code: z.string(),
  modality: z.string(),
  date: z.string().nullable(),
  datePrecision: z.string().nullable(),
  place: z.string().nullable(),
  source: z.array(RecordActor),
  target: z.array(RecordActor),
  magnitudes: z.array(z.looseObject({ kind: z.string(), value: z.number().nullable(), qualifier: z.string(), text: z.string() })),
  evidence: z.string(),
  score: z.number(),
  reason: z.string(),
  wireCredits: z.array(z.looseObject({ wire: z.string().nullable(), kind: z.string(), text: z.string() })).optional().describe('agencies the article credits'),
});

export const RecordDetailSchema = RecordSchema.extend({
  reports: z.array(ReportSchema),
  witnesses: z.array(z.looseObject({ articleIds: z.array(z.string()), outlets: z.array(z.string()), reasons: z.array(z.string()) })),
});

const RecordsPage = z.object({ items: z.array(RecordSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

const RecordsQuery = PageQuery.extend({
  actor: Needle.optional().describe('an actor id, or a name a source or target of a report contains'),
  code: z.string().regex(/^\d{1,4}$/, 'a CAMEO code is 1 to 4 digits: "19", "190", "1951"').optional().describe('CAMEO code or prefix'),
  plover: z.string().regex(/^[A-Za-z_-]{2,40}$/, 'expected a PLOVER type such as ASSAULT').optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  place: Needle.optional().describe('place name contains'),
  outlet: Needle.optional().describe('reported by an outlet whose name contains this'),
  disputed: Flag.optional().describe('only records whose reports contradict each other'),
  minIndependent: z.coerce.number().int().min(1).max(10_000).optional().describe('at least this many independent witnesses'),
  event: z.string().min(1).max(300).optional().describe('the record holding this event mention'),
  sort: z.enum(RECORD_SORTS).default('date').describe('date: latest event first; reports: most reported first'),
});

/** Titles and evidence offsets of a record's reports, so the page can link each to the reader. */
async function reportContext(db: Store, eventIds: readonly string[]): Promise<Map<string, { title: string | null; start: number; end: number }>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('events as e')
    .innerJoin('articles as a', 'a.id', 'e.article_id')
    .select(['e.id', 'e.start', 'e.end', 'a.title'])
    .where('e.id', 'in', [...eventIds])
    .execute();
  return new Map(rows.map((r) => [r.id, { title: r.title, start: r.start, end: r.end }]));
}

/** /api/records and /api/records/:id. */
export const recordsRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  app.get(
    '/api/records',
    {
      schema: {
        tags: ['records'],
        summary: 'Event records: one per real-world event, with its outlets, independent witnesses and contradictions',
        querystring: RecordsQuery,
        response: { 200: RecordsPage, ...errorResponses },
      },
    },
    async (req) => {
      const { limit, offset, sort, ...filter } = req.query;
      // The same query path as `dossier records` (records/record-views.ts), with the same filters.
      const page = { ...(await recordsPage(ctx.store, filter, { limit, offset, sort })), limit, offset };
      // The interfaces have no index signature, which the loose schemas' types add; zod checks every field when it serializes.
      return page as unknown as z.infer<typeof RecordsPage>;
    },
  );

  app.get(
    '/api/records/:id',
    {
      schema: {
        tags: ['records'],
        summary: 'One event record: who reported what, which reports are one witness and why, where they disagree',
        params: IdParams,
        response: { 200: RecordDetailSchema, ...errorResponses },
      },
    },
    async (req) => {
      const { id } = req.params;
      const record = await getRecord(ctx.store, id);
      if (!record) throw notFound('event record', id);
      const context = await reportContext(ctx.store, record.reports.map((m) => m.eventId));
      const detail = {
        ...record,
        reports: record.reports.map((m) => {
          const c = context.get(m.eventId);
          return { ...m, title: c?.title ?? null, evidenceSpan: c ? { start: c.start, end: c.end } : null };
        }),
      };
      return detail as unknown as z.infer<typeof RecordDetailSchema>;
    },
  );
};
