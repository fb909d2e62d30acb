/**
 * Builds src/knowledge/events/cameo-codes.json from the CAMEO code table and the
 * CAMEO-to-PLOVER mapping in ../shared/eval/event-coding: codes, short names, quad class,
 * Goldstein score and PLOVER event/mode only (no definitions or usage notes).
 * Usage: npx tsx scripts/build-cameo-table.ts [event-coding folder]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = process.argv[2] ?? join(import.meta.dirname, '../../shared/eval/event-coding');

function readTsv(file: string): Array<Record<string, string>> {
  const [head, ...rows] = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const names = (head ?? '').split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    return Object.fromEntries(names.map((n, i) => [n, (cells[i] ?? '').trim()]));
  });
}

const plover = new Map<string, { event: string; mode: string }>();
for (const r of readTsv(join(folder, 'plover/cameo-to-plover.tsv'))) {
  const code = r.cameo_code ?? '';
  // The first mapping row wins, as in the code table's own plover columns.
  if (code && r.plover_event && !plover.has(code)) plover.set(code, { event: r.plover_event, mode: r.plover_mode ?? '' });
}

/**
 * Rows where the 2021 mapping contradicts the PLOVER manual's own text; the manual wins.
 * - 0813, 0814: the manual's CONCEDE "covers ... removing curfews" and gives the lifting of a
 *   curfew as its example; the mapping files both under RETREAT.
 * - 183: a bombing "not specified below" is no suicide attack (that is 1831): ASSAULT
 *   'explosives', as 1832 and 1833.
 * - 1712: "destroy property" is ASSAULT 'destroy' ("intentional destruction of property"),
 *   not 'seize'.
 */
const MANUAL_OVERRIDES: Readonly<Record<string, { event: string; mode: string }>> = {
  '0813': { event: 'CONCEDE', mode: '' },
  '0814': { event: 'CONCEDE', mode: '' },
  '183': { event: 'ASSAULT', mode: 'explosives' },
  '1712': { event: 'ASSAULT', mode: 'destroy' },
};
for (const [code, row] of Object.entries(MANUAL_OVERRIDES)) plover.set(code, row);

const codes = readTsv(join(folder, 'cameo/cameo-event-codes.tsv')).map((r) => {
  const code = r.code ?? '';
  const mapped = plover.get(code);
  const override = MANUAL_OVERRIDES[code];
  const event = override?.event ?? (r.plover_event || mapped?.event || '');
  const mode = override ? override.mode : r.plover_event ? r.plover_mode : mapped?.mode;
  return {
    code,
    root: r.root_code ?? code.slice(0, 2),
    parent: r.parent_code || null,
    name: r.name ?? '',
    quad: Number(r.quad_class),
    goldstein: r.goldstein ? Number(r.goldstein) : null,
    plover: event || null,
    ploverMode: mode || null,
  };
});

const out = join(import.meta.dirname, '../src/knowledge/events/cameo-codes.json');
writeFileSync(out, `${JSON.stringify({ source: 'CAMEO 1.1b3 code list; PLOVER CAMEO2PLOVER-2021 mapping, four rows corrected by the PLOVER manual (scripts/build-cameo-table.ts)', codes }, null, 0).replace(/\},\{/g, '},\n{')}\n`);
process.stderr.write(`wrote ${codes.length} codes to ${out}\n`);
