import { describe, expect, it } from 'vitest';
import { hitRateCurve, ppai, predictiveAccuracy } from '../../src/core/stats/accuracy';

// Ten cells of 0.1 km². Training puts cell 0 and 1 on top; the test period has 20 incidents.
const input = {
  trainScores: [9, 7, 3, 2, 1, 0, 0, 0, 0, 0],
  trainCounts: [9, 7, 3, 2, 1, 0, 0, 0, 0, 0],
  testCounts: [6, 4, 2, 2, 1, 1, 1, 1, 1, 1],
  cellAreaKm2: 0.1,
};

describe('predictive accuracy', () => {
  it('computes hit rate, PAI and RRI by hand for the top 20% of area', () => {
    // Top 2 cells: n = 10 of N = 20 → hit rate 0.5; a/A = 0.2 → PAI 2.5; RRI = 10 / 16.
    const result = predictiveAccuracy(input, 0.2);
    expect(result.selectedCells).toEqual([0, 1]);
    expect(result.hitRate).toBe(0.5);
    expect(result.areaShare).toBe(0.2);
    expect(result.pai).toBeCloseTo(2.5, 12);
    expect(result.rri).toBeCloseTo(10 / 16, 12);
    expect(result.areaKm2).toBeCloseTo(0.2, 12);
    expect(result.studyAreaKm2).toBeCloseTo(1, 12);
  });
  it('never selects zero-score cells however large the share', () => {
    expect(predictiveAccuracy(input, 1).selectedCells).toEqual([0, 1, 2, 3, 4]);
  });
  it('PPAI is the hit rate at α = 0 and the PAI at α = 1', () => {
    const r = predictiveAccuracy(input, 0.3);
    expect(ppai(r.hitRate, r.areaShare, 0)).toBeCloseTo(r.hitRate, 12);
    expect(ppai(r.hitRate, r.areaShare, 1)).toBeCloseTo(r.pai, 12);
    expect(ppai(0.5, 0.25, 0.5)).toBeCloseTo(1, 12);
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
