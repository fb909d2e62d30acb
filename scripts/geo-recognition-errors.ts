/**
 * Toponym recognition errors on the geoparsing gold sets, by kind: what `eval geo
 * --end-to-end` counts as toponym F1, taken apart. Each gold toponym is found exactly, found
 * with other bounds (a predicted span overlaps it), or missed; each predicted span that
 * overlaps no gold toponym is spurious. Misses and spurious spans are then told apart by
 * cause, so a fix can aim at a cause rather than at names.
 *
 *   npx tsx scripts/geo-recognition-errors.ts <geoparsing folder or file> [--show kind] [--limit n]
 *
 * --show prints the spans of one kind with a little context (for reading, not for committing).
 */
import { isRecognizableToponym, loadGeoDatasets } from '../src/eval/geoparsing.js';
import { loadDocumentFrequencies } from '../src/knowledge/document-frequencies.js';
import { loadGazetteer } from '../src/knowledge/gazetteer/gazetteer.js';
import { placeKey } from '../src/knowledge/gazetteer/place-name.js';
import { loadToponymWords } from '../src/knowledge/gazetteer/toponym-words.js';
import { loadNerModel, recognizeEntities } from '../src/nlp/ner/recognize.js';
import { placeMentionsFromEntities } from '../src/nlp/places/ner-place-mentions.js';
import { placeNameStrength } from '../src/nlp/places/place-recognizer.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { createStages } from '../src/pipeline/stages.js';
import { createDocument } from '../src/text/create-document.js';
import type { Span } from '../src/text/document.js';
import { errorListingArgs } from './error-listing-args.js';

const { path, show, limit } = errorListingArgs('geo-recognition-errors.ts');

const gazetteer = loadGazetteer();
const model = loadNerModel();
const words = loadToponymWords(loadDocumentFrequencies());
const pipeline = createPipeline(createStages());

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const STREET = /^(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Lane|Highway|Hwy\.?|Parkway|Way|Court|Place|Square)$/;
const BUILDING = /^(?:Hospital|School|College|University|Church|Center|Centre|Hall|Park|Library|Museum|Stadium|Airport|Station|Hotel|Mall|Prison|Jail|Court(?:house)?|Building|Bridge)$/;

interface Tally {
  [kind: string]: number;
}
const tallies = new Map<string, Tally>();
const samples = new Map<string, string[]>();

function count(dataset: string, kind: string): void {
  for (const d of [dataset, 'all']) {
    const t = tallies.get(d) ?? {};
    t[kind] = (t[kind] ?? 0) + 1;
    tallies.set(d, t);
  }
}

function sample(kind: string, dataset: string, text: string, span: Span, note: string): void {
  if (kind !== show && !kind.startsWith(`${show}/`)) return;
  const list = samples.get(kind) ?? [];
  const context = `${text.slice(Math.max(0, span.start - 40), span.start)}[${text.slice(span.start, span.end)}]${text.slice(span.end, span.end + 40)}`;
  list.push(`${dataset} ${note} ${context.replace(/\s+/g, ' ')}`);
  samples.set(kind, list);
}

// The word after a span, to tell "Main" in "Main Street" or "Ohio" in "Ohio Hospital".
function nextWord(text: string, end: number): string {
  return /^\s+(\S+)/.exec(text.slice(end, end + 30))?.[1]?.replace(/[,.;:]$/, '') ?? '';
}

for (const dataset of await loadGeoDatasets(path)) {
  for (const article of dataset.articles) {
    const doc = pipeline.run(createDocument('errors', article.text));
    const entities = recognizeEntities(model, doc).map((e) => ({
      ...e,
      start: doc.rawOffsets[e.start]!,
      end: doc.rawOffsets[e.end - 1]! + 1,
    }));
    const predicted = placeMentionsFromEntities(gazetteer, doc.text, recognizeEntities(model, doc), words).map((m) => ({
      ...m,
      start: doc.rawOffsets[m.start]!,
      end: doc.rawOffsets[m.end - 1]! + 1,
    }));
    const gold = article.toponyms.filter(isRecognizableToponym);
    const other = article.toponyms.filter((t) => !isRecognizableToponym(t));
    const text = article.text;
    const exact = (a: Span, b: Span) => a.start === b.start && a.end === b.end;
    for (const g of gold) {
      const hit = predicted.find((p) => exact(p, g));
      if (hit !== undefined) {
        // Which tagger type the found span came from: a filter on a type costs these.
        const entity = entities.find((e) => overlaps(e, hit));
        const via = entity === undefined ? 'rule' : exact(entity, hit) ? entity.type : `inside-${entity.type}`;
        const kind = gazetteer.demonyms.has(placeKey(text.slice(g.start, g.end))) ? 'exact/demonym' : `exact/${via}`;
        count(dataset.name, kind);
        sample(kind, dataset.name, text, g, '');
        continue;
      }
      const near = predicted.find((p) => overlaps(p, g));
      const name = text.slice(g.start, g.end);
      if (near !== undefined) {
        const kind = near.start <= g.start && near.end >= g.end ? 'boundary/wider' : near.start >= g.start && near.end <= g.end ? 'boundary/narrower' : 'boundary/shifted';
        count(dataset.name, kind);
        sample(kind, dataset.name, text, g, `pred="${text.slice(near.start, near.end)}"`);
        continue;
      }
      const entity = entities.find((e) => overlaps(e, g));
      const lower = !/^\p{Lu}/u.test(name);
      const demonym = gazetteer.demonyms.has(placeKey(name));
      const kind = lower
        ? 'missed/lowercase'
        : demonym
          ? 'missed/demonym'
          : entity === undefined
            ? placeNameStrength(gazetteer, name) > 0
              ? 'missed/untagged-known'
              : 'missed/untagged-unknown'
            : `missed/tagged-${entity.type}${exact(entity, g) ? '' : '-other-span'}`;
      count(dataset.name, kind);
      sample(kind, dataset.name, text, g, `${g.gwnType ?? ''} ent=${entity === undefined ? '-' : `${entity.type}:"${text.slice(entity.start, entity.end)}"`}`);
    }
    for (const p of predicted) {
      if (gold.some((g) => overlaps(p, g))) continue;
      const name = text.slice(p.start, p.end);
      const entity = entities.find((e) => overlaps(e, p));
      const unlabelled = other.find((t) => overlaps(t, p));
      const after = nextWord(text, p.end);
      const kind = unlabelled?.gwnType
        ? `spurious/gwn-${unlabelled.gwnType}`
        : gazetteer.demonyms.has(placeKey(name))
          ? 'spurious/demonym'
          : STREET.test(after)
            ? 'spurious/street'
            : BUILDING.test(after)
              ? 'spurious/before-building-word'
              : entity === undefined
                ? 'spurious/rule'
                : entity.start !== p.start || entity.end !== p.end
                  ? `spurious/inside-${entity.type}`
                  : `spurious/${entity.type}`;
      count(dataset.name, kind);
      sample(kind, dataset.name, text, p, `ent=${entity === undefined ? '-' : `${entity.type}:"${text.slice(entity.start, entity.end)}"`}`);
    }
  }
}

const kinds = [...new Set([...tallies.values()].flatMap((t) => Object.keys(t)))].sort();
const names = [...tallies.keys()];
console.log(['kind', ...names].join('\t'));
for (const k of kinds) console.log([k, ...names.map((n) => tallies.get(n)![k] ?? 0)].join('\t'));
for (const [kind, list] of samples) {
  console.log(`\n## ${kind} (${list.length})`);
  for (const line of list.slice(0, limit)) console.log(line);
}
