import type { Gazetteer } from '../../knowledge/gazetteer/gazetteer.js';
import type { Stage, StageHead } from '../../pipeline/stage.js';
import type { Document, Layers, Span } from '../../text/document.js';
import { outletHomePlace } from './outlet-home.js';
import { placeAnaphora } from './place-anaphora.js';
import { recognizePlaceNames } from './place-recognizer.js';
import { type PlaceMention, resolvePlaces } from './resolve-places.js';

/**
 * The places stage: resolves the GPE, LOC and FAC entities to gazetteer places, and adds
 * the curated sites the tagger missed ("Ain al-Asad", "Camp Taji") with `entity: null`.
 * A local outlet's home (doc.meta.outlet, by name or web domain) is a soft prior.
 */

const PLACE_TYPES = new Set(['GPE', 'LOC', 'FAC']);

export const PLACES_STAGE: StageHead<'places'> = { name: 'places', version: '4', requires: ['tokens', 'entities', 'sentences'], assigns: 'places' };

export function createPlacesStage(gazetteer: Gazetteer): Stage<'places'> {
  return {
    ...PLACES_STAGE,
    run: (doc) => placesOf(gazetteer, doc),
  };
}

// "western Anbar", "northern Iraq": a direction word the tagger left out of the name names a
// part of the place, which the resolver draws as that part of its box.
const DIRECTION_BEFORE = /(?:(?:north|south)-?(?:east|west)ern|(?:north|south|east|west)ern|central)\s+$/u;

function withDirection(text: string, start: number): number {
  const from = Math.max(0, start - 24);
  const m = DIRECTION_BEFORE.exec(text.slice(from, start));
  if (m === null) return start;
  const at = from + m.index;
  // A whole word: "western", not the end of "Midwestern".
  return at > 0 && /\p{L}/u.test(text[at - 1]!) ? start : at;
}

export function placesOf(gazetteer: Gazetteer, doc: Document): Layers['places'] {
  const mentions: PlaceMention[] = [];
  const entities: Array<number | null> = [];
  (doc.layers.entities ?? []).forEach((e, i) => {
    if (!PLACE_TYPES.has(e.type)) return;
    mentions.push({ start: withDirection(doc.text, e.start), end: e.end, type: e.type });
    entities.push(i);
  });
  const taken: Span[] = [...(doc.layers.entities ?? [])];
  for (const hit of recognizePlaceNames(gazetteer, doc.text, { curatedOnly: true })) {
    if (taken.some((s) => s.start < hit.end && hit.start < s.end)) continue;
    mentions.push(hit);
    entities.push(null);
    taken.push(hit);
  }
  const order = mentions.map((_, i) => i).sort((a, b) => mentions[a]!.start - mentions[b]!.start);
  const named = resolvePlaces(
    gazetteer,
    doc.text,
    order.map((i) => mentions[i]!),
    { entities: order.map((i) => entities[i]!), home: outletHomePlace(gazetteer, doc.meta.outlet) },
  );
  const pointing = placeAnaphora(doc, named);
  return Object.freeze(pointing.length === 0 ? named : [...named, ...pointing].sort((a, b) => a.start - b.start));
}
