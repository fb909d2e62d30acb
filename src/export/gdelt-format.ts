import { baseCode, goldstein, quadClass, rootCode } from './cameo-names.js';
import { countryAlpha2, countryName } from './country-names.js';
import type { ExportFormat, FieldDescription, FormatOptions, FormatOutput } from './export-format.js';
import { articleIdsOf, type ExportActor, type ExportPlace, type ExportRow, isoFirstDay } from './export-row.js';

/**
 * A tab-separated file shaped like GDELT 1.0 events: GDELT's column names and order, a subset
 * of its columns (no tone, no actor religion or ethnicity, no actor geography), our ids.
 */

export const GDELT_FIELDS: readonly FieldDescription[] = [
  { name: 'GlobalEventID', description: 'our record id (r_…) or event id (e_…), not a GDELT number' },
  { name: 'Day', description: 'YYYYMMDD; the first day of a month or year when only that is known; empty when undated' },
  { name: 'Actor1Code', description: 'CAMEO actor code of the first source actor' },
  { name: 'Actor1Name', description: 'name of the first source actor' },
  { name: 'Actor1CountryCode', description: 'ISO 3166-1 alpha-3 of the first source actor (CAMEO country codes are mostly the same)' },
  { name: 'Actor2Code', description: 'CAMEO actor code of the first target actor' },
  { name: 'Actor2Name', description: 'name of the first target actor' },
  { name: 'Actor2CountryCode', description: 'ISO 3166-1 alpha-3 of the first target actor' },
  { name: 'IsRootEvent', description: '1 when the (first) report states it in the first paragraph of its article, else 0' },
  { name: 'EventCode', description: 'CAMEO event code' },
  { name: 'EventBaseCode', description: 'its three-digit level' },
  { name: 'EventRootCode', description: 'its two-digit root' },
  { name: 'QuadClass', description: '1 verbal cooperation (roots 01–05), 2 material cooperation (06–09), 3 verbal conflict (10–14), 4 material conflict (15–20)' },
  { name: 'GoldsteinScale', description: "Goldstein score of the code from Dossier's CAMEO table (src/knowledge/events/cameo-codes.json), inherited from the parent code when the code has none" },
  { name: 'NumMentions', description: 'event mentions behind the row' },
  { name: 'NumSources', description: 'distinct outlets' },
  { name: 'NumArticles', description: 'distinct articles' },
  { name: 'ActionGeo_Type', description: "GDELT's scale: 1 country, 2 US state, 3 US city, 4 world city (also sites and districts), 5 world state (first-level division, or a named area)" },
  { name: 'ActionGeo_FullName', description: 'place name, then its country name' },
  { name: 'ActionGeo_CountryCode', description: 'ISO 3166-1 alpha-2 (GDELT writes FIPS 10-4, which differs for some countries)' },
  { name: 'ActionGeo_ADM1Code', description: 'ISO 3166-2 code ("IQ-KI"; GDELT writes FIPS country + FIPS ADM1)' },
  { name: 'ActionGeo_Lat', description: 'latitude' },
  { name: 'ActionGeo_Long', description: 'longitude' },
  { name: 'ActionGeo_FeatureID', description: 'GeoNames id of the place, when known' },
  { name: 'SOURCEURL', description: 'URL of the first report, or its Dossier article id when the article has no URL' },
];

function geoType(p: ExportPlace): number {
  const us = p.country === 'USA';
  switch (p.precision) {
    case 'country':
      return 1;
    case 'region':
    case 'area':
      return us ? 2 : 5;
    default:
      return us ? 3 : 4;
  }
}

const cell = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' '));

const actorCells = (a: ExportActor | undefined): string[] => [cell(a?.cameo), cell(a?.name), cell(a?.country)];

export function gdeltValues(r: ExportRow): string[] {
  const p = r.place;
  const first = r.mentions[0];
  return [
    r.id,
    isoFirstDay(r.date).replace(/-/g, ''),
    ...actorCells(r.source[0]),
    ...actorCells(r.target[0]),
    first?.lead ? '1' : '0',
    r.code,
    baseCode(r.code),
    rootCode(r.code),
    cell(quadClass(r.code)),
    cell(goldstein(r.code)),
    String(r.mentions.length),
    String(new Set(r.mentions.map((m) => m.outlet).filter((o) => o !== null)).size),
    String(articleIdsOf(r).length),
    p ? String(geoType(p)) : '0',
    p ? cell([p.name, p.precision === 'country' ? '' : countryName(p.country)].filter(Boolean).join(', ')) : '',
    p ? countryAlpha2(p.country) : '',
    cell(p?.admin1),
    cell(p?.lat),
    cell(p?.lon),
    cell(p?.geonamesId),
    cell(first ? (first.url ?? first.articleId) : ''),
  ].map(cell);
}

export function renderGdelt(rows: readonly ExportRow[], options: FormatOptions): FormatOutput {
  const header = options.header ? `${GDELT_FIELDS.map((f) => f.name).join('\t')}\n` : '';
  return { text: header + rows.map((r) => `${gdeltValues(r).join('\t')}\n`).join(''), written: rows.length, leftOut: {} };
}

export const gdeltFormat: ExportFormat = { name: 'gdelt', extension: 'tsv', mediaType: 'text/tab-separated-values', fields: GDELT_FIELDS, render: renderGdelt };
