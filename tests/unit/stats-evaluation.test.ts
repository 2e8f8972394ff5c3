import { describe, expect, it } from 'vitest';
import { beforeAfterEffect, compareControl, priorityCells, reductionArithmetic, weightedDisplacementDifference } from '../../src/core/stats/evaluation';

describe('controlled before/after', () => {
  it('computes DiD, relative effect and the expected count by hand', () => {
    // Treated 100 → 70, control 400 → 380: DiD = −30 − (−20) = −10; relative = 0.7 / 0.95 = 0.7368;
    // expected after = 100 · 0.95 = 95; observed − expected = −25.
    const effect = beforeAfterEffect({ before: 100, after: 70 }, { before: 400, after: 380 });
    expect(effect.did).toBe(-10);
    expect(effect.relativeEffect).toBeCloseTo(0.7 / 0.95, 12);
    expect(effect.expectedAfter).toBeCloseTo(95, 12);
    expect(effect.observedMinusExpected).toBeCloseTo(-25, 12);
    expect(beforeAfterEffect({ before: 0, after: 5 }, { before: 0, after: 3 }).relativeEffect).toBeNull();
  });
});

describe('which headline a control allows', () => {
  it('shows the raw DiD only for a control of comparable size', () => {
    // Area 100 before; control 250 before: 100/250 = 0.4 ≥ 1/3 → comparable. 1,000 → 0.1 → not; scale 0.1 for the chart.
    expect(compareControl({ before: 100, after: 80 }, { before: 250, after: 260 })).toEqual({ comparable: true, scale: 0.4 });
    expect(compareControl({ before: 100, after: 80 }, { before: 1000, after: 1100 })).toEqual({ comparable: false, scale: 0.1 });
    expect(compareControl({ before: 100, after: 80 }, { before: 30, after: 20 }).comparable).toBe(false);
    expect(compareControl({ before: 100, after: 80 }, { before: 0, after: 5 })).toEqual({ comparable: false, scale: null });
  });
});

describe('weighted displacement difference', () => {
  it('scores a hand-worked case', () => {
    // ΔT = 60 − 100 = −40, ΔCt = 190 − 200 = −10, ΔD = 55 − 50 = 5, ΔCd = 95 − 100 = −5.
    // WDD = −40 + 10 + 5 + 5 = −20; Var = 100+60+200+190+50+55+100+95 = 850; SE = 29.155; z = −0.686.
    const result = weightedDisplacementDifference({ before: 100, after: 60 }, { before: 200, after: 190 }, { before: 50, after: 55 }, { before: 100, after: 95 });
    expect(result.wdd).toBe(-20);
    expect(result.se).toBeCloseTo(Math.sqrt(850), 12);
    expect(result.z).toBeCloseTo(-20 / Math.sqrt(850), 12);
    expect(result.pOneTailed).toBeCloseTo(0.2464, 3);
    expect(result.low95).toBeCloseTo(-20 - 1.96 * Math.sqrt(850), 10);
    // Buffer: (5 − (−5)) / √(50+55+100+95) = 10/17.32 = 0.577: neither.
    expect(result.bufferZ).toBeCloseTo(10 / Math.sqrt(300), 12);
    expect(result.verdict).toBe('neither');
  });
  it('scales a large control to the area before comparing changes', () => {
    // Control 1,000 → 1,100 (+10%); area 100 → 80. Weight 0.1: WDD_T part = −20 − 0.1·100 = −30.
    // Buffer 50 → 55 vs its own control of the same counts, weight 0.05: +5 − 5 = 0.
    // Separate controls: Var = 180 + 0.01·2100 + 105 + 0.0025·2100 = 311.25, SE = 17.64.
    const control = { before: 1000, after: 1100 };
    const result = weightedDisplacementDifference({ before: 100, after: 80 }, control, { before: 50, after: 55 }, { ...control }, { scaleControls: true });
    expect(result.wdd).toBeCloseTo(-30, 12);
    expect(result.se).toBeCloseTo(Math.sqrt(311.25), 12);
    expect(result.bufferZ).toBeCloseTo(0, 12);
  });
  it('counts one shared control once, with (wt + wd)² Var(C) (regression)', () => {
    // The same control serves area and buffer: Var = 180 + 105 + (0.1 + 0.05)²·2100 = 332.25, SE = 18.23 (not 17.64).
    const control = { before: 1000, after: 1100 };
    const shared = weightedDisplacementDifference({ before: 100, after: 80 }, control, { before: 50, after: 55 }, control, { scaleControls: true, sharedControl: true });
    expect(shared.wdd).toBeCloseTo(-30, 12);
    expect(shared.se).toBeCloseTo(Math.sqrt(332.25), 12);
    expect(shared.se.toFixed(2)).toBe('18.23');
    // Buffer's own comparison keeps wd² Var(C): (5 − 0.05·100) / √(105 + 0.0025·2100) = 0.
    expect(shared.bufferZ).toBeCloseTo(0, 12);
    // A control three times the area (300 → 330): wt = 1/3, wd = 1/6; WDD = −20 − 10 + 5 − 5 = −30;
    // Var = 285 + (1/2)²·630 = 442.5, SE = 21.04 (separately counted it would be 285 + 87.5 → 19.30).
    const small = { before: 300, after: 330 };
    const three = weightedDisplacementDifference({ before: 100, after: 80 }, small, { before: 50, after: 55 }, small, { scaleControls: true, sharedControl: true });
    expect(three.wdd).toBeCloseTo(-30, 12);
    expect(three.se).toBeCloseTo(Math.sqrt(442.5), 12);
    expect(three.se.toFixed(2)).toBe('21.04');
  });
  it('names displacement and diffusion when the buffer moves clearly', () => {
    expect(weightedDisplacementDifference({ before: 100, after: 50 }, { before: 100, after: 100 }, { before: 50, after: 120 }, { before: 100, after: 100 }).verdict).toBe('displacement');
    expect(weightedDisplacementDifference({ before: 100, after: 50 }, { before: 100, after: 100 }, { before: 120, after: 50 }, { before: 100, after: 100 }).verdict).toBe('diffusion of benefits');
  });
});

describe('priority places', () => {
  const values = [50, 30, 10, 5, 5, 0, 0, 0, 0, 0];
  it('selects cells by each rule', () => {
    expect(priorityCells(values, { kind: 'topN', n: 2 })).toEqual([0, 1]);
    expect(priorityCells(values, { kind: 'areaShare', share: 0.3 })).toEqual([0, 1, 2]);
    expect(priorityCells(values, { kind: 'incidentShare', share: 0.8 })).toEqual([0, 1]);
    // Cell PAI = (n_i / 100) · 10: 5, 3, 1, 0.5, 0.5.
    expect(priorityCells(values, { kind: 'cellPai', threshold: 1 })).toEqual([0, 1, 2]);
  });
  it('breaks ties by cell order and never picks an empty cell, however many places the rule allows', () => {
    const tied = [5, 9, 5, 0, 9, 1];
    expect(priorityCells(tied, { kind: 'topN', n: 3 })).toEqual([1, 4, 0]);
    expect(priorityCells(tied, { kind: 'topN', n: 10 })).toEqual([1, 4, 0, 2, 5]);
    expect(priorityCells(tied, { kind: 'areaShare', share: 0.5 })).toEqual([1, 4, 0]);
    expect(priorityCells(tied, { kind: 'areaShare', share: 1 })).toEqual([1, 4, 0, 2, 5]);
  });
  it('turns reductions inside into reductions overall', () => {
    expect(reductionArithmetic(0.31, [0.1])).toEqual([{ reduction: 0.1, overall: 0.031 }]);
  });
});
