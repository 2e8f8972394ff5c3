import type { Dataset } from '../dataset';
import { CoreError } from '../errors';
import { hotspotRecords, type HotspotRecord, type HotspotStatistics } from '../export/hotspots';
import { EMERGING_CLASSES, emergingHotspots } from '../stats/emerging';
import { aggregateCells, aggregateExtent, cellMonthCube, timeProfile, type CellAggregate, type TimeProfile } from './aggregate';
import type { Bounds } from '../geo/webMercator';
import { topLabelsByCell } from './cellBreakdown';
import { incidentsOutside, selectRows, type IncidentFilter, type SourceSelection } from './filter';
import { periodChange, type PeriodChange } from './periodChange';
import { giStarHotspots, neighboursFor, studyAreaCells, studyAreaWithin, type GiStarOptions, type GiStarResult } from './hotspotStatistics';
import { rankCells } from './rank';
import { clampResolution, type Weighting } from '../vocabulary';

/** Gi* settings of a statistics method; what each incident weighs comes from the query's weighting. */
export type StatisticsSettings = Omit<GiStarOptions, 'basis'>;

/** The method a map answers, one branch per method with the settings only it uses. */
export type MethodQuery =
  | { kind: 'count' }
  | { kind: 'areas' }
  | { kind: 'gistar'; statistics: StatisticsSettings }
  | { kind: 'emerging'; statistics: StatisticsSettings }
  /** Two periods to compare; the earlier one defaults to the same length just before the later. */
  | { kind: 'change'; earlier: [number, number] | null; later: [number, number] | null; minCount: number };

/** What the user asked of the data: the hotspot result echoes it, so every label describes the map drawn. */
export interface HotspotQuery {
  filter: IncidentFilter;
  resolution: number;
  /** Harm per category id; categories without one weigh 1. */
  harmWeights: Record<number, number>;
  weighting: Weighting;
  /** The harm scheme's name for labels, with "edited" when the user changed weights. */
  harmScheme: string;
  topN: number;
  method: MethodQuery;
}

export interface EmergingMap {
  cells: string[];
  classIndex: Uint8Array;
  classCounts: number[];
  months: number;
  monthFrom: number;
}

export interface TopHotspot {
  cell: string;
  rank: number;
  value: number;
  share: number;
  cumulativeShare: number;
  topLocation: string;
  topCategory: string;
}

export interface HotspotResult {
  /** The query answered, with the resolution actually used. */
  query: HotspotQuery;
  aggregate: CellAggregate;
  /** Where the cells lie, to frame the map (see aggregateExtent). */
  extent: Bounds | null;
  /** Gi* over the study area, or the reason it could not be computed. */
  giStar?: GiStarResult | { error: string };
  emerging?: EmergingMap | { error: string };
  change?: PeriodChange;
  /** Months over all dates (ignoring the month filter); hours and weekdays within the filter. */
  profile: TimeProfile;
  top: TopHotspot[];
  /** The study area's name (null = everywhere) and the incidents the filter would show outside it. */
  area: { name: string | null; outside: number };
  /** Count tables left out because their cells are coarser than the map's: a count cannot be split. */
  coarserTables: { name: string; resolution: number }[];
  elapsedMs: number;
}

export function harmWeightArray(dataset: Dataset, weights: Record<number, number>): Float64Array {
  return Float64Array.from(dataset.categories.list, (category) => weights[category.id] ?? 1);
}

/**
 * The hotspot table for a query: the same function serves the app's worker and the command line,
 * so both give the same numbers. The selection is returned for follow-up questions (a cell's
 * breakdown, exports) under the same filter.
 */
export function computeHotspots(dataset: Dataset, query: HotspotQuery): { result: HotspotResult; selection: SourceSelection[] } {
  const started = performance.now();
  const resolution = clampResolution(query.resolution);
  const method = query.method;
  const filtered = selectRows(dataset, query.filter);
  const { selection, coarserTables } = withinResolution(filtered, resolution);
  const aggregate = aggregateCells(dataset, selection, resolution, harmWeightArray(dataset, query.harmWeights));
  // The month chart shows every month, so a brush can widen the range as well as narrow it; without
  // a month range (nor coarser tables left out) those are the rows already selected.
  const everyMonth = query.filter.monthFrom === null && query.filter.monthTo === null;
  const allMonths = timeProfile(everyMonth ? filtered : selectRows(dataset, { ...query.filter, monthFrom: null, monthTo: null }));
  const profile = { ...(everyMonth && coarserTables.length === 0 ? allMonths : timeProfile(selection)), monthFrom: allMonths.monthFrom, monthCounts: allMonths.monthCounts };
  const ranked = rankCells(query.weighting === 'harm' ? aggregate.harm : aggregate.counts, query.topN);
  const topCells = ranked.map((entry) => aggregate.cells[entry.index]);
  const labels = topLabelsByCell(dataset, selection, resolution, topCells);
  const top = ranked.map((entry, i) => ({
    cell: topCells[i],
    rank: entry.rank,
    value: entry.value,
    share: entry.share,
    cumulativeShare: entry.cumulativeShare,
    topLocation: labels.topLocation[i],
    topCategory: labels.topCategory[i],
  }));
  const result: HotspotResult = { query: { ...query, resolution }, aggregate, extent: aggregateExtent(dataset, aggregate), profile, top, area: { name: query.filter.area?.name ?? null, outside: incidentsOutside(selection) }, coarserTables, elapsedMs: 0 };
  if (method.kind === 'gistar') {
    try {
      result.giStar = giStarHotspots(aggregate, { ...method.statistics, basis: query.weighting, studyArea: studyAreaWithin(method.statistics.studyArea, query.filter.area) });
    } catch (error) {
      if (!(error instanceof CoreError)) throw error;
      result.giStar = { error: error.message };
    }
  }
  if (method.kind === 'change') {
    const dataTo = profile.monthFrom + profile.monthCounts.length - 1;
    const later = method.later ?? [query.filter.monthFrom ?? profile.monthFrom, query.filter.monthTo ?? dataTo];
    const length = later[1] - later[0] + 1;
    const earlier = method.earlier ?? [later[0] - length, later[0] - 1];
    result.change = periodChange(dataset, query.filter, resolution, earlier, later, query.weighting, harmWeightArray(dataset, query.harmWeights), method.minCount);
  }
  if (method.kind === 'emerging') {
    try {
      result.emerging = emergingMap(dataset, selection, query, method.statistics, aggregate, profile.monthFrom, profile.monthCounts.length);
    } catch (error) {
      if (!(error instanceof CoreError)) throw error;
      result.emerging = { error: error.message };
    }
  }
  result.elapsedMs = performance.now() - started;
  return { result, selection };
}

/**
 * Pre-aggregated H3 tables can be mapped at their own resolution or coarser (exact parent sums);
 * at a finer one their counts would have to be split among child cells, which nothing justifies.
 */
function withinResolution(selection: SourceSelection[], resolution: number): { selection: SourceSelection[]; coarserTables: HotspotResult['coarserTables'] } {
  const coarserTables: HotspotResult['coarserTables'] = [];
  const kept = selection.filter(({ source }) => {
    const native = source.summary.h3Resolution;
    if (source.summary.kind !== 'h3' || native === null || native >= resolution) return true;
    coarserTables.push({ name: source.summary.name, resolution: native });
    return false;
  });
  return { selection: kept, coarserTables };
}

/** Gi* per month over the filter's months (or all data months) on the study area, trend, classes. */
function emergingMap(dataset: Dataset, selection: readonly SourceSelection[], query: HotspotQuery, options: StatisticsSettings, aggregate: CellAggregate, dataFrom: number, dataMonths: number): EmergingMap {
  const monthFrom = query.filter.monthFrom ?? dataFrom;
  const monthTo = query.filter.monthTo ?? dataFrom + dataMonths - 1;
  const cells = studyAreaCells(aggregate, studyAreaWithin(options.studyArea, query.filter.area));
  const weights = query.weighting === 'harm' ? harmWeightArray(dataset, query.harmWeights) : undefined;
  const cube = cellMonthCube(dataset, selection, aggregate.resolution, cells, monthFrom, monthTo - monthFrom + 1, weights);
  const result = emergingHotspots(cube, neighboursFor(cells, options.k));
  return { cells, classIndex: result.classIndex, classCounts: result.classCounts, months: result.months, monthFrom };
}

/** Every cell of a hotspot result as export records, labelled with its top category and location, with Gi* columns when computed. */
export function hotspotExportRecords(dataset: Dataset, selection: readonly SourceSelection[], query: HotspotQuery, result: Pick<HotspotResult, 'aggregate' | 'giStar' | 'emerging'>): HotspotRecord[] {
  const { aggregate } = result;
  const labels = topLabelsByCell(dataset, selection, aggregate.resolution, aggregate.cells);
  const gi = result.giStar && 'z' in result.giStar ? result.giStar : null;
  let statistics: HotspotStatistics | undefined;
  if (gi) {
    const position = new Map(gi.cells.map((cell, i) => [cell, i]));
    const at = (values: ArrayLike<number>) => Float64Array.from(aggregate.cells, (cell) => values[position.get(cell) ?? -1] ?? NaN);
    statistics = { giZ: at(gi.z), giP: at(gi.p), giBin: at(gi.bin) };
  }
  const emerging = result.emerging && 'classIndex' in result.emerging ? result.emerging : null;
  if (emerging) {
    const position = new Map(emerging.cells.map((cell, i) => [cell, i]));
    statistics = { ...statistics, emergingClass: aggregate.cells.map((cell) => EMERGING_CLASSES[emerging.classIndex[position.get(cell) ?? -1] ?? 0] ?? 'no pattern') };
  }
  return hotspotRecords({ aggregate, topCategory: labels.topCategory, topLocation: labels.topLocation, rankBy: query.weighting, statistics, areaName: query.filter.area?.name });
}
