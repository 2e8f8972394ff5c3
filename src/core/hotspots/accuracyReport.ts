import { getHexagonAreaAvg } from 'h3-js';
import type { Dataset } from '../dataset';
import { CoreError } from '../errors';
import { csvDocument } from '../export/csv';
import { monthLabel } from '../ingest/dates';
import { hitRateCurve, predictiveAccuracy } from '../stats/accuracy';
import { aggregateCells } from './aggregate';
import { BENCHMARK_METHOD_LABEL, BENCHMARK_METHODS, methodScores, onStudyCells, type BenchmarkMethod } from './benchmarkMethods';
import { harmWeightArray } from './computeHotspots';
import { selectRows, type IncidentFilter } from './filter';
import { studyAreaCells, studyAreaWithin, type StudyArea } from './hotspotStatistics';

/** The area shares every method is scored at. */
export const BENCHMARK_SHARES = [0.01, 0.03, 0.05] as const;
export const DEFAULT_KDE_BANDWIDTH_M = 250;

/** A training period and the later test period it forecasts, as month indices (inclusive). */
export interface Periods {
  train: [number, number];
  test: [number, number];
}

export interface AccuracyQuery extends Periods {
  /** The filter without its months: the periods below replace them. */
  filter: IncidentFilter;
  resolution: number;
  harmWeights: Record<number, number>;
  /**
   * Rolling: every month of the test period is forecast in turn from the training-length window
   * just before it, and the scores are averaged over those months.
   */
  rolling: boolean;
  kdeBandwidthM: number;
  /** Gi* neighbourhood (gridDisk k). */
  k: number;
  studyArea: StudyArea;
}

export interface BenchmarkScore {
  share: number;
  hitRate: number;
  pai: number;
  pei: number;
  rri: number | null;
  /** Area share actually used (smaller when too few cells scored above 0). */
  areaShareUsed: number;
  /** Folds in which cells tied at the cut-off shared the last places. */
  tiedFolds: number;
}

export interface BenchmarkRow {
  method: BenchmarkMethod;
  scores: BenchmarkScore[];
  /** Mean PAI over the shares: how the best method is chosen. */
  meanPai: number;
  /** Why the method could not be scored (e.g. Gi* with too few cells). */
  problem?: string;
}

export interface BenchmarkFold extends Periods {
  studyCells: number;
  trainIncidents: number;
  /** Test incidents inside the study area (N) and outside it (not scored). */
  testIncidents: number;
  testOutside: number;
}

export interface AccuracyReport {
  query: AccuracyQuery;
  rows: BenchmarkRow[];
  /** Hit rate against area share up to 20%, from the last fold. */
  curves: { method: BenchmarkMethod; points: { areaShare: number; hitRate: number }[] }[];
  best: BenchmarkMethod | null;
  folds: BenchmarkFold[];
  cellAreaKm2: number;
}

function foldsOf(query: AccuracyQuery): Periods[] {
  const [trainFrom, trainTo] = query.train;
  const [testFrom, testTo] = query.test;
  if (trainTo < trainFrom || testTo < testFrom) throw new CoreError('BAD_INPUT', 'Each period must end on or after its start.');
  if (testFrom <= trainTo) throw new CoreError('BAD_INPUT', 'The test period must start after the training period ends: a forecast cannot use the months it predicts.');
  if (!query.rolling) return [{ train: query.train, test: query.test }];
  const length = trainTo - trainFrom + 1;
  return Array.from({ length: testTo - testFrom + 1 }, (_, i) => ({ train: [testFrom + i - length, testFrom + i - 1], test: [testFrom + i, testFrom + i] }));
}

const mean = (values: number[]) => (values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/**
 * The prediction benchmark: which way of drawing a hotspot map from past months would have caught
 * most of the next months' incidents in the least area. The study area is fixed from the training
 * period (its cells plus the ring, or the chosen boundary), so it never depends on the future;
 * test incidents outside it are counted and reported, not scored.
 */
export function accuracyReport(dataset: Dataset, query: AccuracyQuery): AccuracyReport {
  const weights = harmWeightArray(dataset, query.harmWeights);
  const cellAreaKm2 = getHexagonAreaAvg(query.resolution, 'km2');
  const perMethod = new Map<BenchmarkMethod, { results: ReturnType<typeof predictiveAccuracy>[][]; problem?: string }>(BENCHMARK_METHODS.map((m) => [m, { results: [] }]));
  const curves: AccuracyReport['curves'] = [];
  const folds: BenchmarkFold[] = [];
  const plan = foldsOf(query);
  plan.forEach(({ train: trainMonths, test: testMonths }, foldIndex) => {
    const train = selectRows(dataset, { ...query.filter, monthFrom: trainMonths[0], monthTo: trainMonths[1] });
    const trainAggregate = aggregateCells(dataset, train, query.resolution, weights);
    const testAggregate = aggregateCells(dataset, selectRows(dataset, { ...query.filter, monthFrom: testMonths[0], monthTo: testMonths[1] }), query.resolution, weights);
    const studyArea = studyAreaWithin(query.studyArea, query.filter.area);
    const cells = trainAggregate.cells.length > 0 || studyArea.kind === 'boundary' ? studyAreaCells(trainAggregate, studyArea) : [];
    const trainCounts = onStudyCells(trainAggregate, cells, trainAggregate.counts);
    const testCounts = onStudyCells(testAggregate, cells, testAggregate.counts);
    const testInside = testCounts.reduce((a, b) => a + b, 0);
    folds.push({ train: trainMonths, test: testMonths, studyCells: cells.length, trainIncidents: trainAggregate.totalCount, testIncidents: testInside, testOutside: testAggregate.totalCount - testInside });
    const fold = { dataset, train, trainMonths, forecastFrom: testMonths[0], resolution: query.resolution, harmWeights: weights, cells, kdeBandwidthM: query.kdeBandwidthM, k: query.k };
    for (const method of BENCHMARK_METHODS) {
      const entry = perMethod.get(method)!;
      if (entry.problem) continue;
      try {
        if (cells.length === 0) throw new CoreError('TOO_FEW_CELLS', `No incidents in the training months ${monthLabel(trainMonths[0])}–${monthLabel(trainMonths[1])}.`);
        const input = { trainScores: methodScores(fold, method, trainAggregate), trainCounts, testCounts, cellAreaKm2 };
        entry.results.push(BENCHMARK_SHARES.map((share) => predictiveAccuracy(input, share)));
        if (foldIndex === plan.length - 1) curves.push({ method, points: hitRateCurve(input, 0.2) });
      } catch (error) {
        if (!(error instanceof CoreError)) throw error;
        entry.problem = error.message;
      }
    }
  });
  const rows: BenchmarkRow[] = BENCHMARK_METHODS.map((method) => {
    const { results, problem } = perMethod.get(method)!;
    if (problem) return { method, scores: [], meanPai: 0, problem };
    const scores = BENCHMARK_SHARES.map((share, s) => {
      const atShare = results.map((fold) => fold[s]);
      const rris = atShare.map((r) => r.rri).filter((r): r is number => r !== null);
      return {
        share,
        hitRate: mean(atShare.map((r) => r.hitRate)),
        pai: mean(atShare.map((r) => r.pai)),
        pei: mean(atShare.map((r) => r.pei)),
        rri: rris.length > 0 ? mean(rris) : null,
        areaShareUsed: mean(atShare.map((r) => r.areaShare)),
        tiedFolds: atShare.filter((r) => r.tiedAtCutoff > 0).length,
      };
    });
    return { method, scores, meanPai: mean(scores.map((s) => s.pai)) };
  });
  const scored = rows.filter((r) => !r.problem && r.meanPai > 0);
  const best = scored.length > 0 ? scored.reduce((a, b) => (b.meanPai > a.meanPai ? b : a)).method : null;
  return { query, rows, curves, best, folds, cellAreaKm2 };
}

function periodLabel([from, to]: [number, number]): string {
  return from === to ? monthLabel(from) : `${monthLabel(from)}..${monthLabel(to)}`;
}

/** The benchmark table as CSV: one line per method and area share, naming the study area (with a note on synthetic data, when any is shown). */
export function accuracyCsv(report: AccuracyReport, note: string | null = null): string {
  const { query, folds } = report;
  const studyCells = folds.length > 0 ? Math.round(mean(folds.map((f) => f.studyCells))) : 0;
  const areaName = query.filter.area?.name ?? '';
  const lines = report.rows.flatMap((row) =>
    row.problem
      ? [[BENCHMARK_METHOD_LABEL[row.method], periodLabel(query.train), periodLabel(query.test), query.rolling ? 'rolling' : 'single', '', '', '', '', '', '', '', studyCells, row.problem, areaName]]
      : row.scores.map((s) => [
          BENCHMARK_METHOD_LABEL[row.method],
          periodLabel(query.train),
          periodLabel(query.test),
          query.rolling ? `rolling over ${folds.length} months` : 'single',
          s.share,
          s.areaShareUsed.toFixed(4),
          s.hitRate.toFixed(4),
          s.pai.toFixed(3),
          s.pei.toFixed(3),
          s.rri === null ? '' : s.rri.toFixed(3),
          row.method === report.best ? 'best' : '',
          studyCells,
          row.method === 'kde' ? `bandwidth ${query.kdeBandwidthM} m` : '',
          areaName,
        ]),
  );
  return csvDocument(['method', 'train_period', 'test_period', 'mode', 'area_share', 'area_share_used', 'hit_rate', 'pai', 'pei', 'rri', 'best', 'study_cells', 'note', 'study_area'], lines, note);
}
