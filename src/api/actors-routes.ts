import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DossierError } from '../errors.js';
import type { Correction } from '../knowledge/actors/actor-overlay.js';
import { refreshRecordsOfEvents } from '../records/record-upkeep.js';
import { addCorrection, listCorrections, undoLastCorrection } from '../store/corrections-repository.js';
import type { ApiContext } from './api-context.js';
import { notFound } from './api-errors.js';
import { errorResponses, writeErrorResponses } from './claim-schemas.js';
import { Flag, IdParams, MissingQuery, Needle, PageQuery, pageOf, paginate } from './query-schemas.js';
import { ActorDetailSchema, ActorSummarySchema, CorrectionSchema, StoredCorrectionSchema } from './response-schemas.js';


const ActorsQuery = PageQuery.extend({
  name: Needle.optional().describe('name or alias contains'),
  type: Needle.optional().describe('person, organization, state, group, norp'),
  country: z.string().regex(/^[A-Za-z]{3}$/, 'expected an ISO 3166-1 alpha-3 code such as IRQ').optional(),
  brief: Flag.optional().describe('aliases from the registry only, not every spelling read in the news (cheaper: what a list of names and counts needs)'),
});

/** /api/actors, /api/actors/:id and the analyst's corrections under /api/actors/corrections. */
export const actorsRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  app.get(
    '/api/actors',
    { schema: { tags: ['actors'], summary: 'Actors with aliases and mention counts, most mentioned first', querystring: ActorsQuery, response: { 200: pageOf(ActorSummarySchema), ...errorResponses } } },
    async (req) => {
      const { limit, offset, brief, ...filter } = req.query;
      return { ...(await ctx.reads.read('actors', { ...filter, brief: brief === true, limit, offset })), limit, offset };
    },
  );

  app.get(
    '/api/actors/corrections',
    {
      schema: {
        tags: ['actors'],
        summary: 'The analyst corrections in force, oldest first (all=true: undone ones too)',
        querystring: PageQuery.extend({ all: Flag.optional() }),
        response: { 200: pageOf(StoredCorrectionSchema), ...errorResponses },
      },
    },
    async (req) => {
      const { limit, offset, all } = req.query;
      return paginate(await listCorrections(ctx.store, all === true), { limit, offset });
    },
  );

  app.get(
    '/api/actors/:id',
    {
      schema: {
        tags: ['actors'],
        summary: 'One actor: facts, aliases, roles, members, mentions, events as source and target, quotes',
        params: IdParams,
        querystring: MissingQuery,
        response: { 200: ActorDetailSchema.nullable(), ...errorResponses },
      },
    },
    async (req) => {
      const { id } = req.params;
      const actor = await ctx.reads.read('actor', { id });
      if (!actor) {
        if (req.query.missing === 'null') return null;
        throw notFound('actor', id);
      }
      return actor;
    },
  );

  app.post(
    '/api/actors/corrections',
    {
      onRequest: ctx.guard,
      schema: {
        tags: ['actors'],
        summary: 'Record a correction (merge, split, rename, alias-add, alias-remove) and relink mentions',
        security: [{ bearer: [] }],
        body: CorrectionSchema,
        response: { 200: z.object({ seq: z.number().int(), changed: z.number().int() }), ...writeErrorResponses },
      },
    },
    async (req) => addCorrection(ctx.store, req.body as Correction, refreshRecordsOfEvents),
  );

  app.post(
    '/api/actors/corrections/undo',
    {
      onRequest: ctx.guard,
      schema: {
        tags: ['actors'],
        summary: 'Undo the most recent correction still in force',
        security: [{ bearer: [] }],
        response: { 200: z.object({ undone: StoredCorrectionSchema, changed: z.number().int() }), ...writeErrorResponses },
      },
    },
    async () => {
      const result = await undoLastCorrection(ctx.store, refreshRecordsOfEvents);
      if (!result) throw new DossierError('DOSSIER_NOT_FOUND', 'no correction to undo');
      return result;
    },
  );
};
