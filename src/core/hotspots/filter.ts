import type { Dataset, IncidentSource } from '../dataset';
import { areaMasks, type AreaFilter } from './areaFilter';

/**
 * What the user has chosen to look at. `null` means "no restriction". Weekday and hour bands
 * apply only to rows that have a time (police.uk gives months only, so its rows always pass).
 */
export interface IncidentFilter {
  monthFrom: number | null;
  monthTo: number | null;
  categories: readonly number[] | null;
  sources: readonly number[] | null;
  /** 0 = Monday ... 6 = Sunday. */
  weekdays: readonly number[] | null;
  /** 0 ... 23. */
  hours: readonly number[] | null;
  /** The study area; absent or null = everywhere. */
  area?: AreaFilter | null;
}

export const NO_FILTER: IncidentFilter = { monthFrom: null, monthTo: null, categories: null, sources: null, weekdays: null, hours: null };

/** The rows of one source that pass a filter. */
export interface SourceSelection {
  source: IncidentSource;
  rows: Uint32Array;
  /** Incidents that pass every other part of the filter but lie outside the study area. */
  outside: number;
}

function maskOf(values: readonly number[] | null, size: number): Uint8Array | null {
  if (values === null) return null;
  const mask = new Uint8Array(size);
  for (const value of values) if (value >= 0 && value < size) mask[value] = 1;
  return mask;
}

/**
 * The single place that decides which incidents count: every aggregate (cells, zones, cameras,
 * charts) iterates the selection this returns, so they can never disagree.
 */
export function selectRows(dataset: Dataset, filter: IncidentFilter): SourceSelection[] {
  const categoryMask = maskOf(filter.categories, dataset.categories.list.length);
  const weekdayMask = maskOf(filter.weekdays, 7);
  const hourMask = maskOf(filter.hours, 24);
  const monthFrom = filter.monthFrom ?? 0;
  const monthTo = filter.monthTo ?? 0xffff;
  const area = filter.area ? areaMasks(dataset, filter.area) : null;
  const selections: SourceSelection[] = [];
  for (const source of dataset.sources) {
    if (filter.sources && !filter.sources.includes(source.summary.id)) continue;
    const { monthIndex, category, weekday, minuteOfDay, point, lsoa } = source.columns;
    const rows = new Uint32Array(monthIndex.length);
    let kept = 0;
    let outside = 0;
    for (let row = 0; row < monthIndex.length; row++) {
      const month = monthIndex[row];
      // Month 0 marks undated pre-aggregated rows, which no month range excludes.
      if (month !== 0 && (month < monthFrom || month > monthTo)) continue;
      if (categoryMask && categoryMask[category[row]] === 0) continue;
      const minute = minuteOfDay[row];
      if (minute >= 0) {
        if (weekdayMask && weekdayMask[weekday[row]] === 0) continue;
        if (hourMask && hourMask[(minute / 60) | 0] === 0) continue;
      }
      if (area && (area.points ? area.points[point[row]] === 0 : !lsoa || area.lsoaNames![lsoa[row]] === 0)) {
        outside += rowWeight(source, row);
        continue;
      }
      rows[kept++] = row;
    }
    selections.push({ source, rows: rows.subarray(0, kept), outside });
  }
  return selections;
}

/** Incidents left out because they lie outside the study area. */
export function incidentsOutside(selection: readonly SourceSelection[]): number {
  return selection.reduce((sum, s) => sum + s.outside, 0);
}

/** Incidents a row stands for: its pre-aggregated count, or one. */
export function rowWeight(source: IncidentSource, row: number): number {
  return source.columns.weight ? source.columns.weight[row] : 1;
}
