import { describe, expect, it } from 'vitest';
import { benjaminiHochbergThreshold } from '../../src/core/stats/fdr';
import { giStar } from '../../src/core/stats/gistar';
import { mannKendall } from '../../src/core/stats/mannKendall';
import type { NeighbourIndex } from '../../src/core/stats/neighbours';

/** Binary distance-band neighbours of points (each point its own neighbour, as Gi* counts it), in the app's CSR form. */
function distanceBand(points: [number, number][], threshold: number): NeighbourIndex {
  const offsets = [0];
  const indices: number[] = [];
  points.forEach(([x, y]) => {
    points.forEach(([u, v], j) => {
      if (Math.hypot(u - x, v - y) <= threshold) indices.push(j);
    });
    offsets.push(indices.length);
  });
  return { offsets: Int32Array.from(offsets), indices: Int32Array.from(indices) };
}

describe('peer values', () => {
  it('Gi* matches PySAL esda G_Local(star=True, transform="B") on its docstring example', () => {
    // Source: pysal/esda, esda/getisord.py, G_Local docstring and esda/tests/test_getisord.py:
    // points (10,10) (20,10) (40,10) (15,20) (30,20) (30,30), DistanceBand threshold 15, y = 2 3 3.2 5 8 7,
    // lg_star.Zs = [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331].
    const points: [number, number][] = [[10, 10], [20, 10], [40, 10], [15, 20], [30, 20], [30, 30]];
    const z = giStar([2, 3, 3.2, 5, 8, 7], distanceBand(points, 15), 1);
    const esda = [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331];
    esda.forEach((value, i) => expect(z[i]).toBeCloseTo(value, 7));
  });

  it('Mann-Kendall matches pyMannKendall original_test on its rainfall test series', () => {
    // Source: mmhs013/pyMannKendall, tests/test_pymannkendall.py::test_original_test on column 3
    // ("Bogra") of tests/data/Monthly Rainfall.csv, 1981-2010, missing months skipped (353 values):
    // s = -1959, var_s = 4889800.333333333, z = -0.8854562842589916, p = 0.37591058740506833,
    // Tau = -0.03153167653875869, trend 'no trend'.
    const bogra = [32,20,25,189,240,193,379,278,301,0,0,82,0,4,121,234,360,262,120,30,11,1,7,3,31,31,355,102,248,274,308,5,26,11,16,6,48,388,539,431,272,404,186,0,2,0,4,1,54,272,459,235,164,365,135,2,4,0,128,210,163,446,225,462,467,19,13,0,3,17,132,178,338,525,623,145,31,19,3,0,29,25,87,259,756,486,180,292,43,92,1,0,16,2,0,130,253,594,111,273,30,0,4,0,27,24,41,292,378,499,265,320,227,4,0,4,14,8,48,416,240,404,207,733,105,0,112,0,14,0,30,140,202,289,159,424,106,3,0,65,3,14,58,268,466,432,266,240,95,1,0,10,26,4,114,94,289,173,208,263,156,5,0,16,16,14,0,111,475,534,432,471,117,70,1,3,28,7,401,184,283,338,171,335,176,0,0,10,11,9,140,102,208,298,245,220,29,2,27,10,13,26,84,143,367,749,563,283,353,10,0,0,0,0,9,246,265,343,429,168,133,17,0,18,35,76,158,272,250,190,289,466,84,0,0,0,0,0,22,217,299,185,115,344,203,8,0,5,284,123,254,476,496,326,27,20,0,4,53,72,113,214,364,219,220,156,264,0,13,0,0,45,90,137,638,529,261,206,251,0,0,5,9,58,72,138,130,471,328,356,523,0,1,0,0,12,143,193,184,192,138,174,69,1,0,0,18,25,28,92,732,320,256,302,131,15,0,27,0,22,20,213,393,474,374,109,159,0,0,0,3,3,49,205,128,194,570,169,89,0,0,0,0,0,26,185,286,92,225,244,190,3,20];
    expect(bogra).toHaveLength(353);
    const result = mannKendall(bogra);
    expect(result.s).toBe(-1959);
    expect(result.varS).toBeCloseTo(4889800.333333333, 6);
    expect(result.z).toBeCloseTo(-0.8854562842589916, 12);
    expect(result.p).toBeCloseTo(0.37591058740506833, 7);
    expect(result.tau).toBeCloseTo(-0.03153167653875869, 15);
  });

  it('Benjamini-Hochberg by hand on the 15 p-values of Benjamini & Hochberg (1995), §4', () => {
    // q = 0.05, m = 15: p_(4) = 0.0095 ≤ 4/15·0.05 = 0.0133 while p_(5) = 0.0201 > 0.0167 and no
    // later p_(i) ≤ (i/15)·0.05 (e.g. p_(9) = 0.0459 > 0.03): four discoveries, threshold 0.0095.
    const p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];
    expect(benjaminiHochbergThreshold(p, 0.05)).toBe(0.0095);
    expect(p.filter((value) => value <= 0.0095)).toHaveLength(4);
  });
});
