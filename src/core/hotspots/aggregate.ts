import type { Dataset } from '../dataset';
import type { Bounds } from '../geo/webMercator';
import { robustExtent } from './cellFeatures';
import { rowWeight, type SourceSelection } from './filter';

/** Incident counts (and harm-weighted sums) per H3 cell, for cells with at least one incident, sorted by index. */
export interface CellAggregate {
  resolution: number;
  cells: string[];
  counts: Float64Array;
  harm: Float64Array;
  totalCount: number;
  totalHarm: number;
}

/**
 * Sums the selected rows into H3 cells at `resolution`. `harmWeights[categoryId]` is the harm of one
 * incident of that category (1 where unset). Each point's cell is looked up, not recomputed.
 */
export function aggregateCells(dataset: Dataset, selection: readonly SourceSelection[], resolution: number, harmWeights?: ArrayLike<number>): CellAggregate {
  const { cellOfPoint, cells } = dataset.cellsAt(resolution);
  const counts = new Float64Array(cells.length);
  const harm = new Float64Array(cells.length);
  for (const { source, rows } of selection) {
    const { point, category, weight } = source.columns;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const cell = cellOfPoint[point[row]];
      const incidents = weight ? weight[row] : 1;
      counts[cell] += incidents;
      harm[cell] += incidents * (harmWeights?.[category[row]] ?? 1);
    }
  }
  // Cells in H3-index order, so results (and tie order in rankings) do not depend on load history.
  const kept: number[] = [];
  for (const cell of dataset.cellsInIndexOrder(resolution)) if (counts[cell] > 0) kept.push(cell);
  const result: CellAggregate = {
    resolution,
    cells: new Array<string>(kept.length),
    counts: new Float64Array(kept.length),
    harm: new Float64Array(kept.length),
    totalCount: 0,
    totalHarm: 0,
  };
  for (let i = 0; i < kept.length; i++) {
    const cell = kept[i];
    result.cells[i] = cells[cell];
    result.counts[i] = counts[cell];
    result.harm[i] = harm[cell];
    result.totalCount += counts[cell];
    result.totalHarm += harm[cell];
  }
  return result;
}

/**
 * Where the aggregate's cells lie, to frame a map: each cell stands at one of its points (within a
 * cell's width of its centre, which is all a frame needs, and without an H3 call per cell), the
 * outer 1% trimmed (see robustExtent); null without cells.
 */
export function aggregateExtent(dataset: Dataset, aggregate: CellAggregate): Bounds | null {
  const { cellIds, firstPoint } = dataset.cellsAt(aggregate.resolution);
  const lat = new Float64Array(aggregate.cells.length);
  const lng = new Float64Array(aggregate.cells.length);
  aggregate.cells.forEach((cell, i) => {
    const point = firstPoint[cellIds.get(cell)!];
    lat[i] = dataset.points.lat.get(point);
    lng[i] = dataset.points.lng.get(point);
  });
  return robustExtent(lat, lng);
}

/** Incidents per month, hour of day and weekday over the selection, for the trend charts. */
export interface TimeProfile {
  monthFrom: number;
  /** counts[i] is month monthFrom + i. */
  monthCounts: number[];
  /** 24 entries; only rows with a time. */
  hourCounts: number[];
  /** 7 entries, Monday first; only rows with a time. */
  weekdayCounts: number[];
  timedIncidents: number;
}

export function timeProfile(selection: readonly SourceSelection[]): TimeProfile {
  let monthFrom = Infinity;
  let monthTo = -Infinity;
  for (const { source, rows } of selection) {
    for (let i = 0; i < rows.length; i++) {
      const month = source.columns.monthIndex[rows[i]];
      if (month === 0) continue;
      if (month < monthFrom) monthFrom = month;
      if (month > monthTo) monthTo = month;
    }
  }
  const months = Number.isFinite(monthFrom) ? monthTo - monthFrom + 1 : 0;
  const profile: TimeProfile = {
    monthFrom: Number.isFinite(monthFrom) ? monthFrom : 0,
    monthCounts: new Array<number>(months).fill(0),
    hourCounts: new Array<number>(24).fill(0),
    weekdayCounts: new Array<number>(7).fill(0),
    timedIncidents: 0,
  };
  for (const { source, rows } of selection) {
    const { monthIndex, minuteOfDay, weekday } = source.columns;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const incidents = rowWeight(source, row);
      if (monthIndex[row] !== 0) profile.monthCounts[monthIndex[row] - profile.monthFrom] += incidents;
      if (minuteOfDay[row] >= 0) {
        profile.hourCounts[(minuteOfDay[row] / 60) | 0] += incidents;
        profile.weekdayCounts[weekday[row]] += incidents;
        profile.timedIncidents += incidents;
      }
    }
  }
  return profile;
}

/**
 * A space-time cube: the value of each given cell in each month from `monthFrom`, in one pass
 * over the selection. `cube[m][i]` is cell i in month monthFrom + m; cells outside `cells` are ignored.
 */
export function cellMonthCube(dataset: Dataset, selection: readonly SourceSelection[], resolution: number, cells: readonly string[], monthFrom: number, months: number, harmWeights?: ArrayLike<number>): Float64Array[] {
  const { cellOfPoint, cellIds } = dataset.cellsAt(resolution);
  const position = new Int32Array(cellIds.size).fill(-1);
  cells.forEach((cell, i) => {
    const id = cellIds.get(cell);
    if (id !== undefined) position[id] = i;
  });
  const cube = Array.from({ length: months }, () => new Float64Array(cells.length));
  for (const { source, rows } of selection) {
    const { point, monthIndex, category, weight } = source.columns;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const m = monthIndex[row] - monthFrom;
      if (m < 0 || m >= months) continue;
      const i = position[cellOfPoint[point[row]]];
      if (i < 0) continue;
      cube[m][i] += (weight ? weight[row] : 1) * (harmWeights?.[category[row]] ?? 1);
    }
  }
  return cube;
}
