import { cellToBoundary, cellToLatLng } from 'h3-js';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import quickselect from 'quickselect';
import type { Bounds } from '../geo/webMercator';

/** Shoelace signed area (positive = counter-clockwise in lng/lat); reversed when clockwise. */
export function counterClockwise(ring: number[][]): number[][] {
  let twiceArea = 0;
  for (let i = 0; i + 1 < ring.length; i++) twiceArea += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return twiceArea >= 0 ? ring : [...ring].reverse();
}

/** An H3 cell as an RFC 7946 polygon: lng/lat, closed ring, exterior counter-clockwise. */
export function cellPolygon(cell: string): Polygon {
  return { type: 'Polygon', coordinates: [counterClockwise(cellToBoundary(cell, true))] };
}

/** Cells as polygon features, each with the properties given for it; used by the map and by exports. */
export function cellFeatureCollection<P extends Record<string, unknown>>(cells: readonly string[], propertiesOf: (index: number) => P): FeatureCollection<Polygon, P> {
  const features: Feature<Polygon, P>[] = cells.map((cell, index) => ({ type: 'Feature', id: index, geometry: cellPolygon(cell), properties: propertiesOf(index) }));
  return { type: 'FeatureCollection', features };
}

/** Each cell's centre, as latitudes and longitudes in the cells' order. */
export function cellCentres(cells: readonly string[]): { lat: number[]; lng: number[] } {
  const lat: number[] = [];
  const lng: number[] = [];
  for (const cell of cells) {
    const [y, x] = cellToLatLng(cell);
    lat.push(y);
    lng.push(x);
  }
  return { lat, lng };
}

/**
 * The extent of positions without the outer 1% on each side (from 100 positions), so a few stray
 * points do not frame the map on half the country; null without positions. Reorders the arrays given.
 */
export function robustExtent(lat: Float64Array, lng: Float64Array): Bounds | null {
  if (lat.length === 0) return null;
  const trim = lat.length >= 100 ? Math.floor(lat.length * 0.01) : 0;
  const last = lat.length - 1 - trim;
  return { west: kthSmallest(lng, trim), south: kthSmallest(lat, trim), east: kthSmallest(lng, last), north: kthSmallest(lat, last) };
}

/** The k-th smallest value (from 0), found without sorting: a map computes this for every cell. */
function kthSmallest(values: Float64Array, k: number): number {
  // Its types say arrays; it only reads and swaps by index, which a typed array does as well.
  quickselect(values as unknown as number[], k);
  return values[k];
}
