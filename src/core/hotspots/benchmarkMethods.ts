import type { Dataset } from '../dataset';
import { giStar } from '../stats/gistar';
import { prospectiveAgeWeight, prospectiveDistanceWeight, PROSPECTIVE_RADIUS_M, quarticKernel, spreadOnCentres, type WeightedPoints } from '../stats/pointKernels';
import { aggregateCells, type CellAggregate } from './aggregate';
import { cellCentres } from './cellFeatures';
import { rowWeight, type SourceSelection } from './filter';
import { neighboursFor } from './hotspotStatistics';

/** The ways of ranking cells the prediction benchmark compares, each computed from training data only. */
export const BENCHMARK_METHODS = ['last-month', 'count', 'harm', 'kde', 'prospective', 'gistar'] as const;
export type BenchmarkMethod = (typeof BENCHMARK_METHODS)[number];

export const BENCHMARK_METHOD_LABEL: Record<BenchmarkMethod, string> = {
  'last-month': "Last month's count",
  count: 'Training-period count',
  harm: 'Training-period harm',
  kde: 'Kernel density (quartic)',
  prospective: 'Prospective (Bowers et al. 2004)',
  gistar: 'Gi* z-score',
};

export interface FoldData {
  dataset: Dataset;
  /** Rows of the training months, already filtered. */
  train: SourceSelection[];
  trainMonths: [number, number];
  /** First month of the forecast (test) period: ages are measured from it. */
  forecastFrom: number;
  resolution: number;
  harmWeights: ArrayLike<number>;
  /** Study cells, sorted. */
  cells: readonly string[];
  kdeBandwidthM: number;
  k: number;
}

/** Values of an aggregate spread onto the study cells (0 where the aggregate has none). */
export function onStudyCells(aggregate: CellAggregate, cells: readonly string[], values: Float64Array): Float64Array {
  const position = new Map(aggregate.cells.map((cell, i) => [cell, i]));
  return Float64Array.from(cells, (cell) => values[position.get(cell) ?? -1] ?? 0);
}

/** Training incidents as weighted distinct points; `weightOf(month)` scales each row by its month. */
function trainingPoints(fold: FoldData, weightOf: (month: number) => number): WeightedPoints {
  const { points } = fold.dataset;
  const weight = new Float64Array(points.count);
  for (const { source, rows } of fold.train) {
    const { point, monthIndex } = source.columns;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const w = weightOf(monthIndex[row]);
      if (w > 0) weight[point[row]] += w * rowWeight(source, row);
    }
  }
  const used: number[] = [];
  for (let p = 0; p < weight.length; p++) if (weight[p] > 0) used.push(p);
  return { lat: used.map((p) => points.lat.get(p)), lng: used.map((p) => points.lng.get(p)), weight: used.map((p) => weight[p]) };
}

/** Per study cell, the score each method ranks by (higher = predicted hotter). Gi* may throw when too few cells have data. */
export function methodScores(fold: FoldData, method: BenchmarkMethod, trainAggregate: CellAggregate): Float64Array {
  const [from, to] = fold.trainMonths;
  switch (method) {
    case 'last-month': {
      const lastMonth = fold.train.map((selection) => ({ ...selection, rows: selection.rows.filter((row) => selection.source.columns.monthIndex[row] === to) }));
      const aggregate = aggregateCells(fold.dataset, lastMonth, fold.resolution, fold.harmWeights);
      return onStudyCells(aggregate, fold.cells, aggregate.counts);
    }
    case 'count':
      return onStudyCells(trainAggregate, fold.cells, trainAggregate.counts);
    case 'harm':
      return onStudyCells(trainAggregate, fold.cells, trainAggregate.harm);
    case 'kde':
      return spreadOnCentres(trainingPoints(fold, (m) => (m >= from && m <= to ? 1 : 0)), cellCentres(fold.cells), fold.kdeBandwidthM, quarticKernel(fold.kdeBandwidthM));
    case 'prospective':
      return spreadOnCentres(trainingPoints(fold, (m) => prospectiveAgeWeight(m, fold.forecastFrom)), cellCentres(fold.cells), PROSPECTIVE_RADIUS_M, prospectiveDistanceWeight);
    case 'gistar': {
      const counts = onStudyCells(trainAggregate, fold.cells, trainAggregate.counts);
      return Float64Array.from(giStar(counts, neighboursFor(fold.cells, fold.k)), (z) => Math.max(0, z));
    }
  }
}
