import { actorGraph, graphLeftOut } from './actor-graph.js';
import type { ExportFormat, FormatOptions, FormatOutput } from './export-format.js';
import type { ExportRow } from './export-row.js';
import { GRAPH_FIELDS } from './gexf-format.js';
import { xmlEscape } from './xml-text.js';

/** GraphML (yEd, Cytoscape, networkx, igraph, Gephi): the same actor network as the GEXF export. */

const NODE_KEYS = ['label', 'actor_id', 'type', 'country', 'cameo'] as const;
const EDGE_KEYS = ['weight', 'cameo_code', 'plover', 'first_date', 'last_date', 'record_ids', 'row_ids'] as const;

const data = (entries: ReadonlyArray<readonly [string, string]>): string => entries.map(([k, v]) => `<data key="${k}">${xmlEscape(v)}</data>`).join('');

export function renderGraphml(rows: readonly ExportRow[], options: FormatOptions): FormatOutput {
  const g = actorGraph(rows);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map((k) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="string"/>`),
    `  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>`,
    ...EDGE_KEYS.filter((k) => k !== 'weight').map((k) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="string"/>`),
    `  <graph id="dossier-${options.level}" edgedefault="directed">`,
    ...g.nodes.map(
      (n) => `    <node id="${xmlEscape(n.id)}">${data([['n_label', n.label], ['n_actor_id', n.actorId ?? ''], ['n_type', n.type], ['n_country', n.country], ['n_cameo', n.cameo]])}</node>`,
    ),
    ...g.edges.map(
      (e) =>
        `    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">${data([
          ['e_weight', String(e.weight)],
          ['e_cameo_code', e.code],
          ['e_plover', e.plover],
          ['e_first_date', e.firstDate],
          ['e_last_date', e.lastDate],
          ['e_record_ids', e.recordIds.join('; ')],
          ['e_row_ids', e.rowIds.join('; ')],
        ])}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
  ];
  return { text: `${lines.join('\n')}\n`, written: rows.length - g.withoutBothActors, leftOut: graphLeftOut(g) };
}

export const graphmlFormat: ExportFormat = { name: 'graphml', extension: 'graphml', mediaType: 'application/graphml+xml', fields: GRAPH_FIELDS, render: renderGraphml };
