/**
 * How well a hotspot map predicts the next period (Chainey, Tompson & Uhlig 2008).
 *
 * Cells are ranked by a training-period score (count, Gi* z, harm); the top cells are taken until
 * their area reaches a share of the study area. Then, over the test period:
 *   hit rate = n / N               (test incidents inside the selected cells / all test incidents)
 *   area share = a / A             (selected area / study area)
 *   PAI = (n / N) / (a / A)        (Predictive Accuracy Index)
 *   PPAI(α) = (n / N) / (a / A)^α  (penalised PAI: α = 0 gives the hit rate, α = 1 the PAI)
 *   RRI = (n / a) / (n_train / a)  (Recapture Rate Index, Levine 2008: the selected cells' test
 *                                   rate over their training rate; the area cancels)
 */
export interface AccuracyInput {
  /** Per study cell: the training-period score used to rank cells (higher = hotter). */
  trainScores: ArrayLike<number>;
  /** Per study cell: incidents in the training period (for RRI). */
  trainCounts: ArrayLike<number>;
  /** Per study cell: incidents in the test period. */
  testCounts: ArrayLike<number>;
  /** Area of one cell in km² (H3 cells of one resolution are near-equal in area). */
  cellAreaKm2: number;
}

export interface AccuracyResult {
  selectedCells: number[];
  hitRate: number;
  areaShare: number;
  pai: number;
  rri: number;
  testIncidentsInside: number;
  testIncidentsTotal: number;
  areaKm2: number;
  studyAreaKm2: number;
}

/** Cell indices by descending score; ties by index so results are reproducible. */
function rankedCells(scores: ArrayLike<number>): number[] {
  return Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
}

function sum(values: ArrayLike<number>, indices?: readonly number[]): number {
  let total = 0;
  if (indices) for (const i of indices) total += values[i];
  else for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

export function ppai(hitRate: number, areaShare: number, alpha: number): number {
  return areaShare > 0 ? hitRate / areaShare ** alpha : 0;
}

/** The top cells covering `areaShare` of the study area (at least one cell), scored on the test period. */
export function predictiveAccuracy(input: AccuracyInput, areaShare: number): AccuracyResult {
  const n = input.trainScores.length;
  const take = Math.max(1, Math.min(n, Math.round(areaShare * n)));
  // Only cells with a positive score are hotspots; a zero-score cell predicts nothing.
  const selectedCells = rankedCells(input.trainScores).slice(0, take).filter((i) => input.trainScores[i] > 0);
  return scoreSelection(input, selectedCells);
}

export function scoreSelection(input: AccuracyInput, selectedCells: number[]): AccuracyResult {
  const n = input.trainScores.length;
  const testInside = sum(input.testCounts, selectedCells);
  const testTotal = sum(input.testCounts);
  const trainInside = sum(input.trainCounts, selectedCells);
  const hitRate = testTotal > 0 ? testInside / testTotal : 0;
  const share = n > 0 ? selectedCells.length / n : 0;
  return {
    selectedCells,
    hitRate,
    areaShare: share,
    pai: share > 0 ? hitRate / share : 0,
    rri: trainInside > 0 ? testInside / trainInside : 0,
    testIncidentsInside: testInside,
    testIncidentsTotal: testTotal,
    areaKm2: selectedCells.length * input.cellAreaKm2,
    studyAreaKm2: n * input.cellAreaKm2,
  };
}

/** Hit rate against area share from 0 to `maxShare`, one point per added cell (thinned to `points`). */
export function hitRateCurve(input: AccuracyInput, maxShare = 0.2, points = 41): { areaShare: number; hitRate: number }[] {
  const order = rankedCells(input.trainScores);
  const n = order.length;
  const testTotal = sum(input.testCounts);
  const curve = [{ areaShare: 0, hitRate: 0 }];
  if (n === 0 || testTotal === 0) return curve;
  const maxCells = Math.min(n, Math.round(maxShare * n));
  const step = Math.max(1, Math.ceil(maxCells / (points - 1)));
  let inside = 0;
  for (let taken = 1; taken <= maxCells; taken++) {
    inside += input.testCounts[order[taken - 1]];
    if (taken % step === 0 || taken === maxCells) curve.push({ areaShare: taken / n, hitRate: inside / testTotal });
  }
  return curve;
}
