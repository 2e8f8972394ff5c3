import { CoreError } from '../errors';
import type { NeighbourIndex } from './neighbours';
import { normalTwoSidedP } from './normal';

/** Fewer cells with data than this and Gi* says little (ArcGIS asks for at least 30 features). */
export const MIN_CELLS_WITH_DATA = 30;

/** Mean and population SD of the values, refusing too few non-zero values or no variance. */
export function checkedMoments(values: ArrayLike<number>, minWithData: number, tooFew: (withData: number) => string): { mean: number; sd: number } {
  const n = values.length;
  let withData = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x !== 0) withData++;
    sum += x;
    sumSquares += x * x;
  }
  if (withData < minWithData) throw new CoreError('TOO_FEW_CELLS', tooFew(withData));
  const mean = sum / n;
  const sd = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
  if (sd === 0 || !Number.isFinite(sd)) throw new CoreError('NO_VARIANCE', 'Every cell has the same value, so no cell stands out: there is no hotspot to test.');
  return { mean, sd };
}

/**
 * Getis-Ord Gi* (Getis & Ord 1992; Ord & Getis 1995) with binary weights w_ij = 1 for j in the
 * neighbour list of i (i itself included):
 *
 *   Gi* = (Σ_j w_ij x_j − X̄ Σ_j w_ij) / (S · sqrt((n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1)))
 *
 * X̄ is the mean and S the population standard deviation of all n values (zero cells included:
 * a hotspot is only hot against its surroundings). Returns one z-score per cell. Throws when the
 * statistic means nothing: fewer than 30 cells with data, or all values equal.
 */
export function giStar(values: ArrayLike<number>, neighbours: NeighbourIndex, minCellsWithData = MIN_CELLS_WITH_DATA): Float64Array {
  const n = values.length;
  const { mean, sd } = checkedMoments(
    values,
    minCellsWithData,
    (withData) => `Only ${withData} cells have incidents; hotspot statistics need at least ${minCellsWithData}. Widen the period, the categories or the area, or use a coarser resolution.`,
  );
  const z = new Float64Array(n);
  const { offsets, indices } = neighbours;
  for (let i = 0; i < n; i++) {
    let local = 0;
    const weights = offsets[i + 1] - offsets[i];
    for (let e = offsets[i]; e < offsets[i + 1]; e++) local += values[indices[e]];
    // Binary weights: Σw = Σw² = number of neighbours.
    const denominator = sd * Math.sqrt((n * weights - weights * weights) / (n - 1));
    z[i] = denominator > 0 ? (local - mean * weights) / denominator : 0;
  }
  return z;
}

export function twoSidedPValues(z: ArrayLike<number>): Float64Array {
  const p = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) p[i] = normalTwoSidedP(z[i]);
  return p;
}
