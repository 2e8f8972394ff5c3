import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/core/dataset';
import { accuracyCsv, accuracyReport, type AccuracyQuery } from '../../src/core/hotspots/accuracyReport';
import { NO_FILTER } from '../../src/core/hotspots/filter';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { prospectiveAgeWeight, prospectiveDistanceWeight, quarticKernel, spreadOnCentres } from '../../src/core/stats/pointKernels';
import { memorySource, POLICE_HEADER, policeLine } from './memorySource';

const A = latLngToCell(51.556, -0.279, 9);
const [latA, lngA] = cellToLatLng(A);
const neighbour = gridDisk(A, 1).find((c) => c !== A)!;
const [latN, lngN] = cellToLatLng(neighbour);

async function dataset(lines: string[]): Promise<Dataset> {
  const data = new Dataset();
  await ingestFile(data, memorySource('b.csv', [POLICE_HEADER, ...lines].join('\n')));
  return data;
}

const at = (month: string, lat: number, lng: number, n: number) => Array.from({ length: n }, () => policeLine({ id: '', month, lat: lat.toFixed(6), lng: lng.toFixed(6), type: 'Anti-social behaviour', outcome: '' }));
const query = (train: [number, number], test: [number, number], rolling = false): AccuracyQuery => ({ filter: NO_FILTER, resolution: 9, harmWeights: {}, train, test, rolling, kdeBandwidthM: 250, k: 1, studyArea: { kind: 'ring', ringK: 1 } });
const jan = 2025 * 12;

describe('prediction benchmark', () => {
  it('fixes the study area from the training months: test-only cells are reported, not scored (regression)', async () => {
    // Training (Jan): 10 incidents in cell A → study area = A and its ring = 7 cells.
    // Test (Feb): 6 in A, 2 in a neighbour of A, 4 far away (outside the study area).
    // 1% of 7 cells rounds to 0 places, so 1 cell: A. N = 8 inside; hit rate 6/8; PAI = 0.75 / (1/7) = 5.25.
    const data = await dataset([...at('2025-01', latA, lngA, 10), ...at('2025-02', latA, lngA, 6), ...at('2025-02', latN, lngN, 2), ...at('2025-02', 51.45, -0.1, 4)]);
    const report = accuracyReport(data, query([jan, jan], [jan + 1, jan + 1]));
    expect(report.folds).toEqual([{ train: [jan, jan], test: [jan + 1, jan + 1], studyCells: 7, trainIncidents: 10, testIncidents: 8, testOutside: 4 }]);
    const count = report.rows.find((r) => r.method === 'count')!;
    expect(count.scores[0].hitRate).toBeCloseTo(0.75, 12);
    expect(count.scores[0].pai).toBeCloseTo(5.25, 12);
    // PEI: the best single cell of the test period is A itself (6) → 1. RRI: (6/10) / (8/10) = 0.75.
    expect(count.scores[0].pei).toBeCloseTo(1, 12);
    expect(count.scores[0].rri).toBeCloseTo(0.75, 12);
    // Gi* needs 30 cells with data: refused with the reason, the others still scored.
    expect(report.rows.find((r) => r.method === 'gistar')!.problem).toMatch(/Only 1 cells have incidents/);
    expect(accuracyCsv(report).split(/\r?\n/)[0]).toBe('method,train_period,test_period,mode,area_share,area_share_used,hit_rate,pai,pei,rri,best,study_cells,note,study_area');
  });

  it('rolls each test month from the training-length window before it, and refuses overlapping periods', async () => {
    const data = await dataset([...at('2025-01', latA, lngA, 3), ...at('2025-02', latA, lngA, 3), ...at('2025-03', latA, lngA, 3), ...at('2025-04', latA, lngA, 3)]);
    const report = accuracyReport(data, query([jan, jan + 1], [jan + 2, jan + 3], true));
    expect(report.folds.map((f) => [f.train, f.test])).toEqual([
      [[jan, jan + 1], [jan + 2, jan + 2]],
      [[jan + 1, jan + 2], [jan + 3, jan + 3]],
    ]);
    expect(() => accuracyReport(data, query([jan, jan + 2], [jan + 2, jan + 3]))).toThrow(/must start after the training period ends/);
  });
});

describe('point kernels (by hand)', () => {
  it('quartic kernel and the prospective weights', () => {
    // (1 − (125/250)²)² = 0.5625; 0 at and beyond the bandwidth.
    expect(quarticKernel(250)(125)).toBeCloseTo(0.5625, 12);
    expect(quarticKernel(250)(250)).toBe(0);
    // 1/(1 + d/50 m): 100 m → 1/3, 400 m → 1/9, beyond 400 m → 0.
    expect(prospectiveDistanceWeight(100)).toBeCloseTo(1 / 3, 12);
    expect(prospectiveDistanceWeight(400)).toBeCloseTo(1 / 9, 12);
    expect(prospectiveDistanceWeight(401)).toBe(0);
    // Mid-month ages from the forecast start: ½ month = 2.174 weeks → 1/3.174; 1½ months = 6.522 weeks → 1/7.522; 2½ months > 8 weeks → 0.
    const weeks = 365.25 / 12 / 7;
    expect(prospectiveAgeWeight(jan + 5, jan + 6)).toBeCloseTo(1 / (1 + 0.5 * weeks), 12);
    expect(prospectiveAgeWeight(jan + 4, jan + 6)).toBeCloseTo(1 / (1 + 1.5 * weeks), 12);
    expect(prospectiveAgeWeight(jan + 3, jan + 6)).toBe(0);
    expect(prospectiveAgeWeight(jan + 6, jan + 6)).toBe(0);
  });
  it('spreads weighted points onto centres within the radius', () => {
    // Two centres 0.001° of latitude apart (≈ 111 m); a point of weight 2 on the first.
    const scores = spreadOnCentres({ lat: [51.5], lng: [0], weight: [2] }, { lat: [51.5, 51.501, 51.51], lng: [0, 0, 0] }, 250, quarticKernel(250));
    expect(scores[0]).toBeCloseTo(2, 12);
    expect(scores[1]).toBeCloseTo(2 * (1 - (111.32 / 250) ** 2) ** 2, 2);
    expect(scores[2]).toBe(0);
  });
});
