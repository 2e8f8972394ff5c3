import type { MultiPolygon, Polygon } from 'geojson';
import type { Dataset } from '../dataset';

/**
 * Which of the dataset's distinct points fall in an area. Points are tested once each (police.uk
 * rows share points), with a bounding-box check first and an even-odd ray cast over the edges of
 * every ring (outer rings and holes alike, so holes and multipolygons come out right). Edges are
 * sorted into horizontal bands so a point only meets the few edges at its latitude: a borough
 * outline has over a thousand corners.
 */
export interface PreparedArea {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
  /** Edge k runs from (x1[k], y1[k]) to (x2[k], y2[k]). */
  x1: Float64Array;
  y1: Float64Array;
  x2: Float64Array;
  y2: Float64Array;
  bandHeight: number;
  /** Edges of band b: bandEdges[bandStart[b] … bandStart[b + 1]). */
  bandStart: Int32Array;
  bandEdges: Int32Array;
}

export function prepareArea(geometry: Polygon | MultiPolygon): PreparedArea {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const edges: number[] = [];
  let [minLng, minLat, maxLng, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of polygons.flat()) {
    for (let i = 0; i < ring.length; i++) {
      const [x, y] = ring[i];
      minLng = Math.min(minLng, x);
      maxLng = Math.max(maxLng, x);
      minLat = Math.min(minLat, y);
      maxLat = Math.max(maxLat, y);
      // Closing edge from the last corner to the first, whether or not the ring repeats it.
      const [px, py] = ring[i === 0 ? ring.length - 1 : i - 1];
      if (px !== x || py !== y) edges.push(px, py, x, y);
    }
  }
  const count = edges.length / 4;
  const bands = Math.max(1, Math.min(4096, count >> 1));
  const bandHeight = (maxLat - minLat) / bands || 1;
  const bandOf = (lat: number) => Math.min(bands - 1, Math.max(0, Math.floor((lat - minLat) / bandHeight)));
  const x1 = new Float64Array(count);
  const y1 = new Float64Array(count);
  const x2 = new Float64Array(count);
  const y2 = new Float64Array(count);
  const bandStart = new Int32Array(bands + 1);
  for (let k = 0; k < count; k++) {
    [x1[k], y1[k], x2[k], y2[k]] = [edges[4 * k], edges[4 * k + 1], edges[4 * k + 2], edges[4 * k + 3]];
    for (let b = bandOf(Math.min(y1[k], y2[k])); b <= bandOf(Math.max(y1[k], y2[k])); b++) bandStart[b + 1]++;
  }
  for (let b = 0; b < bands; b++) bandStart[b + 1] += bandStart[b];
  const bandEdges = new Int32Array(bandStart[bands]);
  const filled = bandStart.slice(0, bands);
  for (let k = 0; k < count; k++) {
    for (let b = bandOf(Math.min(y1[k], y2[k])); b <= bandOf(Math.max(y1[k], y2[k])); b++) bandEdges[filled[b]++] = k;
  }
  return { minLng, minLat, maxLng, maxLat, x1, y1, x2, y2, bandHeight, bandStart, bandEdges };
}

export function insideArea(area: PreparedArea, lng: number, lat: number): boolean {
  if (!(lng >= area.minLng && lng <= area.maxLng && lat >= area.minLat && lat <= area.maxLat)) return false;
  const band = Math.min(area.bandStart.length - 2, Math.floor((lat - area.minLat) / area.bandHeight));
  const { x1, y1, x2, y2, bandEdges } = area;
  let inside = false;
  for (let e = area.bandStart[band]; e < area.bandStart[band + 1]; e++) {
    const k = bandEdges[e];
    const yi = y2[k];
    const yj = y1[k];
    if (yi > lat !== yj > lat && lng < ((x1[k] - x2[k]) * (lat - yi)) / (yj - yi) + x2[k]) inside = !inside;
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
