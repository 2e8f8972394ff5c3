import { CoreError } from '../errors';
import { hotspotBins } from './fdr';
import { checkedMoments, MIN_CELLS_WITH_DATA, twoSidedPValues } from './gistar';
import { mannKendall } from './mannKendall';
import type { NeighbourIndex } from './neighbours';

/**
 * Emerging hot spot classes, as ArcGIS Pro's Emerging Hot Spot Analysis defines them ("How Emerging
 * Hot Spot Analysis works"). Each cell-month bin has a space-time Gi* z (see `spaceTimeGiStar`),
 * binned at 90% or more with Benjamini-Hochberg FDR over all bins, always; each cell's z series has
 * a Mann-Kendall trend. With "hot share" the share of months the cell was a significant hot spot
 * and "final" the last month, the rules, checked in this order, are:
 *   new            hot in the final month, never hot before
 *   consecutive    one unbroken run of ≥ 2 hot months ending in the final month, never hot before
 *                  the run, hot share < 90%
 *   intensifying   hot share ≥ 90%, hot in the final month, z rising (Mann-Kendall p < 0.05)
 *   diminishing    hot share ≥ 90%, hot in the final month, z falling (p < 0.05)
 *   persistent     hot share ≥ 90%, hot in the final month, no significant trend
 *   historical     hot share ≥ 90%, not hot in the final month
 *   oscillating    hot in the final month, cold in some earlier month, hot share < 90%
 *   sporadic       hot in the final month, on and off before, never cold, hot share < 90%
 * and the same eight for cold spots with hot and cold swapped. Hot rules are tried first when
 * the cell was hot in the final month or more often hot than cold. Anything else: no pattern.
 */
export const EMERGING_CLASSES = [
  'no pattern',
  'new hot spot', 'consecutive hot spot', 'intensifying hot spot', 'persistent hot spot', 'diminishing hot spot', 'sporadic hot spot', 'oscillating hot spot', 'historical hot spot',
  'new cold spot', 'consecutive cold spot', 'intensifying cold spot', 'persistent cold spot', 'diminishing cold spot', 'sporadic cold spot', 'oscillating cold spot', 'historical cold spot',
] as const;
export type EmergingClass = (typeof EMERGING_CLASSES)[number];

export const MIN_MONTHS = 6;
const TREND_ALPHA = 0.05;
const MOSTLY = 0.9;

/** The class of one cell from its monthly bins (−3…3) and the Mann-Kendall z-trend of its Gi* series. */
export function classifyCell(bins: ArrayLike<number>, trend: { z: number; p: number }): EmergingClass {
  const months = bins.length;
  const hot = Array.from(bins, (b) => b > 0);
  const cold = Array.from(bins, (b) => b < 0);
  const hotCount = hot.filter(Boolean).length;
  const coldCount = cold.filter(Boolean).length;
  const hotFirst = hot[months - 1] || (hotCount >= coldCount && !cold[months - 1]);
  const sides: ['hot' | 'cold', boolean[], boolean[], number][] = [
    ['hot', hot, cold, trend.z],
    ['cold', cold, hot, -trend.z],
  ];
  for (const [side, is, opposite, rising] of hotFirst ? sides : [sides[1], sides[0]]) {
    const count = is.filter(Boolean).length;
    if (count === 0) continue;
    const final = is[months - 1];
    const share = count / months;
    const significantTrend = trend.p < TREND_ALPHA;
    if (final && count === 1) return `new ${side} spot`;
    if (final && share < MOSTLY) {
      let run = 0;
      for (let m = months - 1; m >= 0 && is[m]; m--) run++;
      if (run >= 2 && run === count) return `consecutive ${side} spot`;
    }
    if (share >= MOSTLY) {
      if (!final) return `historical ${side} spot`;
      if (significantTrend && rising > 0) return `intensifying ${side} spot`;
      if (significantTrend && rising < 0) return `diminishing ${side} spot`;
      return `persistent ${side} spot`;
    }
    if (final && opposite.some(Boolean)) return `oscillating ${side} spot`;
    if (final) return `sporadic ${side} spot`;
  }
  return 'no pattern';
}

export interface EmergingResult {
  /** Per cell: index into EMERGING_CLASSES. */
  classIndex: Uint8Array;
  /** Cells per class, aligned with EMERGING_CLASSES. */
  classCounts: number[];
  /** Per cell: Mann-Kendall z of its monthly Gi* z. */
  trendZ: Float64Array;
  months: number;
  timeSteps: number;
}

/** Months before the current one in a bin's neighbourhood (ArcGIS's "neighbourhood time step"). */
export const DEFAULT_TIME_STEPS = 1;

/**
 * Space-time Gi*: every cell-month bin is compared with the whole cube (n = cells × months; mean
 * and population SD over all bins), its neighbourhood being the cell's ring (`neighbours`) in the
 * same month and the `timeSteps` months before (fewer at the start of the cube). Binary weights, so
 *   z = (Σ_neighbourhood x − X̄·W) / (S·√((n·W − W²)/(n − 1))), W = bins in the neighbourhood.
 * Throws (as Gi* does) when fewer than 30 bins have data or all bins are equal.
 */
export function spaceTimeGiStar(cube: readonly Float64Array[], neighbours: NeighbourIndex, timeSteps: number, minWithData = MIN_CELLS_WITH_DATA): Float64Array[] {
  const months = cube.length;
  const cells = months > 0 ? cube[0].length : 0;
  // Per month, each cell's sum over its spatial ring; then a running sum over the neighbourhood time step.
  const ringSums = cube.map((values) => {
    const sums = new Float64Array(cells);
    for (let i = 0; i < cells; i++) for (let e = neighbours.offsets[i]; e < neighbours.offsets[i + 1]; e++) sums[i] += values[neighbours.indices[e]];
    return sums;
  });
  const flat = new Float64Array(months * cells);
  cube.forEach((values, m) => flat.set(values, m * cells));
  const n = flat.length;
  const { mean, sd } = checkedMoments(flat, minWithData, (withData) => `Only ${withData} cell-months have incidents; emerging hot spots need at least ${minWithData}. Widen the period, the categories or the area.`);
  return cube.map((_, m) => {
    const z = new Float64Array(cells);
    const first = Math.max(0, m - timeSteps);
    for (let i = 0; i < cells; i++) {
      let local = 0;
      for (let t = first; t <= m; t++) local += ringSums[t][i];
      const weights = (neighbours.offsets[i + 1] - neighbours.offsets[i]) * (m - first + 1);
      const denominator = sd * Math.sqrt((n * weights - weights * weights) / (n - 1));
      z[i] = denominator > 0 ? (local - mean * weights) / denominator : 0;
    }
    return z;
  });
}

/**
 * The space-time cube analysis: space-time Gi* per bin, FDR-corrected bins over the whole cube,
 * Mann-Kendall on each cell's z series, then the classes above. `valuesByMonth[m][i]` is the value
 * of cell i in month m.
 */
export function emergingHotspots(valuesByMonth: readonly Float64Array[], neighbours: NeighbourIndex, timeSteps = DEFAULT_TIME_STEPS): EmergingResult {
  const months = valuesByMonth.length;
  if (months < MIN_MONTHS) throw new CoreError('TOO_FEW_MONTHS', `Emerging hot spots need at least ${MIN_MONTHS} months of data; the selected period has ${months}.`);
  const cells = valuesByMonth[0].length;
  const zByMonth = spaceTimeGiStar(valuesByMonth, neighbours, timeSteps);
  const allZ = new Float64Array(months * cells);
  zByMonth.forEach((z, m) => allZ.set(z, m * cells));
  const allBins = hotspotBins(allZ, twoSidedPValues(allZ), { fdr: true });
  const classIndex = new Uint8Array(cells);
  const trendZ = new Float64Array(cells);
  const classCounts = new Array<number>(EMERGING_CLASSES.length).fill(0);
  const series = new Float64Array(months);
  const bins = new Int8Array(months);
  for (let i = 0; i < cells; i++) {
    for (let m = 0; m < months; m++) {
      series[m] = zByMonth[m][i];
      bins[m] = allBins[m * cells + i];
    }
    const trend = mannKendall(series);
    trendZ[i] = trend.z;
    const index = EMERGING_CLASSES.indexOf(classifyCell(bins, trend));
    classIndex[i] = index;
    classCounts[index]++;
  }
  return { classIndex, classCounts, trendZ, months, timeSteps };
}
