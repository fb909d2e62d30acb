import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RECORD_SORTS } from '../store/records-queries.js';
import type { ApiContext } from './api-context.js';
import { notFound } from './api-errors.js';
import { errorResponses } from './claim-schemas.js';
import { Flag, IdParams, IsoDate, MissingQuery, Needle, PageQuery } from './query-schemas.js';
import { RecordDetailSchema, RecordsPage } from './response-schemas.js';

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
      const page = { ...(await ctx.reads.read('records', { ...filter, limit, offset, sort })), limit, offset };
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
        querystring: MissingQuery,
        response: { 200: RecordDetailSchema.nullable(), ...errorResponses },
      },
    },
    async (req) => {
      const { id } = req.params;
      const detail = await ctx.reads.read('record', { id });
      if (!detail) {
        if (req.query.missing === 'null') return null;
        throw notFound('event record', id);
      }
      return detail as unknown as z.infer<typeof RecordDetailSchema>;
    },
  );
};
