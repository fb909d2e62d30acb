import type { ExportActor, ExportRow } from './export-row.js';
import { xmlId } from './xml-text.js';

/**
 * The actor network of a set of rows: actors as nodes, and for each source→target pair and CAMEO
 * code one directed edge whose weight is the number of rows (records or events) behind it.
 */

export interface GraphNode {
  id: string;
  label: string;
  actorId: string | null;
  type: string;
  country: string;
  cameo: string;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  code: string;
  plover: string;
  firstDate: string;
  lastDate: string;
  recordIds: string[];
  rowIds: string[];
  weight: number;
}

export interface ActorGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Rows with no source or no target: no edge to draw. */
  withoutBothActors: number;
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function actorGraph(rows: readonly ExportRow[]): ActorGraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const node = (a: ExportActor): string => {
    const id = xmlId(a.key);
    if (!nodes.has(id)) nodes.set(id, { id, label: a.name, actorId: a.id, type: a.type ?? '', country: a.country ?? '', cameo: a.cameo ?? '' });
    return id;
  };
  let withoutBothActors = 0;
  for (const r of rows) {
    if (r.source.length === 0 || r.target.length === 0) {
      withoutBothActors++;
      continue;
    }
    for (const s of r.source) {
      for (const t of r.target) {
        const [source, target] = [node(s), node(t)];
        const id = `${source}--${target}--${r.code}`;
        const e = edges.get(id) ?? { id, source, target, code: r.code, plover: r.plover ?? '', firstDate: r.date ?? '', lastDate: r.date ?? '', recordIds: [], rowIds: [], weight: 0 };
        if (r.date !== null && (e.firstDate === '' || r.date < e.firstDate)) e.firstDate = r.date;
        if (r.date !== null && r.date > e.lastDate) e.lastDate = r.date;
        if (r.recordId !== null && !e.recordIds.includes(r.recordId)) e.recordIds.push(r.recordId);
        if (!e.rowIds.includes(r.id)) {
          e.rowIds.push(r.id);
          e.weight++;
        }
        edges.set(id, e);
      }
    }
  }
  return { nodes: [...nodes.values()].sort(byId), edges: [...edges.values()].sort(byId), withoutBothActors };
}

export const graphLeftOut = (g: ActorGraph): Record<string, number> => (g.withoutBothActors > 0 ? { withoutBothActors: g.withoutBothActors } : {});
