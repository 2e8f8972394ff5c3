import fc from 'fast-check';
import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { benjaminiHochbergThreshold, hotspotBins } from '../../src/core/stats/fdr';
import { giStar, twoSidedPValues } from '../../src/core/stats/gistar';
import { buildNeighbourIndex } from '../../src/core/stats/neighbours';
import { normalTwoSidedP } from '../../src/core/stats/normal';
import { cellsInPolygon, dataCellsWithRing } from '../../src/core/stats/studyArea';

const centre = latLngToCell(51.55, -0.28, 9);

/** Gi* written out plainly from its definition, with explicit weight sums. */
function referenceGiStar(cells: string[], values: number[], k: number): number[] {
  const n = cells.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, x) => a + (x - mean) ** 2, 0) / n);
  return cells.map((cell) => {
    const near = new Set(gridDisk(cell, k));
    let sumW = 0;
    let sumW2 = 0;
    let sumWX = 0;
    cells.forEach((other, j) => {
      const w = near.has(other) ? 1 : 0;
      sumW += w;
      sumW2 += w * w;
      sumWX += w * values[j];
    });
    const denominator = sd * Math.sqrt((n * sumW2 - sumW * sumW) / (n - 1));
    return denominator > 0 ? (sumWX - mean * sumW) / denominator : 0;
  });
}

describe('Gi*', () => {
  it('gives √3/2 to each ring cell around a single busy cell (by hand)', () => {
    // Centre 10, six neighbours 0: n = 7, mean 10/7, population SD √600/7. A ring cell sees itself,
    // the centre and two ring neighbours: (10 − 4·10/7) / ((√600/7)·√((7·4 − 16)/6)) = √3/2.
    const cells = gridDisk(centre, 1);
    const values = cells.map((c) => (c === centre ? 10 : 0));
    const z = giStar(values, buildNeighbourIndex(cells, 1), 1);
    cells.forEach((cell, i) => expect(z[i]).toBeCloseTo(cell === centre ? 0 : Math.sqrt(3) / 2, 10));
  });

  it('matches a plain implementation on random grids, k = 1 and 2', () => {
    const cells = gridDisk(centre, 6);
    fc.assert(
      fc.property(fc.array(fc.nat(20), { minLength: cells.length, maxLength: cells.length }), fc.constantFrom(1, 2), (values, k) => {
        if (values.filter((v) => v !== 0).length < 30 || new Set(values).size < 2) return;
        const z = giStar(values, buildNeighbourIndex(cells, k));
        const expected = referenceGiStar(cells, values, k);
        expected.forEach((value, i) => expect(z[i]).toBeCloseTo(value, 9));
      }),
      { numRuns: 25 },
    );
  });

  it('refuses too few cells with data and all-equal values with a clear message', () => {
    const cells = gridDisk(centre, 3);
    const sparse = cells.map((_, i) => (i < 5 ? 1 : 0));
    expect(() => giStar(sparse, buildNeighbourIndex(cells, 1))).toThrow(/Only 5 cells have incidents/);
    expect(() => giStar(cells.map(() => 2), buildNeighbourIndex(cells, 1))).toThrow(/same value/);
  });

  it('builds neighbour lists within the set only, the cell included', () => {
    const cells = [centre, ...gridDisk(centre, 1).filter((c) => c !== centre).slice(0, 2)];
    const index = buildNeighbourIndex(cells, 1);
    expect([...index.indices.slice(index.offsets[0], index.offsets[1])].sort()).toEqual([0, 1, 2]);
    expect(index.offsets[3]).toBe(index.indices.length);
  });
});

describe('p-values and bins', () => {
  it('computes two-sided normal p-values to published table precision', () => {
    expect(normalTwoSidedP(1.959964)).toBeCloseTo(0.05, 6);
    expect(normalTwoSidedP(2.575829)).toBeCloseTo(0.01, 6);
    expect(normalTwoSidedP(1.644854)).toBeCloseTo(0.1, 6);
    expect(normalTwoSidedP(0)).toBe(1);
    expect(normalTwoSidedP(-5) / 5.733031e-7).toBeCloseTo(1, 5);
    expect([...twoSidedPValues([1.959964, -1.959964])].map((p) => Number(p.toFixed(6)))).toEqual([0.05, 0.05]);
  });

  // Worked by hand: m = 10, BH thresholds (i/m)·q.
  const p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216];
  it('finds the Benjamini-Hochberg threshold', () => {
    expect(benjaminiHochbergThreshold(p, 0.05)).toBe(0.008);
    expect(benjaminiHochbergThreshold(p, 0.1)).toBe(0.06);
    expect(benjaminiHochbergThreshold(p, 0.01)).toBe(0.001);
    expect(benjaminiHochbergThreshold([0.5, 0.9], 0.05)).toBeNull();
  });
  it('lowers a bin when FDR is on: p = 0.039 is 95% alone, 90% after correction', () => {
    const z = p.map((_, i) => (i % 2 === 0 ? 3 : -3));
    expect([...hotspotBins(z, p, { fdr: false })]).toEqual([3, -3, 2, -2, 2, -1, 1, 0, 0, 0]);
    expect([...hotspotBins(z, p, { fdr: true })]).toEqual([3, -2, 1, -1, 1, -1, 0, 0, 0, 0]);
  });
});

describe('study area', () => {
  it('adds a ring of k cells around the data', () => {
    expect(dataCellsWithRing([centre], 1)).toEqual([...gridDisk(centre, 1)].sort());
    expect(dataCellsWithRing([centre], 2)).toHaveLength(19);
  });
  it('takes every cell whose centre is in the boundary, holes excluded', () => {
    const square = { type: 'Polygon' as const, coordinates: [[[-0.3, 51.54], [-0.26, 51.54], [-0.26, 51.56], [-0.3, 51.56], [-0.3, 51.54]]] };
    const cells = cellsInPolygon(square, 9);
    expect(cells.length).toBeGreaterThan(20);
    const withHole = { ...square, coordinates: [...square.coordinates, [[-0.29, 51.545], [-0.29, 51.555], [-0.27, 51.555], [-0.27, 51.545], [-0.29, 51.545]]] };
    expect(cellsInPolygon(withHole, 9).length).toBeLessThan(cells.length);
    expect(cellsInPolygon({ type: 'MultiPolygon', coordinates: [square.coordinates, square.coordinates] }, 9)).toEqual(cells);
  });
});
