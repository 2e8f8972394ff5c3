import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/core/dataset';
import { NO_FILTER } from '../../src/core/hotspots/filter';
import { biggestChanges, changeClasses, periodChange } from '../../src/core/hotspots/periodChange';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { binomialTwoSidedP, changeClass, minimumTotalForSignificance } from '../../src/core/stats/binomial';
import { memorySource, POLICE_HEADER, policeLine } from './memorySource';

describe('period comparison', () => {
  it('counts both periods per cell and guards the percentage with a minimum count', async () => {
    const dataset = new Dataset();
    const at = (month: string, lat: string, lng: string, n: number) => Array(n).fill(policeLine({ id: '', month, lat, lng, type: 'Anti-social behaviour', outcome: '' }));
    // Cell A: 10 → 15 (+50%); cell B: 1 → 3 (+200%, but below the minimum of 5); cell C: 4 → 0.
    const lines = [POLICE_HEADER, ...at('2025-01', '51.556', '-0.279', 10), ...at('2025-02', '51.556', '-0.279', 15), ...at('2025-01', '51.536', '-0.246', 1), ...at('2025-02', '51.536', '-0.246', 3), ...at('2025-01', '51.539', '-0.193', 4)];
    await ingestFile(dataset, memorySource('p.csv', lines.join('\n')));
    const jan = 2025 * 12;
    const result = periodChange(dataset, NO_FILTER, 9, [jan, jan], [jan + 1, jan + 1], 'count', [1], 5);
    const a = result.cells.indexOf(latLngToCell(51.556, -0.279, 9));
    const b = result.cells.indexOf(latLngToCell(51.536, -0.246, 9));
    const c = result.cells.indexOf(latLngToCell(51.539, -0.193, 9));
    expect([result.earlier[a], result.later[a], result.change[a], result.changePct[a]]).toEqual([10, 15, 5, 50]);
    expect([result.change[b], Number.isNaN(result.changePct[b])]).toEqual([2, true]);
    expect(result.change[c]).toBe(-4);
    expect([result.earlierTotal, result.laterTotal]).toEqual([15, 18]);
    expect(biggestChanges(result, 5)).toEqual({ rises: [a, b], falls: [c] });
    // 10 → 15 over equal months: P(X ≥ 15 or ≤ 10 | n = 25, ½) = 0.424 → no significant change; 4 → 0: 2·(½)⁴ = 0.125.
    expect(result.significance[a]).toBe('no significant change');
    expect(result.pValue[a]).toBeCloseTo(0.4244, 4);
    expect(result.pValue[c]).toBeCloseTo(0.125, 12);
    expect(result.minTotalForSignificance).toBe(6);
  });
});

describe('exact conditional test of two periods (by hand)', () => {
  it('calls +1 on 15 (+6.7%) no change, and 2 → 10 a significant rise', () => {
    // 15 → 16, equal periods: n = 31, p0 = ½; every outcome is at most as likely as 16 → p = 1.
    expect(changeClass(15, 16, 6, 6, 0.05)).toEqual({ className: 'no significant change', p: 1 });
    // 2 → 10, equal periods: P(X ≥ 10) = (66 + 12 + 1)/4096 = 79/4096; two-sided 158/4096 = 0.03857.
    expect(binomialTwoSidedP(10, 12, 0.5)).toBeCloseTo(158 / 4096, 12);
    expect(changeClass(2, 10, 3, 3, 0.05).className).toBe('significant rise');
    expect(changeClass(10, 2, 3, 3, 0.05).className).toBe('significant fall');
  });
  it('uses the lengths of the periods', () => {
    // 6 months with 3, then 3 months with 8: p0 = 3/9. pmf(k) = C(11,k)·2^(11−k)/3^11; pmf(8) = 1320/3^11.
    // Outcomes no likelier: k = 8…11 (1320 + 220 + 22 + 1) and none below (pmf(0) = 2048/3^11): p = 1563/177147.
    expect(binomialTwoSidedP(8, 11, 1 / 3)).toBeCloseTo(1563 / 177147, 12);
    expect(changeClass(3, 8, 6, 3, 0.05).className).toBe('significant rise');
    // The same counts over equal periods: 3 → 8 is p = 0.2266, no significant change.
    expect(changeClass(3, 8, 3, 3, 0.05).className).toBe('no significant change');
  });
  it('states the smallest total that can ever be significant', () => {
    // Equal periods: n = 5 gives at best 2/32 = 0.0625; n = 6 gives 2/64 = 0.03125.
    expect(minimumTotalForSignificance(6, 6, 0.05)).toBe(6);
    // Later period a third of the whole: all n in the later period has p = (1/3)^n (no likelier outcome below): n = 3.
    expect(minimumTotalForSignificance(6, 3, 0.05)).toBe(3);
  });
});

describe('change classes on the map', () => {
  it('splits |change| at its tertiles (1 and 4 here: the 2nd and 4th of 0.3, 1, 2, 4, 5, 9, 10) and mirrors them around little change', () => {
    const { classOf, labels } = changeClasses({ change: Float64Array.from([-10, -4, -1, 0, 0.3, 2, 5, 9]) });
    expect(Array.from(classOf)).toEqual([0, 0, 1, 3, 3, 5, 6, 6]);
    expect(labels).toEqual(['Fall of 4 or more', 'Fall of 1 – 4', 'Small fall', 'Little or no change', 'Small rise', 'Rise of 1 – 4', 'Rise of 4 or more']);
  });
});
