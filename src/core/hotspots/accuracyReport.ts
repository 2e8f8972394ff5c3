import { getHexagonAreaAvg } from 'h3-js';
import type { Dataset } from '../dataset';
import { csvDocument } from '../export/csv';
import { hitRateCurve, ppai, predictiveAccuracy, type AccuracyInput } from '../stats/accuracy';
import { priorityCells, prioritySetStability } from '../stats/evaluation';
import { giStar } from '../stats/gistar';
import { buildNeighbourIndex } from '../stats/neighbours';
import { aggregateCells, type CellAggregate } from './aggregate';
import { harmWeightArray } from './computeHotspots';
import { selectRows, type IncidentFilter } from './filter';
import { studyAreaCells, studyAreaWithin, type StudyArea } from './hotspotStatistics';

export type AccuracyMethod = 'count' | 'harm' | 'gistar';

export interface AccuracyQuery {
  /** The filter without its months: the periods below replace them. */
  filter: IncidentFilter;
  resolution: number;
  harmWeights: Record<number, number>;
  train: [number, number];
  test: [number, number];
  areaShare: number;
  alpha: number;
  k: number;
  studyArea: StudyArea;
}

export interface AccuracyRow {
  method: AccuracyMethod;
  hitRate: number;
  areaShare: number;
  pai: number;
  ppai: number;
  rri: number;
  cells: number;
  /** Why the method could not be scored (e.g. Gi* with too few cells). */
  problem?: string;
}

export interface AccuracyReport {
  rows: AccuracyRow[];
  curves: { method: AccuracyMethod; points: { areaShare: number; hitRate: number }[] }[];
  best: AccuracyMethod | null;
  trainIncidents: number;
  testIncidents: number;
  studyCells: number;
  studyAreaKm2: number;
  /** The top cells by count in the training period against the top cells by count in the test period. */
  stability: { remained: number; left: number; entered: number; jaccard: number };
}

export const ACCURACY_METHOD_LABEL: Record<AccuracyMethod, string> = { count: 'Top cells by count', harm: 'Top cells by harm', gistar: 'Gi* hot spots (by z)' };

function onCells(aggregate: CellAggregate, cells: readonly string[], values: Float64Array): Float64Array {
  const position = new Map(aggregate.cells.map((cell, i) => [cell, i]));
  return Float64Array.from(cells, (cell) => values[position.get(cell) ?? -1] ?? 0);
}

/**
 * Which hotspot method would have caught most of the test period's incidents in the least area:
 * each method ranks the study cells on the training period; the top cells covering `areaShare`
 * of the study area are scored on the test period (hit rate, PAI, PPAI, RRI), with a curve of hit
 * rate against area share up to 20%.
 */
export function accuracyReport(dataset: Dataset, query: AccuracyQuery): AccuracyReport {
  const weights = harmWeightArray(dataset, query.harmWeights);
  const period = ([monthFrom, monthTo]: [number, number]) => aggregateCells(dataset, selectRows(dataset, { ...query.filter, monthFrom, monthTo }), query.resolution, weights);
  const train = period(query.train);
  const test = period(query.test);
  const union = { ...train, cells: [...new Set([...train.cells, ...test.cells])].sort() };
  const cells = studyAreaCells(union, studyAreaWithin(query.studyArea, query.filter.area));
  const trainCounts = onCells(train, cells, train.counts);
  const testCounts = onCells(test, cells, test.counts);
  const cellAreaKm2 = getHexagonAreaAvg(query.resolution, 'km2');
  const base: Omit<AccuracyInput, 'trainScores'> = { trainCounts, testCounts, cellAreaKm2 };
  const rankings: { method: AccuracyMethod; scores: () => ArrayLike<number> }[] = [
    { method: 'count', scores: () => trainCounts },
    { method: 'harm', scores: () => onCells(train, cells, train.harm) },
    { method: 'gistar', scores: () => Float64Array.from(giStar(trainCounts, buildNeighbourIndex(cells, query.k)), (z) => Math.max(0, z)) },
  ];
  const rows: AccuracyRow[] = [];
  const curves: AccuracyReport['curves'] = [];
  for (const { method, scores } of rankings) {
    try {
      const input = { ...base, trainScores: scores() };
      const result = predictiveAccuracy(input, query.areaShare);
      rows.push({ method, hitRate: result.hitRate, areaShare: result.areaShare, pai: result.pai, ppai: ppai(result.hitRate, result.areaShare, query.alpha), rri: result.rri, cells: result.selectedCells.length });
      curves.push({ method, points: hitRateCurve(input, 0.2) });
    } catch (error) {
      rows.push({ method, hitRate: 0, areaShare: 0, pai: 0, ppai: 0, rri: 0, cells: 0, problem: error instanceof Error ? error.message : String(error) });
    }
  }
  const scored = rows.filter((r) => !r.problem && r.cells > 0);
  const best = scored.length > 0 ? scored.reduce((a, b) => (b.pai > a.pai ? b : a)).method : null;
  const topByCount = (values: ArrayLike<number>) => priorityCells(values, { kind: 'areaShare', share: query.areaShare }).map((i) => cells[i]);
  const stability = prioritySetStability(topByCount(trainCounts), topByCount(testCounts));
  return { rows, curves, best, stability, trainIncidents: train.totalCount, testIncidents: test.totalCount, studyCells: cells.length, studyAreaKm2: cells.length * cellAreaKm2 };
}

/** The accuracy table as CSV, for a report. */
export function accuracyCsv(report: AccuracyReport, periods: { train: string; test: string }, areaName = ''): string {
  return csvDocument(
    ['method', 'train_period', 'test_period', 'hit_rate', 'area_share', 'pai', 'ppai', 'rri', 'cells', 'study_cells', 'study_area_km2', 'note', 'study_area'],
    report.rows.map((r) => [ACCURACY_METHOD_LABEL[r.method], periods.train, periods.test, r.hitRate.toFixed(4), r.areaShare.toFixed(4), r.pai.toFixed(3), r.ppai.toFixed(3), r.rri.toFixed(3), r.cells, report.studyCells, report.studyAreaKm2.toFixed(3), r.problem ?? '', areaName]),
  );
}
