import type { LemmaRules } from '../nlp/syntax/lemmatizer.js';
import type { StoryInput as SignatureInput, StoredSignature as StoredArticleSignature, StoredStory as StorySums } from '../store/stories-repository.js';
import { contentWords } from './evidence-words.js';
import { cosine, sumVectors, type TermVector, unitVector } from './term-vectors.js';

/**
 * Stories: the articles that report one news story, found before their events are linked.
 * Two reports of one event share their headline's and lead's rare words ("Fakhrizadeh",
 * "Absard", "scientist"), the people and places they name, and a few days; two like events
 * (two rocket attacks in Iraq) share the common words but seldom the names. So an article
 * joins the story it is most similar to by its title and lead (tf-idf cosine), its named
 * people and groups, its precise places, and the days between them; or starts a story.
 * After Event Registry's and Miranda et al.'s (2018) online news clustering. Pure.
 */

/** Body words read for the lead: a wire story tells who, what, where and when in its first two or three sentences. */
export const LEAD_WORDS = 120;
/** The headline's words count this many times: it names the story in a few words. */
const TITLE_WEIGHT = 2;
/** An article published this many days after a story's last article starts a new one. */
export const STORY_WINDOW_DAYS = 7;
/** Days over which similarity halves and halves again: follow-ups come within days. */
const DECAY_DAYS = 4;
/** The share of each part in the similarity; an unknown part counts as the text does. */
const WEIGHTS = { text: 0.6, actors: 0.25, places: 0.15 } as const;
/** Fitted on the multi-outlet development set and the seed digest (scripts/fit-story-threshold.ts). */
export const STORY_THRESHOLD = 0.2;

/** What an article brings to story clustering, read from its stored layers. */
export interface ArticleSignature {
  readonly articleId: string;
  /** Publication day (days since 1970-01-01), or null when the date is unknown. */
  readonly day: number | null;
  /** Unit tf-idf vector of the title's and the lead's content-word lemmas. */
  readonly terms: TermVector;
  /** Resolved people and armed or political groups named anywhere in the article. */
  readonly actors: readonly string[];
  /** Precise places (city, site, district) and their first-level areas. */
  readonly places: readonly string[];
}

/** A story as the clustering compares against: the sum of its articles. */
export interface StoryFeatures {
  readonly id: string;
  readonly firstDay: number | null;
  readonly lastDay: number | null;
  /** Unit centroid of its articles' vectors. */
  readonly terms: TermVector;
  readonly actors: ReadonlySet<string>;
  readonly places: ReadonlySet<string>;
  readonly articleCount: number;
}

export interface StoryText {
  readonly title: string;
  readonly body: string;
}

/** The lead: the body's first LEAD_WORDS words. */
export const leadOf = (body: string): string => body.split(/\s+/).filter(Boolean).slice(0, LEAD_WORDS).join(' ');

/** Title and lead as one unit tf-idf vector (sublinear tf; title words weighted up). */
export function termVector(text: StoryText, rules: LemmaRules, idf: (lemma: string) => number): TermVector {
  const counts = new Map<string, number>();
  const add = (words: readonly string[], n: number) => {
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + n);
  };
  add(contentWords(text.title, rules), TITLE_WEIGHT);
  // contentWords gives distinct words: the lead counts each once, the title TITLE_WEIGHT more.
  add(contentWords(leadOf(text.body), rules), 1);
  return unitVector(new Map([...counts].map(([w, n]) => [w, (1 + Math.log(n)) * idf(w)])));
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (its first day when it is a month or a year). */
export function dayNumber(iso: string | null): number | null {
  const m = iso ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso) : null;
  if (!m) return null;
  return Math.floor(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1) / DAY_MS);
}

/** Days from the story's span to the article's day: 0 inside it; null when either is undated. */
export function daysApart(day: number | null, story: Pick<StoryFeatures, 'firstDay' | 'lastDay'>): number | null {
  if (day === null || story.firstDay === null || story.lastDay === null) return null;
  if (day < story.firstDay) return story.firstDay - day;
  if (day > story.lastDay) return day - story.lastDay;
  return 0;
}

/** Share of the smaller side found in the other; null when either side names none. */
function shared(a: readonly string[], b: ReadonlySet<string>): number | null {
  if (a.length === 0 || b.size === 0) return null;
  return a.filter((x) => b.has(x)).length / Math.min(a.length, b.size);
}

/** An actor no registry entry resolves: the recognizer's reading of a name, which is often a place or a phrase ("Human Rights", a village). */
const isUnresolved = (key: string): boolean => key.startsWith('new:');

/**
 * Share of the article's actors the story names, as `shared`, over the actors a registry entry
 * resolves: a name none resolves is the recognizer's reading, often a place or a phrase, and
 * one common misreading shared ("Inc", a village) would say as much as a named person. When
 * both name actors and nothing known is left on a side, they share none.
 */
function sharedActors(a: readonly string[], b: ReadonlySet<string>): number | null {
  if (a.length === 0 || b.size === 0) return null;
  const mine = a.filter((x) => !isUnresolved(x));
  const theirs = new Set([...b].filter((x) => !isUnresolved(x)));
  if (mine.length === 0 || theirs.size === 0) return 0;
  return mine.filter((x) => theirs.has(x)).length / Math.min(mine.length, theirs.size);
}

export interface StorySimilarity {
  readonly score: number;
  readonly reason: string;
}

/** How likely the article reports the story, 0..1; 0 when they lie more than STORY_WINDOW_DAYS apart. */
export function storySimilarity(a: ArticleSignature, s: StoryFeatures): StorySimilarity {
  const gap = daysApart(a.day, s);
  if (gap !== null && gap > STORY_WINDOW_DAYS) return { score: 0, reason: `${gap} days apart` };
  const text = cosine(a.terms, s.terms);
  const actors = sharedActors(a.actors, s.actors);
  const places = shared(a.places, s.places);
  // An undated article may belong to any story: its words must carry it, at the longest gap's weight.
  const decay = 0.5 ** ((gap ?? STORY_WINDOW_DAYS) / DECAY_DAYS);
  const score = decay * (WEIGHTS.text * text + WEIGHTS.actors * (actors ?? text) + WEIGHTS.places * (places ?? text));
  const part = (x: number | null) => (x === null ? '?' : x.toFixed(2));
  return { score, reason: `text ${text.toFixed(2)}, actors ${part(actors)}, places ${part(places)}, ${gap ?? '?'} days` };
}

/** The most similar story at or above the threshold; ties go to the first given. */
export function bestStory(a: ArticleSignature, stories: readonly StoryFeatures[], threshold = STORY_THRESHOLD): { story: StoryFeatures; similarity: StorySimilarity } | null {
  let best: { story: StoryFeatures; similarity: StorySimilarity } | null = null;
  for (const s of stories) {
    const similarity = storySimilarity(a, s);
    if (similarity.score >= threshold && (best === null || similarity.score > best.similarity.score)) best = { story: s, similarity };
  }
  return best;
}

/**
 * The stored shapes (store/stories-repository.ts): what an article's layers give the clustering,
 * an article's signature as stored (its vector as [lemma, weight] pairs, heaviest first), and a
 * story as stored (the sum of its articles' vectors, its heaviest words, not yet unit length).
 */
export type { StoryInput as SignatureInput, StoredSignature as StoredArticleSignature, StoredStory as StorySums } from '../store/stories-repository.js';

/** Words a story keeps: enough to compare, few enough to store and read fast. */
export const STORY_TERMS = 200;

const heaviest = (weights: ReadonlyMap<string, number>, n: number): Array<[string, number]> =>
  [...weights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, n).map(([w, x]) => [w, Math.round(x * 1e6) / 1e6]);

export function signatureOf(articleId: string, input: SignatureInput, rules: LemmaRules, idf: (lemma: string) => number): StoredArticleSignature {
  return {
    articleId,
    day: dayNumber(input.date),
    terms: heaviest(termVector(input, rules, idf), Number.POSITIVE_INFINITY),
    actors: [...input.actors],
    places: [...input.places],
  };
}

/** A stored signature as storySimilarity reads it. */
export const articleSignature = (s: StoredArticleSignature): ArticleSignature => ({ ...s, terms: new Map(s.terms) });

/** What the clustering compares an article with. */
export const storyFeatures = (s: StorySums): StoryFeatures => ({
  id: s.id,
  firstDay: s.firstDay,
  lastDay: s.lastDay,
  terms: unitVector(new Map(s.terms)),
  actors: new Set(s.actors),
  places: new Set(s.places),
  articleCount: s.articleCount,
});

const sortedUnion = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])].sort();
const minDay = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.min(a, b));
const maxDay = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

/** The story with one more article. */
export function addToStory(s: StorySums, a: StoredArticleSignature): StorySums {
  return {
    id: s.id,
    firstDay: minDay(s.firstDay, a.day),
    lastDay: maxDay(s.lastDay, a.day),
    articleCount: s.articleCount + 1,
    terms: heaviest(sumVectors([new Map(s.terms), new Map(a.terms)]), STORY_TERMS),
    actors: sortedUnion(s.actors, a.actors),
    places: sortedUnion(s.places, a.places),
  };
}

/** A story made of these articles. */
export function storySums(id: string, articles: readonly StoredArticleSignature[]): StorySums {
  const empty: StorySums = { id, firstDay: null, lastDay: null, articleCount: 0, terms: [], actors: [], places: [] };
  return articles.reduce(addToStory, empty);
}

