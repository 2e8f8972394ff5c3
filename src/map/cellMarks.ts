import type { CellMark } from '../core/vocabulary';

/**
 * Hot and cold cells carry a pattern as well as a colour, so they read apart without colour:
 * hot ones diagonal hatching, cold ones dots. One 8-pixel tile each, used by the map's cell layer and
 * by the exported figure's legend (the on-screen legend draws the same with CSS).
 */
const SIZE = 8;
const INK = [17, 24, 39, 120] as const;

function tile(inked: (x: number, y: number) => boolean): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) if (inked(x, y)) data.set(INK, (y * SIZE + x) * 4);
  }
  return { width: SIZE, height: SIZE, data };
}

export const CELL_MARK_TILES: Readonly<Record<CellMark, { width: number; height: number; data: Uint8Array }>> = {
  hot: tile((x, y) => (x + y) % SIZE === 0 || (x + y) % SIZE === 1),
  cold: tile((x, y) => (x === 2 || x === 3) && (y === 2 || y === 3)),
};
