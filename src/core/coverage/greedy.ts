import type { CoverageMatrix, LocalPlane } from './coverageMatrix';
import { coverageOf } from './coverageMatrix';

/**
 * Maximal covering location problem (Church & ReVelle 1974), greedy with lazy evaluation (CELF,
 * Leskovec et al. 2007): covered demand is submodular, so a site's gain can only fall as others
 * are chosen; a stale gain is an upper bound, and a site is re-evaluated only when it reaches the
 * top of the heap. Within (1 − 1/e) of the optimum. Demand already covered by fixed cameras earns
 * no credit; a point's coverage is the best factor among the cameras that see it.
 */
export interface PlacementInput {
  matrix: CoverageMatrix;
  /** Demand weight per point (incidents or harm). */
  weight: ArrayLike<number>;
  /** Coverage each point already has from fixed cameras (0 … 1). */
  alreadyCovered: Float32Array;
  p: number;
  /** Candidate positions, for the spacing rule. */
  siteLat: ArrayLike<number>;
  siteLng: ArrayLike<number>;
  plane: LocalPlane;
  minSpacingM: number;
  /** Sites that may not be chosen (in an excluded area). */
  excluded?: ReadonlySet<number>;
}

export interface Placement {
  sites: number[];
  /** Gain of each site when it was added, in the order chosen. */
  gains: number[];
  /** Demand covered beyond the fixed cameras. */
  objective: number;
}

function gainOf(input: PlacementInput, site: number, covered: Float32Array): number {
  const { matrix, weight } = input;
  let gain = 0;
  for (let e = matrix.offsets[site]; e < matrix.offsets[site + 1]; e++) {
    const i = matrix.demand[e];
    const improvement = matrix.factor[e] - covered[i];
    if (improvement > 0) gain += weight[i] * improvement;
  }
  return gain;
}

/** True when `site` is at least the minimum spacing from every chosen site. */
export function spacedFrom(input: PlacementInput, site: number, chosen: readonly number[]): boolean {
  if (input.minSpacingM <= 0) return true;
  const { plane, siteLat, siteLng } = input;
  return chosen.every((other) => Math.hypot(plane.x(siteLng[site]) - plane.x(siteLng[other]), plane.y(siteLat[site]) - plane.y(siteLat[other])) >= input.minSpacingM);
}

export function greedyPlacement(input: PlacementInput): Placement {
  const covered = Float32Array.from(input.alreadyCovered);
  // Max-heap of [upper bound, site, round evaluated] in parallel arrays.
  const heap: { bound: number; site: number; round: number }[] = [];
  const push = (entry: (typeof heap)[number]) => {
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent].bound >= heap[i].bound) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  };
  const pop = () => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let largest = i;
        if (l < heap.length && heap[l].bound > heap[largest].bound) largest = l;
        if (r < heap.length && heap[r].bound > heap[largest].bound) largest = r;
        if (largest === i) break;
        [heap[largest], heap[i]] = [heap[i], heap[largest]];
        i = largest;
      }
    }
    return top;
  };
  for (let s = 0; s < input.matrix.sites; s++) {
    if (input.excluded?.has(s)) continue;
    const gain = gainOf(input, s, covered);
    if (gain > 0) push({ bound: gain, site: s, round: 0 });
  }
  const sites: number[] = [];
  const gains: number[] = [];
  let round = 0;
  while (sites.length < input.p && heap.length > 0) {
    const top = pop();
    if (!spacedFrom(input, top.site, sites)) continue;
    if (top.round === round) {
      sites.push(top.site);
      gains.push(top.bound);
      for (let e = input.matrix.offsets[top.site]; e < input.matrix.offsets[top.site + 1]; e++) {
        const i = input.matrix.demand[e];
        if (input.matrix.factor[e] > covered[i]) covered[i] = input.matrix.factor[e];
      }
      round++;
    } else {
      const gain = gainOf(input, top.site, covered);
      if (gain > 0) push({ bound: gain, site: top.site, round });
    }
  }
  return { sites, gains, objective: gains.reduce((a, b) => a + b, 0) };
}

/** Demand covered beyond the fixed cameras by a set of sites. */
export function coveredBeyondFixed(input: Pick<PlacementInput, 'matrix' | 'weight' | 'alreadyCovered'>, sites: readonly number[]): number {
  const withSites = coverageOf(input.matrix, sites);
  let total = 0;
  for (let i = 0; i < withSites.length; i++) {
    const gain = withSites[i] - input.alreadyCovered[i];
    if (gain > 0) total += input.weight[i] * gain;
  }
  return total;
}
