import { type Gazetteer, lookupPlace, type PlaceCandidate, type PlaceRecord } from '../../knowledge/gazetteer/gazetteer.js';
import { findOutlet, type OutletHome } from '../../knowledge/outlets/outlet-names.js';

/**
 * Where a local outlet is based, as a gazetteer point: local news is mostly about its home,
 * so the resolver leans on it when the text itself says nothing ("Paris" in a Paris, Texas
 * paper). National and international outlets have no home.
 */

export interface HomePlace {
  readonly name: string;
  readonly country: string;
  /** ISO 3166-2, when known. */
  readonly admin1: string | null;
  readonly lat: number;
  readonly lon: number;
  /** True when only the admin-1 unit is known, so the point is that unit's, not a town's. */
  readonly regional: boolean;
  /** The gazetteer record of the home town (or admin-1 unit). */
  readonly place: PlaceRecord;
}

const cache = new WeakMap<Gazetteer, Map<OutletHome, HomePlace | null>>();

/** The home of the outlet named or addressed by `outlet` (a name, alias, domain or URL). */
export function outletHomePlace(gazetteer: Gazetteer, outlet: string | null | undefined): HomePlace | null {
  if (outlet === null || outlet === undefined || outlet.trim() === '') return null;
  const home = findOutlet(outlet)?.home ?? null;
  return home === null ? null : homePlace(gazetteer, home);
}

/** The gazetteer point of a home: the biggest town of that name in its admin-1 unit (or country). */
export function homePlace(gazetteer: Gazetteer, home: OutletHome): HomePlace | null {
  let byHome = cache.get(gazetteer);
  if (byHome === undefined) {
    byHome = new Map();
    cache.set(gazetteer, byHome);
  }
  if (byHome.has(home)) return byHome.get(home) ?? null;
  const place = findHome(gazetteer, home);
  byHome.set(home, place);
  return place;
}

function findHome(gazetteer: Gazetteer, home: OutletHome): HomePlace | null {
  if (home.name === null) {
    const unit = home.admin1 === null ? undefined : gazetteer.admin1.get(home.admin1);
    if (unit === undefined) return null;
    return { name: unit.name, country: home.country, admin1: home.admin1, lat: unit.lat, lon: unit.lon, regional: true, place: unit };
  }
  const towns = lookupPlace(gazetteer, home.name).filter(
    (c) => c.country === home.country && (c.kind === 'city' || c.kind === 'district' || c.kind === 'admin2'),
  );
  const inUnit = home.admin1 === null ? towns : towns.filter((c) => c.admin1 === home.admin1);
  const best = biggest(inUnit);
  if (best === null) return null;
  // Only a unit the registry names counts: "GB-ENG" is far too wide to lean on.
  const { match: _, ...place } = best;
  return { name: best.name, country: home.country, admin1: home.admin1, lat: best.lat, lon: best.lon, regional: false, place };
}

function biggest(candidates: readonly PlaceCandidate[]): PlaceCandidate | null {
  let best: PlaceCandidate | null = null;
  for (const c of candidates) {
    const rank = c.population + (c.kind === 'city' ? 1 : 0);
    if (best === null || rank > best.population + (best.kind === 'city' ? 1 : 0)) best = c;
  }
  return best;
}
