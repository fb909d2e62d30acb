import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { eventGoldSchemaProblems, parseEventGold, textFingerprint } from '../src/eval/event-gold.js';
import {
  goldStoryProblems,
  parseStoryList,
  parseStoryReference,
  type StoryAddress,
  StoryReader,
  type StoryReference,
  sentenceBounds,
} from '../src/eval/event-gold-stories.js';
import { loadGazetteer, lookupPlace } from '../src/knowledge/gazetteer/gazetteer.js';

/**
 * The annotators' tool for the event gold (test/fixtures/event-gold/ANNOTATION-GUIDE.md):
 *
 *   npx tsx scripts/event-gold-sentences.ts --reuters reut2-020.sgm:20333 --jsonl ../shared/corpus/multi-outlet-dev/articles.jsonl:12
 *   npx tsx scripts/event-gold-sentences.ts --stories test/fixtures/event-gold/stories-70.txt
 *   npx tsx scripts/event-gold-sentences.ts --place Erbil
 *   npx tsx scripts/event-gold-sentences.ts --check test/fixtures/event-gold/pass-a.json
 *
 * For each story: the header the gold's story entry needs (file and NEWID or line relative to
 * the corpus folder, the date as the reader gives it, the text fingerprint), the title, and
 * every sentence of Dossier's splitter with the raw [start, end) offsets the gold's
 * `sentence` field takes. `--place` lists the gazetteer's records for a name; `--check`
 * validates a gold file and exits 1 naming each bad story and event.
 */

const USAGE = `usage: event-gold-sentences.ts [--corpus DIR] [--reuters FILE:NEWID]... [--jsonl PATH:LINE]... [--stories LIST] [--place NAME]... [--check GOLD.json]`;

function main(argv: readonly string[]): number {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      corpus: { type: 'string', default: '../shared/corpus' },
      reuters: { type: 'string', multiple: true, default: [] },
      jsonl: { type: 'string', multiple: true, default: [] },
      stories: { type: 'string', multiple: true, default: [] },
      place: { type: 'string', multiple: true, default: [] },
      check: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', default: false },
    },
  });
  const references: StoryReference[] = [];
  const errors: string[] = [];
  for (const [kind, list] of [
    ['reuters', values.reuters],
    ['jsonl', values.jsonl],
  ] as const) {
    for (const text of list) {
      const reference = parseStoryReference(kind, text);
      if (reference) references.push(reference);
      else errors.push(`--${kind} ${text}: expected PATH:NUMBER`);
    }
  }
  for (const file of values.stories) {
    const list = parseStoryList(readFileSync(file, 'utf8'));
    references.push(...list.references);
    errors.push(...list.errors.map((e) => `${file} ${e}`));
  }
  if (values.help || (references.length === 0 && values.place.length === 0 && values.check.length === 0 && errors.length === 0)) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  for (const e of errors) console.error(e);

  const corpus = values.corpus;
  const reader = new StoryReader(corpus);
  for (const reference of references) {
    const address = addressOf(reference, corpus);
    const label = `${address.file}:${address.newId ?? address.line}`;
    const raw = reader.read(address);
    if (typeof raw === 'string') {
      console.error(`story ${label}: ${raw}`);
      errors.push(raw);
      continue;
    }
    const date = raw.date?.value ?? null;
    const header = { ...address, date, textSha1: textFingerprint(raw.text), events: [] };
    console.log(`=== ${label} date=${date ?? 'none'} textSha1=${header.textSha1} outlet=${raw.outlet ?? 'none'}`);
    console.log(`title: ${raw.title}`);
    console.log(`story: ${JSON.stringify(header)}`);
    for (const [start, end] of sentenceBounds(raw.text)) console.log(`[${start}, ${end}] ${raw.text.slice(start, end).replace(/\s+/g, ' ')}`);
    console.log('');
  }

  if (values.place.length > 0) {
    const gazetteer = loadGazetteer();
    for (const name of values.place) {
      const found = lookupPlace(gazetteer, name);
      if (found.length === 0) console.log(`place ${JSON.stringify(name)}: not in the gazetteer`);
      // Most populous first: the one an unqualified name usually means.
      for (const c of [...found].sort((a, b) => b.population - a.population).slice(0, 8)) {
        console.log(
          `place ${JSON.stringify(name)}: ${JSON.stringify({ name: c.name, lat: c.lat, lon: c.lon })} kind=${c.kind} country=${c.country ?? '-'} admin1=${c.admin1 ?? '-'} population=${c.population} id=${c.placeId}`,
        );
      }
    }
  }

  let bad = errors.length > 0;
  for (const file of values.check) {
    const problems = checkFile(file, corpus);
    for (const p of problems) console.error(`${file}: ${p}`);
    bad ||= problems.length > 0;
    if (problems.length === 0) {
      const gold = parseEventGold(JSON.parse(readFileSync(file, 'utf8')), file);
      const events = gold.stories.reduce((n, s) => n + s.events.length, 0);
      console.log(`${file}: ok (${gold.stories.length} stories, ${events} events)`);
    }
  }
  return bad ? 1 : 0;
}

/** Schema problems first; the corpus is only read when the schema holds (offsets need it). */
function checkFile(file: string, corpusOption: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return [`not JSON: ${(error as Error).message}`];
  }
  const schema = eventGoldSchemaProblems(json);
  if (schema.length > 0) return schema;
  const gold = parseEventGold(json, file);
  // The file's own corpus folder unless --corpus names another one.
  const corpus = process.argv.includes('--corpus') ? corpusOption : gold.corpus;
  return goldStoryProblems(corpus, gold.stories);
}

/** Reuters files sit in `reuters21578/` of the corpus folder; JSONL paths are given from here. */
function addressOf(reference: StoryReference, corpus: string): StoryAddress {
  if (reference.kind === 'reuters') {
    const file = reference.path.includes('/') ? reference.path : `reuters21578/${reference.path}`;
    return { file, newId: reference.id };
  }
  const path = isAbsolute(reference.path) ? reference.path : resolve(reference.path);
  return { file: relative(resolve(corpus), path), line: reference.id };
}

process.exitCode = main(process.argv.slice(2));
