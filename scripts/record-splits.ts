// Why a real event is split over several records: for each gold event of a multi-outlet folder
// (articles.jsonl + gold.json), the records `eval records` counts for it (frag), each with its
// reports and mentions, and, for each pair of them, what the merge rule says when the one is
// compared with the other as the linker compares a record again (its mentions as one mention):
// not a candidate (type or date apart), a gate that stays shut, or a score under the bar.
//
//   npx tsx scripts/record-splits.ts <folder> <store.db> [--all]
//
// <store.db> is a store `dossier eval records <folder> --keep-db <store.db>` left; run
// `dossier relink --db <store.db>` first to read it with the current linking. --all lists every
// event, not only those split over two records or more.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type EventRecordsScore, scoreRecords } from '../src/eval/records-eval.js';
import { parseRecordsGold } from '../src/eval/records-gold.js';
import { readArticleLines, storeRecordsSystem } from '../src/eval/records-system.js';
import { loadKnowledge } from '../src/pipeline/load-knowledge.js';
import { linkingKnowledge } from '../src/pipeline/save-and-link.js';
import { recordAsMention, withEvidenceText, withMentionWords } from '../src/records/link-article.js';
import { candidateDateWindows, canonicalRecord, type MentionFeatures, type RecordFeatures, scoreMerge } from '../src/records/link-events.js';
import type { LemmaRules } from '../src/nlp/syntax/lemmatizer.js';
import { openStore, type Store } from '../src/store/open-store.js';
import { mentionFeatures, recordCandidates, type StoredMention } from '../src/store/records-repository.js';
import { storyOfArticle } from '../src/store/stories-repository.js';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { all: { type: 'boolean', default: false } } });
const [folder, db] = positionals;
if (!folder || !db) throw new Error('usage: npx tsx scripts/record-splits.ts <folder> <store.db> [--all]');

const gold = parseRecordsGold(JSON.parse(readFileSync(join(folder, 'gold.json'), 'utf8')), join(folder, 'gold.json'));
const lineIds = await readArticleLines(join(folder, 'articles.jsonl'));
const lineOf = new Map([...lineIds].map(([line, id]) => [id, line]));
const rules = linkingKnowledge(loadKnowledge()).lemmas;
const store = await openStore(db);

async function candidateFeatures(s: Store, m: MentionFeatures, id: string, lemmas: LemmaRules): Promise<RecordFeatures | null> {
  const c = (await recordCandidates(s, m, candidateDateWindows(m.datePrecision))).find((r) => r.id === id);
  return c ? withMentionWords(c, lemmas) : null;
}

const clip = (text: string, n = 110): string => (text.length > n ? `${text.slice(0, n)}…` : text).replace(/\s+/g, ' ');

async function describe(e: EventRecordsScore): Promise<void> {
  const ids = [...new Set([...(e.mainRecord ? [e.mainRecord] : []), ...e.records])];
  console.log(`\n== ${e.id}: ${e.records.length} record(s) counted, main ${e.mainRecord ?? 'none'} (lines ${e.mainLines.join(',')})`);
  const members = new Map<string, StoredMention[]>();
  for (const id of ids) {
    const ms = (await mentionFeatures(store, { recordId: id })).map((m) => withEvidenceText(m, rules));
    members.set(id, ms);
    const c = canonicalRecord(ms);
    console.log(`  ${id}: ${c.code} ${c.date ?? 'undated'} ${c.place?.name ?? '-'} src [${c.sources.join(' ')}] tgt [${c.targets.join(' ')}]`);
    for (const m of ms) {
      console.log(`    line ${lineOf.get(m.articleId) ?? '?'}${m.headline ? ' (headline)' : ''} ${m.code} ${m.date ?? '-'} "${m.trigger}": ${clip(m.evidence)}`);
    }
  }
  for (const a of ids) {
    for (const b of ids) {
      if (a === b) continue;
      const ms = members.get(a)!;
      // As the linker compares a record its article started, once the article is linked.
      const m = recordAsMention(ms, await storyOfArticle(store, ms[0]!.articleId), false);
      const r = await candidateFeatures(store, m, b, rules);
      if (!r) {
        console.log(`  ${a} -> ${b}: not a candidate (type or date apart)`);
        continue;
      }
      const merge = scoreMerge(m, r);
      console.log(`  ${a} -> ${b}: ${merge.linkable ? 'would join' : 'no'} (${merge.score.toFixed(2)}) ${merge.reason}`);
    }
  }
}

try {
  const scores = scoreRecords(gold, await storeRecordsSystem(store, lineIds));
  for (const e of scores.events) if (values.all || e.records.length > 1) await describe(e);
  const s = scores.summary;
  console.log(`\nfound=${s.found.toFixed(3)} frag=${s.frag.toFixed(2)} b3=${s.b3.f1.toFixed(3)} witnesses=${s.witnesses.toFixed(3)} contradictions=${s.contradictionsMatched}/${s.contradictionsTotal}`);
} finally {
  await store.destroy();
}
