import fc from 'fast-check';
import { kinks } from '@turf/kinks';
import { describe, expect, it } from 'vitest';
import { ringCrossings } from '../../src/core/geo/crossings';

const key = (p: number[]) => `${p[0].toFixed(9)},${p[1].toFixed(9)}`;

describe('ring crossings', () => {
  it('finds the one crossing of a bow-tie and none in a square or a square with a hole', () => {
    expect(ringCrossings([[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]])).toEqual([[0.5, 0.5]]);
    const square = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    expect(ringCrossings([square])).toEqual([]);
    expect(ringCrossings([square, [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]])).toEqual([]);
  });
  it('finds a hole crossing its outer ring, twice', () => {
    const crossings = ringCrossings([[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[3, 1], [5, 1], [5, 2], [3, 2], [3, 1]]]);
    expect(crossings.map(key).sort()).toEqual(['4.000000000,1.000000000', '4.000000000,2.000000000']);
  });
  it('agrees with turf kinks on random rings (integer corners, so crossings are exact)', () => {
    const ring = fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })), { minLength: 3, maxLength: 9 }).map((points) => {
      const distinct = points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
      return [...distinct, distinct[0]];
    });
    fc.assert(
      fc.property(ring, (positions) => {
        fc.pre(positions.length >= 4 && positions.slice(0, -1).every((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1]) && (positions[positions.length - 2][0] !== positions[0][0] || positions[positions.length - 2][1] !== positions[0][1]));
        // Every crossing turf finds is found; touching corners and overlapping edges count here too.
        const ours = new Set(ringCrossings([positions]).map(key));
        const theirs = new Set(kinks({ type: 'Polygon', coordinates: [positions] }).features.map((f) => key(f.geometry.coordinates)));
        for (const point of theirs) expect(ours.has(point)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
