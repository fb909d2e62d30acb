import type { Document, Span } from '../../text/document.js';
import { editDistance, joinFolds, type NameWord, nameWords, type WordShape } from './actor-names.js';
import type { Actor } from './actor-schema.js';

/**
 * The registry's names, indexed two ways: by word, for scanning a document's tokens for the
 * longest alias (`findAliasMentions`), and by whole key, for resolving one name someone
 * already found (`lookupActorName`).
 */

/** What the matching needs of a registry (an `ActorRegistry` is one). */
export interface IndexedRegistry {
  readonly index: AliasIndex;
}

interface AliasEntry {
  readonly alias: string;
  /** Word keys (exact entries) or word folds (fuzzy entries). */
  readonly words: readonly string[];
  readonly shapes: readonly WordShape[];
  readonly actorIds: readonly string[];
}

interface NameTarget {
  readonly actorId: string;
  readonly alias: string;
  readonly fold: string;
  /** The unfolded key without spaces: ranks fold-distance ties by how the names are spelled. */
  readonly key: string;
  readonly surname: boolean;
  /** Which letters the fold holds (a bit per char code mod 32): a cheap test before edit distance. */
  readonly letters: number;
}

/** A bit per letter: one edit changes at most two bits, so more differing bits than 2 × edits cannot match. */
function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) m |= 1 << (s.charCodeAt(i) & 31);
  return m;
}

function bitCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The actors a key names and the first alias spelling that gave it. */
export interface IndexHit {
  readonly alias: string;
  readonly actorIds: readonly string[];
}

export interface AmbiguousAlias {
  readonly key: string;
  readonly aliases: readonly string[];
  readonly actorIds: readonly string[];
}

export interface AliasIndex {
  /** First word key → entries starting with it, longest first. */
  readonly exactByFirst: ReadonlyMap<string, readonly AliasEntry[]>;
  /** First word fold → fuzzy entries (long, non-acronym aliases only), longest first. */
  readonly fuzzyByFirst: ReadonlyMap<string, readonly AliasEntry[]>;
  /** Whole key ("hashd shaabi") → actors and the alias spelling it came from. */
  readonly byKey: ReadonlyMap<string, IndexHit>;
  readonly byFold: ReadonlyMap<string, IndexHit>;
  /** Persons' last name words: "khazali" → Qais al-Khazali. */
  readonly bySurname: ReadonlyMap<string, IndexHit>;
  readonly bySurnameFold: ReadonlyMap<string, IndexHit>;
  /** Every name's fold, for edit-distance lookups. */
  readonly targets: readonly NameTarget[];
  readonly ambiguous: readonly AmbiguousAlias[];
  /**
   * The words (nameWords) of the token pieces scanned so far: news repeats its words. Filled
   * while scanning, emptied when it holds TOKEN_WORDS_MAX pieces; not part of the registry.
   */
  readonly tokenWords: Map<string, readonly NameWord[]>;
}

const TOKEN_WORDS_MAX = 100_000;

/** Folds shorter than this never match fuzzily: "Amal"/"Amel", "Hamas"/"Hamis" are too close. */
const MIN_FUZZY_FOLD = 6;
const MIN_SURNAME = 4;

// Plain arrays, not Sets: there are tens of thousands of these, almost all of one element,
// and creating a Set costs far more than scanning a one-element array.
interface Grouped {
  alias: string;
  aliases: string[];
  actorIds: string[];
}

export function buildAliasIndex(actors: Iterable<Actor>): AliasIndex {
  const byKey = new Map<string, Grouped>();
  const byFold = new Map<string, Grouped>();
  const bySurname = new Map<string, Grouped>();
  const bySurnameFold = new Map<string, Grouped>();
  // key + shape signature → words and actors: "Lebanese Forces" (the party) and "Lebanese
  // forces" (the army) share a key but not a case pattern, and the text's case tells them apart.
  const spellings = new Map<string, { alias: string; words: NameWord[]; actorIds: string[] }>();
  const targets: NameTarget[] = [];
  const seenTarget = new Set<string>();

  for (const actor of actors) {
    for (const alias of [actor.name, ...actor.aliases]) {
      const words = nameWords(alias);
      if (words.length === 0) continue;
      const key = words.map((w) => w.key).join(' ');
      const fold = joinFolds(words.map((w) => w.fold));
      group(byKey, key, alias, actor.id);
      group(byFold, fold, alias, actor.id);
      const spellingKey = `${key}|${words.map((w) => w.shape).join(',')}`;
      let spelling = spellings.get(spellingKey);
      if (!spelling) {
        spelling = { alias, words, actorIds: [] };
        spellings.set(spellingKey, spelling);
      }
      if (!spelling.actorIds.includes(actor.id)) spelling.actorIds.push(actor.id);
      addTarget(targets, seenTarget, { actorId: actor.id, alias, fold, key: key.replace(/ /g, ''), surname: false, letters: letterMask(fold) });
      const last = words[words.length - 1]!;
      if (actor.type === 'person' && words.length >= 2 && last.key.length >= MIN_SURNAME) {
        group(bySurname, last.key, alias, actor.id);
        group(bySurnameFold, last.fold, alias, actor.id);
        addTarget(targets, seenTarget, { actorId: actor.id, alias, fold: last.fold, key: last.key, surname: true, letters: letterMask(last.fold) });
      }
    }
  }

  const exactByFirst = new Map<string, AliasEntry[]>();
  const fuzzyByFirst = new Map<string, AliasEntry[]>();
  for (const { alias, words, actorIds } of spellings.values()) {
    actorIds.sort();
    const shapes = words.map((w) => w.shape);
    push(exactByFirst, words[0]!.key, { alias, words: words.map((w) => w.key), shapes, actorIds });
    const folds = words.map((w) => w.fold);
    if (joinFolds(folds).length >= MIN_FUZZY_FOLD && !shapes.includes('upper')) {
      const foldIds = byFold.get(joinFolds(folds))!.actorIds;
      push(fuzzyByFirst, folds[0]!, { alias, words: folds, shapes, actorIds: foldIds });
    }
  }
  // Longest first; among equal lengths the stricter case pattern first, so that "Lebanese
  // Forces" in the text picks the party's spelling before the army's "Lebanese forces".
  for (const list of [...exactByFirst.values(), ...fuzzyByFirst.values()])
    list.sort((a, b) => b.words.length - a.words.length || strictness(b.shapes) - strictness(a.shapes));

  const ambiguous: AmbiguousAlias[] = [];
  for (const map of [byKey, byFold, bySurname, bySurnameFold]) sortIds(map);
  for (const [key, g] of byKey) if (g.actorIds.length > 1) ambiguous.push({ key, aliases: g.aliases, actorIds: g.actorIds });

  return {
    exactByFirst,
    fuzzyByFirst,
    byKey,
    byFold,
    bySurname,
    bySurnameFold,
    targets,
    ambiguous,
    tokenWords: new Map(),
  };
}

function strictness(shapes: readonly WordShape[]): number {
  let n = 0;
  for (const s of shapes) if (s !== 'lower') n++;
  return n;
}

function group(map: Map<string, Grouped>, key: string, alias: string, actorId: string): void {
  if (key === '') return;
  const g = map.get(key);
  if (!g) map.set(key, { alias, aliases: [alias], actorIds: [actorId] });
  else {
    if (!g.aliases.includes(alias)) g.aliases.push(alias);
    if (!g.actorIds.includes(actorId)) g.actorIds.push(actorId);
  }
}

function addTarget(out: NameTarget[], seen: Set<string>, t: NameTarget): void {
  const k = `${t.actorId}|${t.fold}|${t.surname}`;
  if (seen.has(k) || t.fold.length < 4) return;
  seen.add(k);
  out.push(t);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sortIds(map: Map<string, Grouped>): void {
  for (const g of map.values()) if (g.actorIds.length > 1) g.actorIds.sort();
}

export interface AliasMention extends Span {
  readonly actorIds: readonly string[];
  /** The registry spelling that matched. */
  readonly alias: string;
  /** False when only the transliteration fold matched ("Hizbollah" for "Hezbollah"). */
  readonly exact: boolean;
}

interface TextWord extends NameWord, Span {}

/**
 * Registry aliases in a document, longest match first, over its token layer: a word of the
 * alias written with a capital must be capitalized in the text ("Amal", not "amal"), an
 * all-capital one must be all capitals ("US", not "us"). Punctuation and a possessive "’s"
 * end a match, so "Iraq’s PMU" gives "Iraq" and "PMU". A hyphen compound token gives one
 * word per part, each with its own span: "Trump-Rouhani" holds two names, "US-led" one.
 * Throws when the tokens layer is missing.
 */
export function findAliasMentions(registry: IndexedRegistry, doc: Document): AliasMention[] {
  const { index } = registry;
  const tokens = doc.layers.tokens;
  if (!tokens) throw new Error(`findAliasMentions: document ${doc.id} has no tokens layer`);
  // null marks a boundary no alias crosses.
  const words: Array<TextWord | null> = [];
  const article: ArticleState = { start: null };
  let previous: (typeof tokens)[number] | null = null;
  for (const t of tokens) {
    const attachedApostrophe = t.norm === "'" && previous?.kind === 'word' && t.start === previous.end;
    previous = t;
    // "Kata’ al-Rikabi": the tokenizer splits a word-final apostrophe off; it stays in the name.
    if (attachedApostrophe) continue;
    if (t.kind === 'punct' || t.kind === 'symbol' || t.norm === "'s") {
      words.push(null);
      article.start = null;
    } else pushTokenWords(doc.text, t, words, article, index.tokenWords);
  }

  const out: AliasMention[] = [];
  let i = 0;
  while (i < words.length) {
    const first = words[i];
    if (!first) {
      i++;
      continue;
    }
    const exact = longestMatch(index.exactByFirst.get(first.key), words, i, 'key');
    const fuzzy = longestMatch(index.fuzzyByFirst.get(first.fold), words, i, 'fold');
    const best = fuzzy && (!exact || fuzzy.words.length > exact.words.length) ? fuzzy : exact;
    if (!best) {
      i++;
      continue;
    }
    const last = words[i + best.words.length - 1]!;
    out.push({
      start: first.start,
      end: last.end,
      actorIds: best.actorIds,
      alias: best.alias,
      exact: best === exact,
    });
    i += best.words.length;
  }
  return out;
}

/** Where a dropped article began ("al-" of "al-Hashd", "Al" of "Al Qaeda"), to start the span there. */
interface ArticleState {
  start: number | null;
}

function pushTokenWords(text: string, token: Span, out: Array<TextWord | null>, article: ArticleState, memo: Map<string, readonly NameWord[]>): void {
  let pieceStart = token.start;
  for (let i = token.start; i <= token.end; i++) {
    if (i < token.end && text.charCodeAt(i) !== 45) continue;
    if (i > pieceStart) {
      // A trailing hyphen tells nameWords the piece is joined to the next ("ad-Din").
      const piece = text.slice(pieceStart, i) + (i < token.end ? '-' : '');
      let pieceWords = memo.get(piece);
      if (pieceWords === undefined) {
        pieceWords = nameWords(piece);
        if (memo.size >= TOKEN_WORDS_MAX) memo.clear();
        memo.set(piece, pieceWords);
      }
      if (pieceWords.length === 0 && !/^the-?$/i.test(piece)) article.start ??= pieceStart;
      for (const w of pieceWords) {
        out.push({ ...w, start: article.start ?? pieceStart, end: i });
        article.start = null;
      }
    }
    pieceStart = i + 1;
  }
}

function longestMatch(
  entries: readonly AliasEntry[] | undefined,
  words: ReadonlyArray<TextWord | null>,
  at: number,
  field: 'key' | 'fold',
): AliasEntry | null {
  if (!entries) return null;
  for (const entry of entries) if (matchesAt(entry, words, at, field)) return entry;
  return null;
}

function matchesAt(entry: AliasEntry, words: ReadonlyArray<TextWord | null>, at: number, field: 'key' | 'fold'): boolean {
  if (at + entry.words.length > words.length) return false;
  for (let k = 0; k < entry.words.length; k++) {
    const w = words[at + k];
    if (!w || w[field] !== entry.words[k] || !shapeFits(entry.shapes[k]!, w.shape)) return false;
  }
  return true;
}

function shapeFits(wanted: WordShape, seen: WordShape): boolean {
  if (wanted === 'upper') return seen === 'upper';
  if (wanted === 'cap') return seen !== 'lower';
  return true;
}

/** A short name written as an acronym: two to four capitals, dotted or not ("OSCE", "U.N."). */
const ACRONYM = /^(?:[A-Z]\.?){2,4}$/;

/** A name this long (in folded letters) one edit from an alias is that alias misspelt. */
const LONG_NAME_LETTERS = 16;

export interface NameMatch {
  readonly actorId: string;
  /** 1 for an exact alias, down to about 0.5 for a surname one edit away. */
  readonly score: number;
  readonly reason: string;
}

/**
 * The actors a name may denote, best first: an exact alias, then the same name in another
 * transliteration, then a name one or two edits away (scaled to length), then a person's
 * surname ("Khazali" → Qais al-Khazali). Case is ignored: the caller already knows it is a name.
 */
export function lookupActorName(registry: IndexedRegistry, name: string): NameMatch[] {
  const { index } = registry;
  const words = nameWords(name);
  if (words.length === 0) return [];
  const key = words.map((w) => w.key).join(' ');
  const fold = joinFolds(words.map((w) => w.fold));
  const best = new Map<string, NameMatch>();
  const offer = (actorId: string, score: number, reason: string): void => {
    const known = best.get(actorId);
    if (!known || known.score < score) best.set(actorId, { actorId, score, reason });
  };

  const offerAll = (hit: IndexHit | undefined, score: number, why: string): void => {
    if (hit) for (const id of hit.actorIds) offer(id, score, `${why} '${hit.alias}'`);
  };
  offerAll(index.byKey.get(key), 1, 'alias');
  // "OSCE" is not "ISCI": an acronym is spelt letter by letter, so its vowels are no
  // transliteration and it has no spelling variants; only its exact alias names it.
  if (ACRONYM.test(name.trim())) return [...best.values()];
  if (fold.length >= 4) offerAll(index.byFold.get(fold), 0.9, 'spelling variant of');
  if (words.length === 1) {
    offerAll(index.bySurname.get(key), 0.75, 'surname of');
    offerAll(index.bySurnameFold.get(fold), 0.7, 'surname spelling variant of');
  }
  const maxEdits = fold.length >= 9 ? 2 : fold.length >= 5 ? 1 : 0;
  if (maxEdits > 0 && best.size === 0) {
    const spelled = key.replace(/ /g, '');
    const letters = letterMask(fold);
    for (const t of index.targets) {
      if (t.surname && words.length > 1) continue;
      if (Math.abs(t.fold.length - fold.length) > maxEdits || bitCount(letters ^ t.letters) > 2 * maxEdits) continue;
      const d = editDistance(fold, t.fold, maxEdits);
      if (d === 0 || d > maxEdits) continue;
      // Folds of short names collide ("kamana": Khamenei, Komori, Romania): the spelling itself
      // must also be close, and the closer one ranks first.
      const spellingEdits = editDistance(spelled, t.key, maxEdits + 1);
      if (spellingEdits > maxEdits + 1) continue;
      // One letter in a long name ("Islamic Revolution Guard Corps") is a spelling variant, not
      // another name: long names rank as the fold variants do.
      const long = !t.surname && fold.length >= LONG_NAME_LETTERS && d === 1;
      const score = long ? 0.86 : (t.surname ? 0.6 : 0.8) - 0.1 * (d - 1) - 0.02 * spellingEdits;
      offer(t.actorId, score, `${t.surname ? 'surname ' : ''}${d} edit${d > 1 ? 's' : ''} from '${t.alias}'`);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.actorId.localeCompare(b.actorId));
}
