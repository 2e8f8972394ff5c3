import type { Dataset } from '../dataset';
import { rowWeight, type SourceSelection } from './filter';

/** One label and how many incidents carry it. */
export interface LabelCount {
  label: string;
  count: number;
}

/** What a pinned cell's panel shows: its incidents by category, where, and when. */
export interface CellBreakdown {
  cell: string;
  total: number;
  byCategory: LabelCount[];
  topLocations: LabelCount[];
  /** Incidents per month from monthFrom, over the selection's whole month span. */
  monthFrom: number;
  monthCounts: number[];
}

function sortedCounts(counts: Map<string, number>, limit: number): LabelCount[] {
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)).slice(0, limit);
}

export function cellBreakdown(dataset: Dataset, selection: readonly SourceSelection[], resolution: number, cell: string, monthFrom: number, monthTo: number, locationLimit = 8): CellBreakdown {
  const { cellOfPoint, cellIds } = dataset.cellsAt(resolution);
  const cellId = cellIds.get(cell) ?? -1;
  const byCategory = new Map<string, number>();
  const byLocation = new Map<string, number>();
  const monthCounts = new Array<number>(Math.max(0, monthTo - monthFrom + 1)).fill(0);
  let total = 0;
  for (const { source, rows } of selection) {
    const { point, category, location, monthIndex } = source.columns;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (cellOfPoint[point[row]] !== cellId) continue;
      const incidents = rowWeight(source, row);
      total += incidents;
      const categoryName = dataset.categories.list[category[row]].name;
      byCategory.set(categoryName, (byCategory.get(categoryName) ?? 0) + incidents);
      const place = dataset.locations.values[location[row]];
      if (place) byLocation.set(place, (byLocation.get(place) ?? 0) + incidents);
      const month = monthIndex[row] - monthFrom;
      if (month >= 0 && month < monthCounts.length) monthCounts[month] += incidents;
    }
  }
  return { cell, total, byCategory: sortedCounts(byCategory, Infinity), topLocations: sortedCounts(byLocation, locationLimit), monthFrom, monthCounts };
}

/**
 * The most frequent category and location text of every cell of an aggregate, in one pass, for
 * tables and exports. Ties go to the label that sorts first, so the result is deterministic.
 */
export function topLabelsByCell(dataset: Dataset, selection: readonly SourceSelection[], resolution: number, cells: readonly string[]): { topCategory: string[]; topLocation: string[] } {
  const { cellOfPoint, cellIds } = dataset.cellsAt(resolution);
  // Each cell id's place in `cells` (-1: not asked for), looked up once per row: an array, not a Map.
  const position = new Int32Array(cellIds.size).fill(-1);
  cells.forEach((cell, index) => {
    const id = cellIds.get(cell);
    if (id !== undefined) position[id] = index;
  });
  const categoryCounts = new Map<number, number>();
  const locationCounts = new Map<number, number>();
  // Key = cell position * 2^26 + label id: exact in a double for any realistic size.
  const LABEL_SPAN = 67_108_864;
  for (const { source, rows } of selection) {
    const { point, category, location } = source.columns;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const index = position[cellOfPoint[point[row]]];
      if (index < 0) continue;
      const incidents = rowWeight(source, row);
      const categoryKey = index * LABEL_SPAN + category[row];
      categoryCounts.set(categoryKey, (categoryCounts.get(categoryKey) ?? 0) + incidents);
      if (location[row] !== 0) {
        const locationKey = index * LABEL_SPAN + location[row];
        locationCounts.set(locationKey, (locationCounts.get(locationKey) ?? 0) + incidents);
      }
    }
  }
  const best = (counts: Map<number, number>, labelOf: (id: number) => string): string[] => {
    const top = new Array<string>(cells.length).fill('');
    const topCount = new Array<number>(cells.length).fill(0);
    for (const [key, count] of counts) {
      const index = Math.floor(key / LABEL_SPAN);
      const label = labelOf(key % LABEL_SPAN);
      if (count > topCount[index] || (count === topCount[index] && label < top[index])) {
        top[index] = label;
        topCount[index] = count;
      }
    }
    return top;
  };
  return {
    topCategory: best(categoryCounts, (id) => dataset.categories.list[id].name),
    topLocation: best(locationCounts, (id) => dataset.locations.values[id]),
  };
}
