import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from './api-context.js';
import { errorResponses } from './claim-schemas.js';
import { IsoDate, Needle, PageQuery, pageOf, } from './query-schemas.js';
import { PlaceSchema, TimelineSchema } from './response-schemas.js';


export const PRECISIONS = ['site', 'city', 'district', 'region', 'country', 'area'] as const;

const PlacesQuery = PageQuery.extend({
  name: Needle.optional().describe('name, or a spelling an article used, contains'),
  country: z.string().regex(/^[A-Za-z]{3}$/, 'expected an ISO 3166-1 alpha-3 code such as IRQ').optional(),
  precision: z.enum(PRECISIONS).optional(),
});

const TimelineQuery = PageQuery.extend({ from: IsoDate.optional(), to: IsoDate.optional() });

/** /api/places and /api/timeline. */
export const placesRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  app.get(
    '/api/places',
    { schema: { tags: ['places'], summary: 'Resolved places, most mentioned first', querystring: PlacesQuery, response: { 200: pageOf(PlaceSchema), ...errorResponses } } },
    async (req) => {
      const { limit, offset, ...filter } = req.query;
      return { ...(await ctx.reads.read('places', { ...filter, limit, offset })), limit, offset };
    },
  );

  app.get(
    '/api/timeline',
    { schema: { tags: ['places'], summary: 'Dated time expressions in time order, with context', querystring: TimelineQuery, response: { 200: pageOf(TimelineSchema), ...errorResponses } } },
    async (req) => {
      const { items, total } = await ctx.reads.read('timeline', req.query);
      return { items, total, limit: req.query.limit, offset: req.query.offset };
    },
  );
};
