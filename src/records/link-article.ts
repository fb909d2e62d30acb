import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DocumentFrequencies } from '../knowledge/document-frequencies.js';
import type { LemmaRules } from '../nlp/syntax/lemmatizer.js';
import { lockRecordLinking } from '../store/dialect.js';
import {
  articlesInLinkingOrder,
  clearRecords,
  countRecords,
  insertRecord,
  mentionFeatures,
  moveRecordMentions,
  type RecordCandidate,
  recordCandidates,
  recordId,
  type StoredMention,
  staleRecords,
  storyRecordsOfOneArticle,
  writeRecordMention,
} from '../store/records-repository.js';
import type { Database } from '../store/schema.js';
import {
  clearStories,
  deleteStory,
  removeStoryArticle,
  storyInput,
  storyMembers,
  storyOfArticle,
  writeStory,
  writeStoryArticle,
} from '../store/stories-repository.js';
import { isDefenceAct } from './defence-acts.js';
import { contentWords, definiteHeads, isPluralEventNoun } from './evidence-words.js';
import { bestRecord, canonicalRecord, candidateDateWindows, isLinkable, isSingleEvent, type MentionFeatures, type PlaceFeatures, type RecordFeatures } from './link-events.js';
import { RecordMembers } from './record-members.js';
import { refreshCanonical, refreshRecord, storeVerdicts, writeCanonical } from './record-upkeep.js';
import { addToStory, articleSignature, bestStory, signatureOf, STORY_WINDOW_DAYS, storySums } from './stories.js';
import { StoryMemo } from './story-memo.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Linking: an article joins a story, then each of its event mentions joins the record of the
 * real-world event it tells or starts one. It reads the store through its functions and writes
 * each result once; the rules are pure (stories.ts, link-events.ts). The pipeline calls it right
 * after an article's layers are saved, in the same transaction (pipeline/save-and-link.ts).
 */

/** What linking reads words with: the syntax model's lemma rules and the words' rarity in news. */
export interface LinkingKnowledge {
  readonly lemmas: LemmaRules;
  readonly documentFrequencies: DocumentFrequencies;
}

/** Stable: a story is named after the article that started it. */
export const storyId = (firstArticleId: string): string => `s_${createHash('sha256').update(firstArticleId).digest('hex').slice(0, 16)}`;

/**
 * The mention with what the merge rule reads in its text: its evidence's content words, the
 * nouns it points back with, a plural trigger, a defence against an attack.
 */
export function withEvidenceText(m: StoredMention, rules: LemmaRules): StoredMention {
  return {
    ...m,
    place: withPlaceWords(m.place, rules),
    words: contentWords(m.evidence, rules),
    definites: definiteHeads(m.evidence, rules),
    plural: isPluralEventNoun(m.trigger, m.afterTrigger),
    defence: isDefenceAct(m.trigger, m.afterTrigger),
  };
}

/** The place with its name read as evidence words are, so the merge rule can tell a sentence that names it. */
const withPlaceWords = (p: PlaceFeatures | null, rules: LemmaRules): PlaceFeatures | null => (p ? { ...p, words: contentWords(p.name, rules) } : null);

/**
 * The candidate with what the merge rule reads in its text: each mention's evidence words, its
 * place's name words, whether all are defences. `read` keeps the words of evidence read before
 * (an article's mentions are compared with mostly the same records).
 */
export const withMentionWords = (c: RecordCandidate, rules: LemmaRules, read = new Map<string, string[]>()): RecordFeatures => ({
  ...c,
  place: withPlaceWords(c.place, rules),
  mentionWords: c.evidence.map((e) => {
    const known = read.get(e);
    if (known) return known;
    const words = contentWords(e, rules);
    read.set(e, words);
    return words;
  }),
  defence: c.triggers.length > 0 && c.triggers.every((t) => isDefenceAct(t.trigger, t.afterTrigger)),
  plural: c.triggers.length > 0 && c.triggers.every((t) => isPluralEventNoun(t.trigger, t.afterTrigger)),
});

/**
 * Links an article: records that lost mentions when its events were replaced are refreshed, it
 * joins a story, and its mentions join or start records.
 */
export async function linkArticle(
  db: Db,
  articleId: string,
  k: LinkingKnowledge,
  stories = new StoryMemo(),
): Promise<{ joined: number; created: number; story: string | null }> {
  for (const id of await staleRecords(db)) await refreshRecord(db, id);
  const story = await assignStory(db, articleId, k, stories);
  return { ...(await linkMentions(db, articleId, story, k.lemmas)), story };
}

/**
 * Puts the article in the story it is most like, or a new one; an article already in one leaves
 * it first. `stories` holds the stories read for the articles linked before it in the run.
 */
export async function assignStory(db: Db, articleId: string, k: LinkingKnowledge, stories = new StoryMemo()): Promise<string | null> {
  const previous = await storyOfArticle(db, articleId);
  if (previous !== null) {
    await removeStoryArticle(db, articleId);
    await rebuildStory(db, previous);
  }
  const input = await storyInput(db, articleId);
  if (!input) return null;
  const sig = signatureOf(articleId, input, k.lemmas, k.documentFrequencies.idf);
  const near = await stories.near(db, sig.day, STORY_WINDOW_DAYS);
  const best = bestStory(articleSignature(sig), near.map((s) => s.features));
  const joined = best ? near.find((s) => s.sums.id === best.story.id)?.sums : undefined;
  const id = joined?.id ?? storyId(articleId);
  await writeStory(db, joined ? addToStory(joined, sig) : storySums(id, [sig]));
  await writeStoryArticle(db, id, sig, best?.similarity.score ?? 1, best?.similarity.reason ?? 'first article');
  return id;
}

/** A story worked out again from its members, or dropped when none is left. */
async function rebuildStory(db: Db, id: string): Promise<void> {
  const members = await storyMembers(db, id);
  if (members.length === 0) await deleteStory(db, id);
  else await writeStory(db, storySums(id, members));
}

/**
 * An article's lead event: the first its headline tells, or else the first its body tells. The
 * mentions come body first, headline after (mentionFeatures).
 */
export const leadEvent = <M extends MentionFeatures>(mentions: readonly M[]): M | undefined => mentions.find((m) => m.headline === true) ?? mentions[0];

/**
 * Each mention, in order, joins the best record (including those its own article's earlier
 * mentions just made) or starts one. The canonical attributes of a record a mention joins are
 * rewritten at once, since the article's next mentions are matched against them; the verdicts,
 * which nothing in linking reads, once per touched record at the end.
 */
async function linkMentions(db: Db, articleId: string, story: string | null, rules: LemmaRules): Promise<{ joined: number; created: number }> {
  const own = await mentionFeatures(db, { articleId });
  const members = new RecordMembers(own);
  const mentions = own
    .filter((m) => isLinkable(m.modality))
    .map((m) => withEvidenceText(m, rules))
    .filter(isSingleEvent);
  const lead = leadEvent(mentions);
  let joined = 0;
  let created = 0;
  const touched = new Set<string>();
  const fresh: string[] = [];
  // The lead first: it anchors the article's main record, which the rest of its telling joins.
  let leadRecord: { id: string; fresh: boolean } | null = null;
  // The words of the candidates' evidence, read once for the article's mentions and its records' second look.
  const read = new Map<string, string[]>();
  for (const stored of lead ? [lead, ...mentions.filter((m) => m !== lead)] : mentions) {
    const m: MentionFeatures = { ...stored, story, lead: stored === lead };
    const best = bestRecord(m, (await recordCandidates(db, m, candidateDateWindows(m.datePrecision))).map((c) => withMentionWords(c, rules, read)));
    const id = best?.record.id ?? recordId(m.eventId);
    const inserted = !best && (await insertRecord(db, id, canonicalRecord([m])));
    await writeRecordMention(db, { eventId: m.eventId, recordId: id, score: best?.merge.score ?? 1, reason: best?.merge.reason ?? 'first mention', lead: m.lead === true });
    // Its attributes from its mentions, the stored ones read once for the article (RecordMembers).
    if (!inserted) await writeCanonical(db, id, await members.joined(db, id, stored.eventId));
    if (inserted) {
      fresh.push(id);
      members.started(id, stored.eventId);
    }
    if (m.lead) leadRecord = { id, fresh: !best };
    touched.add(id);
    if (best) joined++;
    else created++;
  }
  // The records this article started, compared again with all it now knows: the lead's first,
  // then the others in the order they were made (a mention read before the telling that dates
  // and places its event would otherwise stay alone).
  const leadId = leadRecord?.fresh ? leadRecord.id : null;
  for (const id of leadId ? [leadId, ...fresh.filter((f) => f !== leadId)] : fresh) {
    const merged = await joinArticleRecord(db, id, articleId, story, rules, id === leadId, undefined, read);
    if (merged) {
      touched.delete(merged.from);
      touched.add(merged.into);
    }
  }
  // What this article brought may link an earlier report of its story that stood alone: a
  // record that now holds a dated, placed or better-worded telling of the event, which the earlier
  // report's mention was compared with before it was there. Each record of one other article of
  // the story is compared again, as once its own article was linked, with the records this
  // article touched (what changed); so the records depend less on which report came first.
  if (story !== null) {
    for (const earlier of await storyRecordsOfOneArticle(db, story, articleId, [...touched].sort())) {
      if (touched.has(earlier.recordId)) continue;
      const merged = await joinArticleRecord(db, earlier.recordId, earlier.articleId, story, rules, earlier.lead, touched, read);
      if (merged) touched.add(merged.into);
    }
  }
  await storeVerdicts(db, [...touched].sort());
  return { joined, created };
}

/**
 * A record of one article's mentions as one mention, to compare it again with other records:
 * its canonical attributes, its first mention's place in the article, and every word and pointer
 * back ("the missiles") its mentions' sentences have, as each mention alone was compared with them.
 */
export function recordAsMention(members: readonly MentionFeatures[], story: string | null, lead: boolean): MentionFeatures {
  const first = members[0];
  if (!first) throw new Error('a record needs at least one mention');
  return {
    ...canonicalRecord(members),
    eventId: first.eventId,
    articleId: first.articleId,
    published: first.published,
    start: first.start,
    words: [...new Set(members.flatMap((m) => m.words ?? []))].sort(),
    definites: [...new Set(members.flatMap((m) => m.definites ?? []))].sort(),
    defence: members.every((m) => m.defence === true),
    plural: members.every((m) => m.plural === true),
    story,
    lead,
  };
}

/**
 * An article's lead often names its event in a few words, with no date or place ("Pompeo: Saudi
 * oil attack an 'act of war'"), and starts a record of its own before the body's telling dates
 * and places it. Once the article is linked, each record it started is compared, with all it
 * now knows, to the other records as one mention would be: if one tells the same event, the
 * article's mentions of it move there. The lead's record looks only outside its article (the
 * article's other records were made after it, from its less central mentions); another may
 * join a record of its own article that a later sentence dated and placed.
 */
async function joinArticleRecord(
  db: Db,
  id: string,
  articleId: string,
  story: string | null,
  rules: LemmaRules,
  lead: boolean,
  into?: ReadonlySet<string>,
  read = new Map<string, string[]>(),
): Promise<{ from: string; into: string } | null> {
  const members = (await mentionFeatures(db, { recordId: id })).map((m) => withEvidenceText(m, rules));
  if (members.length === 0 || members.some((m) => m.articleId !== articleId)) return null;
  const asMention = recordAsMention(members, story, lead);
  const others = (await recordCandidates(db, asMention, candidateDateWindows(asMention.datePrecision))).filter(
    (c) => c.id !== id && (!lead || !(c.articleIds ?? []).includes(articleId)) && (into === undefined || into.has(c.id)),
  );
  const best = bestRecord(asMention, others.map((c) => withMentionWords(c, rules, read)));
  if (!best) return null;
  const why = into !== undefined ? 'compared again once a later report of its story was linked' : lead ? "with its article's lead record" : 'compared again once its article was linked';
  await moveRecordMentions(db, id, best.record.id, `${why}: ${best.merge.reason}`);
  await refreshCanonical(db, id);
  await refreshCanonical(db, best.record.id);
  return { from: id, into: best.record.id };
}

export interface RelinkProgress {
  done: number;
  total: number;
}

export interface RelinkSummary extends RelinkProgress {
  records: number;
  /** Stopped before the end: the store holds the records of the first `done` articles only. */
  interrupted: boolean;
}

/**
 * Drops every story and event record and links every article again in the canonical order, so
 * the stories and records are those a fresh ingest of the same articles makes. One transaction
 * drops them, then one per batch of articles links; a stop (shouldStop) is honoured between
 * batches, which leaves every record consistent with its mentions but only the first articles
 * linked: run it again, and it starts from zero.
 */
export async function relinkAllArticles(
  store: Kysely<Database>,
  k: LinkingKnowledge,
  options: { batch?: number; shouldStop?: () => boolean; onProgress?: (p: RelinkProgress) => void } = {},
): Promise<RelinkSummary> {
  const batch = options.batch ?? 100;
  const articles = await articlesInLinkingOrder(store);
  await store.transaction().execute(async (trx) => {
    await lockRecordLinking(trx);
    await clearRecords(trx);
    await clearStories(trx);
  });
  let done = 0;
  let interrupted = false;
  const stories = new StoryMemo();
  for (let i = 0; i < articles.length; i += batch) {
    // Let a signal handler run between batches.
    await new Promise((resolve) => setImmediate(resolve));
    if (options.shouldStop?.()) {
      interrupted = true;
      break;
    }
    const slice = articles.slice(i, i + batch);
    await store.transaction().execute(async (trx) => {
      await lockRecordLinking(trx);
      for (const id of slice) await linkMentions(trx, id, await assignStory(trx, id, k, stories), k.lemmas);
    });
    done += slice.length;
    options.onProgress?.({ done, total: articles.length });
  }
  return { done, total: articles.length, records: await countRecords(store), interrupted };
}
