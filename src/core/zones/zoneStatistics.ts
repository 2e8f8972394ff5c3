import { area as turfArea } from '@turf/area';
import type { Dataset } from '../dataset';
import type { SourceSelection } from '../hotspots/filter';
import { rowWeight } from '../hotspots/filter';
import { monthIndexOf } from '../ingest/dates';
import { normalTwoSidedP } from '../stats/normal';
import type { Zone } from './zone';

export interface BeforeAfter {
  months: number;
  beforeFrom: number;
  before: number;
  after: number;
  change: number;
  changePct: number | null;
  p: number;
  note: string;
}

export interface ZoneStatistics {
  zoneId: string;
  name: string;
  incidents: number;
  byCategory: { label: string; count: number }[];
  monthFrom: number;
  monthCounts: number[];
  areaHa: number;
  densityPerHa: number;
  /** Zone density over study-area density: 2 = twice as dense as the area as a whole. */
  densityRatio: number;
  shareOfTotal: number;
  beforeAfter: BeforeAfter | null;
}

/**
 * Two-sided exact test that `after` differs from `before` under equal Poisson rates: given the
 * total n, after ~ Binomial(n, ½) (the conditional test for two Poisson counts). Normal
 * approximation above n = 1,000.
 */
export function rateChangeP(before: number, after: number): number {
  const n = before + after;
  if (n === 0) return 1;
  if (n > 1000) return normalTwoSidedP((after - n / 2) / Math.sqrt(n / 4));
  const k = Math.min(before, after);
  let logTerm = -n * Math.LN2; // log P(X = 0)
  let tail = 0;
  for (let i = 0; i <= k; i++) {
    tail += Math.exp(logTerm);
    logTerm += Math.log((n - i) / (i + 1));
  }
  return Math.min(1, 2 * tail);
}

export function changeNote(before: number, after: number, p: number): string {
  const direction = after > before ? 'a rise' : after < before ? 'a fall' : 'no change';
  if (after === before) return 'no change';
  return p < 0.05 ? `${direction} unlikely to be chance (p = ${p < 0.001 ? '< 0.001' : p.toFixed(3)})` : `no clear change (p = ${p.toFixed(2)})`;
}

/** Same-length periods either side of the zone's start month, trimmed to the data (at most 12 months each). */
export function beforeAfter(monthly: readonly number[], monthFrom: number, startMonth: number): BeforeAfter | null {
  const available = Math.min(startMonth - monthFrom, monthFrom + monthly.length - startMonth, 12);
  if (available < 1) return null;
  const sum = (from: number, to: number) => monthly.slice(from - monthFrom, to - monthFrom + 1).reduce((a, b) => a + b, 0);
  const before = sum(startMonth - available, startMonth - 1);
  const after = sum(startMonth, startMonth + available - 1);
  const p = rateChangeP(Math.round(before), Math.round(after));
  return { months: available, beforeFrom: startMonth - available, before, after, change: after - before, changePct: before > 0 ? (100 * (after - before)) / before : null, p, note: changeNote(before, after, p) };
}

/**
 * Each zone's incidents under the current filter (point in polygon on the raw points), by
 * category and month, its area and density against the study area, and before/after its start.
 * `membership[z][point]` says whether a point lies in zone z.
 */
export function zoneStatistics(dataset: Dataset, selection: readonly SourceSelection[], zones: readonly Zone[], membership: readonly Uint8Array[], study: { areaHa: number; monthFrom: number; months: number }): ZoneStatistics[] {
  let total = 0;
  const perZone = zones.map(() => ({ incidents: 0, byCategory: new Map<string, number>(), monthly: new Array<number>(study.months).fill(0) }));
  for (const { source, rows } of selection) {
    const { point, category, monthIndex } = source.columns;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const incidents = rowWeight(source, row);
      total += incidents;
      for (let z = 0; z < zones.length; z++) {
        if (membership[z][point[row]] !== 1) continue;
        const stats = perZone[z];
        stats.incidents += incidents;
        const name = dataset.categories.list[category[row]].name;
        stats.byCategory.set(name, (stats.byCategory.get(name) ?? 0) + incidents);
        const m = monthIndex[row] - study.monthFrom;
        if (m >= 0 && m < study.months) stats.monthly[m] += incidents;
      }
    }
  }
  const studyDensity = study.areaHa > 0 ? total / study.areaHa : 0;
  return zones.map((zone, z) => {
    const stats = perZone[z];
    const areaHa = turfArea(zone.geometry) / 10_000;
    const density = areaHa > 0 ? stats.incidents / areaHa : 0;
    const start = /^(\d{4})-(\d{2})/.exec(zone.startDate);
    return {
      zoneId: zone.id,
      name: zone.name,
      incidents: stats.incidents,
      byCategory: [...stats.byCategory].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count),
      monthFrom: study.monthFrom,
      monthCounts: stats.monthly,
      areaHa,
      densityPerHa: density,
      densityRatio: studyDensity > 0 ? density / studyDensity : 0,
      shareOfTotal: total > 0 ? stats.incidents / total : 0,
      beforeAfter: start ? beforeAfter(stats.monthly, study.monthFrom, monthIndexOf(Number(start[1]), Number(start[2]))) : null,
    };
  });
}

/** Share of the selected incidents inside at least one zone (a point in two zones counts once). */
export function shareInsideAnyZone(selection: readonly SourceSelection[], membership: readonly Uint8Array[]): number {
  let total = 0;
  let inside = 0;
  for (const { source, rows } of selection) {
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const incidents = rowWeight(source, row);
      total += incidents;
      const p = source.columns.point[row];
      if (membership.some((member) => member[p] === 1)) inside += incidents;
    }
  }
  return total > 0 ? inside / total : 0;
}
