import { coverageOf } from './coverageMatrix';
import { coveredBeyondFixed, spacedFrom, type PlacementInput } from './greedy';

/**
 * Moves for re-deployable cameras: from the current layout, repeatedly take the single move (one
 * camera to one free candidate site) that gains most covered demand, up to `maxMoves` moves or
 * until no move gains. Each move is reported with its gain, absolute and as a share of the
 * demand covered before it.
 */
export interface Move {
  /** Index of the camera in `current`. */
  camera: number;
  fromSite: number;
  toSite: number;
  gain: number;
  gainPct: number;
}

export function suggestMoves(input: PlacementInput, current: readonly number[], maxMoves: number): { moves: Move[]; before: number; after: number } {
  const layout = [...current];
  const before = coveredBeyondFixed(input, layout);
  const moves: Move[] = [];
  let value = before;
  for (let step = 0; step < maxMoves; step++) {
    let best: Move | null = null;
    for (let camera = 0; camera < layout.length; camera++) {
      const others = layout.filter((_, i) => i !== camera);
      // Coverage without this camera: fixed cameras plus the others.
      const base = coverageOf(input.matrix, others);
      for (let i = 0; i < base.length; i++) if (input.alreadyCovered[i] > base[i]) base[i] = input.alreadyCovered[i];
      let without = 0;
      for (let i = 0; i < base.length; i++) if (base[i] > input.alreadyCovered[i]) without += input.weight[i] * (base[i] - input.alreadyCovered[i]);
      for (let site = 0; site < input.matrix.sites; site++) {
        if (layout.includes(site) || input.excluded?.has(site) || !spacedFrom(input, site, others)) continue;
        let added = 0;
        for (let e = input.matrix.offsets[site]; e < input.matrix.offsets[site + 1]; e++) {
          const i = input.matrix.demand[e];
          const improvement = input.matrix.factor[e] - base[i];
          if (improvement > 0) added += input.weight[i] * improvement;
        }
        const gain = without + added - value;
        if (gain > 1e-9 && (!best || gain > best.gain)) best = { camera, fromSite: layout[camera], toSite: site, gain, gainPct: value > 0 ? (100 * gain) / value : 100 };
      }
    }
    if (!best) break;
    layout[best.camera] = best.toSite;
    value += best.gain;
    moves.push(best);
  }
  return { moves, before, after: value };
}
