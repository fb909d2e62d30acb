import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from './api-context.js';
import { notFound } from './api-errors.js';
import { errorResponses, } from './claim-schemas.js';
import { emptyAsMissing, IdParams, IsoDate, MAX_LIMIT, MissingQuery, Needle, PageQuery, pageOf } from './query-schemas.js';
import { ArticleDetailSchema, ArticleSummarySchema, SearchHitSchema } from './response-schemas.js';


const ArticlesQuery = PageQuery.extend({
  outlet: Needle.optional().describe('outlet name contains'),
  author: Needle.optional().describe('author name contains'),
  from: IsoDate.optional().describe('published on or after'),
  to: IsoDate.optional().describe('published on or before'),
  sort: z.enum(['date', '-date', 'title', 'outlet']).default('-date'),
});

const SearchQuery = z.object({
  q: z.string().trim().min(1, 'q is required: the words to search for').max(500),
  limit: z.preprocess(emptyAsMissing, z.coerce.number().int().min(0).max(MAX_LIMIT).default(20)),
});

/** /api/articles, /api/articles/:id and /api/search. */
export const articlesRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  app.get(
    '/api/articles',
    { schema: { tags: ['articles'], summary: 'Stored articles, newest first', querystring: ArticlesQuery, response: { 200: pageOf(ArticleSummarySchema), ...errorResponses } } },
    async (req) => {
      const { limit, offset, ...filter } = req.query;
      // In a read thread: a sort by title or outlet, or a deep page, reads and sorts every article.
      return { ...(await ctx.reads.read('articles', { ...filter, limit, offset })), limit, offset };
    },
  );

  app.get(
    '/api/articles/:id',
    {
      schema: {
        tags: ['articles'],
        summary: 'One article: text, provenance, entities, places, times, repeated passages, events and quotes',
        params: IdParams,
        querystring: MissingQuery,
        response: { 200: ArticleDetailSchema.nullable(), ...errorResponses },
      },
    },
    async (req) => {
      const { id } = req.params;
      const article = await ctx.reads.read('article', { id });
      if (!article) {
        if (req.query.missing === 'null') return null;
        throw notFound('article', id);
      }
      return article;
    },
  );

  app.get(
    '/api/search',
    {
      schema: {
        tags: ['articles'],
        summary: 'Full-text search over titles and texts, best first ("quoted phrases", OR, NOT, prefix*)',
        querystring: SearchQuery,
        response: { 200: pageOf(SearchHitSchema), ...errorResponses },
      },
    },
    async (req) => {
      const { q, limit } = req.query;
      const hits = await ctx.reads.search(q, limit);
      return { items: hits, total: hits.length, limit, offset: 0 };
    },
  );
};
