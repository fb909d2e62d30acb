import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiContext } from './api-context.js';
import { errorResponses } from './claim-schemas.js';
import { StatsSchema } from './response-schemas.js';


const OpenApiSchema = z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) });

/** /api/health, /api/stats and /api/openapi.json. */
export const metaRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  app.get(
    '/api/health',
    { schema: { tags: ['meta'], summary: 'Liveness and version', response: { 200: z.object({ ok: z.literal(true), version: z.string() }) } } },
    async () => ({ ok: true as const, version: ctx.version }),
  );

  app.get(
    '/api/stats',
    { schema: { tags: ['meta'], summary: 'Counts of what the store holds', response: { 200: StatsSchema, ...errorResponses } } },
    async () => ctx.reads.read('stats', {}),
  );

  app.get(
    '/api/openapi.json',
    { schema: { hide: true, response: { 200: OpenApiSchema } } },
    // The parent instance holds the swagger decorator; plugins see it through encapsulation.
    async () => app.swagger() as unknown as z.infer<typeof OpenApiSchema>,
  );
};
