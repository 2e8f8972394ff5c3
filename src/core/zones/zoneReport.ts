import { getHexagonAreaAvg } from 'h3-js';
import type { Dataset } from '../dataset';
import { topLabelsByCell } from '../hotspots/cellBreakdown';
import type { HotspotResult } from '../hotspots/computeHotspots';
import type { SourceSelection } from '../hotspots/filter';
import { pointMembership } from './pointsInZones';
import { cellsOutsideZones, proposeZones, type ProposalOptions, type ProposedZone } from './proposeZones';
import type { Zone } from './zone';
import { shareInsideAnyZone, zoneStatistics, type ZoneStatistics } from './zoneStatistics';

export interface ZoneReport {
  stats: ZoneStatistics[];
  shareInside: number;
  /** Gi* hot cells (95%+) with no zone over them, with where they are. */
  hotOutside: { cell: string; location: string }[];
  hotCells: number;
}

/** Point membership per zone, cached by geometry: zones rarely change while filters do. */
const membershipCache = new Map<string, Uint8Array>();

function membershipOf(dataset: Dataset, zone: Zone): Uint8Array {
  const key = `${dataset.points.count}|${JSON.stringify(zone.geometry)}`;
  let member = membershipCache.get(key);
  if (!member) {
    if (membershipCache.size > 64) membershipCache.clear();
    member = pointMembership(dataset, zone.geometry);
    membershipCache.set(key, member);
  }
  return member;
}

/** Hot cells of a result: Gi* bins at or above `minBin` when Gi* was computed, else the top 5% of cells by value. */
export function hotCellsOf(result: HotspotResult, minBin: number): string[] {
  const gi = result.giStar;
  if (gi && 'bin' in gi) return gi.cells.filter((_, i) => gi.bin[i] >= minBin);
  const { cells, counts } = result.aggregate;
  const take = Math.max(1, Math.round(cells.length * 0.05));
  return cells.map((cell, i) => ({ cell, value: counts[i] })).sort((a, b) => b.value - a.value).slice(0, take).map((c) => c.cell);
}

/** The study area in hectares as the map's cells measure it: Gi*'s study cells when computed, else the cells holding incidents. */
export function studyCellsAreaHa(result: HotspotResult): number {
  const { aggregate, giStar } = result;
  const studyCells = giStar && 'cells' in giStar ? giStar.cells.length : aggregate.cells.length;
  return studyCells * getHexagonAreaAvg(aggregate.resolution, 'km2') * 100;
}

export function zoneReport(dataset: Dataset, selection: readonly SourceSelection[], result: HotspotResult, zones: readonly Zone[]): ZoneReport {
  const membership = zones.map((zone) => membershipOf(dataset, zone));
  const { aggregate, profile } = result;
  const study = { areaHa: studyCellsAreaHa(result), monthFrom: profile.monthFrom, months: profile.monthCounts.length };
  const hot = hotCellsOf(result, 2);
  const outside = cellsOutsideZones(hot, zones.map((z) => z.geometry));
  const labels = topLabelsByCell(dataset, selection, aggregate.resolution, outside).topLocation;
  return {
    stats: zoneStatistics(dataset, selection, zones, membership, study),
    shareInside: shareInsideAnyZone(selection, membership),
    hotOutside: outside.map((cell, i) => ({ cell, location: labels[i] })),
    hotCells: hot.length,
  };
}

export function zoneProposals(result: HotspotResult, minBin: number, options: ProposalOptions): ProposedZone[] {
  const value = new Map(result.aggregate.cells.map((cell, i) => [cell, result.aggregate.counts[i]]));
  return proposeZones(hotCellsOf(result, minBin), (cell) => value.get(cell) ?? 0, options);
}
