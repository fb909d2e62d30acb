import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from './api-context.js';
import { errorResponses } from './claim-schemas.js';
import { Flag, Needle, type Page, PageQuery, } from './query-schemas.js';
import { OutletSchema } from './response-schemas.js';


const OutletsQuery = PageQuery.extend({
  name: Needle.optional().describe('outlet name contains'),
  brief: Flag.optional().describe('names, article counts and dates only: no actors or event types (a fraction of the work)'),
});

/** /api/outlets. */
export const outletsRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  app.get(
    '/api/outlets',
    {
      schema: {
        tags: ['records'],
        summary: 'Outlets with their article counts, date ranges, most frequent actors and event types; most articles first',
        querystring: OutletsQuery,
        response: { 200: z.object({ items: z.array(OutletSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }), ...errorResponses },
      },
    },
    async (req) => {
      const { limit, offset, name, brief } = req.query;
      const page = await ctx.reads.read('outlets', { name, brief: brief === true, limit, offset });
      // The read's items are typed by their name alone; zod checks every field when it serializes.
      return { ...page, limit, offset } as Page<z.infer<typeof OutletSchema>>;
    },
  );
};
