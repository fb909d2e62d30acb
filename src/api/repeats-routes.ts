import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiContext } from './api-context.js';
import { errorResponses } from './claim-schemas.js';
import { Needle, PageQuery, pageOf, } from './query-schemas.js';
import { RepeatPairSchema } from './response-schemas.js';

const RepeatsQuery = PageQuery.extend({ outlet: Needle.optional().describe('pairs where either article is of an outlet whose name contains this') });

/** /api/repeats. */
export const repeatsRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  app.get(
    '/api/repeats',
    {
      schema: {
        tags: ['articles'],
        summary: 'Articles that repeat passages of other articles: each pair with the earlier article first, most shared passages first',
        querystring: RepeatsQuery,
        response: { 200: pageOf(RepeatPairSchema), ...errorResponses },
      },
    },
    async (req) => {
      const { limit, offset, outlet } = req.query;
      return { ...(await ctx.reads.read('repeats', { outlet, limit, offset })), limit, offset };
    },
  );
};
