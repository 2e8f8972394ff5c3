import { describe, expect, it } from 'vitest';
import { hitRateCurve, predictiveAccuracy, selectTopCells } from '../../src/core/stats/accuracy';

// Ten cells of 0.1 km². Training puts cell 0 and 1 on top; the test period has 20 incidents.
const input = {
  trainScores: [9, 7, 3, 2, 1, 0, 0, 0, 0, 0],
  trainCounts: [9, 7, 3, 2, 1, 0, 0, 0, 0, 0],
  testCounts: [6, 4, 2, 2, 1, 1, 1, 1, 1, 1],
  cellAreaKm2: 0.1,
};

describe('predictive accuracy', () => {
  it('computes hit rate, PAI, PEI and RRI by hand for the top 20% of area', () => {
    // Top 2 cells: n = 10 of N = 20 → hit rate 0.5; a/A = 0.2 → PAI 2.5.
    // PEI: the test period's own best 2 cells hold 6 + 4 = 10 → 1.
    // RRI (Levine): (n_test / n_train) / (N_test / N_train) = (10 / 16) / (20 / 22) = 0.6875.
    const result = predictiveAccuracy(input, 0.2);
    expect(result.selected).toEqual([{ cell: 0, weight: 1 }, { cell: 1, weight: 1 }]);
    expect(result.hitRate).toBe(0.5);
    expect(result.areaShare).toBe(0.2);
    expect(result.pai).toBeCloseTo(2.5, 12);
    expect(result.pei).toBeCloseTo(1, 12);
    expect(result.rri).toBeCloseTo(0.6875, 12);
    expect(result.areaKm2).toBeCloseTo(0.2, 12);
    expect(result.studyAreaKm2).toBeCloseTo(1, 12);
  });

  it('RRI does not depend on the lengths of the periods (regression)', () => {
    // Training 18 months, test 6: the selected cells held 90 of 300 training incidents and 21 of
    // 100 test incidents. Raw recapture 21 / 90 = 0.23; normalised (21/90) / (100/300) = 0.70.
    const trainCounts = [90, 210];
    const result = predictiveAccuracy({ trainScores: [90, 0], trainCounts, testCounts: [21, 79], cellAreaKm2: 1 }, 0.5);
    expect(result.rri).toBeCloseTo(0.7, 12);
  });

  it('shares the last places among cells tied at the cut-off (regression)', () => {
    // 10 cells, 30% = 3 places. Scores: one cell of 5, then four cells tied at 4 for 2 places:
    // each tied cell counts 2/4 = 0.5. Test counts 10 | 4, 0, 2, 2 | 1 ×5 → N = 23.
    // n = 10 + 0.5·(4 + 0 + 2 + 2) = 14; hit rate 14/23; a/A = 3/10 → PAI = (14/23)/0.3 = 2.0290.
    // PEI: the best 3 test cells hold 10 + 4 + 2 = 16 → 14/16 = 0.875.
    const tied = { trainScores: [5, 4, 4, 4, 4, 1, 1, 1, 1, 1], trainCounts: [5, 4, 4, 4, 4, 1, 1, 1, 1, 1], testCounts: [10, 4, 0, 2, 2, 1, 1, 1, 1, 1], cellAreaKm2: 0.1 };
    const result = predictiveAccuracy(tied, 0.3);
    expect(result.tiedAtCutoff).toBe(4);
    expect(result.cellsUsed).toBeCloseTo(3, 12);
    expect(result.testIncidentsInside).toBeCloseTo(14, 12);
    expect(result.pai).toBeCloseTo(14 / 23 / 0.3, 12);
    expect(result.pei).toBeCloseTo(0.875, 12);
    // The order of the tied cells does not matter: reversing them gives the same result.
    const reversed = { ...tied, trainScores: [5, 4, 4, 4, 4, 1, 1, 1, 1, 1], testCounts: [10, 2, 2, 0, 4, 1, 1, 1, 1, 1] };
    expect(predictiveAccuracy(reversed, 0.3).pai).toBeCloseTo(result.pai, 12);
    // Without a tie straddling the cut-off every cell counts whole.
    expect(selectTopCells([5, 4, 4, 1], 0.75)).toEqual({ selected: [{ cell: 0, weight: 1 }, { cell: 1, weight: 1 }, { cell: 2, weight: 1 }], tiedAtCutoff: 0 });
  });

  it('never selects zero-score cells however large the share, and reports the smaller area used', () => {
    const result = predictiveAccuracy(input, 1);
    expect(result.selected.map((s) => s.cell)).toEqual([0, 1, 2, 3, 4]);
    expect(result.areaShare).toBe(0.5);
  });

  it('draws the hit-rate curve cell by cell', () => {
    expect(hitRateCurve(input, 0.3)).toEqual([
      { areaShare: 0, hitRate: 0 },
      { areaShare: 0.1, hitRate: 0.3 },
      { areaShare: 0.2, hitRate: 0.5 },
      { areaShare: 0.3, hitRate: 0.6 },
    ]);
  });
});
