import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { classifyCell, EMERGING_CLASSES, emergingHotspots, spaceTimeGiStar } from '../../src/core/stats/emerging';
import { giStar } from '../../src/core/stats/gistar';
import { mannKendall } from '../../src/core/stats/mannKendall';
import { buildNeighbourIndex } from '../../src/core/stats/neighbours';

describe('Mann-Kendall', () => {
  it('scores a rising series by hand', () => {
    // S = 10, Var = 5·4·15/18 = 16.67, z = (10 − 1)/√16.67.
    const result = mannKendall([1, 2, 3, 4, 5]);
    expect(result.s).toBe(10);
    expect(result.varS).toBeCloseTo(300 / 18, 12);
    expect(result.z).toBeCloseTo(9 / Math.sqrt(300 / 18), 12);
    expect(result.tau).toBe(1);
    expect(result.p).toBeCloseTo(0.0275, 3);
  });
  it('corrects the variance for ties by hand', () => {
    // [1,1,2,3]: S = 5; Var = (4·3·13 − 2·1·9)/18 = 138/18; z = 4/√(138/18).
    const result = mannKendall([1, 1, 2, 3]);
    expect(result.s).toBe(5);
    expect(result.varS).toBeCloseTo(138 / 18, 12);
    expect(result.z).toBeCloseTo(4 / Math.sqrt(138 / 18), 12);
  });
  it('finds no trend in an all-equal series', () => {
    expect(mannKendall([3, 3, 3, 3])).toEqual({ s: 0, varS: 0, z: 0, p: 1, tau: 0 });
    expect(mannKendall([5, 4, 3, 2, 1]).z).toBeLessThan(0);
  });
});

describe('emerging hot spot classes', () => {
  const flat = { z: 0, p: 1 };
  const up = { z: 3, p: 0.001 };
  const down = { z: -3, p: 0.001 };
  const cases: [number[], { z: number; p: number }, string][] = [
    [[0, 0, 0, 0, 0, 3], flat, 'new hot spot'],
    [[0, 0, 0, 0, 2, 3], flat, 'consecutive hot spot'],
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, 3], up, 'intensifying hot spot'],
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, 3], down, 'diminishing hot spot'],
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, 3], flat, 'persistent hot spot'],
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0], flat, 'historical hot spot'],
    [[-2, 0, 1, 0, 0, 2], flat, 'oscillating hot spot'],
    // Sporadic needs the final month hot (ArcGIS): on and off before, never cold.
    [[0, 2, 0, 2, 0, 2], flat, 'sporadic hot spot'],
    [[1, 0, 1, 0, 0, 0], flat, 'no pattern'],
    // Hot before the final run: not consecutive, so sporadic.
    [[0, 2, 0, 0, 2, 2], flat, 'sporadic hot spot'],
    [[0, 0, 0, 0, 0, -1], flat, 'new cold spot'],
    [[-3, -3, -3, -3, -3, -3, -3, -3, -3, -3], down, 'intensifying cold spot'],
    [[1, 0, -1, 0, 0, -2], flat, 'oscillating cold spot'],
    [[0, 0, 0, 0, 0, 0], flat, 'no pattern'],
  ];
  it.each(cases)('%j with trend %j is %s', (bins, trend, expected) => {
    expect(classifyCell(bins, trend)).toBe(expected);
  });

  it('finds a hot spot that appears in the last month of a cube', () => {
    const centre = latLngToCell(51.55, -0.28, 9);
    const cells = gridDisk(centre, 4);
    const months = Array.from({ length: 8 }, (_, m) => Float64Array.from(cells, (_, i) => (i * 7 + m * 3) % 5 + (m === 7 && gridDisk(centre, 1).includes(cells[i]) ? 40 : 0)));
    const result = emergingHotspots(months, buildNeighbourIndex(cells, 1));
    expect(EMERGING_CLASSES[result.classIndex[cells.indexOf(centre)]]).toBe('new hot spot');
    expect(result.classCounts.reduce((a, b) => a + b, 0)).toBe(cells.length);
  });

  it('needs six months', () => {
    const cells = gridDisk(latLngToCell(51.55, -0.28, 9), 2);
    expect(() => emergingHotspots([new Float64Array(cells.length)], buildNeighbourIndex(cells, 1))).toThrow(/at least 6 months/);
  });

  it('computes space-time Gi* over the ring in this and the previous month (by hand)', () => {
    // 19 cells (gridDisk 2) × 2 months, 10 incidents in the centre in month 1: n = 38, X̄ = 10/38,
    // S = √(100/38 − X̄²). A first-ring cell in month 1 sees its 7 cells in months 0 and 1: W = 14,
    // local 10 → z = (10 − 14·X̄) / (S·√((38·14 − 14²)/37)). In month 0 it sees only month 0: 0 incidents, W = 7.
    const centre = latLngToCell(51.55, -0.28, 9);
    const cells = gridDisk(centre, 2);
    const ringCell = cells.indexOf(gridDisk(centre, 1).find((c) => c !== centre)!);
    const cube = [new Float64Array(cells.length), Float64Array.from(cells, (c) => (c === centre ? 10 : 0))];
    const z = spaceTimeGiStar(cube, buildNeighbourIndex(cells, 1), 1, 1);
    const mean = 10 / 38;
    const s = Math.sqrt(100 / 38 - mean ** 2);
    expect(z[1][ringCell]).toBeCloseTo((10 - 14 * mean) / (s * Math.sqrt((38 * 14 - 196) / 37)), 12);
    expect(z[0][ringCell]).toBeCloseTo((0 - 7 * mean) / (s * Math.sqrt((38 * 7 - 49) / 37)), 12);
  });

  it('is plain Gi* for a single month without time steps', () => {
    const cells = gridDisk(latLngToCell(51.55, -0.28, 9), 4);
    const values = Float64Array.from(cells, (_, i) => (i * 7) % 5);
    const neighbours = buildNeighbourIndex(cells, 1);
    const [z] = spaceTimeGiStar([values], neighbours, 0);
    giStar(values, neighbours).forEach((expected, i) => expect(z[i]).toBeCloseTo(expected, 12));
  });
});
