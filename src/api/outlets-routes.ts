import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../store/open-store.js';
import { outletSummaries } from '../store/records-queries.js';
import type { ApiContext } from './api-context.js';
import { errorResponses } from './claim-schemas.js';
import { Flag, Needle, type Page, PageQuery, paginate } from './query-schemas.js';
import { OutletSchema } from './response-schemas.js';


const OutletsQuery = PageQuery.extend({
  name: Needle.optional().describe('outlet name contains'),
  brief: Flag.optional().describe('names, article counts and dates only: no actors or event types (a fraction of the work)'),
});

/** Outlets with their article counts and date ranges, most articles first: outletSummaries without its two heavy parts. */
async function outletCounts(db: Store): Promise<Array<z.infer<typeof OutletSchema>>> {
  const rows = await db
    .selectFrom('outlets as o')
    .innerJoin('articles as a', 'a.outlet_id', 'o.id')
    .select(['o.name', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min<string | null>('a.date').as('first'), (eb) => eb.fn.max<string | null>('a.date').as('last')])
    .groupBy(['o.id', 'o.name'])
    .orderBy('n', 'desc')
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ name: r.name, articles: Number(r.n), firstDate: r.first ?? null, lastDate: r.last ?? null }));
}

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
      const all = brief === true ? await outletCounts(ctx.store) : await outletSummaries(ctx.store);
      const page = paginate(name ? all.filter((o) => o.name.toLowerCase().includes(name.toLowerCase())) : all, { limit, offset });
      return page as Page<z.infer<typeof OutletSchema>>;
    },
  );
};
