import type { Weighting } from '../vocabulary';
import { cellToLatLng } from 'h3-js';
import type { FeatureCollection, Polygon } from 'geojson';
import { csvDocument } from '../export/csv';
import type { PriorityRule } from '../stats/evaluation';
import { cellFeatureCollection } from './cellFeatures';

/** A priority rule as the user sets it: percentages as 0–100, not shares. */
export type PriorityRuleKind = PriorityRule['kind'];
export const PRIORITY_RULE_KINDS: readonly PriorityRuleKind[] = ['topN', 'areaShare', 'incidentShare', 'cellPai'];

/** Why a rule value cannot be used, or null when it can. A percentage outside 0–100 would silently pick nonsense. */
export function priorityRuleProblem(kind: PriorityRuleKind, value: number): string | null {
  if (!Number.isFinite(value)) return 'Enter a number.';
  if (kind === 'topN') return Number.isInteger(value) && value >= 1 ? null : 'The number of cells must be a whole number of at least 1.';
  if (kind === 'cellPai') return value > 0 ? null : 'The cell PAI threshold must be above 0.';
  return value > 0 && value <= 100 ? null : 'The percentage must be above 0 and at most 100.';
}

export function priorityRule(kind: PriorityRuleKind, value: number): PriorityRule {
  if (kind === 'topN') return { kind, n: value };
  if (kind === 'cellPai') return { kind, threshold: value };
  return { kind, share: value / 100 };
}

export type PriorityRecord = Record<string, string | number>;

const round = (value: number, places: number): number => Number(value.toFixed(places));

/** The chosen cells (indices into `cells`, busiest first) with their value, share and running share. */
export function priorityPlaceRecords(cells: readonly string[], values: ArrayLike<number>, chosen: readonly number[], basis: Weighting): PriorityRecord[] {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  let running = 0;
  return chosen.map((index, position) => {
    const [lat, lng] = cellToLatLng(cells[index]);
    running += values[index];
    return {
      rank: position + 1,
      h3: cells[index],
      lat: round(lat, 6),
      lng: round(lng, 6),
      [basis === 'harm' ? 'harm' : 'count']: round(values[index], 3),
      share: total > 0 ? round(values[index] / total, 6) : 0,
      cumulative_share: total > 0 ? round(running / total, 6) : 0,
    };
  });
}

export function priorityPlacesCsv(records: readonly Record<string, string | number>[]): string {
  const header = records.length > 0 ? Object.keys(records[0]) : ['rank', 'h3', 'lat', 'lng', 'count', 'share', 'cumulative_share'];
  return csvDocument(header, records.map((record) => header.map((key) => record[key])));
}

export function priorityPlacesGeoJson(records: readonly Record<string, string | number>[]): FeatureCollection<Polygon> {
  return cellFeatureCollection(records.map((record) => String(record.h3)), (index) => ({ ...records[index] }));
}

/**
 * The concentration curve: share of the total held by the busiest cells against their share of
 * cells, busiest first, from (0, 0) to (1, 1) at about `points` steps (the last cell always).
 */
export function concentrationCurve(values: ArrayLike<number>, total: number, points = 60): { xs: number[]; ys: number[] } {
  const sorted = Float64Array.from(values).sort().reverse();
  const xs = [0];
  const ys = [0];
  const every = Math.max(1, Math.floor(sorted.length / points));
  let running = 0;
  sorted.forEach((value, i) => {
    running += value;
    if (i % every === 0 || i === sorted.length - 1) {
      xs.push((i + 1) / sorted.length);
      ys.push(total > 0 ? running / total : 0);
    }
  });
  return { xs, ys };
}
