import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Store } from '../store/open-store.js';
import { findRecords, getRecord, type RecordOut } from '../store/records-queries.js';
import type { ApiContext } from './api-context.js';
import { notFound } from './api-errors.js';
import { errorResponses } from './claim-schemas.js';
import { Flag, IdParams, IsoDate, Needle, PageQuery } from './query-schemas.js';

/*
 * Response shapes of src/store/records-queries.ts. Records are still growing fields (owners,
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

export const RECORD_SORTS = ['date', 'reports'] as const;

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

type RecordsFilter = Omit<z.infer<typeof RecordsQuery>, 'limit' | 'offset' | 'sort'>;

const lowerLike = (needle: string): string => `%${needle.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The records the SQL filters keep, as a query on event_records. The verdicts (disputed,
 * independent witnesses) are columns refreshRecord keeps; actor and outlet are re-checked
 * on the page's records, against the reports shown.
 */
function candidates(db: Store, f: RecordsFilter) {
  let q = db.selectFrom('event_records as r').where('r.mention_count', '>', 0);
  if (f.code) q = q.where('r.code', 'like', `${f.code}%`);
  if (f.plover) q = q.where('r.plover', '=', f.plover.toUpperCase());
  if (f.from) q = q.where('r.date', '>=', f.from);
  if (f.to) q = q.where('r.date', '<=', `${f.to}\uffff`);
  if (f.place) q = q.where(sql<string>`lower(r.place_name)`, 'like', sql<string>`${lowerLike(f.place)} ESCAPE '\\'`);
  if (f.event) q = q.where('r.id', 'in', db.selectFrom('record_mentions').select('record_id').where('event_id', '=', f.event));
  if (f.disputed === true) q = q.where('r.disputed', '=', 1);
  if (f.minIndependent !== undefined) q = q.where('r.independent_outlets', '>=', f.minIndependent);
  if (f.actor) {
    const actor = f.actor;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('record_mentions as m')
          .innerJoin('event_actors as ea', 'ea.event_id', 'm.event_id')
          .select('m.event_id')
          .whereRef('m.record_id', '=', 'r.id')
          .where((eb) => eb.or([eb('ea.actor_id', '=', actor), eb(sql<string>`lower(ea.name)`, 'like', sql<string>`${lowerLike(actor)} ESCAPE '\\'`)])),
      ),
    );
  }
  if (f.outlet) {
    const outlet = f.outlet;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('record_mentions as m')
          .innerJoin('events as e', 'e.id', 'm.event_id')
          .innerJoin('articles as a', 'a.id', 'e.article_id')
          .innerJoin('outlets as o', 'o.id', 'a.outlet_id')
          .select('m.event_id')
          .whereRef('m.record_id', '=', 'r.id')
          .where(sql<string>`lower(o.name)`, 'like', sql<string>`${lowerLike(outlet)} ESCAPE '\\'`),
      ),
    );
  }
  return q;
}

/** Records of these ids, fully worked out, in the given order; the store's own filters re-applied. */
async function recordsOf(db: Store, ids: readonly string[], f: RecordsFilter): Promise<RecordOut[]> {
  const byId = new Map<string, RecordOut>();
  const post = { actor: f.actor, outlet: f.outlet, disputed: f.disputed === true ? true : undefined, minIndependent: f.minIndependent };
  for (let i = 0; i < ids.length; i += 200) {
    for (const r of await findRecords(db, { ...post, ids: ids.slice(i, i + 200) })) byId.set(r.id, r);
  }
  return ids.map((id) => byId.get(id)).filter((r): r is RecordOut => r !== undefined);
}

/**
 * One page of records. Without a filter that needs the reports worked out, the page and its
 * total come from SQL and only the page's records are loaded: a first page costs the same on
 * ten records or ten thousand.
 */
export async function recordsPage(db: Store, f: RecordsFilter, page: { limit: number; offset: number; sort: (typeof RECORD_SORTS)[number] }) {
  const base = candidates(db, f);
  const ordered = (page.sort === 'reports' ? base.orderBy('r.mention_count', 'desc') : base)
    // NULL dates last on SQLite and PostgreSQL alike.
    .orderBy(sql`r.date IS NULL`)
    .orderBy('r.date', 'desc')
    .orderBy('r.id')
    .select('r.id');
  const needsReports = f.actor !== undefined || f.outlet !== undefined;
  if (!needsReports) {
    const [{ n } = { n: 0 }] = await base.select((eb) => eb.fn.countAll<number>().as('n')).execute();
    const ids = (await ordered.limit(page.limit).offset(page.offset).execute()).map((r) => r.id);
    return { items: await recordsOf(db, ids, f), total: Number(n), limit: page.limit, offset: page.offset };
  }
  const all = await recordsOf(db, (await ordered.execute()).map((r) => r.id), f);
  return { items: all.slice(page.offset, page.offset + page.limit), total: all.length, limit: page.limit, offset: page.offset };
}

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
      // The store's interfaces have no index signature, which the loose schemas' types add; zod checks every field when it serializes.
      return (await recordsPage(ctx.store, filter, { limit, offset, sort })) as unknown as z.infer<typeof RecordsPage>;
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
