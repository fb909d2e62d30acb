import { caseMarker, head, isPredicate, relation, type SyntaxTree, spanHead } from '../nlp/syntax/tree.js';
import { GEO_NOUNS, GEO_ONLY_PREPOSITIONS, PLACE_PREPOSITIONS } from './participants.js';

/**
 * Whether a place name says where something happened, read from the dependency tree: the name
 * heads a phrase whose own case marker is locative (an oblique of a verb, "fired rockets at the
 * airport"; a noun's modifier, "the airport in Erbil"; a coordinated phrase, "and in the Gulf"; a
 * predicate, "he is in Baghdad"), or stands for one: a later conjunct borrows the first one's
 * preposition ("in Erbil and Kirkuk"), a name naming a geographic noun stands for it ("in Diyala
 * province", "in the port city Basra"), and "of" passes through one ("on the outskirts of
 * Damascus", "in the south of Iraq"). Words between the preposition and the name do not matter
 * ("in war-torn Syria", "in Homs northern countryside"). A subject, an object, a possessor or a
 * modifier of another noun ("in Iraq's west", "in a Baghdad hotel") is not such a place.
 */

/** Compass words that place by their "of" phrase without a preposition before them. */
const COMPASS: ReadonlySet<string> = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'north-east', 'north-west', 'south-east', 'south-west']);

/** At most this many hops up the tree: conjuncts, geographic nouns, "of". */
const MAX_HOPS = 8;
/** Relations that make a name a participant or a modifier, never where things happened. */
const NOT_PLACES = ['nsubj', 'csubj', 'obj', 'iobj', 'amod', 'nummod', 'det', 'compound'];

/**
 * The locative preposition that places the mention on tokens `first`..`last`, or null when the
 * tree shows none. `norm` gives a token's lower-cased word (GEO_NOUNS lists surface forms:
 * "outskirts").
 */
export function locativePreposition(tree: SyntaxTree, first: number, last: number, norm: (token: number) => string): string | null {
  let t = spanHead(tree, first, last);
  // A name that is itself a geographic noun ("the Strait of Hormuz", "the Gulf") is placed
  // by "over" and "on" as a phrase through one is ("over the northern Gulf").
  let throughGeo = t !== -1 && GEO_NOUNS.has(norm(t));
  for (let hop = 0; t !== -1 && hop < MAX_HOPS; hop++) {
    const h = head(tree, t);
    if (h === -1) return null;
    const rel = relation(tree, t);
    const own = caseMarker(tree, t);
    if (own === null && (rel === 'compound' || rel === 'flat' || rel === 'appos') && GEO_NOUNS.has(norm(h))) {
      t = h;
      continue;
    }
    if (own === null && rel === 'conj' && !isPredicate(tree, t)) {
      t = h;
      continue;
    }
    // "positions east of the town of Amarah", "west of Fish Canal": a compass word with no
    // preposition of its own is one, so its "of" phrase says where.
    if (own === 'of' && COMPASS.has(norm(h)) && caseMarker(tree, h) === null) return `${norm(h)} of`;
    if (own === null || tree.nodes[t]!.rel === 'nmod:poss' || NOT_PLACES.includes(rel)) return null;
    if (PLACE_PREPOSITIONS.has(own) || (throughGeo && GEO_ONLY_PREPOSITIONS.has(own))) return own;
    if (own !== 'of' || rel !== 'nmod' || !GEO_NOUNS.has(norm(h))) return null;
    throughGeo = true;
    t = h;
  }
  return null;
}
