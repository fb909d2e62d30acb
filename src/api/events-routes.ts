import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from './api-context.js';
import { notFound } from './api-errors.js';
import { EventSchema, errorResponses } from './claim-schemas.js';
import { BBoxParam, Confidence, Flag, IdParams, IsoDate, MissingQuery, MODALITIES, Needle, PageQuery, pageOf } from './query-schemas.js';

const EventsQuery = PageQuery.extend({
  actor: Needle.optional().describe('an actor id, or a name a source or target contains'),
  code: z.string().regex(/^\d{1,4}$/, 'a CAMEO code is 1 to 4 digits: "19", "190", "1951"').optional().describe('CAMEO code or prefix'),
  plover: z.string().regex(/^[A-Za-z_-]{2,40}$/, 'expected a PLOVER type such as ASSAULT').optional(),
  place: Needle.optional().describe('place name contains'),
  bbox: BBoxParam.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  outlet: Needle.optional().describe('outlet name contains'),
  modality: z.enum(MODALITIES).optional(),
  minConfidence: Confidence.optional(),
  all: Flag.optional().describe('include events an analyst rejected'),
  inRecord: Flag.optional().describe('false: only events no event record holds; true: only those one does'),
  dated: Flag.optional().describe('false: only undated events; true: only dated ones'),
  placed: Flag.optional().describe('false: only events with no place; true: only placed ones'),
  text: Needle.optional().describe('words the evidence sentence, a participant or the place name contain'),
});

/** /api/events and /api/events/:id. */
export const eventsRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  app.get(
    '/api/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Coded events (who did what to whom, where, when, according to whom), latest first',
        querystring: EventsQuery,
        response: { 200: pageOf(EventSchema), ...errorResponses },
      },
    },
    async (req) => {
      const { limit, offset, all, ...filter } = req.query;
      const f = { ...filter, includeRejected: all === true };
      return { ...(await ctx.reads.read('events', { ...f, limit, offset })), limit, offset };
    },
  );

  app.get(
    '/api/events/:id',
    { schema: { tags: ['events'], summary: 'One event, rejected or not', params: IdParams, querystring: MissingQuery, response: { 200: EventSchema.nullable(), ...errorResponses } } },
    async (req) => {
      const { id } = req.params;
      const event = await ctx.reads.read('event', { id });
      if (!event) {
        if (req.query.missing === 'null') return null;
        throw notFound('event', id);
      }
      return event;
    },
  );
};
