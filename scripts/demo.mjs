// `npm run demo` (after the build): ingests the shipped example set into the default store and
// shows what Dossier makes of it, through the same CLI commands a user would type, so the
// demo also teaches them. Re-runnable: a second run finds the articles already known.
import { spawnSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = resolve(root, 'bin/dossier.js');
// Shown relative, as a user would type it from where they stand.
const examples = relative(process.cwd(), resolve(root, 'examples')) || '.';
// The store the CLI itself would use, so the commands printed below work as shown.
const db = process.env.DOSSIER_DB ?? 'dossier.db';
const isUrl = /^postgres(ql)?:\/\//.test(db);
// The example set's events fall in these days; in a store holding other news too, the
// listing keeps to them.
const span = ['--from', '2025-03-11', '--to', '2025-03-15'];

const started = Date.now();

/** Runs one CLI command with the demo's store, echoing it first; stops the demo if it fails. */
function dossier(args, { echo = true, capture = false } = {}) {
  if (echo) process.stdout.write(`\n$ dossier ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], { cwd: process.cwd(), encoding: 'utf8', stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] });
  if (r.status !== 0) {
    process.stderr.write(`demo: \`dossier ${args.join(' ')}\` exited ${r.status ?? r.signal}\n`);
    process.exit(r.status ?? 1);
  }
  return r.stdout ?? '';
}

process.stdout.write('Dossier demo: six articles from three fictional outlets about a rocket attack near Kirkuk and a protest in Baghdad.\n');
process.stdout.write('One is a wire copy, the outlets disagree on the death toll, and a militia denies the attack it is accused of.\n');

dossier(['ingest', examples]);
process.stdout.write(
  [
    '',
    'The event records: one line per real-world event, with its date, CAMEO code and type, who → whom @ where,',
    'then [event mentions, outlets, independent witnesses]. DISPUTED marks a record whose reports disagree;',
    'under it, each side with its outlets, who says it, and the sentence it rests on.',
  ].join('\n'),
);
// Printed as the CLI prints it; the record to open is picked from the same listing rather than
// from a second, JSON, run (each run of the CLI costs a start-up).
const listing = dossier(['records', ...span], { capture: true });
process.stdout.write(listing);
// The disputed record with the most reports: the one where the copy, the toll and the denial meet.
const richest = listing
  .split('\n')
  .map((line) => /^(r_\w+) .*\[(\d+) mentions?,.*DISPUTED/.exec(line))
  .filter((m) => m !== null)
  .map((m) => ({ id: m[1], mentions: Number(m[2]) }))
  .toSorted((a, b) => b.mentions - a.mentions)[0];
if (richest === undefined) {
  process.stderr.write('demo: the example set gave no disputed record; the extraction has changed (see examples/)\n');
  process.exit(1);
}
process.stdout.write(
  [
    '',
    'The disputed record with the most reports, in full: its witnesses (an outlet that copies another is no second',
    'witness), every report with the reason it was linked, and the contradictions.',
  ].join('\n'),
);
dossier(['record', richest.id]);

const where = isUrl ? db : resolve(process.cwd(), db);
const dbFlag = db === 'dossier.db' ? '' : ` --db ${db}`;
const cli = `node ${relative(process.cwd(), bin)}`;
process.stdout.write(
  [
    '',
    `The articles, events and records are in ${where}${db === 'dossier.db' && !process.env.DOSSIER_DB ? ' (the default store; --db or $DOSSIER_DB picks another)' : ''}.`,
    `Open the web app on it:  ${cli}${dbFlag} serve   then http://127.0.0.1:8484/`,
    `Explore from the shell:  ${cli}${dbFlag} events | quotes | places | actors | search Kirkuk`,
    `Demo took ${((Date.now() - started) / 1000).toFixed(1)} s (after the build).`,
    '',
  ].join('\n'),
);
