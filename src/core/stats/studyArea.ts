import { gridDisk, polygonToCells } from 'h3-js';
import type { MultiPolygon, Polygon } from 'geojson';

/**
 * The cells statistics are computed over. Either every cell whose centre lies in a boundary (a
 * borough, loaded by the user), or the data's cells plus a ring of k cells around them, so the
 * edges of a cluster are compared with the quiet streets next to it.
 */
export function cellsInPolygon(geometry: Polygon | MultiPolygon, resolution: number): string[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const cells = new Set<string>();
  for (const rings of polygons) for (const cell of polygonToCells(rings, resolution, true)) cells.add(cell);
  return [...cells].sort();
}

export function dataCellsWithRing(cells: readonly string[], ringK: number): string[] {
  const all = new Set<string>();
  for (const cell of cells) for (const neighbour of gridDisk(cell, ringK)) all.add(neighbour);
  return [...all].sort();
}
