/**
 * Place resolution errors on the geoparsing gold sets (gold toponyms), by kind: what `eval geo`
 * counts as a miss at 161 km, taken apart so a fix can aim at a cause rather than at names.
 *
 *   npx tsx scripts/geo-resolution-errors.ts <geoparsing folder or file> [--show kind] [--limit n]
 *
 * A miss is one of:
 * - reference-point: the resolver chose a country, admin-1 unit or area, and the gold point lies
 *   in it (inside its box, or, for a country, nearest to one of its towns). The place is right;
 *   the corpus puts it at another point (Wikipedia's centre, not GeoNames').
 * - area-point: the resolver chose an area with no box to test (an ocean, a continent).
 * - other-sense: another place of that name, or a place that does not hold the gold point.
 * - placed-at-main: a name the gazetteer lacks, placed at the article's main place.
 * - unresolved: no answer.
 * The last line per corpus gives acc@161 as scored, as it would be if every reference-point
 * miss counted (how much of the gap is a convention of the gold rather than a wrong place), and
 * the most a resolver can score while it puts a country, unit or area at the gazetteer's point:
 * every other miss fixed.
 *
 * --show prints the misses of one kind with the place chosen (for reading, not for committing).
 */
import { isResolvableToponym, loadGeoDatasets } from '../src/eval/geoparsing.js';
import { prepareArticle } from '../src/eval/geo-eval.js';
import { distanceKm } from '../src/knowledge/gazetteer/distance.js';
import { type Gazetteer, loadGazetteer, type PlaceRecord } from '../src/knowledge/gazetteer/gazetteer.js';
import { type ResolvedPlace, resolveGrouped } from '../src/nlp/places/resolve-places.js';
import type { BoundingBox } from '../src/text/document.js';
import { errorListingArgs } from './error-listing-args.js';

const { path, show, limit } = errorListingArgs('geo-resolution-errors.ts');

const ACC_KM = 161;
// A gold point counts as inside a country when its nearest town is that country's (the far
// north of Canada has few towns, hence the reach).
const NEAREST_TOWN_KM = 600;

const gazetteer = loadGazetteer();
const towns = gazetteer.records.filter((r) => r.kind === 'city' && r.population > 0 && r.country !== null);

function insideBox(box: BoundingBox, lat: number, lon: number): boolean {
  const [west, south, east, north] = box;
  if (lat < south || lat > north) return false;
  return west <= east ? lon >= west && lon <= east : lon >= west || lon <= east;
}

function nearestTownCountry(lat: number, lon: number): string | null {
  let best: PlaceRecord | null = null;
  let bestKm = Number.POSITIVE_INFINITY;
  for (const t of towns) {
    // A cheap filter before the great-circle distance: a degree of latitude is 111 km.
    if (Math.abs(t.lat - lat) > 6) continue;
    const d = distanceKm(lat, lon, t.lat, t.lon);
    if (d < bestKm) {
      bestKm = d;
      best = t;
    }
  }
  return best !== null && bestKm <= NEAREST_TOWN_KM ? best.country : null;
}

function missKind(g: Gazetteer, r: ResolvedPlace | undefined, lat: number, lon: number): string {
  if (r === undefined) return 'unresolved';
  if (r.reason.startsWith('unknown name')) return 'placed-at-main';
  const record = g.records.find((x) => x.placeId === r.placeId.replace(/#.*$/, ''));
  const box = r.bbox ?? record?.bbox;
  const unit = r.precision === 'country' || r.precision === 'region' || r.precision === 'area';
  if (!unit) return 'other-sense';
  if (box !== undefined) return insideBox(box, lat, lon) ? `reference-point/${r.precision}` : 'other-sense';
  if (r.precision === 'country' && r.country !== null) {
    return nearestTownCountry(lat, lon) === r.country ? 'reference-point/country' : 'other-sense';
  }
  return r.precision === 'area' ? 'area-point' : 'other-sense';
}

const datasets = await loadGeoDatasets(path);
let shown = 0;
for (const d of datasets) {
  const kinds = new Map<string, number>();
  let scored = 0;
  let hits = 0;
  for (const article of d.articles) {
    const prepared = prepareArticle(gazetteer, article, null);
    const resolved = resolveGrouped(prepared.grouped, { placeUnknownAtFocus: true, home: prepared.home });
    const bySpan = new Map(resolved.map((r) => [`${r.start}:${r.end}`, r]));
    for (const t of article.toponyms.filter(isResolvableToponym)) {
      scored += 1;
      const r = bySpan.get(`${t.start}:${t.end}`);
      if (r !== undefined && distanceKm(r.lat, r.lon, t.lat!, t.lon!) <= ACC_KM) {
        hits += 1;
        continue;
      }
      const kind = missKind(gazetteer, r, t.lat!, t.lon!);
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      if (show !== undefined && (kind === show || kind.startsWith(`${show}/`)) && shown < limit) {
        shown += 1;
        const km = r === undefined ? '-' : Math.round(distanceKm(r.lat, r.lon, t.lat!, t.lon!));
        console.log(`  ${d.name} ${kind}: "${t.name}" gold ${t.lat},${t.lon} → ${r?.name ?? '-'} (${r?.placeId ?? ''}) ${km} km`);
      }
    }
  }
  const misses = scored - hits;
  const referencePoint = [...kinds].filter(([k]) => k.startsWith('reference-point')).reduce((n, [, v]) => n + v, 0);
  const parts = [...kinds].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}=${v}`);
  console.log(`${d.name}: toponyms=${scored} misses=${misses} ${parts.join(' ')}`);
  console.log(
    `${d.name}: acc161=${(hits / scored).toFixed(4)} counting reference-point misses as right=${((hits + referencePoint) / scored).toFixed(4)} ` +
      `ceiling at the gazetteer's points=${((scored - referencePoint) / scored).toFixed(4)}`,
  );
}
