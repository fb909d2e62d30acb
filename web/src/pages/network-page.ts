import { api } from '../api-client.js';
import type { NetworkEdge } from '../api-types.js';
import { empty, h, link, path, s, section, table } from '../dom.js';
import { forceLayout } from '../force-layout.js';
import { placeLabels } from '../label-placement.js';
import { PLOVER_TYPES, ploverColour } from '../plover.js';
import type { RouteContext } from '../router.js';
import { filterForm } from '../widgets.js';

const W = 900;
const H = 560;
/** More nodes than this make an unreadable hairball (and a slow layout). */
const MAX_NODES = 80;

export async function networkPage(ctx: RouteContext): Promise<Node> {
  const q = ctx.query;
  // The server keeps only the most active actors: thousands of nodes would cost a long download for nothing drawn.
  const actorId = q.get('actor');
  // Around an actor, the network names it and its kin: one request for the page.
  const filters = { from: q.get('from'), to: q.get('to'), plover: q.get('plover'), minConfidence: q.get('minConfidence'), top: MAX_NODES };
  const fetched = actorId ? await api.networkAround(actorId, filters) : await api.network(filters);
  const centre = fetched.centre ?? null;
  let net = fetched;
  const form = filterForm(ctx, [
    { name: 'from', label: 'From', type: 'date' },
    { name: 'to', label: 'To', type: 'date' },
    { name: 'plover', label: 'Event type', type: 'select', options: PLOVER_TYPES },
    { name: 'minConfidence', label: 'Min. confidence', type: 'number', placeholder: '0.5' },
  ]);
  ctx.title(centre ? `Network around ${centre.name}` : 'Actor network');
  const page = h(
    'div',
    { class: 'page network' },
    h('h1', { 'data-testid': 'network-title' }, centre ? `Network around ${centre.name}` : 'Actor network'),
    centre
      ? h(
          'p',
          { class: 'muted', 'data-testid': 'network-centre' },
          'The events of ',
          link(path('actor', centre.id), centre.name),
          centre.members.length > 0 ? [', its members (', centre.members.map((m, i) => [i > 0 ? ', ' : '', link(path('actor', m.id), m.name)]), ')'] : null,
          centre.memberOf.length > 0 ? [' and what it is part of (', centre.memberOf.map((m, i) => [i > 0 ? ', ' : '', link(path('actor', m), m)]), ')'] : null,
          '. ',
          link('/network', 'Whole network →'),
        )
      : null,
    form,
  );
  if (net.nodes.length === 0) {
    page.appendChild(empty('No event with both a source and a target actor matches these filters.'));
    return page;
  }
  // A large store has thousands of actors: draw the most active ones and the edges among them.
  const all = net;
  const kept = new Set([...all.nodes].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name)).slice(0, MAX_NODES).map((n) => n.id));
  net = { nodes: all.nodes.filter((n) => kept.has(n.id)), edges: all.edges.filter((e) => kept.has(e.source) && kept.has(e.target)) };
  const pos = forceLayout(
    net.nodes.map((n) => n.id),
    net.edges,
    W,
    H,
  );
  const maxEvents = Math.max(1, ...net.nodes.map((n) => n.events));
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'network-svg', role: 'img', 'aria-label': 'actors and the events between them' });
  const types = [...new Set(net.edges.map((e) => e.plover ?? 'OTHER'))];
  svg.appendChild(
    s(
      'defs',
      {},
      types.map((t) =>
        s('marker', { id: `arrow-${t}`, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, s('path', { d: 'M0,0L10,5L0,10z', fill: ploverColour(t === 'OTHER' ? null : t) })),
      ),
    ),
  );
  const radius = (events: number): number => 6 + 14 * Math.sqrt(events / maxEvents);
  const byId = new Map(net.nodes.map((n) => [n.id, n]));
  // Parallel edges between one pair are bent apart so each type stays visible.
  const pairCount = new Map<string, number>();
  const edgeLayer = s('g', { class: 'edges' });
  for (const e of net.edges) {
    const a = pos.get(e.source);
    const b = pos.get(e.target);
    if (!a || !b) continue;
    const key = [e.source, e.target].sort().join('|');
    const k = pairCount.get(key) ?? 0;
    pairCount.set(key, k + 1);
    edgeLayer.appendChild(edgePath(e, a, b, radius(byId.get(e.target)?.events ?? 1), k));
  }
  svg.appendChild(edgeLayer);
  const nodeLayer = s('g', { class: 'nodes' });
  // Labels of the most active actors first: where two would collide, the busier one keeps its label.
  const labels = placeLabels(
    [...net.nodes].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name)).map((n) => ({ id: n.id, x: pos.get(n.id)!.x, y: pos.get(n.id)!.y, r: radius(n.events), text: n.name })),
    W,
    H,
  );
  for (const n of net.nodes) {
    const p = pos.get(n.id)!;
    const label = labels.get(n.id);
    const g = s(
      'g',
      { class: `node node-${n.type}`, transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`, 'data-actor': n.id, tabindex: 0 },
      s('title', {}, `${n.name} (${n.type}${n.country ? `, ${n.country}` : ''}): ${n.events} events`),
      s('circle', { r: radius(n.events) }),
      label ? s('text', { x: (label.x - p.x).toFixed(1), y: (label.y - p.y).toFixed(1), 'text-anchor': label.anchor }, n.name) : null,
    );
    const open = (): void => ctx.navigate(path('actor', n.id));
    g.addEventListener('click', open);
    g.addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key === 'Enter') open();
    });
    nodeLayer.appendChild(g);
  }
  svg.appendChild(nodeLayer);
  const totalNodes = all.total?.nodes ?? all.nodes.length;
  const totalEdges = all.total?.edges ?? all.edges.length;
  if (totalNodes > net.nodes.length) {
    page.append(
      h('p', { class: 'notice', 'data-testid': 'network-capped' }, `Showing the ${net.nodes.length} most active of ${totalNodes} actors (${net.edges.length} of ${totalEdges} edges); narrow the dates or the type to see others.`),
    );
  }
  page.append(
    h(
      'div',
      { class: 'legend', 'data-testid': 'network-legend' },
      h('strong', {}, 'Edges (source → target), by event type:'),
      types.map((t) => {
        const sw = h('span', { class: 'swatch' });
        sw.style.background = ploverColour(t === 'OTHER' ? null : t);
        return h('span', { class: 'key' }, sw, t);
      }),
      h('strong', {}, 'Actors:'),
      (['person', 'organization', 'state'] as const).map((kind) => h('span', { class: 'key' }, h('span', { class: `swatch node-swatch node-swatch-${kind}` }), kind === 'organization' ? 'group or organization' : kind)),
      h('span', { class: 'muted' }, 'size: events; a label left out where it would cover another is in the tooltip and the table.'),
    ),
    h('div', { class: 'card' }, svg),
    section(
      `Edges (${net.edges.length})`,
      table(
        ['source', '', 'target', 'type', 'events'],
        net.edges.map((e) => [
          link(path('actor', e.source), byId.get(e.source)?.name ?? e.source),
          '→',
          link(path('actor', e.target), byId.get(e.target)?.name ?? e.target),
          [e.plover ?? '', ' ', h('span', { class: 'muted' }, ctx.wording.typeName(e.code) ?? `CAMEO ${e.code}`)],
          e.eventIds.map((id, i) => [i > 0 ? ' ' : '', link(path('event', id), String(i + 1))]),
        ]),
        { class: 'edges-table' },
      ),
    ),
  );
  return page;
}

function edgePath(e: NetworkEdge, a: { x: number; y: number }, b: { x: number; y: number }, targetRadius: number, nth: number): SVGPathElement {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const d = Math.max(1, Math.hypot(dx, dy));
  // Stop at the target's rim so the arrow head shows.
  const ex = b.x - (dx / d) * (targetRadius + 2);
  const ey = b.y - (dy / d) * (targetRadius + 2);
  const bend = 18 * (nth + 1) * (nth % 2 === 0 ? 1 : -1);
  const mx = (a.x + ex) / 2 - (dy / d) * bend;
  const my = (a.y + ey) / 2 + (dx / d) * bend;
  const type = e.plover ?? 'OTHER';
  return s(
    'path',
    { d: `M${a.x.toFixed(1)},${a.y.toFixed(1)}Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`, class: 'edge', stroke: ploverColour(e.plover), 'stroke-width': Math.min(6, 1.5 + e.count), 'marker-end': `url(#arrow-${type})` },
    s('title', {}, `${e.plover ?? e.code}: ${e.count} event${e.count === 1 ? '' : 's'}`),
  );
}
