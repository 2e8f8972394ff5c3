import type { Dataset } from '../dataset';
import type { Bounds } from '../geo/webMercator';
import { rowWeight, type SourceSelection } from './filter';

export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
/** Three-hour bands: short enough to plan a patrol shift around, wide enough to hold counts. */
export const HOUR_BAND_LENGTH = 3;
export const HOUR_BANDS = Array.from({ length: 24 / HOUR_BAND_LENGTH }, (_, b) => `${String(b * HOUR_BAND_LENGTH).padStart(2, '0')}:00-${String((b + 1) * HOUR_BAND_LENGTH).padStart(2, '0')}:00`);

/** Incidents by hour band and weekday in an area; only rows with a time of day count. */
export interface PatrolWindows {
  /** counts[band][weekday], Monday first. */
  counts: number[][];
  /** Incidents in the area with a time, and in all. */
  timed: number;
  total: number;
}

export function patrolWindows(dataset: Dataset, selection: readonly SourceSelection[], area: Bounds | null): PatrolWindows {
  const result: PatrolWindows = { counts: HOUR_BANDS.map(() => new Array<number>(7).fill(0)), timed: 0, total: 0 };
  const lat = dataset.points.lat;
  const lng = dataset.points.lng;
  for (const { source, rows } of selection) {
    const { point, minuteOfDay, weekday } = source.columns;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (area) {
        const y = lat.get(point[row]);
        const x = lng.get(point[row]);
        if (y < area.south || y > area.north || x < area.west || x > area.east) continue;
      }
      const incidents = rowWeight(source, row);
      result.total += incidents;
      if (minuteOfDay[row] < 0 || weekday[row] < 0) continue;
      result.counts[Math.floor(minuteOfDay[row] / 60 / HOUR_BAND_LENGTH)][weekday[row]] += incidents;
      result.timed += incidents;
    }
  }
  return result;
}
