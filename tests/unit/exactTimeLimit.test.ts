import { describe, expect, it } from 'vitest';
import { buildCoverageMatrix, localPlane } from '../../src/core/coverage/coverageMatrix';
import { checkOutcome, describeExact, exactPlacement, type ExactResult } from '../../src/core/coverage/exact';
import { greedyPlacement, type PlacementInput } from '../../src/core/coverage/greedy';

const M = 1 / 111_320;

/** A deterministic scatter of demand and sites over 3 km, too big for HiGHS to prove optimal in no time. */
function scatter(sites: number, points: number, p: number): PlacementInput {
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const place = (n: number) => {
    const lat: number[] = [];
    const lng: number[] = [];
    for (let i = 0; i < n; i++) {
      lat.push(51.55 + random() * 3000 * M);
      lng.push(-0.28 + (random() * 3000 * M) / Math.cos((51.55 * Math.PI) / 180));
    }
    return { lat, lng };
  };
  const demand = place(points);
  const candidates = place(sites);
  const plane = localPlane(demand);
  const matrix = buildCoverageMatrix(demand, candidates, { radiusM: 150, edgeFactor: 1 }, plane);
  return { matrix, weight: Array.from({ length: points }, (_, i) => 1 + (i % 5)), alreadyCovered: new Float32Array(points), p, siteLat: candidates.lat, siteLng: candidates.lng, plane, minSpacingM: 0 };
}

describe('exact solver at its time limit', () => {
  it('reports the best solution found (never below greedy) and no bound, instead of "optimum 0"', async () => {
    const input = scatter(600, 6000, 25);
    const exact = await exactPlacement(input, { timeLimitS: 0 });
    expect(exact.status).toBe('Time limit reached');
    expect(exact.optimal).toBe(false);
    expect(exact.sites.length).toBeGreaterThan(0);
    expect(exact.objective).toBeGreaterThan(0);
    expect(exact.objective).toBeGreaterThanOrEqual(greedyPlacement(input).objective - 1e-9);
    expect(exact.bound).toBeNull();
    expect(describeExact(exact)).toMatch(/^Stopped at the 0 s time limit without proving the optimum\. Best solution found [\d,.]+ \(greedy [\d,.]+\); no bound on the optimum was proved in time/);
  });

  it('states the proven bound and the true gap to it', () => {
    const stopped: Omit<ExactResult, 'sites'> = { objective: 900, greedyObjective: 880, optimal: false, bound: 1000, boundGapPct: 10, gapPct: 2.22, status: 'Time limit reached', timeLimitS: 30, solveMs: 30_012 };
    expect(describeExact(stopped)).toBe(
      'Stopped at the 30 s time limit without proving the optimum. Best solution found 900 (greedy 880); the optimum is at most 1,000, so this is at most 10.00% below it (Time limit reached, 30012 ms). Binary coverage, no decay.',
    );
  });

  it('says plainly that no solution was found in time', () => {
    expect(() => checkOutcome({ optimal: false, status: 'Time limit reached', hasSolution: false, dualBound: Infinity }, 30)).toThrow('The exact solver found no solution within its 30 s time limit; the greedy plan stands.');
    expect(() => checkOutcome({ optimal: true, status: 'Optimal', hasSolution: true, dualBound: 5 }, 30)).not.toThrow();
  });

  it('reports a proved optimum with its bound equal to it', async () => {
    const input = scatter(20, 200, 3);
    const exact = await exactPlacement(input);
    expect(exact.optimal).toBe(true);
    expect(exact.bound).toBe(exact.objective);
    expect(exact.boundGapPct).toBe(0);
    expect(describeExact(exact)).toMatch(/^Optimum [\d,.]+, greedy [\d,.]+: gap \d+\.\d\d% \(Optimal, \d+ ms\)/);
  });
});
