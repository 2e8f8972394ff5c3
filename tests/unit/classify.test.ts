import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classBreaks, classOf } from '../../src/core/hotspots/classify';
import { rankCells } from '../../src/core/hotspots/rank';

describe('classBreaks', () => {
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  it('splits equal intervals between min and max', () => {
    expect(classBreaks(values, 'equal', 3)).toEqual([4, 7]);
  });
  it('puts equal numbers of cells in each quantile class', () => {
    const thresholds = classBreaks(values, 'quantile', 5);
    expect(thresholds).toEqual([2, 4, 6, 8]);
    const sizes = [0, 0, 0, 0, 0];
    for (const v of values) sizes[classOf(v, thresholds)]++;
    expect(sizes).toEqual([2, 2, 2, 2, 2]);
  });
  it('finds the obvious natural breaks of clustered data', () => {
    const clustered = [1, 1, 2, 2, 2, 10, 11, 11, 12, 50, 52, 55];
    expect(classBreaks(clustered, 'jenks', 3)).toEqual([2, 12]);
  });
  it('gives no thresholds when every value is equal or there is no data', () => {
    expect(classBreaks([3, 3, 3], 'quantile', 5)).toEqual([]);
    expect(classBreaks([], 'jenks', 5)).toEqual([]);
  });
  it('drops duplicate quantile thresholds of skewed counts', () => {
    expect(classBreaks([1, 1, 1, 1, 1, 1, 1, 1, 2, 9], 'quantile', 5)).toEqual([1]);
  });
});

describe('rankCells', () => {
  it('ranks by value with stable ties and running shares', () => {
    const ranked = rankCells([5, 20, 5, 70]);
    expect(ranked.map((r) => r.index)).toEqual([3, 1, 0, 2]);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(ranked.map((r) => r.cumulativeShare)).toEqual([0.7, 0.9, 0.95, 1]);
  });
  it('gives the same first places with a limit as the whole ranking cut there, ties included', () => {
    expect(rankCells([5, 20, 5, 70, 20], 3)).toEqual(rankCells([5, 20, 5, 70, 20]).slice(0, 3));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 60 }), fc.nat(70), (values, limit) => {
        expect(rankCells(values, limit)).toEqual(rankCells(values).slice(0, limit));
      }),
    );
  });
});
