import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { benjaminiHochbergThreshold, hotspotBins } from '../../src/core/stats/fdr';
import { giStar, twoSidedPValues } from '../../src/core/stats/gistar';
import { buildNeighbourIndex } from '../../src/core/stats/neighbours';
import { normalTwoSidedP } from '../../src/core/stats/normal';

/** Two-sided normal tail from the asymptotic (Mills ratio) series: 2φ(z)/z · (1 − 1/z² + 3/z⁴ − 15/z⁶). */
function asymptoticTwoSided(z: number): number {
  const phi = Math.exp(-(z * z) / 2) / Math.sqrt(2 * Math.PI);
  return ((2 * phi) / z) * (1 - 1 / z ** 2 + 3 / z ** 4 - 15 / z ** 6);
}

describe('deep normal tails', () => {
  it('matches published values and the asymptotic series far into the tail', () => {
    // Q(10) = 7.619853e-24, Q(20) = 2.753624e-89 (standard normal tables); two-sided doubles them.
    expect(normalTwoSidedP(10) / 1.5239706e-23).toBeCloseTo(1, 6);
    expect(normalTwoSidedP(20) / 5.507248e-89).toBeCloseTo(1, 6);
    for (const z of [25, 30, 35, 37]) expect(normalTwoSidedP(z) / asymptoticTwoSided(z)).toBeCloseTo(1, 6);
    // Below z ≈ 38 no p-value is 0; beyond it doubles underflow, which the FDR below must survive.
    expect(normalTwoSidedP(38)).toBeGreaterThan(0);
  });
});

describe('FDR with p-values that underflow to 0 (regression)', () => {
  it('a threshold of 0 is a real threshold, not "nothing passes"', () => {
    // m = 4, q = 0.05: p_(1) = 0 ≤ 0.0125 and p_(2) = 0 ≤ 0.025 pass; p_(3) = 0.3 > 0.0375, 0.6 > 0.05.
    expect(benjaminiHochbergThreshold([0, 0.3, 0, 0.6], 0.05)).toBe(0);
    expect(benjaminiHochbergThreshold([0.3, 0.6], 0.05)).toBeNull();
    expect([...hotspotBins([50, 0.5, 50, 0.3], [0, 0.3, 0, 0.6], { fdr: true })]).toEqual([3, 0, 3, 0]);
  });

  it('keeps the 7 hot cells of one incident among ~19,000 study cells with FDR on', () => {
    // One incident in the centre of gridDisk(centre, 80): n = 19,441 cells. The centre and its 6
    // neighbours each have the incident within their 7-cell neighbourhood:
    //   z = (1 − 7/n) / (s·√((7n − 49)/(n − 1))), s = √(1/n − 1/n²)  ≈ 52.9, so p underflows to 0.
    const centre = latLngToCell(51.55, -0.28, 9);
    const cells = gridDisk(centre, 80);
    const n = cells.length;
    expect(n).toBe(19441);
    const values = cells.map((c) => (c === centre ? 1 : 0));
    const z = giStar(values, buildNeighbourIndex(cells, 1), 1);
    const s = Math.sqrt(1 / n - 1 / n ** 2);
    const expectedZ = (1 - 7 / n) / (s * Math.sqrt((7 * n - 49) / (n - 1)));
    expect(Math.max(...z)).toBeCloseTo(expectedZ, 8);
    const p = twoSidedPValues(z);
    expect(Math.min(...p)).toBe(0);
    const hot = (fdr: boolean) => [...hotspotBins(z, p, { fdr })].filter((b) => b === 3).length;
    expect(hot(false)).toBe(7);
    expect(hot(true)).toBe(7);
  });
});
