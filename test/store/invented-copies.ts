/**
 * Invented reports of an invented event (a terminal fire in the port of Kessow, Velmaria),
 * written for these tests, as news sites carry one wire story: lightly edited, synonym-spun,
 * rewritten as a later version, and reported again from scratch by another outlet with the
 * same names, figures and place but sentences of its own.
 */

import type { RawArticle } from '../../src/ingest/raw-article.js';

function article(outlet: string, line: number, title: string, paragraphs: readonly string[]): RawArticle {
  return {
    title,
    outlet,
    author: null,
    date: { value: '2031-06-03', precision: 'day', raw: '2031-06-03', reason: 'test' },
    url: null,
    text: paragraphs.join('\n\n'),
    authorBio: null,
    provenance: { file: 'kessow-fire.jsonl', startLine: line, endLine: line, startByte: line * 100, endByte: line * 100 + 99, reader: 'jsonl' },
    sourceRuns: [],
    extra: {},
  };
}

/** The wire story, first version. */
export const WIRE_STORY = article('Example Wire', 1, 'Fire hits grain terminal in Kessow port', [
  'KESSOW, Velmaria (Example Wire) — A fire tore through a grain terminal at the port of Kessow on Tuesday, injuring four dock workers and forcing the evacuation of two nearby ferry piers, port officials said.',
  'The blaze started in a conveyor shed shortly after dawn and spread to a storage hall holding about 3,000 tonnes of barley, said Ilsa Varenne, a spokeswoman for the port authority. Firefighters brought it under control by early afternoon.',
  '“We saw the smoke from across the river and we knew at once it was the old terminal,” said Dorin Matek, the city’s fire chief. “My crews worked for six hours without a break.”',
  'Two workers were still unaccounted for on Tuesday evening, and divers were searching the water beneath the damaged loading quay.',
  'The terminal, built in the 1970s, had been due for a safety inspection next month, according to records published by the regional transport ministry.',
  'Grain exports through Kessow were expected to resume within a week, the port authority said. Ferry services to the northern islands were suspended until further notice.',
]);

/** Carried without credit, lightly edited: other verbs here and there, one paragraph dropped. */
export const EDITED_COPY = article('Harbor Gazette', 2, 'Grain terminal fire injures four in Kessow', [
  'A fire swept through a grain terminal at the port of Kessow on Tuesday, injuring four dock workers and forcing the evacuation of two nearby ferry piers, officials said.',
  'The blaze began in a conveyor shed shortly after dawn and spread into a storage hall holding some 3000 tonnes of barley, according to Ilsa Varenne, a port authority spokeswoman. Firefighters had it under control by early afternoon.',
  'Two workers remained unaccounted for on Tuesday evening, and divers were searching the water under the damaged loading quay.',
  'The terminal, built in the 1970s, was due for a safety inspection next month, according to records published by the regional transport ministry.',
]);

/** The wire story run through a synonym spinner: nearly every phrase changed, the order kept. */
export const SPUN_COPY = article('Daily Newsfeed Hub', 3, 'Blaze strikes grain depot in Kessow harbour', [
  'A blaze ripped through a grain depot at the harbour of Kessow on Tuesday, wounding four dock labourers and compelling the evacuation of two close by ferry piers, port authorities stated.',
  'The fire commenced in a conveyor barn soon after daybreak and extended to a storage hall containing roughly 3,000 tonnes of barley, stated Ilsa Varenne, a spokesperson for the port authority. Fire crews got it under command by early mid-day.',
  'Two labourers were nonetheless unaccounted for on Tuesday night, and divers had been looking the water underneath the broken loading quay.',
  'The depot, constructed in the 1970s, had been due for a security inspection next month, in accordance with data revealed by the regional transport ministry.',
  'Cereal shipments via Kessow had been anticipated to restart inside a week, the harbour authority stated. Ferry services to the northern islands have been halted until additional notice.',
]);

/**
 * The same event reported by another outlet from its own notes: the same people, figures and
 * place, the fire chief's words quoted as the wire quoted them, no sentence of the wire's.
 */
export const OWN_REPORT = article('Upland Herald', 4, 'Four hurt as flames engulf old Kessow terminal', [
  'Four people were hurt when flames engulfed the old grain terminal in Kessow’s port on Tuesday morning.',
  'Port authority spokeswoman Ilsa Varenne told the Upland Herald that about 3,000 tonnes of barley had been stored in the hall that burned.',
  '“We saw the smoke from across the river and we knew at once it was the old terminal,” fire chief Dorin Matek told reporters at the scene on Tuesday.',
  'Matek said two dock workers were missing and that his crews needed six hours to put out the fire.',
  'Kessow’s ferry piers were cleared as a precaution, and boats to the northern islands are not running.',
  'Residents of the riverside district said they had complained about the terminal’s wiring for years.',
]);

/**
 * A later version of the wire story: a new lead and new paragraphs, and of the first version
 * only three closing sentences word for word (the missing workers, the inspection, exports),
 * of which the spun copy garbled one past recognition.
 */
export const WRITE_THROUGH = article('Example Wire', 5, 'Two missing after Kessow terminal fire', [
  'KESSOW, Velmaria (Example Wire) — Rescue teams in Kessow widened their search on Wednesday for two dock workers missing since a fire destroyed part of the port’s grain terminal.',
  'Police said they had opened an inquiry into the cause of the blaze and would question the terminal’s operator, the Anselm Grain Company, later this week.',
  'Two workers were still unaccounted for on Tuesday evening, and divers were searching the water beneath the damaged loading quay.',
  'The terminal, built in the 1970s, had been due for a safety inspection next month, according to records published by the regional transport ministry.',
  'Grain exports through Kessow were expected to resume within a week, the port authority said.',
]);

/** Two unrelated reports of one site, each closing with the site's rights notice. */
export const NOTICE = 'Copyright 2031 Example Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.';

export const FERRY_TIMETABLE = article('Kessow Today', 6, 'Summer ferry timetable published', [
  'The river ferry company published its summer timetable on Monday, adding two late crossings to the northern islands on weekends.',
  NOTICE,
]);

export const MARKET_REPORT = article('Kessow Today', 7, 'Barley prices steady at Kessow market', [
  'Barley traded at steady prices at the Kessow exchange on Thursday, with buyers waiting for the first estimates of the harvest.',
  NOTICE,
]);
