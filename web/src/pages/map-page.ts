import { type GeoPermissibleObjects, type GeoProjection, geoBounds, geoCircle, geoContains, geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPoint } from 'geojson';
import Supercluster from 'supercluster';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world110Url from 'world-atlas/countries-110m.json?url';
import world50Url from 'world-atlas/countries-50m.json?url';
import { type EventWording, eventSentence } from '../../../src/records/event-sentence.js';
import { api } from '../api-client.js';
import type { EventRecord, PlaceSummary } from '../api-types.js';
import { boxPolygon } from '../box-polygon.js';
import { denseRange } from '../dense-range.js';
import { clear, empty, h, link, path, s, withQuery } from '../dom.js';
import { PLOVER_TYPES } from '../plover.js';
import type { RouteContext } from '../router.js';
import { filterForm, OUT_OF_VIEW, outOfViewSection, ploverBadge, recordFields, sentenceView } from '../widgets.js';

const W = 900;
const H = 520;
const LIMIT = 500;
const MAX_LABELS = 30;
/** Drawn as pins (and clustered); coarser places are drawn as areas, never as a precise point. */
const POINT_PRECISIONS = new Set(['site', 'city', 'district']);
/** Radius in degrees of the circle that stands for a region or a wider area. */
const AREA_RADIUS: Record<string, number> = { region: 1.2, area: 3 };

type Bbox = [number, number, number, number];


interface World {
  readonly features: Array<Feature<Geometry>>;
  /** Each country's [[west, south], [east, north]], so a point test skips the countries far away. */
  readonly bounds: Array<[[number, number], [number, number]]>;
}

/** Views narrower than this many degrees of longitude get the 1:50m shapes; wider ones the 1:110m (7 times lighter). */
const DETAIL_BELOW_DEGREES = 40;

const worlds = new Map<string, Promise<World>>();
const loadWorld = (url: string): Promise<World> => {
  const cached = worlds.get(url);
  if (cached) return cached;
  const world = fetch(url)
    .then((r) => r.json() as Promise<Topology>)
    .then((t) => {
      const features = (feature(t, t.objects.countries as GeometryCollection) as FeatureCollection<Geometry>).features;
      return { features, bounds: features.map((f) => geoBounds(f)) };
    });
  worlds.set(url, world);
  return world;
};

const inBounds = ([[w, s], [e, n]]: [[number, number], [number, number]], lon: number, lat: number): boolean =>
  lat >= s && lat <= n && (w <= e ? lon >= w && lon <= e : lon >= w || lon <= e);

/** The country shape holding a point; geoContains is exact but slow on 50m shapes, so the bounds go first. */
const countryAt = (w: World, lon: number, lat: number): Feature<Geometry> | undefined =>
  w.features.find((c, i) => inBounds(w.bounds[i]!, lon, lat) && geoContains(c, [lon, lat]));

const parseBbox = (v: string | null): Bbox | null => {
  const n = (v ?? '').split(',').map(Number);
  return n.length === 4 && n.every(Number.isFinite) && n[0]! < n[2]! && n[1]! < n[3]! ? (n as Bbox) : null;
};

/** Where most places are, padded; a lone far-away mention stays off the first view ("world" shows it). */
export function defaultBbox(places: readonly { lat: number; lon: number }[]): Bbox {
  const lons = denseRange(places.map((p) => p.lon), 8);
  const lats = denseRange(places.map((p) => p.lat), 6);
  if (!lons || !lats) return WORLD;
  const pad = 2;
  return [Math.max(-180, lons[0] - pad), Math.max(-85, lats[0] - pad), Math.min(180, lons[1] + pad), Math.min(85, lats[1] + pad)];
}

const WORLD: Bbox = [-170, -60, 180, 80];

const fmt = (x: number): string => x.toFixed(2);

export async function mapPage(ctx: RouteContext): Promise<Node> {
  const q = ctx.query;
  const unplacedQuery = { placed: 'false', from: q.get('from'), to: q.get('to'), plover: q.get('plover') };
  // The records come after the map: the places are what it draws, the records what a click on
  // one lists. Asked for at once, they are not waited for (the costliest of the page's answers).
  const records = api.records({ from: q.get('from'), to: q.get('to'), plover: q.get('plover'), limit: LIMIT });
  // The world's shapes load with the data, not after it: the wide view's (the usual one) is asked
  // for now; a narrow view asks for the detailed ones once the places say so. A failure is told
  // where the shapes are awaited.
  if (!q.get('view') && !q.get('focus')) void loadWorld(world110Url).catch(() => undefined);
  const [places, unplaced] = await Promise.all([
    api.places({ name: q.get('name'), country: q.get('country'), precision: q.get('precision'), limit: LIMIT }),
    // What the map cannot draw: events with no place, listed under it.
    api.events({ ...unplacedQuery, limit: OUT_OF_VIEW.first }),
  ]);
  const focus = places.items.find((p) => p.id === q.get('focus')) ?? null;
  const bbox = parseBbox(q.get('view')) ?? (focus ? ([focus.lon - 6, focus.lat - 4, focus.lon + 6, focus.lat + 4] as Bbox) : defaultBbox(places.items));
  const countries = await loadWorld(bbox[2] - bbox[0] < DETAIL_BELOW_DEGREES ? world50Url : world110Url);
  const corners: MultiPoint = { type: 'MultiPoint', coordinates: [[bbox[0], bbox[1]], [bbox[2], bbox[3]], [bbox[0], bbox[3]], [bbox[2], bbox[1]]] };
  const projection = geoNaturalEarth1().fitExtent([[12, 12], [W - 12, H - 12]], corners);
  const draw = geoPath(projection);
  // Records by the place their reports agree on (null until they come); a click on a place lists them, each opening its record page.
  let eventsByPlace: Map<string, EventRecord[]> | null = null;

  const panel = h('aside', { class: 'card map-panel', 'data-testid': 'map-panel' }, empty('Click a marker or an area to see its places, event records and articles.'));
  let selected: readonly PlaceSummary[] | null = null;
  const select = (list: readonly PlaceSummary[]): void => {
    selected = list;
    clear(panel);
    panel.appendChild(placePanel(list, eventsByPlace, ctx.wording));
  };
  const areaTitles: Array<{ title: SVGTitleElement; place: PlaceSummary }> = [];
  const areaTitle = (p: PlaceSummary): string => `${p.name} (${p.precision}): ${p.mentions} mentions${eventsByPlace ? `, ${eventsByPlace.get(p.id)?.length ?? 0} event records` : ''}`;

  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map-svg', role: 'img', 'aria-label': 'map of places and events' });
  svg.appendChild(s('path', { d: draw({ type: 'Sphere' }) ?? '', class: 'sphere' }));
  const land = s('g', { class: 'countries' });
  for (const c of countries.features) land.appendChild(s('path', { d: draw(c) ?? '', class: 'country' }));
  svg.appendChild(land);

  // Only the most mentioned places get a name on the map, or a big store's labels would bury it.
  const labelled = new Set([...places.items].sort((a, b) => b.mentions - a.mentions).slice(0, MAX_LABELS).map((p) => p.id));
  const areas = s('g', { class: 'areas' });
  const labels = s('g', { class: 'labels' });
  const points: PlaceSummary[] = [];
  for (const p of places.items) {
    if (POINT_PRECISIONS.has(p.precision)) {
      points.push(p);
      continue;
    }
    const shape: GeoPermissibleObjects | undefined =
      p.precision === 'country'
        ? (countryAt(countries, p.lon, p.lat) ?? geoCircle().center([p.lon, p.lat]).radius(2)())
        : p.bbox
          ? boxPolygon(p.bbox)
          : geoCircle().center([p.lon, p.lat]).radius(AREA_RADIUS[p.precision] ?? 1.5)();
    const d = draw(shape);
    if (!d) continue;
    const title = s('title', {}, areaTitle(p));
    areaTitles.push({ title, place: p });
    const area = s('path', { d, class: `area area-${p.precision === 'country' ? 'country' : 'region'}${focus?.id === p.id ? ' focused' : ''}`, 'data-place': p.id, tabindex: 0 }, title);
    area.addEventListener('click', () => select([p]));
    areas.appendChild(area);
    const xy = projection([p.lon, p.lat]);
    if (xy && labelled.has(p.id)) labels.appendChild(s('text', { x: xy[0], y: xy[1], class: `area-label${p.precision === 'country' ? ' country-label' : ''}`, 'text-anchor': 'middle' }, p.name));
  }
  svg.appendChild(areas);
  svg.appendChild(markersLayer(points, projection, bbox, focus, select, labelled));
  svg.appendChild(labels);

  const zoom = (factor: number): void => {
    const [cx, cy] = [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2];
    const [hw, hh] = [((bbox[2] - bbox[0]) * factor) / 2, ((bbox[3] - bbox[1]) * factor) / 2];
    ctx.setQuery({ view: [cx - hw, Math.max(-85, cy - hh), cx + hw, Math.min(85, cy + hh)].map(fmt).join(',') });
  };
  const pan = (dx: number, dy: number): void => {
    const [w, hgt] = [bbox[2] - bbox[0], bbox[3] - bbox[1]];
    ctx.setQuery({ view: [bbox[0] + dx * w, bbox[1] + dy * hgt, bbox[2] + dx * w, bbox[3] + dy * hgt].map(fmt).join(',') });
  };
  const placed = `${places.items.length} places (${points.length} as markers, ${places.items.length - points.length} as areas)`;
  const counts = h('span', { class: 'muted', 'data-testid': 'map-counts' }, `${placed}; event records loading…`);
  void records.then(
    (found) => {
      const byPlace = new Map<string, EventRecord[]>();
      for (const e of found.items) if (e.place?.id) byPlace.set(e.place.id, [...(byPlace.get(e.place.id) ?? []), e]);
      eventsByPlace = byPlace;
      counts.textContent = `${placed}; ${found.items.length} event records`;
      for (const { title, place } of areaTitles) title.textContent = areaTitle(place);
      if (selected) select(selected);
    },
    (err: unknown) => {
      counts.textContent = `${placed}; the event records could not be loaded (${err instanceof Error ? err.message : String(err)})`;
    },
  );
  if (focus) requestAnimationFrame(() => select([focus]));
  return h(
    'div',
    { class: 'page map' },
    h('h1', {}, 'Map'),
    filterForm(ctx, [
      { name: 'name', label: 'Place name' },
      { name: 'country', label: 'Country (ISO3)', placeholder: 'IRQ' },
      { name: 'precision', label: 'Precision', type: 'select', options: ['site', 'city', 'district', 'region', 'country', 'area'] },
      { name: 'plover', label: 'Event type', type: 'select', options: PLOVER_TYPES },
      { name: 'from', label: 'Events from', type: 'date' },
      { name: 'to', label: 'to', type: 'date' },
    ]),
    h(
      'div',
      { class: 'toolbar' },
      h('button', { type: 'button', class: 'secondary', onclick: () => zoom(0.5) }, 'zoom in'),
      h('button', { type: 'button', class: 'secondary', onclick: () => zoom(2) }, 'zoom out'),
      h('button', { type: 'button', class: 'secondary', onclick: () => pan(-0.3, 0) }, '←'),
      h('button', { type: 'button', class: 'secondary', onclick: () => pan(0.3, 0) }, '→'),
      h('button', { type: 'button', class: 'secondary', onclick: () => pan(0, 0.3) }, '↑'),
      h('button', { type: 'button', class: 'secondary', onclick: () => pan(0, -0.3) }, '↓'),
      h('button', { type: 'button', class: 'secondary', onclick: () => ctx.setQuery({ view: null, focus: null }) }, 'fit'),
      h('button', { type: 'button', class: 'secondary', onclick: () => ctx.setQuery({ view: WORLD.join(','), focus: null }) }, 'world'),
      counts,
    ),
    h(
      'div',
      { class: 'map-layout' },
      h('div', { class: 'card map-canvas' }, svg, h('p', { class: 'legend muted' }, 'Circles: towns and sites, clustered (the number is how many places). Shaded shapes: a country or region named without a precise place.')),
      panel,
    ),
    outOfViewSection('Not placed', 'unplaced-events', 'Events whose reports name no place the gazetteer knows: not on the map, listed here.', unplaced, ctx.wording, (offset, limit) =>
      api.events({ ...unplacedQuery, offset, limit }),
    ),
  );
}

interface PointProps {
  place: PlaceSummary;
}

function markersLayer(
  points: readonly PlaceSummary[],
  projection: GeoProjection,
  bbox: Bbox,
  focus: PlaceSummary | null,
  select: (list: readonly PlaceSummary[]) => void,
  labelled: ReadonlySet<string>,
): SVGGElement {
  const layer = s('g', { class: 'markers' });
  const index = new Supercluster<PointProps>({ radius: 48, maxZoom: 16 });
  index.load(points.map((place): Feature<{ type: 'Point'; coordinates: number[] }, PointProps> => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [place.lon, place.lat] }, properties: { place } })));
  // The web-mercator zoom whose pixels per degree match this view, so clusters split as you zoom.
  const a = projection([(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2]);
  const b = projection([(bbox[0] + bbox[2]) / 2 + 1, (bbox[1] + bbox[3]) / 2]);
  const pxPerDegree = a && b ? Math.abs(b[0] - a[0]) : 1;
  const zoom = Math.max(0, Math.min(16, Math.floor(Math.log2((pxPerDegree * 360) / 256))));
  for (const c of index.getClusters([-180, -85, 180, 85], zoom)) {
    const [lon, lat] = c.geometry.coordinates as [number, number];
    const xy = projection([lon, lat]);
    if (!xy) continue;
    const props = c.properties as Partial<PointProps> & { cluster?: boolean; cluster_id?: number; point_count?: number };
    const members = props.cluster && props.cluster_id !== undefined ? index.getLeaves(props.cluster_id, Infinity).map((l) => l.properties.place) : props.place ? [props.place] : [];
    const count = members.length;
    const label = count === 1 ? members[0]!.name : `${count} places: ${members.map((m) => m.name).join(', ')}`;
    const g = s(
      'g',
      { class: `marker${count > 1 ? ' cluster' : ''}${members.some((m) => m.id === focus?.id) ? ' focused' : ''}`, transform: `translate(${xy[0].toFixed(1)},${xy[1].toFixed(1)})`, 'data-places': members.map((m) => m.id).join(' '), tabindex: 0 },
      s('title', {}, label),
      s('circle', { r: count > 1 ? 9 + Math.sqrt(count) * 3 : 6 }),
      count > 1 ? s('text', { 'text-anchor': 'middle', dy: '0.35em' }, String(count)) : null,
    );
    g.addEventListener('click', () => select(members));
    g.addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key === 'Enter') select(members);
    });
    layer.appendChild(g);
    if (count === 1 && labelled.has(members[0]!.id)) layer.appendChild(s('text', { x: xy[0] + 9, y: xy[1] + 4, class: 'marker-label' }, members[0]!.name));
  }
  return layer;
}

/** The places of a marker or an area with their event records (null: still loading) and the articles that name them. */
function placePanel(list: readonly PlaceSummary[], eventsByPlace: ReadonlyMap<string, EventRecord[]> | null, wording: EventWording): HTMLElement {
  const box = h('div', { class: 'place-list' });
  for (const p of list) {
    const evs = eventsByPlace?.get(p.id) ?? [];
    const articles = h('ul', { class: 'place-articles', 'data-testid': 'place-articles' }, h('li', { class: 'muted' }, 'loading articles…'));
    // The articles that name the place: a full-text search on its name.
    void api
      .search(`"${p.name.replace(/"/g, '')}"`, 20)
      .then((hits) => {
        clear(articles);
        if (hits.items.length === 0) articles.appendChild(h('li', { class: 'muted' }, 'no article found by name'));
        for (const a of hits.items) articles.appendChild(h('li', {}, link(path('article', a.id), a.title || '(untitled)'), h('span', { class: 'muted' }, ` ${[a.outlet, a.date].filter(Boolean).join(' · ')}`)));
      })
      .catch(() => {
        clear(articles);
        articles.appendChild(h('li', { class: 'muted' }, 'search failed'));
      });
    box.appendChild(
      h(
        'div',
        { class: 'place', 'data-place': p.id },
        h('h3', {}, p.name),
        h('p', { class: 'muted' }, `${p.precision}${p.country ? ` · ${p.country}` : ''}${p.admin1 ? ` · ${p.admin1}` : ''} · ${p.mentions} mentions in ${p.articles} articles`),
        evs.length
          ? h(
              'ul',
              { class: 'place-events' },
              evs.map((e) =>
                h(
                  'li',
                  {},
                  ploverBadge(e.plover),
                  ' ',
                  sentenceView(eventSentence(recordFields(e), wording), path('record', e.id), { class: 'record-link' }),
                  ` (${e.mentions.length} reports, ${e.independentOutlets} independent)`,
                  e.disputed ? h('span', { class: 'disputed' }, ' disputed') : null,
                ),
              ),
            )
          : h('p', { class: 'muted' }, eventsByPlace ? 'No event record here.' : 'Event records loading…'),
        h('h4', {}, 'Articles'),
        articles,
        h('p', {}, link(withQuery('/search', { q: p.name }), `Search for ${p.name} →`)),
      ),
    );
  }
  return box;
}

