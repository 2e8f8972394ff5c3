/**
 * How well a hotspot map predicts the next period (Chainey, Tompson & Uhlig 2008).
 *
 * Cells of a fixed study area are ranked by a training-period score; the top cells are taken until
 * their area reaches a share of the study area. Then, over the test period:
 *   hit rate = n / N               (test incidents inside the selected cells / all test incidents in the study area)
 *   area share = a / A             (selected area / study area)
 *   PAI = (n / N) / (a / A)        (Predictive Accuracy Index)
 *   PEI = n / n*                   (Predictive Efficiency Index, Hunt 2016: n* is the most test incidents
 *                                   any cells of the same area could have held, the test period's own top cells)
 *   RRI = (n / n_train) / (N / N_train)
 *                                  (Recapture Rate Index, Levine 2008, "The 'hottest' part of a hotspot",
 *                                   Security Journal 21: the selected cells' test-to-training ratio over the
 *                                   whole area's, so it does not depend on the periods' lengths; 1 = no
 *                                   better than the area as a whole)
 *
 * Ties at the cut-off: cells whose score equals that of the last place share the places left, each
 * counted with weight (places left / cells tied) — the expected result of breaking the tie at random —
 * so the area used is exactly the share asked for and no cell order decides the result. Cells with a
 * score of 0 or less are never selected (they predict nothing), so the area used can be smaller; the
 * area actually used is always reported.
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
  /** Selected cells with their weight: 1, or a fraction for cells tied at the cut-off. */
  selected: { cell: number; weight: number }[];
  /** Cells tied at the cut-off that shared the last places (0 when there was no tie). */
  tiedAtCutoff: number;
  /** Σ weights: the number of cells' worth of area used. */
  cellsUsed: number;
  hitRate: number;
  areaShare: number;
  pai: number;
  pei: number;
  /** null when the selected cells had no training incidents. */
  rri: number | null;
  testIncidentsInside: number;
  testIncidentsTotal: number;
  areaKm2: number;
  studyAreaKm2: number;
}

/** Cell indices by descending score; ties by index so curves are reproducible. */
function rankedCells(scores: ArrayLike<number>): number[] {
  return Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

/** Cells making up `areaShare` of the study (at least one place), with the tie rule above. */
export function selectTopCells(scores: ArrayLike<number>, areaShare: number): { selected: { cell: number; weight: number }[]; tiedAtCutoff: number } {
  const n = scores.length;
  const places = Math.max(1, Math.min(n, Math.round(areaShare * n)));
  const order = rankedCells(scores).filter((i) => scores[i] > 0);
  if (order.length <= places) return { selected: order.map((cell) => ({ cell, weight: 1 })), tiedAtCutoff: 0 };
  const cutoff = scores[order[places - 1]];
  const above = order.filter((i) => scores[i] > cutoff);
  const tied = order.filter((i) => scores[i] === cutoff);
  const left = places - above.length;
  const selected = above.map((cell) => ({ cell, weight: 1 }));
  if (tied.length === left) return { selected: [...selected, ...tied.map((cell) => ({ cell, weight: 1 }))], tiedAtCutoff: 0 };
  return { selected: [...selected, ...tied.map((cell) => ({ cell, weight: left / tied.length }))], tiedAtCutoff: tied.length };
}

/** The most test incidents any `cells` cells' worth of area could hold (fractional cells pro rata). */
function bestPossible(testCounts: ArrayLike<number>, cells: number): number {
  const sorted = Float64Array.from(testCounts).sort().reverse();
  const whole = Math.floor(cells);
  let total = 0;
  for (let i = 0; i < whole && i < sorted.length; i++) total += sorted[i];
  if (whole < sorted.length) total += (cells - whole) * sorted[whole];
  return total;
}

/** The top cells covering `areaShare` of the study area, scored on the test period. */
export function predictiveAccuracy(input: AccuracyInput, areaShare: number): AccuracyResult {
  const { selected, tiedAtCutoff } = selectTopCells(input.trainScores, areaShare);
  const n = input.trainScores.length;
  let testInside = 0;
  let trainInside = 0;
  let cellsUsed = 0;
  for (const { cell, weight } of selected) {
    testInside += weight * input.testCounts[cell];
    trainInside += weight * input.trainCounts[cell];
    cellsUsed += weight;
  }
  const testTotal = sum(input.testCounts);
  const trainTotal = sum(input.trainCounts);
  const hitRate = testTotal > 0 ? testInside / testTotal : 0;
  const share = n > 0 ? cellsUsed / n : 0;
  const best = bestPossible(input.testCounts, cellsUsed);
  return {
    selected,
    tiedAtCutoff,
    cellsUsed,
    hitRate,
    areaShare: share,
    pai: share > 0 ? hitRate / share : 0,
    pei: best > 0 ? testInside / best : 0,
    rri: trainInside > 0 && testTotal > 0 ? testInside / trainInside / (testTotal / trainTotal) : null,
    testIncidentsInside: testInside,
    testIncidentsTotal: testTotal,
    areaKm2: cellsUsed * input.cellAreaKm2,
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
