import placeWords from '../../knowledge/lexicon/place-words.json' with { type: 'json' };
import type { Document, Layers } from '../../text/document.js';

/**
 * "The USS Boxer downed a drone in the strait": a definite, lower-case geographic noun that
 * points back to a place the article named before. Each such mention becomes a place of its
 * own with the antecedent's coordinates, so that events told with it are placed; the reason
 * says where it points. Only the nearest earlier place of the noun's kind is taken, and none
 * when the article named none: "the gulf" of an article that never named one stays unplaced.
 */

type Place = Layers['places'][number];

const WATER = new Set(placeWords.anaphoricNouns.water);
const SETTLEMENT = new Set(placeWords.anaphoricNouns.settlement);
const REGION = new Set(placeWords.anaphoricNouns.region);

/** Whether `p` is what "the <noun>" can point back to. */
function fits(noun: string, p: Place): boolean {
  if (WATER.has(noun)) return p.name.toLowerCase().split(/[\s-]+/).includes(noun) || (noun === 'waterway' && p.featureClass === 'H');
  if (SETTLEMENT.has(noun)) return p.featureClass === 'P';
  if (REGION.has(noun)) return p.featureClass === 'A' && p.precision === 'region';
  return false;
}

export function placeAnaphora(doc: Document, places: readonly Place[]): Place[] {
  const tokens = doc.layers.tokens ?? [];
  const entities = doc.layers.entities ?? [];
  const out: Place[] = [];
  let e = 0;
  let p = 0;
  let last: Place[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    // The places named so far, the latest last.
    while (p < places.length && places[p]!.end <= t.start) last = [...last.slice(-19), places[p++]!];
    if (tokens[i - 1]!.norm !== 'the' || !(WATER.has(t.norm) || SETTLEMENT.has(t.norm) || REGION.has(t.norm))) continue;
    // Lower case only: "the Gulf" is a name the places stage resolves itself.
    if (doc.text[t.start] !== doc.text[t.start]!.toLowerCase()) continue;
    // "the city of Basra", "the province's governor", "the strait Hormuz": the name follows.
    const next = tokens[i + 1];
    if (next && (next.norm === 'of' || next.norm === "'s" || /^\p{Lu}/u.test(doc.text.slice(next.start, next.end)))) continue;
    while (e < entities.length && entities[e]!.end <= t.start) e++;
    if (e < entities.length && entities[e]!.start < t.end) continue;
    const antecedent = [...last].reverse().find((x) => fits(t.norm, x));
    if (!antecedent) continue;
    const start = tokens[i - 1]!.start;
    out.push({
      ...antecedent,
      start,
      end: t.end,
      entity: null,
      confidence: Math.min(antecedent.confidence, 0.7),
      reason: `'the ${t.norm}' points back to ${antecedent.name}, named before in the article`,
    });
  }
  return out;
}
