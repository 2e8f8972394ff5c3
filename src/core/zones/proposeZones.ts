import { area as turfArea, buffer, simplify } from '@turf/turf';
import { cellToLatLng, cellsToMultiPolygon, gridDisk } from 'h3-js';
import type { MultiPolygon, Polygon } from 'geojson';
import { prepareArea, insideArea } from './pointsInZones';

export interface ProposedZone {
  cells: string[];
  geometry: Polygon | MultiPolygon;
  areaHa: number;
  incidents: number;
}

export interface ProposalOptions {
  minCells: number;
  minIncidents: number;
  /** Grow the outline by this many metres (0 = follow the cell edges). */
  bufferM: number;
  /** Simplify the outline, tolerance in metres (0 = none). */
  simplifyM: number;
}

/** Groups of cells that touch (share an edge), found by walking each cell's ring of neighbours. */
export function contiguousGroups(cells: readonly string[]): string[][] {
  const remaining = new Set(cells);
  const groups: string[][] = [];
  for (const start of cells) {
    if (!remaining.has(start)) continue;
    remaining.delete(start);
    const group = [start];
    for (let i = 0; i < group.length; i++) {
      for (const neighbour of gridDisk(group[i], 1)) {
        if (remaining.delete(neighbour)) group.push(neighbour);
      }
    }
    groups.push(group.sort());
  }
  return groups;
}

const DEGREES_PER_METRE = 1 / 111_320;

/**
 * Candidate zones from hot cells: contiguous cells merged into one outline each (H3 cells to
 * polygons), optionally buffered and simplified so the boundary follows the cell edges less
 * sharply, and dropped when below a minimum size or incident count. `incidentsOf` gives each
 * cell's incidents.
 */
export function proposeZones(hotCells: readonly string[], incidentsOf: (cell: string) => number, options: ProposalOptions): ProposedZone[] {
  const proposals: ProposedZone[] = [];
  for (const cells of contiguousGroups([...new Set(hotCells)])) {
    const incidents = cells.reduce((sum, cell) => sum + incidentsOf(cell), 0);
    if (cells.length < options.minCells || incidents < options.minIncidents) continue;
    const outline = cellsToMultiPolygon(cells, true);
    let geometry: Polygon | MultiPolygon = outline.length === 1 ? { type: 'Polygon', coordinates: outline[0] } : { type: 'MultiPolygon', coordinates: outline };
    if (options.bufferM > 0) geometry = (buffer(geometry, options.bufferM, { units: 'meters' })?.geometry as Polygon | MultiPolygon | undefined) ?? geometry;
    if (options.simplifyM > 0) geometry = simplify(geometry, { tolerance: options.simplifyM * DEGREES_PER_METRE, highQuality: true });
    proposals.push({ cells, geometry, areaHa: turfArea(geometry) / 10_000, incidents });
  }
  return proposals.sort((a, b) => b.incidents - a.incidents);
}

/** Hot cells whose centre lies outside every zone: the problems a zone set misses. */
export function cellsOutsideZones(cells: readonly string[], zones: readonly (Polygon | MultiPolygon)[]): string[] {
  const areas = zones.map(prepareArea);
  return cells.filter((cell) => {
    const [lat, lng] = cellToLatLng(cell);
    return !areas.some((area) => insideArea(area, lng, lat));
  });
}
