import lexicon from '../../knowledge/lexicon/titles.json' with { type: 'json' };
import type { Document, EntityType, Span } from '../../text/document.js';
import { lowerBound } from '../../text/lower-bound.js';

export type LexiconSpan = Span & { readonly type: EntityType; readonly rule: string };

type Tokens = NonNullable<Document['layers']['tokens']>;

/** Heads that are also everyday words: a title only before a name, "of", or after a modifier. */
const AMBIGUOUS_HEADS = new Set(['general', 'major', 'captain', 'head', 'member', 'representative', 'deputy', 'chair', 'chief', 'director', 'officer', 'expert', 'official']);

const MODIFIERS = new Set(lexicon.modifiers);

interface Trie {
  readonly next: Map<string, Trie>;
  phrase: string | null;
}

function buildTrie(phrases: readonly string[]): Trie {
  const root: Trie = { next: new Map(), phrase: null };
  for (const phrase of phrases) {
    let node = root;
    for (const w of phrase.toLowerCase().split(/\s+/)) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map(), phrase: null };
        node.next.set(w, child);
      }
      node = child;
    }
    node.phrase = phrase;
  }
  return root;
}

const HEADS = buildTrie(lexicon.heads);
const KNOWN_LAWS = buildTrie(lexicon.knownLaws);
const KNOWN_EVENTS = buildTrie(lexicon.knownEvents);
const LAW_WORDS = new Set(lexicon.lawWords.map((w) => w.toLowerCase()));
const EVENT_WORDS = new Set(lexicon.eventWords.map((w) => w.toLowerCase()));

/** Longest phrase of the trie starting at token i; returns the index after it, or -1. */
function longestMatch(trie: Trie, tokens: Tokens, i: number): number {
  let node = trie;
  let best = -1;
  for (let j = i; j < tokens.length; j++) {
    const child = node.next.get(tokens[j]!.norm);
    if (!child) break;
    node = child;
    if (node.phrase !== null) best = j + 1;
  }
  return best;
}

const isCapitalized = (text: string, t: Span): boolean => /^\p{Lu}/u.test(text.slice(t.start, t.end));

/**
 * Titles and roles ("former prime minister", "deputy head", "spokesman"), named laws
 * ("CAATSA", "Resolution 2231") and named events ("the 1920 revolution") found by lexicon;
 * the statistical model does not know these types.
 */
export function lexiconSpans(doc: Document): LexiconSpan[] {
  const tokens = doc.layers.tokens ?? [];
  const out: LexiconSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const law = longestMatch(KNOWN_LAWS, tokens, i);
    if (law > 0) {
      out.push({ start: tokens[i]!.start, end: tokens[law - 1]!.end, type: 'LAW', rule: 'known law' });
      i = law - 1;
      continue;
    }
    const event = longestMatch(KNOWN_EVENTS, tokens, i);
    if (event > 0) {
      out.push({ start: tokens[i]!.start, end: tokens[event - 1]!.end, type: 'EVENT', rule: 'known event' });
      i = event - 1;
      continue;
    }
    const t = tokens[i]!;
    // "Resolution 2231", "the 1920 revolution": a number joined to a law or event word.
    const next = tokens[i + 1];
    if (next && LAW_WORDS.has(t.norm) && isCapitalized(doc.text, t) && next.kind === 'number') {
      out.push({ start: t.start, end: next.end, type: 'LAW', rule: 'law word + number' });
      i++;
      continue;
    }
    if (next && t.kind === 'number' && /^1[0-9]{3}$|^20[0-9]{2}$/.test(t.norm) && EVENT_WORDS.has(next.norm)) {
      out.push({ start: t.start, end: next.end, type: 'EVENT', rule: 'year + event word' });
      i++;
      continue;
    }
    const head = longestMatch(HEADS, tokens, i);
    if (head < 0) continue;
    let first = i;
    while (first > 0 && MODIFIERS.has(tokens[first - 1]!.norm) && tokens[first - 1]!.end + 1 >= tokens[first]!.start) first--;
    const after = tokens[head];
    const headWord = tokens.slice(i, head).map((x) => x.norm).join(' ');
    if (AMBIGUOUS_HEADS.has(headWord) && first === i) {
      const beforeName = after !== undefined && isCapitalized(doc.text, after) && after.kind === 'word';
      if (!beforeName && after?.norm !== 'of') continue;
    }
    out.push({ start: tokens[first]!.start, end: tokens[head - 1]!.end, type: 'TITLE', rule: `title '${headWord}'` });
    i = head - 1;
  }
  return out;
}

/** The head word of a title span, lower-cased: what "the Iraqi lawmaker" is matched on. */
export function titleHead(doc: Document, span: Span): string | null {
  const all = doc.layers.tokens ?? [];
  // Tokens are in text order: the span's are found by bisection, not by a pass over the
  // article's (a pass per title made the actors stage quadratic in the article's length).
  const lo = lowerBound(all, (t) => t.start < span.start);
  let end = lo;
  while (end < all.length && all[end]!.start < span.end) end++;
  const tokens = all.slice(lo, end).filter((t) => t.end <= span.end);
  for (let i = 0; i < tokens.length; i++) {
    const end = longestMatch(HEADS, tokens, i);
    if (end > 0) return tokens.slice(i, end).map((t) => t.norm).join(' ');
  }
  return null;
}
