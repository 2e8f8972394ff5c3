import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCoverageMatrix, coverageOf, localPlane } from '../../src/core/coverage/coverageMatrix';
import { exactPlacement } from '../../src/core/coverage/exact';
import { coveredBeyondFixed, greedyPlacement, type PlacementInput } from '../../src/core/coverage/greedy';
import { suggestMoves } from '../../src/core/coverage/redeploy';

const M = 1 / 111_320; // a metre of latitude in degrees

/** Points on a small grid near Wembley, in metres east/north of an origin. */
function at(metres: [number, number][]): { lat: number[]; lng: number[] } {
  const cos = Math.cos((51.55 * Math.PI) / 180);
  return { lat: metres.map(([, n]) => 51.55 + n * M), lng: metres.map(([e]) => -0.28 + (e * M) / cos) };
}

function combinations(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (let first = 0; first <= n - k; first++) for (const rest of combinations(n - first - 1, k - 1)) out.push([first, ...rest.map((r) => r + first + 1)]);
  return out;
}

function instance(demandM: [number, number][], siteM: [number, number][], weights: number[], p: number, fixedSites: [number, number][] = [], minSpacingM = 0): PlacementInput {
  const demand = at(demandM);
  const sites = at(siteM);
  const plane = localPlane(demand);
  const matrix = buildCoverageMatrix(demand, sites, { radiusM: 100, edgeFactor: 1 }, plane);
  const fixed = at(fixedSites);
  const alreadyCovered = fixedSites.length > 0 ? coverageOf(buildCoverageMatrix(demand, fixed, { radiusM: 100, edgeFactor: 1 }, plane), fixedSites.map((_, i) => i)) : new Float32Array(demandM.length);
  return { matrix, weight: weights, alreadyCovered, p, siteLat: sites.lat, siteLng: sites.lng, plane, minSpacingM };
}

function bruteForce(input: PlacementInput): number {
  let best = 0;
  const n = input.matrix.sites;
  for (const combo of combinations(n, Math.min(input.p, n))) {
    const spaced = combo.every((a, i) => combo.slice(i + 1).every((b) => Math.hypot(input.plane.x(input.siteLng[a]) - input.plane.x(input.siteLng[b]), input.plane.y(input.siteLat[a]) - input.plane.y(input.siteLat[b])) >= input.minSpacingM));
    if (spaced) best = Math.max(best, coveredBeyondFixed(input, combo));
  }
  return best;
}

describe('coverage matrix', () => {
  it('covers points within the radius only, with linear decay when asked', () => {
    const demand = at([[0, 0], [50, 0], [99, 0], [101, 0]]);
    const sites = at([[0, 0]]);
    const plain = buildCoverageMatrix(demand, sites, { radiusM: 100, edgeFactor: 1 });
    expect([...plain.demand]).toEqual([0, 1, 2]);
    const decayed = buildCoverageMatrix(demand, sites, { radiusM: 100, edgeFactor: 0.5 });
    const factor = new Map([...decayed.demand].map((d, e) => [d, decayed.factor[e]]));
    expect(factor.get(0)).toBeCloseTo(1, 5);
    expect(factor.get(1)).toBeCloseTo(0.75, 2);
  });
  it('keeps a camera with a direction to its field of view', () => {
    const demand = at([[0, 60], [60, 0], [0, -60]]);
    const matrix = buildCoverageMatrix(demand, { ...at([[0, 0]]), directionDeg: [0], fovDeg: [90] }, { radiusM: 100, edgeFactor: 1 });
    expect([...matrix.demand]).toEqual([0]);
  });
});

describe('placement', () => {
  // Three clusters; site 0 and 1 overlap on the big cluster, site 3 covers a far one.
  const demandM: [number, number][] = [[0, 0], [30, 0], [60, 0], [300, 0], [330, 0], [600, 600], [630, 600], [1000, 0]];
  const weights = [5, 5, 5, 2, 2, 4, 4, 1];
  const siteM: [number, number][] = [[10, 0], [50, 0], [310, 0], [610, 600], [1000, 0], [200, 0]];

  it('greedy and exact find the brute-force optimum on a small instance', async () => {
    const input = instance(demandM, siteM, weights, 2);
    const optimum = bruteForce(input);
    const exact = await exactPlacement(input);
    expect(exact.objective).toBeCloseTo(optimum, 9);
    expect(greedyPlacement(input).objective).toBeCloseTo(optimum, 9);
    expect(exact.gapPct).toBeCloseTo(0, 9);
  });

  it('gives no credit for demand the fixed cameras already cover', () => {
    const input = instance(demandM, siteM, weights, 1, [[30, 0]]);
    const result = greedyPlacement(input);
    // The big cluster is covered by the fixed camera, so the best new site is the 8-weight cluster.
    expect(result.sites).toEqual([3]);
    expect(result.objective).toBe(8);
  });

  it('respects the minimum spacing and excluded sites', () => {
    const spaced = greedyPlacement(instance(demandM, siteM, weights, 2, [], 100));
    expect(spaced.sites).not.toEqual(expect.arrayContaining([0, 1]));
    const excluded = greedyPlacement({ ...instance(demandM, siteM, weights, 1), excluded: new Set([0, 1]) });
    expect(excluded.sites).toEqual([3]);
  });

  it('exact is never below greedy, and equals brute force, on random instances', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 600 })), { minLength: 4, maxLength: 14 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 600 })), { minLength: 3, maxLength: 7 }),
        fc.integer({ min: 1, max: 3 }),
        async (demand, sites, p) => {
          const input = instance(demand, sites, demand.map((_, i) => 1 + (i % 3)), p);
          const exact = await exactPlacement(input);
          expect(exact.objective).toBeGreaterThanOrEqual(exact.greedyObjective - 1e-9);
          expect(exact.objective).toBeCloseTo(bruteForce(input), 9);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('suggests the best single move for a re-deployable camera (checked by trying every move)', () => {
    const input = instance(demandM, siteM, weights, 2);
    const current = [4, 5];
    const { moves, before, after } = suggestMoves(input, current, 1);
    let best = before;
    for (let camera = 0; camera < current.length; camera++) {
      for (let site = 0; site < siteM.length; site++) {
        if (current.includes(site)) continue;
        const layout = [...current];
        layout[camera] = site;
        best = Math.max(best, coveredBeyondFixed(input, layout));
      }
    }
    expect(moves).toHaveLength(1);
    expect(after).toBeCloseTo(best, 9);
    expect(moves[0].gain).toBeCloseTo(best - before, 9);
  });
});
