import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findPlaces, timeline } from '../store/mentions-queries.js';
import type { ApiContext } from './api-context.js';
import { errorResponses } from './claim-schemas.js';
import { IsoDate, Needle, PageQuery, pageOf, paginate } from './query-schemas.js';

const PlaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  lat: z.number(),
  lon: z.number(),
  geonamesId: z.number().int().nullable(),
  precision: z.string(),
  featureClass: z.string(),
  country: z.string().nullable(),
  admin1: z.string().nullable(),
  bbox: z
    .tuple([z.number(), z.number(), z.number(), z.number()])
    .nullable()
    .describe('west, south, east, north in degrees for a region or area (west > east across the antimeridian); null for a point'),
  mentions: z.number().int(),
  articles: z.number().int(),
});

const TimelineSchema = z.object({
  value: z.string(),
  type: z.string(),
  precision: z.string(),
  anchor: z.string(),
  text: z.string(),
  reason: z.string(),
  articleId: z.string(),
  title: z.string(),
  published: z.string().nullable(),
  outlet: z.string().nullable(),
  context: z.string(),
});

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
      return paginate(await findPlaces(ctx.store, filter), { limit, offset });
    },
  );

  app.get(
    '/api/timeline',
    { schema: { tags: ['places'], summary: 'Dated time expressions in time order, with context', querystring: TimelineQuery, response: { 200: pageOf(TimelineSchema), ...errorResponses } } },
    async (req) => {
      const { limit, offset, ...filter } = req.query;
      return paginate(await timeline(ctx.store, filter), { limit, offset });
    },
  );
};
