import type { Weighting } from '../vocabulary';
import type { MultiPolygon, Polygon } from 'geojson';
import { BoundedCache } from '../boundedCache';
import { CoreError } from '../errors';
import { hotspotBins } from '../stats/fdr';
import { giStar, twoSidedPValues } from '../stats/gistar';
import { buildNeighbourIndex, type NeighbourIndex } from '../stats/neighbours';
import { cellsInPolygon, dataCellsWithRing } from '../stats/studyArea';
import type { CellAggregate } from './aggregate';
import type { AreaFilter } from './areaFilter';

/** Where the statistics are computed: the data's cells plus a ring, or every cell in a boundary. */
export type StudyArea = { kind: 'ring'; ringK: number } | { kind: 'boundary'; name: string; geometry: Polygon | MultiPolygon };

export interface GiStarOptions {
  k: number;
  fdr: boolean;
  studyArea: StudyArea;
  basis: Weighting;
}

export interface GiStarResult {
  /** Study-area cells, sorted; zero-count cells included. */
  cells: string[];
  values: Float64Array;
  z: Float64Array;
  p: Float64Array;
  bin: Int8Array;
  /** Cells per bin −3 … +3 (index bin + 3). */
  binCounts: number[];
  k: number;
  fdr: boolean;
}

export function studyAreaCells(aggregate: CellAggregate, studyArea: StudyArea): string[] {
  return studyArea.kind === 'boundary' ? cellsInPolygon(studyArea.geometry, aggregate.resolution) : dataCellsWithRing(aggregate.cells, studyArea.ringK);
}

/** A polygon study area decides the statistics' cells too: every cell whose centre lies in it, quiet ones included. */
export function studyAreaWithin(studyArea: StudyArea, area: AreaFilter | null | undefined): StudyArea {
  return area?.kind === 'polygon' ? { kind: 'boundary', name: area.name, geometry: area.geometry } : studyArea;
}

/** Neighbour lists are costly to build, and the study area rarely changes between filter edits. */
const neighbourCache = new BoundedCache<NeighbourIndex>(8);

export function neighboursFor(cells: readonly string[], k: number): NeighbourIndex {
  const key = `${k}|${cells.length}|${cells[0]}|${cells[cells.length - 1]}|${cells[cells.length >> 1]}`;
  return neighbourCache.get(key, () => buildNeighbourIndex(cells, k));
}

/**
 * Gi* hot and cold spots over the study area for an aggregate: the aggregate's values are spread
 * onto the study cells (cells with no incidents count as zero), then z, p and the FDR-aware bins.
 */
export function giStarHotspots(aggregate: CellAggregate, options: GiStarOptions): GiStarResult {
  const cells = studyAreaCells(aggregate, options.studyArea);
  if (cells.length === 0) throw new CoreError('TOO_FEW_CELLS', 'The study area holds no cells at this resolution: check the boundary, or choose a finer resolution.');
  const source = options.basis === 'harm' ? aggregate.harm : aggregate.counts;
  const valueOf = new Map<string, number>();
  aggregate.cells.forEach((cell, i) => valueOf.set(cell, source[i]));
  const values = Float64Array.from(cells, (cell) => valueOf.get(cell) ?? 0);
  const z = giStar(values, neighboursFor(cells, options.k));
  const p = twoSidedPValues(z);
  const bin = hotspotBins(z, p, { fdr: options.fdr });
  const binCounts = new Array<number>(7).fill(0);
  for (const b of bin) binCounts[b + 3]++;
  return { cells, values, z, p, bin, binCounts, k: options.k, fdr: options.fdr };
}
