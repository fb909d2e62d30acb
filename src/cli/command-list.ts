import type { DefineCommand } from './cli-context.js';

/**
 * The commands, in the order help lists them. `dossier --help` is printed from this list
 * alone; a command's module (src/cli/commands/) is imported only when that command runs or
 * its own help is asked for, so neither loads the store, the models or the gazetteer.
 */
export interface CommandEntry {
  readonly name: string;
  /** What follows the name in `dossier --help` (a test checks it against the module). */
  readonly term: string;
  readonly summary: string;
  readonly load: () => Promise<{ readonly define: DefineCommand }>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'ingest',
    term: '[options] <paths...>',
    summary: 'Read news files (digest, HTML, RSS/Atom, JSONL, text, Reuters SGML, .gz), folders, globs or - for stdin, and store their articles',
    load: () => import('./commands/ingest.js'),
  },
  { name: 'articles', term: '[options]', summary: 'List stored articles', load: () => import('./commands/articles.js') },
  {
    name: 'show',
    term: '[options] <id>',
    summary: 'Show one article: metadata, provenance, text with entities, places, times and repeated passages marked',
    load: () => import('./commands/show.js'),
  },
  {
    name: 'search',
    term: '[options] <query>',
    summary: 'Full-text search: ranked hits with snippets ("quoted phrases", OR, NOT, prefix*)',
    load: () => import('./commands/search.js'),
  },
  { name: 'stats', term: '[options]', summary: 'Counts of what the store holds', load: () => import('./commands/stats.js') },
  {
    name: 'reanalyze',
    term: '[options]',
    summary: 'Run the annotation stages again over stored articles (after upgrading Dossier or editing --registry files)',
    load: () => import('./commands/reanalyze.js'),
  },
  {
    name: 'actors',
    term: '[options]',
    summary: 'List actors with their aliases and mention counts; correct them (merge, split, rename, alias, undo)',
    load: () => import('./commands/actors.js'),
  },
  {
    name: 'actor',
    term: '[options] <id>',
    summary: 'One actor: facts, aliases, roles, members, and where it is mentioned',
    load: () => import('./commands/actor.js'),
  },
  {
    name: 'places',
    term: '[options]',
    summary: 'List resolved places with coordinates, precision and mention counts',
    load: () => import('./commands/places.js'),
  },
  {
    name: 'timeline',
    term: '[options]',
    summary: 'Dated mentions in time order, each with its article and context',
    load: () => import('./commands/timeline.js'),
  },
  {
    name: 'events',
    term: '[options]',
    summary: 'List coded events: who did what to whom, where, when, and according to whom',
    load: () => import('./commands/events.js'),
  },
  {
    name: 'quotes',
    term: '[options]',
    summary: 'List quotes and claims with their speakers, intermediaries and outlets',
    load: () => import('./commands/quotes.js'),
  },
  {
    name: 'review',
    term: '[options]',
    summary: 'The review queue: events and quotes below a confidence threshold, with their reasons',
    load: () => import('./commands/review.js'),
  },
  {
    name: 'records',
    term: '[options]',
    summary: 'List event records: one per real-world event, with its outlets, independent witnesses and contradictions',
    load: () => import('./commands/records.js'),
  },
  {
    name: 'record',
    term: '[options] <id>',
    summary: 'Show one event record: who reported what, the independent witnesses, the contradictions',
    load: () => import('./commands/record.js'),
  },
  {
    name: 'relink',
    term: '[options]',
    summary: 'Rebuild every event record: drop them all and link every article’s events again, in ingest order',
    load: () => import('./commands/relink.js'),
  },
  {
    name: 'outlets',
    term: '[options]',
    summary: 'List outlets with their article counts, date ranges, most frequent actors and event types',
    load: () => import('./commands/outlets.js'),
  },
  {
    name: 'export',
    term: '[options]',
    summary: 'Export records or event mentions as CSV (ACLED-like), JSONL, GeoJSON, GEXF, GraphML, TimelineJS or GDELT-like TSV, with a manifest',
    load: () => import('./commands/export.js'),
  },
  {
    name: 'worker',
    term: '[options]',
    summary:
      'Process articles enqueued by `ingest --queue`: run any number, on any machine sharing the store; the store ends up as one `ingest` would leave it',
    load: () => import('./commands/worker.js'),
  },
  {
    name: 'watch',
    term: '[options] <feed-urls...>',
    summary: 'Poll RSS/Atom feeds (conditional GET) and store their new items; a failing feed backs off while the others go on',
    load: () => import('./commands/watch.js'),
  },
  {
    name: 'serve',
    term: '[options]',
    summary: 'Serve the HTTP API (/api, OpenAPI at /api/openapi.json) and the web app; read-only unless a token is set',
    load: () => import('./commands/serve.js'),
  },
  { name: 'eval', term: '', summary: 'Score Dossier on standard gold data', load: () => import('./commands/eval.js') },
];
