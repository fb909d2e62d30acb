import type { GeoPermissibleObjects } from 'd3-geo';

/** Degrees between the points that trace a box's edges, so they follow the parallels. */
const BOX_STEP = 2;

/**
 * A region's box ("Middle East", "western Anbar") as a polygon whose edges follow meridians and
 * parallels: a ring of straight great-circle edges would bow away from the parallels on a wide box.
 */
export function boxPolygon([west, south, east, north]: readonly [number, number, number, number]): GeoPermissibleObjects {
  const width = east >= west ? east - west : east + 360 - west;
  const steps = Math.max(1, Math.ceil(width / BOX_STEP));
  const along = (lat: number, reverse: boolean): number[][] =>
    Array.from({ length: steps + 1 }, (_, i) => [west + (width * (reverse ? steps - i : i)) / steps, lat]);
  // Clockwise on the map (east along the north edge, back west along the south one), as d3-geo reads an outer ring.
  const ring = [...along(north, false), ...along(south, true), [west, north]];
  return { type: 'Polygon', coordinates: [ring] };
}
