import type { MultiPolygon, Polygon } from 'geojson';
import type { Dataset } from '../dataset';

/**
 * Which of the dataset's distinct points fall in an area. Points are tested once each (police.uk
 * rows share points), with a bounding-box check first and an even-odd ray cast over the edges of
 * every ring (outer rings and holes alike, so holes and multipolygons come out right). Edges are
 * filed in horizontal bands, so a point is cast only against the edges at its latitude: a
 * 1,000,000-corner zone costs about a thousand edge tests per point, not a million.
 */
export interface PreparedArea {
  /** Edge k runs from (x1[k], y1[k]) to (x2[k], y2[k]). */
  x1: Float64Array;
  y1: Float64Array;
  x2: Float64Array;
  y2: Float64Array;
  /** Edges of band b: bandEdges[bandStart[b] .. bandStart[b + 1]). */
  bandStart: Int32Array;
  bandEdges: Int32Array;
  bandHeight: number;
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export function prepareArea(geometry: Polygon | MultiPolygon): PreparedArea {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const rings = polygons.flat();
  const count = rings.reduce((sum, ring) => sum + Math.max(0, ring.length - 1), 0);
  const [x1, y1, x2, y2] = [new Float64Array(count), new Float64Array(count), new Float64Array(count), new Float64Array(count)];
  let [minLng, minLat, maxLng, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  let k = 0;
  for (const ring of rings) {
    // Only the first two numbers of a position count (altitude and measure are ignored).
    for (let i = 0; i + 1 < ring.length; i++, k++) {
      [x1[k], y1[k], x2[k], y2[k]] = [ring[i][0], ring[i][1], ring[i + 1][0], ring[i + 1][1]];
      minLng = Math.min(minLng, x1[k]);
      maxLng = Math.max(maxLng, x1[k]);
      minLat = Math.min(minLat, y1[k]);
      maxLat = Math.max(maxLat, y1[k]);
    }
  }
  const bands = Math.max(1, Math.ceil(Math.sqrt(count)));
  const bandHeight = (maxLat - minLat) / bands || 1;
  const band = (y: number) => Math.min(bands - 1, Math.max(0, Math.floor((y - minLat) / bandHeight)));
  const bandStart = new Int32Array(bands + 1);
  for (let e = 0; e < count; e++) for (let b = band(Math.min(y1[e], y2[e])); b <= band(Math.max(y1[e], y2[e])); b++) bandStart[b + 1]++;
  for (let b = 0; b < bands; b++) bandStart[b + 1] += bandStart[b];
  const bandEdges = new Int32Array(bandStart[bands]);
  const filled = bandStart.slice(0, bands);
  for (let e = 0; e < count; e++) for (let b = band(Math.min(y1[e], y2[e])); b <= band(Math.max(y1[e], y2[e])); b++) bandEdges[filled[b]++] = e;
  return { x1, y1, x2, y2, bandStart, bandEdges, bandHeight, minLng, minLat, maxLng, maxLat };
}

export function insideArea(area: PreparedArea, lng: number, lat: number): boolean {
  if (lng < area.minLng || lng > area.maxLng || lat < area.minLat || lat > area.maxLat) return false;
  const bands = area.bandStart.length - 1;
  const b = Math.min(bands - 1, Math.floor((lat - area.minLat) / area.bandHeight));
  const { x1, y1, x2, y2, bandEdges } = area;
  let inside = false;
  for (let n = area.bandStart[b]; n < area.bandStart[b + 1]; n++) {
    const e = bandEdges[n];
    const yi = y1[e];
    const yj = y2[e];
    if (yi > lat !== yj > lat && lng < ((x2[e] - x1[e]) * (lat - yi)) / (yj - yi) + x1[e]) inside = !inside;
  }
  return inside;
}

/** 1 for each dataset point inside the area, 0 outside. */
export function pointMembership(dataset: Dataset, geometry: Polygon | MultiPolygon): Uint8Array {
  const area = prepareArea(geometry);
  const count = dataset.points.count;
  const member = new Uint8Array(count);
  for (let p = 0; p < count; p++) if (insideArea(area, dataset.points.lng.get(p), dataset.points.lat.get(p))) member[p] = 1;
  return member;
}
