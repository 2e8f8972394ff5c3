import type { MultiPolygon, Polygon } from 'geojson';
import type { Dataset } from '../dataset';

/**
 * Which of the dataset's distinct points fall in an area. Points are tested once each (police.uk
 * rows share points), with a bounding-box check first and an even-odd ray cast over every ring
 * (outer rings and holes alike, so holes and multipolygons come out right).
 */
interface PreparedArea {
  rings: Float64Array[];
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export function prepareArea(geometry: Polygon | MultiPolygon): PreparedArea {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  // Two numbers per corner whatever the position carries (altitude, measure).
  const rings = polygons.flat().map((ring) => {
    const packed = new Float64Array(ring.length * 2);
    ring.forEach((position, i) => packed.set([position[0], position[1]], i * 2));
    return packed;
  });
  let [minLng, minLat, maxLng, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i += 2) {
      minLng = Math.min(minLng, ring[i]);
      maxLng = Math.max(maxLng, ring[i]);
      minLat = Math.min(minLat, ring[i + 1]);
      maxLat = Math.max(maxLat, ring[i + 1]);
    }
  }
  return { rings, minLng, minLat, maxLng, maxLat };
}

export function insideArea(area: PreparedArea, lng: number, lat: number): boolean {
  if (lng < area.minLng || lng > area.maxLng || lat < area.minLat || lat > area.maxLat) return false;
  let inside = false;
  for (const ring of area.rings) {
    for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
      const yi = ring[i + 1];
      const yj = ring[j + 1];
      if (yi > lat !== yj > lat && lng < ((ring[j] - ring[i]) * (lat - yi)) / (yj - yi) + ring[i]) inside = !inside;
    }
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
