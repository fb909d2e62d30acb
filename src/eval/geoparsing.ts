import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { InputError } from '../errors.js';
import type { Span } from '../text/document.js';

/**
 * Loaders for the four geoparsing gold formats (GeoWebNews, LGL, TR-News, GeoVirus). Each
 * file becomes articles with gold toponym spans checked against the text; the upstream
 * offset quirks (TR-News drift, GeoVirus off-by-one, GWN title annotations) are repaired
 * here so the scorer sees exact spans only.
 */

export type GeoFormat = 'gwn' | 'lgl' | 'geovirus';

export interface GoldToponym extends Span {
  readonly name: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geonamesId: number | null;
  /** GeoWebNews pragmatic type ("Literal", "Metonymic", ...); null in the other formats. */
  readonly gwnType: string | null;
}

export interface GeoArticle {
  readonly id: string;
  readonly text: string;
  readonly toponyms: readonly GoldToponym[];
  /** Where the article was published: its web domain or URL when the file gives one. */
  readonly source: string | null;
}

export interface GeoDataset {
  /** "GWN", "LGL", "TR-News", "GeoVirus", or the file's base name. */
  readonly name: string;
  readonly format: GeoFormat;
  readonly articles: readonly GeoArticle[];
  /** Annotations dropped because their span could not be found in the text. */
  readonly dropped: number;
}

/** GWN types that are not place names at all: augmentation context words and host names. */
const GWN_NOT_TOPONYM = new Set(['Non_Toponym', 'Literal_Expression', 'Non_Lit_Expression']);
/** GWN types that name a place-derived word rather than a place, never given coordinates. */
const GWN_NOT_PLACE_NAME = new Set(['Demonym', 'Language', 'Homonym']);

/** True for gold spans that count as toponyms for recognition scoring. */
export function isRecognizableToponym(t: GoldToponym): boolean {
  return t.gwnType === null || !(GWN_NOT_TOPONYM.has(t.gwnType) || GWN_NOT_PLACE_NAME.has(t.gwnType));
}

/** True for gold toponyms that carry a place to score resolution against. */
export function isResolvableToponym(t: GoldToponym): boolean {
  return t.lat !== null && t.lon !== null && (t.gwnType === null || !GWN_NOT_TOPONYM.has(t.gwnType));
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['article', 'toponym', 'location'].includes(name),
});

type XmlNode = { readonly [key: string]: unknown };

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nodes(value: unknown): XmlNode[] {
  return Array.isArray(value) ? value.filter(isNode) : isNode(value) ? [value] : [];
}

// A leaf's text: a plain string, or the '#text' of an element that also has attributes.
function leaf(node: XmlNode | undefined, key: string): string {
  const value = node?.[key];
  if (typeof value === 'string') return value;
  if (isNode(value) && typeof value['#text'] === 'string') return value['#text'];
  return '';
}

function numberOrNull(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** Reads a file or every *.xml file in a folder (recursively). */
export async function loadGeoDatasets(path: string): Promise<GeoDataset[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [parseGeoDataset(await readFile(path, 'utf8'), basename(path))];
  const datasets: GeoDataset[] = [];
  for (const entry of (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) datasets.push(...(await loadGeoDatasets(child)));
    else if (entry.name.endsWith('.xml')) datasets.push(parseGeoDataset(await readFile(child, 'utf8'), entry.name));
  }
  return datasets;
}

/** Parses one gold file; the format is told by its elements, the dataset name by the file name. */
export function parseGeoDataset(xml: string, fileName: string): GeoDataset {
  const root = parser.parse(xml) as XmlNode;
  const articlesNode = root.articles;
  if (!isNode(articlesNode)) throw new InputError('DOSSIER_INPUT_BAD_XML', { file: fileName }, 'no <articles> root');
  const raw = nodes(articlesNode.article);
  const format = detectFormat(raw);
  let dropped = 0;
  const articles = raw.map((node, index) => {
    const read = format === 'gwn' ? readGwn(node, index) : format === 'geovirus' ? readGeoVirus(node, index) : readLgl(node, index);
    dropped += read.dropped;
    return read.article;
  });
  return { name: datasetName(fileName, format), format, articles, dropped };
}

function detectFormat(articles: readonly XmlNode[]): GeoFormat {
  const first = articles[0];
  if (first === undefined) return 'lgl';
  if ('locations' in first) return 'geovirus';
  if ('@file' in first) return 'gwn';
  return 'lgl';
}

function datasetName(fileName: string, format: GeoFormat): string {
  if (/tr-?news/i.test(fileName)) return 'TR-News';
  if (/lgl/i.test(fileName)) return 'LGL';
  if (/gwn|geowebnews/i.test(fileName)) return 'GWN';
  if (/geovirus/i.test(fileName)) return 'GeoVirus';
  return format === 'gwn' ? 'GWN' : format === 'geovirus' ? 'GeoVirus' : fileName.replace(/\.xml$/, '');
}

interface ReadArticle {
  readonly article: GeoArticle;
  readonly dropped: number;
}

function readGwn(node: XmlNode, index: number): ReadArticle {
  const text = leaf(node, 'text');
  const toponyms: GoldToponym[] = [];
  let dropped = 0;
  const container = node.toponyms;
  for (const t of isNode(container) ? nodes(container.toponym) : []) {
    const start = Number(leaf(t, 'start'));
    const end = Number(leaf(t, 'end'));
    const name = leaf(t, 'extractedName');
    // Negative offsets point into the title, which is not part of the text.
    if (!(start >= 0 && end > start)) continue;
    const span = findSpan(text, name, start, 0, 0);
    if (span === null) {
      dropped += 1;
      continue;
    }
    toponyms.push({
      ...span,
      name,
      lat: numberOrNull(leaf(t, 'latitude')),
      lon: numberOrNull(leaf(t, 'longitude')),
      geonamesId: numberOrNull(leaf(t, 'geonamesID')),
      gwnType: leaf(t, 'type').trim() || null,
    });
  }
  return { article: { id: String(node['@file'] ?? index), text, toponyms, source: leaf(node, 'link').trim() || null }, dropped };
}

function readLgl(node: XmlNode, index: number): ReadArticle {
  const text = leaf(node, 'text');
  const toponyms: GoldToponym[] = [];
  let dropped = 0;
  const container = node.toponyms;
  for (const t of isNode(container) ? nodes(container.toponym) : []) {
    const name = leaf(t, 'phrase');
    // TR-News offsets drift up to 10 characters to the right; the phrase is found earlier.
    const span = findSpan(text, name, Number(leaf(t, 'start')), 10, 0);
    if (span === null) {
      dropped += 1;
      continue;
    }
    const gaztag = isNode(t.gaztag) ? t.gaztag : undefined;
    toponyms.push({
      ...span,
      name,
      lat: gaztag === undefined ? null : numberOrNull(leaf(gaztag, 'lat')),
      lon: gaztag === undefined ? null : numberOrNull(leaf(gaztag, 'lon')),
      geonamesId: gaztag === undefined ? null : numberOrNull(String(gaztag['@geonameid'] ?? '')),
      gwnType: null,
    });
  }
  const source = leaf(node, 'domain').trim() || leaf(node, 'url').trim() || null;
  return { article: { id: String(leaf(node, 'docid') || node['@docid'] || index), text, toponyms, source }, dropped };
}

function readGeoVirus(node: XmlNode, index: number): ReadArticle {
  const text = leaf(node, 'text');
  const toponyms: GoldToponym[] = [];
  let dropped = 0;
  const container = node.locations;
  for (const t of isNode(container) ? nodes(container.location) : []) {
    const name = leaf(t, 'name');
    // GeoVirus offsets are one to the right of the name; accept an exact one too.
    const span = findSpan(text, name, Number(leaf(t, 'start')) - 1, 0, 1);
    if (span === null) {
      dropped += 1;
      continue;
    }
    toponyms.push({
      ...span,
      name,
      lat: numberOrNull(leaf(t, 'lat')),
      lon: numberOrNull(leaf(t, 'lon')),
      geonamesId: null,
      gwnType: null,
    });
  }
  const source = leaf(node, 'source').trim();
  return { article: { id: `${source}#${index}`, text, toponyms, source: source || null }, dropped };
}

// The span of `name` at `start`, or up to `back` characters before / `ahead` after it.
function findSpan(text: string, name: string, start: number, back: number, ahead: number): Span | null {
  if (name === '' || !Number.isFinite(start)) return null;
  for (let shift = 0; shift <= Math.max(back, ahead); shift += 1) {
    for (const at of [start - shift, start + shift]) {
      if ((at < start && shift > back) || (at > start && shift > ahead) || at < 0) continue;
      if (text.startsWith(name, at)) return { start: at, end: at + name.length };
    }
  }
  return null;
}
