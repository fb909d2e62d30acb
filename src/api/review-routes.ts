import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DossierError } from '../errors.js';
import { refreshRecordsOfEvents } from '../records/record-upkeep.js';
import { type ReviewKind, recordDecision, undoLastDecision } from '../store/review-repository.js';
import type { ApiContext } from './api-context.js';
import { errorResponses, writeErrorResponses } from './claim-schemas.js';
import { Confidence, IdParams, PageQuery, pageOf } from './query-schemas.js';
import { DecisionSchema, ReviewItemSchema } from './response-schemas.js';


const DecisionBody = z.strictObject({
  decision: z.enum(['accept', 'reject', 'fix']),
  field: z.string().min(1).max(40).optional().describe('with fix: event code, modality, date, place, source, target; quote speaker, kind'),
  value: z.string().max(500).optional(),
  note: z.string().max(2000).optional(),
});

/** Event ids start e_, quote ids q_; anything else cannot be in the queue. */
const kindOf = (id: string): ReviewKind | null => (id.startsWith('e_') ? 'event' : id.startsWith('q_') ? 'quote' : null);

/** /api/review (the queue), POST /api/review/:id (a decision) and POST /api/review/undo. */
export const reviewRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  app.get(
    '/api/review',
    {
      schema: {
        tags: ['review'],
        summary: 'Events and quotes under the confidence threshold that nobody decided on yet, least sure first',
        querystring: PageQuery.extend({ threshold: Confidence.default(0.5) }),
        response: { 200: pageOf(ReviewItemSchema), ...errorResponses },
      },
    },
    async (req) => {
      const { limit, offset, threshold } = req.query;
      return { ...(await ctx.reads.read('review', { threshold, limit, offset })), limit, offset };
    },
  );

  app.post(
    '/api/review/undo',
    {
      onRequest: ctx.guard,
      schema: { tags: ['review'], summary: 'Undo the most recent review decision', security: [{ bearer: [] }], response: { 200: DecisionSchema, ...writeErrorResponses } },
    },
    async () => {
      const undone = await undoLastDecision(ctx.store, refreshRecordsOfEvents);
      if (!undone) throw new DossierError('DOSSIER_NOT_FOUND', 'no review decision to undo');
      return undone;
    },
  );

  app.post(
    '/api/review/:id',
    {
      onRequest: ctx.guard,
      schema: {
        tags: ['review'],
        summary: 'Accept, reject or fix an event (e_…) or a quote (q_…)',
        security: [{ bearer: [] }],
        params: IdParams,
        body: DecisionBody,
        response: { 200: z.object({ seq: z.number().int() }), ...writeErrorResponses },
      },
    },
    async (req) => {
      const { id } = req.params;
      const kind = kindOf(id);
      if (!kind) throw new DossierError('DOSSIER_NOT_FOUND', `no event or quote with id "${id}" (event ids start e_, quote ids q_)`);
      const { decision, field, value, note } = req.body;
      if (decision !== 'fix' && (field !== undefined || value !== undefined)) throw new DossierError('DOSSIER_USAGE', `field and value go with decision "fix", not "${decision}"`);
      const seq = await recordDecision(ctx.store, { kind, itemId: id, decision, ...(field ? { field } : {}), ...(value !== undefined ? { value } : {}), ...(note ? { note } : {}) }, refreshRecordsOfEvents);
      return { seq };
    },
  );
};
