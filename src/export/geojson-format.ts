import { cameoName } from './cameo-names.js';
import { countryName } from './country-names.js';
import type { ExportFormat, FieldDescription, FormatOptions, FormatOutput } from './export-format.js';
import { acledGeoPrecision, acledTimePrecision, articleIdsOf, disputeSummary, type ExportRow, fatalitiesOf, isoFirstDay } from './export-row.js';

/**
 * A FeatureCollection of points. Properties are flat scalars (lists joined with "; ") because
 * QGIS and most GIS tools turn each property into one attribute column.
 */

export const GEOJSON_FIELDS: readonly FieldDescription[] = [
  { name: 'id', description: 'record id (r_…) or event id (e_…); also the feature id' },
  { name: 'record_id', description: 'the record the row is or belongs to' },
  { name: 'event_date', description: 'YYYY-MM-DD, first day of a month or year' },
  { name: 'date', description: 'the date as stored: YYYY, YYYY-MM or YYYY-MM-DD' },
  { name: 'time_precision', description: '1 day, 2 about a week, 3 month or coarser' },
  { name: 'cameo_code', description: 'CAMEO event code' },
  { name: 'cameo_name', description: 'CAMEO code name' },
  { name: 'plover_type', description: 'PLOVER event type' },
  { name: 'actor1', description: 'source actors, "; "-separated' },
  { name: 'actor2', description: 'target actors, "; "-separated' },
  { name: 'location', description: 'place name' },
  { name: 'place_id', description: 'Dossier place id (gn:<GeoNames id>, adm1:…, site:…)' },
  { name: 'geonames_id', description: 'GeoNames feature id, when known' },
  { name: 'place_precision', description: 'site, city, district, region, country or area' },
  { name: 'geo_precision', description: '1 town or site, 2 near a town or part of a region, 3 province or country: filter on geo_precision < 3 to drop country centroids' },
  { name: 'country', description: 'country name' },
  { name: 'country_code', description: 'ISO 3166-1 alpha-3' },
  { name: 'admin1', description: 'ISO 3166-2 code' },
  { name: 'source', description: 'outlets, "; "-separated' },
  { name: 'independent_outlets', description: 'independent witnesses of the record' },
  { name: 'disputed', description: 'the reports contradict each other' },
  { name: 'dispute', description: 'what is disputed and who says what' },
  { name: 'fatalities', description: 'stated killed (lowest when reports differ); null when unknown' },
  { name: 'mention_count', description: 'event mentions in the record' },
  { name: 'article_ids', description: 'articles, "; "-separated' },
  { name: 'evidence', description: 'the evidence sentence of the first report' },
];

function properties(r: ExportRow): Record<string, string | number | boolean | null> {
  const p = r.place!;
  return {
    id: r.id,
    record_id: r.recordId,
    event_date: isoFirstDay(r.date) || null,
    date: r.date,
    time_precision: acledTimePrecision(r.date, r.datePrecision),
    cameo_code: r.code,
    cameo_name: cameoName(r.code),
    plover_type: r.plover,
    actor1: r.source.map((a) => a.name).join('; '),
    actor2: r.target.map((a) => a.name).join('; '),
    location: p.name,
    place_id: p.id,
    geonames_id: p.geonamesId,
    place_precision: p.precision,
    geo_precision: acledGeoPrecision(p),
    country: countryName(p.country) || null,
    country_code: p.country,
    admin1: p.admin1,
    source: r.outlets.join('; '),
    independent_outlets: r.independentOutlets,
    disputed: r.disputed,
    dispute: disputeSummary(r.contradictions) || null,
    fatalities: fatalitiesOf(r),
    mention_count: r.mentionCount,
    article_ids: articleIdsOf(r).join('; '),
    evidence: r.mentions[0]?.evidence.replace(/\s+/g, ' ').trim() ?? null,
  };
}

export function renderGeojson(rows: readonly ExportRow[], options: FormatOptions): FormatOutput {
  const placed = rows.filter((r) => r.place !== null);
  const features = placed.map((r) => ({
    type: 'Feature',
    id: r.id,
    // RFC 7946: longitude first.
    geometry: { type: 'Point', coordinates: [r.place!.lon, r.place!.lat] },
    properties: properties(r),
  }));
  const collection = { type: 'FeatureCollection', name: options.title ?? `dossier-${options.level}`, features };
  return { text: `${JSON.stringify(collection, null, 1)}\n`, written: placed.length, leftOut: rows.length > placed.length ? { noPlace: rows.length - placed.length } : {} };
}

export const geojsonFormat: ExportFormat = { name: 'geojson', extension: 'geojson', mediaType: 'application/geo+json', fields: GEOJSON_FIELDS, render: renderGeojson };
