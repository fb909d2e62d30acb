import { sql } from 'kysely';
import type { EventOut } from '../store/events-queries.js';
import { actorKin, actorLabels } from '../store/mentions-queries.js';
import type { Store } from '../store/open-store.js';
import { listDecisions, reviewStates } from '../store/review-repository.js';
import type { Network } from './response-schemas.js';

/** What an edge needs of an event: much less than an EventOut, which reads the evidence out of every article's text. */
export type NetworkEvent = Pick<EventOut, 'id' | 'plover' | 'code'> & { source: Array<{ id: string | null; name: string }>; target: Array<{ id: string | null; name: string }> };

/**
 * The events between two resolved actors, as findEvents({ withBothActors }) selects them (same
 * filters, rejected events out, analysts' code/source/target fixes applied), without the text.
 */
export async function networkEvents(db: Store, f: { from?: string; to?: string; plover?: string; minConfidence?: number }): Promise<NetworkEvent[]> {
  let q = db.selectFrom('events as e').select(['e.id', 'e.plover', 'e.code']);
  if (f.plover) q = q.where('e.plover', '=', f.plover.toUpperCase());
  if (f.minConfidence !== undefined) q = q.where('e.confidence', '>=', f.minConfidence);
  if (f.from) q = q.where('e.date', '>=', f.from);
  if (f.to) q = q.where('e.date', '<=', `${f.to}\uffff`);
  q = q.where(
    'e.id',
    'not in',
    sql<string>`(SELECT d.item_id FROM review_decisions d WHERE d.item_kind = 'event' AND d.undone = 0 AND d.decision = 'reject'
      AND NOT EXISTS (SELECT 1 FROM review_decisions l WHERE l.item_id = d.item_id AND l.undone = 0 AND l.seq > d.seq))`,
  );
  // The events with a resolved source and a resolved target, found from the actor rows (a few
  // thousand) rather than by two look-ups for each of the store's events.
  q = q.where('e.id', 'in', (eb) =>
    eb
      .selectFrom('event_actors as s')
      .innerJoin('event_actors as t', (j) => j.onRef('t.event_id', '=', 's.event_id').on('t.role', '=', 'target').on('t.actor_id', 'is not', null))
      .select('s.event_id')
      .where('s.role', '=', 'source')
      .where('s.actor_id', 'is not', null),
  );
  const rows = await q.orderBy('e.id').execute();
  const ids = rows.map((r) => r.id);
  const parts: Array<{ event_id: string; role: string; actor_id: string | null; name: string }> = [];
  for (let i = 0; i < ids.length; i += 500) {
    parts.push(...(await db.selectFrom('event_actors').select(['event_id', 'role', 'actor_id', 'name']).where('event_id', 'in', ids.slice(i, i + 500)).orderBy('event_id').orderBy('pos').execute()));
  }
  const byEvent = new Map<string, typeof parts>();
  for (const p of parts) byEvent.set(p.event_id, [...(byEvent.get(p.event_id) ?? []), p]);
  const states = reviewStates(await listDecisions(db, ids));
  return rows.map((r) => {
    const fixes = states.get(r.id)?.fixes ?? {};
    const role = (name: string) => (byEvent.get(r.id) ?? []).filter((p) => p.role === name).map((p) => ({ id: p.actor_id, name: p.name }));
    return {
      id: r.id,
      plover: r.plover,
      code: fixes.code ?? r.code,
      source: fixes.source ? [{ id: fixes.source, name: fixes.source }] : role('source'),
      target: fixes.target ? [{ id: fixes.target, name: fixes.target }] : role('target'),
    };
  });
}

/** The edges that touch one of `group` (an actor, its members, its memberships), and their nodes. */
export function aroundActors(net: Network, group: ReadonlySet<string>): Network {
  const edges = net.edges.filter((e) => group.has(e.source) || group.has(e.target));
  const ids = new Set(edges.flatMap((e) => [e.source, e.target]));
  return { nodes: net.nodes.filter((n) => ids.has(n.id)), edges };
}

/** The `top` most active nodes and the edges among them. */
export function topOfNetwork(net: Network, top: number): Network {
  const kept = new Set(net.nodes.slice(0, top).map((n) => n.id));
  return { nodes: net.nodes.filter((n) => kept.has(n.id)), edges: net.edges.filter((e) => kept.has(e.source) && kept.has(e.target)), total: { nodes: net.nodes.length, edges: net.edges.length } };
}

/**
 * Who acts on whom: one directed edge per (source actor, target actor, PLOVER type, CAMEO code),
 * from the events that name a resolved actor on both sides. Nodes take their name, type and
 * country from the actor list (corrections applied), else from the event's words.
 */
export function buildNetwork(events: readonly NetworkEvent[], known: ReadonlyMap<string, { name: string; type: string; country: string | null }>): Network {
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

/** The network's filters: which events count, and which part of the network to answer. */
export interface NetworkFilter {
  from?: string;
  to?: string;
  plover?: string;
  minConfidence?: number;
  /** Only the most active actors and the edges among them. */
  top?: number;
  /** Only the edges of this actor, its members and what it is a member of. */
  actor?: string;
}

/** The network the filter asks for, or null when the actor it names is not known. */
export async function actorNetwork(db: Store, { top, actor, ...filter }: NetworkFilter): Promise<Network | null> {
  const events = await networkEvents(db, filter);
  const ids = [...new Set(events.flatMap((e) => [...e.source, ...e.target].map((p) => p.id).filter((id): id is string => id !== null)))];
  let net = buildNetwork(events, await actorLabels(db, ids));
  if (actor === undefined) return top === undefined ? net : topOfNetwork(net, top);
  const centre = await actorKin(db, actor);
  if (!centre) return null;
  net = aroundActors(net, new Set([centre.id, ...centre.members.map((m) => m.id), ...centre.memberOf]));
  // The actor it is drawn around, named with its kin: the page needs no second request for them.
  return { ...(top === undefined ? net : topOfNetwork(net, top)), centre };
}
