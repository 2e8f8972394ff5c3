import type { MultiPolygon, Polygon } from 'geojson';

/**
 * A polygon's corners in one Float64Array, for passing between threads: a structured clone of a
 * million small arrays costs the receiving page seconds, one transferred buffer costs nothing.
 */
export interface PackedGeometry {
  packed: true;
  type: 'Polygon' | 'MultiPolygon';
  /** Corner counts of each ring, per polygon. */
  rings: number[][];
  coordinates: Float64Array;
}

export function packGeometry(geometry: Polygon | MultiPolygon): PackedGeometry {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const rings = polygons.map((polygon) => polygon.map((ring) => ring.length));
  const coordinates = new Float64Array(rings.flat().reduce((sum, n) => sum + n, 0) * 2);
  let k = 0;
  for (const polygon of polygons) for (const ring of polygon) for (const position of ring) {
    coordinates[k++] = position[0];
    coordinates[k++] = position[1];
  }
  return { packed: true, type: geometry.type, rings, coordinates };
}

export function unpackGeometry(packed: PackedGeometry): Polygon | MultiPolygon {
  let k = 0;
  const polygons = packed.rings.map((polygon) => polygon.map((count) => Array.from({ length: count }, () => [packed.coordinates[k++], packed.coordinates[k++]])));
  return packed.type === 'Polygon' ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}

/** Every `geometry` of the items listed under `zones` or `boundaries`, packed or unpacked in place; returns the buffers to transfer. */
export function mapListedGeometries(result: unknown, map: (geometry: never) => unknown): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  const value = result as { zones?: { geometry: unknown }[]; boundaries?: { geometry: unknown }[] };
  for (const item of [...(value.zones ?? []), ...(value.boundaries ?? [])]) {
    item.geometry = map(item.geometry as never);
    const packed = item.geometry as Partial<PackedGeometry>;
    if (packed.packed) buffers.push(packed.coordinates!.buffer as ArrayBuffer);
  }
  return buffers;
}
