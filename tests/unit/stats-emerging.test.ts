import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { classifyCell, EMERGING_CLASSES, emergingHotspots } from '../../src/core/stats/emerging';
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
    [[1, 0, 1, 0, 0, 0], flat, 'sporadic hot spot'],
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
    const result = emergingHotspots(months, buildNeighbourIndex(cells, 1), { fdr: false });
    expect(EMERGING_CLASSES[result.classIndex[cells.indexOf(centre)]]).toBe('new hot spot');
    expect(result.classCounts.reduce((a, b) => a + b, 0)).toBe(cells.length);
  });

  it('needs six months', () => {
    const cells = gridDisk(latLngToCell(51.55, -0.28, 9), 2);
    expect(() => emergingHotspots([new Float64Array(cells.length)], buildNeighbourIndex(cells, 1), { fdr: true })).toThrow(/at least 6 months/);
  });
});
