import { actorGraph, graphLeftOut } from './actor-graph.js';
import type { ExportFormat, FieldDescription, FormatOptions, FormatOutput } from './export-format.js';
import type { ExportRow } from './export-row.js';
import { xmlEscape } from './xml-text.js';

/** GEXF 1.3 for Gephi: a static directed graph, every node and edge attribute declared. */

export const GRAPH_FIELDS: readonly FieldDescription[] = [
  { name: 'node id', description: 'the actor id, or "name:" + the lower-cased name for actors not in the registry (characters unsafe in XML ids as _hex_)' },
  { name: 'node label', description: 'actor name' },
  { name: 'node actor_id', description: 'registry actor id (dossier actor <id>), empty when unresolved' },
  { name: 'node type', description: 'registry type (state, organization, person, ...) or "unresolved"' },
  { name: 'node country', description: 'ISO 3166-1 alpha-3 of the actor' },
  { name: 'node cameo', description: 'CAMEO actor code' },
  { name: 'edge source→target', description: 'one directed edge per source actor, target actor and CAMEO code' },
  { name: 'edge weight', description: 'number of rows (records or events) behind the edge' },
  { name: 'edge cameo_code', description: 'CAMEO event code' },
  { name: 'edge plover', description: 'PLOVER event type' },
  { name: 'edge first_date / last_date', description: 'earliest and latest date of those rows' },
  { name: 'edge record_ids', description: 'the records behind the edge, "; "-separated' },
  { name: 'edge row_ids', description: 'the exported rows behind the edge (record or event ids), "; "-separated' },
];

const NODE_ATTRS = [
  ['0', 'actor_id'],
  ['1', 'type'],
  ['2', 'country'],
  ['3', 'cameo'],
] as const;

const EDGE_ATTRS = [
  ['0', 'cameo_code'],
  ['1', 'plover'],
  ['2', 'first_date'],
  ['3', 'last_date'],
  ['4', 'record_ids'],
  ['5', 'row_ids'],
] as const;

const attvalues = (values: readonly string[]): string =>
  `<attvalues>${values.map((v, i) => `<attvalue for="${i}" value="${xmlEscape(v)}"/>`).join('')}</attvalues>`;

export function renderGexf(rows: readonly ExportRow[], options: FormatOptions): FormatOutput {
  const g = actorGraph(rows);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta><creator>Dossier</creator><description>${xmlEscape(options.title ?? `actor network of ${options.level}`)}</description></meta>`,
    '  <graph mode="static" defaultedgetype="directed">',
    `    <attributes class="node">${NODE_ATTRS.map(([id, title]) => `<attribute id="${id}" title="${title}" type="string"/>`).join('')}</attributes>`,
    `    <attributes class="edge">${EDGE_ATTRS.map(([id, title]) => `<attribute id="${id}" title="${title}" type="string"/>`).join('')}</attributes>`,
    '    <nodes>',
    ...g.nodes.map((n) => `      <node id="${xmlEscape(n.id)}" label="${xmlEscape(n.label)}">${attvalues([n.actorId ?? '', n.type, n.country, n.cameo])}</node>`),
    '    </nodes>',
    '    <edges>',
    ...g.edges.map(
      (e) =>
        `      <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}" weight="${e.weight}">${attvalues([e.code, e.plover, e.firstDate, e.lastDate, e.recordIds.join('; '), e.rowIds.join('; ')])}</edge>`,
    ),
    '    </edges>',
    '  </graph>',
    '</gexf>',
  ];
  return { text: `${lines.join('\n')}\n`, written: rows.length - g.withoutBothActors, leftOut: graphLeftOut(g) };
}

export const gexfFormat: ExportFormat = { name: 'gexf', extension: 'gexf', mediaType: 'application/gexf+xml', fields: GRAPH_FIELDS, render: renderGexf };
