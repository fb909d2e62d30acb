import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiContext } from './api-context.js';
import { errorResponses, QuoteSchema } from './claim-schemas.js';
import { Confidence, Flag, Needle, PageQuery, pageOf } from './query-schemas.js';

const QuotesQuery = PageQuery.extend({
  speaker: Needle.optional().describe('speaker actor id, or a name it contains'),
  outlet: Needle.optional().describe('outlet name contains'),
  about: Needle.optional().describe('quotes whose content mentions this actor id'),
  minConfidence: Confidence.optional(),
  all: Flag.optional().describe('include quotes an analyst rejected'),
});

/** /api/quotes. */
export const quotesRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  app.get(
    '/api/quotes',
    { schema: { tags: ['quotes'], summary: 'Quotes and claims with speakers, intermediaries and outlets', querystring: QuotesQuery, response: { 200: pageOf(QuoteSchema), ...errorResponses } } },
    async (req) => {
      const { limit, offset, all, ...filter } = req.query;
      const f = { ...filter, includeRejected: all === true };
      return { ...(await ctx.reads.read('quotes', { ...f, limit, offset })), limit, offset };
    },
  );
};
