import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from './api-context.js';
import { notFound } from './api-errors.js';
import { errorResponses } from './claim-schemas.js';
import { Confidence, IsoDate, MissingQuery } from './query-schemas.js';
import { NetworkSchema } from './response-schemas.js';


const NetworkQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  plover: z.string().regex(/^[A-Za-z_-]{2,40}$/, 'expected a PLOVER type such as ASSAULT').optional(),
  minConfidence: Confidence.optional(),
  top: z.coerce.number().int().min(1).max(5000).optional().describe('only the most active actors (and the edges among them): what a drawing can show'),
  actor: z.string().trim().min(1).max(300).optional().describe('an actor id: only the edges of this actor, its members and what it is a member of'),
}).extend(MissingQuery.shape);

/** /api/network. */
export const networkRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  app.get(
    '/api/network',
    {
      schema: {
        tags: ['events'],
        summary: 'The actor network: actors as nodes, events between two resolved actors as directed edges',
        querystring: NetworkQuery,
        response: { 200: NetworkSchema.nullable(), ...errorResponses },
      },
    },
    async (req) => {
      // In a read thread: every event between two actors is read and folded into edges.
      const { missing, ...filter } = req.query;
      const net = await ctx.reads.read('network', filter);
      if (!net) {
        // An unknown actor: 404, or null with ?missing=null (the web app, which then says what is missing).
        if (missing === 'null') return null;
        throw notFound('actor', req.query.actor ?? '');
      }
      return net;
    },
  );
};
