/**
 * Where should a country or an admin-1 unit sit when a text names it as a place? This script
 * scores candidate conventions against each geoparsing gold set (gold toponyms, default weights),
 * on the mentions the resolver already puts in the right unit:
 *
 * - countries: GeoNames' point (what the gazetteer uses), the centroid of the whole territory and
 *   the centroid of its largest landmass (Natural Earth 1:50m polygons from the world-atlas
 *   package, spherical centroids by d3-geo);
 * - admin-1 units: the gazetteer's point and the middle of the unit's box (the box around its towns).
 *
 *   npx tsx scripts/geo-reference-points.ts <geoparsing folder or file>
 *
 * A mention counts when the resolver chose a country (or admin-1 unit) and the gold point lies
 * within 3,000 km of it (farther is another sense); it is a hit for a convention when the gold
 * point is within 161 km of that convention's point. docs/places-and-times.md has the figures.
 */
import { createRequire } from 'node:module';
import { geoArea, geoCentroid } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { isResolvableToponym, loadGeoDatasets } from '../src/eval/geoparsing.js';
import { prepareArticle } from '../src/eval/geo-eval.js';
import { distanceKm } from '../src/knowledge/gazetteer/distance.js';
import { loadGazetteer } from '../src/knowledge/gazetteer/gazetteer.js';
import { resolveGrouped } from '../src/nlp/places/resolve-places.js';

const ACC_KM = 161;
const SAME_SENSE_KM = 3000;
// Natural Earth gives a few small territories their sovereign's numeric code (Ashmore and
// Cartier Islands share Australia's 036); such a feature must not replace the country itself.
const SMALL_TERRITORY_STERADIANS = 1e-4;

const path = process.argv[2];
if (path === undefined) {
  console.error('usage: geo-reference-points.ts <geoparsing folder or file>');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const topology = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection }>;
const countries = require('world-countries') as ReadonlyArray<{ readonly ccn3: string; readonly cca3: string }>;
const iso3ByNumber = new Map(countries.map((c) => [c.ccn3, c.cca3]));

type Point = readonly [lat: number, lon: number];
type Shape = Feature<Polygon | MultiPolygon>;

function largestLandmass(shape: Shape): Polygon {
  const { geometry } = shape;
  const parts: Polygon[] =
    geometry.type === 'Polygon' ? [geometry] : geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
  return parts.reduce((best, p) => (geoArea(p) > geoArea(best) ? p : best));
}

const wholeCentroid = new Map<string, Point>();
const landmassCentroid = new Map<string, Point>();
const collection = feature(topology, topology.objects.countries) as FeatureCollection<Polygon | MultiPolygon>;
for (const shape of collection.features) {
  const iso3 = iso3ByNumber.get(String(shape.id).padStart(3, '0'));
  if (iso3 === undefined || shape.geometry === null) continue;
  if (wholeCentroid.has(iso3) && geoArea(shape) < SMALL_TERRITORY_STERADIANS) continue;
  const [lon, lat] = geoCentroid(shape);
  wholeCentroid.set(iso3, [lat, lon]);
  const [mlon, mlat] = geoCentroid(largestLandmass(shape));
  landmassCentroid.set(iso3, [mlat, mlon]);
}

const gazetteer = loadGazetteer();
const recordById = new Map(gazetteer.records.map((r) => [r.placeId, r]));
const within = (p: Point, lat: number, lon: number): boolean => distanceKm(p[0], p[1], lat, lon) <= ACC_KM;

for (const d of await loadGeoDatasets(path)) {
  const country = { n: 0, geonames: 0, whole: 0, landmass: 0 };
  const admin1 = { n: 0, point: 0, boxMiddle: 0 };
  for (const article of d.articles) {
    const prepared = prepareArticle(gazetteer, article, null);
    const resolved = resolveGrouped(prepared.grouped, { placeUnknownAtFocus: true, home: prepared.home });
    const bySpan = new Map(resolved.map((r) => [`${r.start}:${r.end}`, r]));
    for (const t of article.toponyms.filter(isResolvableToponym)) {
      const r = bySpan.get(`${t.start}:${t.end}`);
      const lat = t.lat!;
      const lon = t.lon!;
      if (r === undefined || distanceKm(r.lat, r.lon, lat, lon) > SAME_SENSE_KM) continue;
      if (r.precision === 'country' && r.country !== null) {
        const whole = wholeCentroid.get(r.country);
        const landmass = landmassCentroid.get(r.country);
        if (whole === undefined || landmass === undefined) continue;
        country.n += 1;
        if (within([r.lat, r.lon], lat, lon)) country.geonames += 1;
        if (within(whole, lat, lon)) country.whole += 1;
        if (within(landmass, lat, lon)) country.landmass += 1;
      }
      const record = recordById.get(r.placeId);
      if (r.precision === 'region' && record?.kind === 'admin1' && record.bbox !== undefined) {
        const [west, south, east, north] = record.bbox;
        admin1.n += 1;
        if (within([r.lat, r.lon], lat, lon)) admin1.point += 1;
        const middleLon = west <= east ? (west + east) / 2 : ((west + east + 360) / 2 + 180) % 360 - 180;
        if (within([(south + north) / 2, middleLon], lat, lon)) admin1.boxMiddle += 1;
      }
    }
  }
  console.log(
    `${d.name}: countries=${country.n} within ${ACC_KM} km of GeoNames' point=${country.geonames} ` +
      `territory centroid=${country.whole} largest-landmass centroid=${country.landmass}`,
  );
  console.log(`${d.name}: admin-1 units=${admin1.n} within ${ACC_KM} km of the gazetteer's point=${admin1.point} box middle=${admin1.boxMiddle}`);
}
