import { gridDisk } from 'h3-js';

/**
 * Neighbour lists of a set of H3 cells in compressed sparse row form: the neighbours of cell i are
 * `indices[offsets[i] .. offsets[i + 1])`, positions in the same cell array, the cell itself
 * included (Gi* counts it). Only cells of the set appear. Built once per cell set and k, since
 * `gridDisk` over 20,000 cells costs tens of milliseconds.
 */
export interface NeighbourIndex {
  offsets: Int32Array;
  indices: Int32Array;
}

export function buildNeighbourIndex(cells: readonly string[], k: number): NeighbourIndex {
  const position = new Map<string, number>();
  cells.forEach((cell, i) => position.set(cell, i));
  const offsets = new Int32Array(cells.length + 1);
  const ringSize = 1 + 3 * k * (k + 1);
  let indices = new Int32Array(cells.length * ringSize);
  let used = 0;
  for (let i = 0; i < cells.length; i++) {
    for (const neighbour of gridDisk(cells[i], k)) {
      const j = position.get(neighbour);
      if (j === undefined) continue;
      if (used === indices.length) {
        const grown = new Int32Array(indices.length * 2);
        grown.set(indices);
        indices = grown;
      }
      indices[used++] = j;
    }
    offsets[i + 1] = used;
  }
  return { offsets, indices: indices.slice(0, used) };
}
