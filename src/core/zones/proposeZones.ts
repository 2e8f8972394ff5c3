import { area as turfArea } from '@turf/area';
import { buffer } from '@turf/buffer';
import { feature, featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { simplify } from '@turf/simplify';
import { cellToLatLng, cellsToMultiPolygon, getHexagonAreaAvg, getResolution, gridDisk } from 'h3-js';
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
  /** Largest zone, in hectares: a bigger group of hot cells is split, each part grown from its hottest cell. */
  maxAreaHa?: number;
  /** The study area: outlines are cut to it. */
  withinArea?: Polygon | MultiPolygon | null;
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

/** Splits a contiguous group into parts of at most `maxCells`, each grown outward from the hottest cell left. */
export function splitGroup(group: readonly string[], maxCells: number, valueOf: (cell: string) => number): string[][] {
  if (group.length <= maxCells) return [[...group]];
  const remaining = new Set(group);
  const byValue = [...group].sort((a, b) => valueOf(b) - valueOf(a) || a.localeCompare(b));
  const parts: string[][] = [];
  for (const seed of byValue) {
    if (!remaining.delete(seed)) continue;
    const part = [seed];
    for (let i = 0; i < part.length && part.length < maxCells; i++) {
      const next = gridDisk(part[i], 1).filter((c) => remaining.has(c)).sort((a, b) => valueOf(b) - valueOf(a) || a.localeCompare(b));
      for (const cell of next) {
        if (part.length >= maxCells) break;
        remaining.delete(cell);
        part.push(cell);
      }
    }
    parts.push(part.sort());
  }
  return parts;
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
  const unique = [...new Set(hotCells)];
  const cellHa = unique.length > 0 ? getHexagonAreaAvg(getResolution(unique[0]), 'm2') / 10_000 : 1;
  const maxCells = options.maxAreaHa ? Math.max(1, Math.floor(options.maxAreaHa / cellHa)) : Infinity;
  for (const cells of contiguousGroups(unique).flatMap((group) => splitGroup(group, maxCells, incidentsOf))) {
    const incidents = cells.reduce((sum, cell) => sum + incidentsOf(cell), 0);
    if (cells.length < options.minCells || incidents < options.minIncidents) continue;
    const outline = cellsToMultiPolygon(cells, true);
    let geometry: Polygon | MultiPolygon = outline.length === 1 ? { type: 'Polygon', coordinates: outline[0] } : { type: 'MultiPolygon', coordinates: outline };
    if (options.bufferM > 0) geometry = (buffer(geometry, options.bufferM, { units: 'meters' })?.geometry as Polygon | MultiPolygon | undefined) ?? geometry;
    if (options.simplifyM > 0) geometry = simplify(geometry, { tolerance: options.simplifyM * DEGREES_PER_METRE, highQuality: true });
    if (options.withinArea) {
      const clipped = intersect(featureCollection([feature(geometry), feature(options.withinArea)]));
      if (!clipped) continue;
      geometry = clipped.geometry as Polygon | MultiPolygon;
    }
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
