import type { Gazetteer, PlaceKind } from '../../knowledge/gazetteer/gazetteer.js';
import { lookupPlace } from '../../knowledge/gazetteer/gazetteer.js';
import { priorScore } from './candidate-prior.js';

/**
 * The entity type a place name most likely has, out of context: what its best-prior
 * gazetteer entry is. Countries, cities and admin units are GPE; seas, rivers, mountains
 * and multi-country regions are LOC; bases, airports, crossings and buildings are FAC.
 */
export function classifyPlaceType(gazetteer: Gazetteer, name: string): 'GPE' | 'LOC' | 'FAC' | null {
  let best: { kind: PlaceKind; score: number } | null = null;
  for (const c of lookupPlace(gazetteer, name)) {
    if (c.match === 'demonym') continue;
    const score = priorScore(c);
    if (best === null || score > best.score) best = { kind: c.kind, score };
  }
  return best === null ? null : entityTypeOfKind(best.kind);
}

export function entityTypeOfKind(kind: PlaceKind): 'GPE' | 'LOC' | 'FAC' {
  switch (kind) {
    case 'site':
      return 'FAC';
    case 'water':
    case 'landform':
    case 'area':
      return 'LOC';
    default:
      return 'GPE';
  }
}
