import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EventOut } from '../store/events-queries.js';
import { findEvents } from '../store/events-queries.js';
import { actorLabels } from '../store/mentions-queries.js';
import type { ApiContext } from './api-context.js';
import { errorResponses } from './claim-schemas.js';
import { Confidence, IsoDate } from './query-schemas.js';

const NodeSchema = z.object({ id: z.string(), name: z.string(), type: z.string(), country: z.string().nullable(), events: z.number().int() });
const EdgeSchema = z.object({ source: z.string(), target: z.string(), plover: z.string().nullable(), code: z.string(), count: z.number().int(), eventIds: z.array(z.string()) });
const NetworkSchema = z.object({ nodes: z.array(NodeSchema), edges: z.array(EdgeSchema) });

export type Network = z.infer<typeof NetworkSchema>;

const NetworkQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  plover: z.string().regex(/^[A-Za-z_-]{2,40}$/, 'expected a PLOVER type such as ASSAULT').optional(),
  minConfidence: Confidence.optional(),
});

/**
 * Who acts on whom: one directed edge per (source actor, target actor, PLOVER type, CAMEO code),
 * from the events that name a resolved actor on both sides. Nodes take their name, type and
 * country from the actor list (corrections applied), else from the event's words.
 */
export function buildNetwork(events: readonly EventOut[], known: ReadonlyMap<string, { name: string; type: string; country: string | null }>): Network {
  const nodes = new Map<string, Network['nodes'][number]>();
  const edges = new Map<string, Network['edges'][number]>();
  for (const e of events) {
    const sources = e.source.filter((p) => p.id !== null);
    const targets = e.target.filter((p) => p.id !== null);
    const touched = new Set<string>();
    for (const s of sources) {
      for (const t of targets) {
        if (s.id === t.id) continue;
        const key = JSON.stringify([s.id, t.id, e.plover, e.code]);
        const edge = edges.get(key) ?? { source: s.id!, target: t.id!, plover: e.plover, code: e.code, count: 0, eventIds: [] };
        if (!edge.eventIds.includes(e.id)) {
          edge.eventIds.push(e.id);
          edge.count++;
        }
        edges.set(key, edge);
        touched.add(s.id!);
        touched.add(t.id!);
      }
    }
    for (const p of [...sources, ...targets]) {
      if (!touched.has(p.id!)) continue;
      const actor = known.get(p.id!);
      const node = nodes.get(p.id!) ?? { id: p.id!, name: actor?.name ?? p.name, type: actor?.type ?? 'unknown', country: actor?.country ?? null, events: 0 };
      nodes.set(p.id!, node);
    }
    for (const id of touched) nodes.get(id)!.events++;
  }
  return {
    nodes: [...nodes.values()].sort((a, b) => b.events - a.events || a.id.localeCompare(b.id)),
    edges: [...edges.values()].sort((a, b) => b.count - a.count || a.source.localeCompare(b.source) || a.target.localeCompare(b.target)),
  };
}

/** /api/network. */
export const networkRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  app.get(
    '/api/network',
    {
      schema: {
        tags: ['events'],
        summary: 'The actor network: actors as nodes, events between two resolved actors as directed edges',
        querystring: NetworkQuery,
        response: { 200: NetworkSchema, ...errorResponses },
      },
    },
    async (req) => {
      const events = await findEvents(ctx.store, { ...req.query, withBothActors: true });
      const ids = [...new Set(events.flatMap((e) => [...e.source, ...e.target].map((p) => p.id).filter((id): id is string => id !== null)))];
      return buildNetwork(events, await actorLabels(ctx.store, ids));
    },
  );
};
