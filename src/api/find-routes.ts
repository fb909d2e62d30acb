import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from './api-context.js';
import { errorResponses } from './claim-schemas.js';
import { emptyAsMissing, MAX_LIMIT } from './query-schemas.js';
import { FindResultSchema } from './response-schemas.js';

const FindQuery = z.object({
  q: z.string().trim().min(1, 'q is required: a name or the words to search for').max(200, 'at most 200 characters: search for a name or a few words'),
  limit: z.preprocess(emptyAsMissing, z.coerce.number().int().min(1).max(MAX_LIMIT).default(50)).describe('at most this many items in each list'),
});

/**
 * /api/find: one search over everything, which knows the registry (find-results.ts). Its
 * queries run in a read thread, within the reads' budget, like the lists.
 */
export const findRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  app.get(
    '/api/find',
    {
      schema: {
        tags: ['articles'],
        summary: 'Search by name or words: the actors and places a query names (aliases and spellings too), and their articles, events, records and quotes',
        querystring: FindQuery,
        response: { 200: FindResultSchema, ...errorResponses },
      },
    },
    async (req) => ctx.reads.read('find', { q: req.query.q, limit: req.query.limit }),
  );
};
