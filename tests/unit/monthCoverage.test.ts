import { describe, expect, it } from 'vitest';
import { uncoveredMonths } from '../../src/state/monthCoverage';

describe('months no file covers', () => {
  it('flags the months between monthly files that are missing, not the covered ones', () => {
    // Files for Jan, Feb and Apr (month indices 100, 101, 103): March has no file.
    const files = [100, 101, 103].map((m) => ({ monthMin: m, monthMax: m }));
    expect(uncoveredMonths(files, 100, 4)).toEqual([false, false, true, false]);
  });
  it('counts a continuous extract as covering every month of its span', () => {
    expect(uncoveredMonths([{ monthMin: 100, monthMax: 111 }], 100, 12)).toEqual(new Array(12).fill(false));
  });
  it('flags nothing when a source has no months', () => {
    expect(uncoveredMonths([{ monthMin: 100, monthMax: 100 }, { monthMin: null, monthMax: null }], 100, 3)).toEqual([false, false, false]);
  });
});
