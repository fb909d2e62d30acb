import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { annotationAgreement, disagreeingFields, formatAgreementLines, mergeGoldFiles } from '../src/eval/event-agreement.js';
import { type EventGoldFile, type GoldEvent, goldPlaceName, parseEventGold } from '../src/eval/event-gold.js';
import { StoryReader } from '../src/eval/event-gold-stories.js';

/**
 * Inter-annotator agreement between two event gold files (two passes over the same stories):
 *
 *   npx tsx scripts/event-gold-agreement.ts test/fixtures/event-gold/pass-a.json test/fixtures/event-gold/pass-b.json
 *   npx tsx scripts/event-gold-agreement.ts A.json B.json --list    # every disagreement, with its sentence
 *   npx tsx scripts/event-gold-agreement.ts reuters-30.json+pass-a.json pass-b.json   # a pass in several files
 *
 * Detection F1 and per-field agreement on matched events (src/eval/event-agreement.ts).
 * `--list` prints, story by story, the events only one pass has and the matched pairs that
 * disagree, with the sentence read from the corpus: the adjudicator's worklist.
 */

function main(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { list: { type: 'boolean', default: false } } });
  if (positionals.length !== 2) {
    console.error('usage: event-gold-agreement.ts A.json B.json [--list]');
    return 2;
  }
  const [fileA = '', fileB = ''] = positionals;
  // `x.json+y.json`: one pass kept in several files (reuters-30.json is the first pass of its stories).
  const read = (files: string): EventGoldFile =>
    mergeGoldFiles(files.split('+').map((file) => parseEventGold(JSON.parse(readFileSync(file, 'utf8')), file)));
  const a = read(fileA);
  const b = read(fileB);
  const scores = annotationAgreement(a, b);
  if (values.list) {
    const reader = new StoryReader(a.corpus);
    for (const story of scores.perStory) {
      const raw = reader.read(story.a);
      const sentence = (e: GoldEvent): string => (typeof raw === 'string' ? '' : raw.text.slice(e.sentence[0], e.sentence[1]).replace(/\s+/g, ' '));
      const disagreeing = story.pairs.flatMap((p, i) => (disagreeingFields(p).length > 0 ? [{ pair: p, b: story.partners[i]! }] : []));
      if (story.onlyA.length + story.onlyB.length + disagreeing.length === 0) continue;
      console.log(`=== ${story.key} (a ${story.a.events.length}, b ${story.b.events.length}, matched ${story.pairs.length})`);
      for (const e of story.onlyA) console.log(`  only A ${describe(e)}\n      ${sentence(e)}`);
      for (const e of story.onlyB) console.log(`  only B ${describe(e)}\n      ${sentence(e)}`);
      for (const { pair, b } of disagreeing) {
        console.log(`  differ [${disagreeingFields(pair).join(',')}]\n    A ${describe(pair.gold)}\n    B ${describe(b)}\n      ${sentence(pair.gold)}`);
      }
    }
  }
  for (const line of formatAgreementLines(scores)) console.log(line);
  return 0;
}

function describe(e: GoldEvent): string {
  const actors = (list: GoldEvent['sources']): string => list.map((p) => `${p.name}=${p.cameo ?? '-'}`).join('+') || '-';
  const place = e.place === null ? '-' : typeof e.place === 'string' ? e.place : `${e.place.name}@${e.place.lat},${e.place.lon}`;
  return `[${e.sentence[0]},${e.sentence[1]}] ${e.code} ${actors(e.sources)} -> ${actors(e.targets)} place=${goldPlaceName(e.place) === null ? '-' : place} date=${e.date ?? '-'} ${e.modality}`;
}

process.exitCode = main(process.argv.slice(2));
