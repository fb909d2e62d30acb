import type { Gazetteer, PlaceRecord } from '../../knowledge/gazetteer/gazetteer.js';
import { placeKey } from '../../knowledge/gazetteer/place-name.js';
import type { Span } from '../../text/document.js';
import { classifyPlaceType } from './place-type.js';

/**
 * A plain gazetteer recognizer: capitalized phrases whose key names a well-known place,
 * longest first. It finds the curated sites the tagger misses ("Ain al-Asad", "Camp Taji")
 * and the places inside organisation names ("Ohio" in "Ohio State University"); end-to-end
 * evaluation can still use it alone as a baseline to the statistical tagger.
 */

export interface RecognizerOptions {
  /** Accept only curated entries (bases, districts, waters...), as the places stage does. */
  readonly curatedOnly?: boolean;
}

const MAX_WORDS = 5;
// Lower-case words allowed inside a name: "Strait of Hormuz", "Jurf al-Sakhar", "Bab el-Mandeb".
const INNER = new Set(['of', 'the', 'al', 'el', 'ad', 'as', 'an', 'ar', 'az', 'ash', 'ez', 'es', 'de', 'du', 'la', 'le', 'bin', 'bint', 'ibn', 'and']);

interface Word extends Span {
  readonly capital: boolean;
  readonly inner: boolean;
  readonly sentenceStart: boolean;
}

export function recognizePlaceNames(
  gazetteer: Gazetteer,
  text: string,
  options: RecognizerOptions = {},
): Array<Span & { type: string }> {
  const words = wordsOf(text);
  const out: Array<Span & { type: string }> = [];
  let i = 0;
  while (i < words.length) {
    const first = words[i]!;
    // Spans start after "The": "the Strait of Hormuz" is tagged as "Strait of Hormuz".
    if (!first.capital || /^the$/i.test(text.slice(first.start, first.end))) {
      i += 1;
      continue;
    }
    let matched = 0;
    for (let n = Math.min(MAX_WORDS, words.length - i); n > 0; n -= 1) {
      const last = words[i + n - 1]!;
      if (!last.capital) continue;
      if (!words.slice(i, i + n).every((w, k) => k === 0 || w.capital || w.inner) || !contiguous(text, words, i, n)) continue;
      const span = { start: first.start, end: last.end };
      if (acceptable(gazetteer, text.slice(span.start, span.end), n, first.sentenceStart, options)) {
        out.push({ ...span, type: classifyPlaceType(gazetteer, text.slice(span.start, span.end)) ?? 'GPE' });
        matched = n;
        break;
      }
    }
    i += Math.max(1, matched);
  }
  return out;
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)) {
    const start = m.index;
    const raw = m[0];
    const before = text.slice(Math.max(0, start - 3), start);
    words.push({
      start,
      end: start + raw.length,
      capital: /^\p{Lu}/u.test(raw) || /^(?:al|el|ad|as|an|ar|az|ash)-\p{Lu}/u.test(raw),
      inner: INNER.has(raw.toLowerCase().replace(/-$/, '')) || /^(?:al|el|ad|as|an|ar|az|ash)-/i.test(raw),
      sentenceStart: start === 0 || /[.!?"“]\s*$|\n\s*$/.test(before),
    });
  }
  return words;
}

// Words of one name are separated by single spaces or hyphens only.
function contiguous(text: string, words: readonly Word[], i: number, n: number): boolean {
  for (let k = i + 1; k < i + n; k += 1) {
    const gap = text.slice(words[k - 1]!.end, words[k]!.start);
    if (!/^[ -]?$/.test(gap)) return false;
  }
  return true;
}

function acceptable(gazetteer: Gazetteer, name: string, words: number, sentenceStart: boolean, options: RecognizerOptions): boolean {
  const hits = gazetteer.byKey.get(placeKey(name));
  if (hits === undefined) return false;
  const records = hits.map((at) => gazetteer.records[at]!);
  if (options.curatedOnly === true) return records.some((r) => r.curated && r.kind !== 'city');
  const strongest = Math.max(...records.map(strength));
  // A capitalized word opening a sentence is weak evidence: ask for a well-known place.
  const needed = sentenceStart && words === 1 ? 3 : words === 1 ? 2 : 1;
  return strongest >= needed;
}

/** How well-known the best place under this exact name is: 0 (unknown or a hamlet) to 3. */
export function placeNameStrength(gazetteer: Gazetteer, name: string): number {
  const hits = gazetteer.byKey.get(placeKey(name));
  return hits === undefined ? 0 : Math.max(...hits.map((at) => strength(gazetteer.records[at]!)));
}

function strength(r: PlaceRecord): number {
  if (r.kind === 'country' || r.kind === 'admin1' || r.capital) return 3;
  if (r.curated) return 2;
  if (r.population >= 100_000) return 3;
  if (r.population >= 15_000) return 2;
  return r.population > 0 ? 1 : 0;
}
