import KDBush from 'kdbush';
import type { MultiPolygon, Polygon } from 'geojson';
import type { LocalPlane } from '../coverage/coverageMatrix';

/**
 * Building footprints prepared for line-of-sight queries in a local metric plane: every ring edge
 * as a wall segment (long edges cut into pieces so a radius query on piece midpoints finds them),
 * and each footprint's rings with its bounding box for point-in-footprint tests.
 */
export interface Obstacles {
  /** Wall pieces: from (ax, ay) to (bx, by), in metres; `owner` is the footprint index. */
  ax: Float64Array;
  ay: Float64Array;
  bx: Float64Array;
  by: Float64Array;
  owner: Int32Array;
  pieces: KDBush;
  /** Ring vertices (x, y interleaved); footprint f's rings are `ringStart[footprintStart[f]] …`. */
  vertices: Float64Array;
  ringStart: Int32Array;
  footprintStart: Int32Array;
  /** Bounding box per footprint [minX, minY, maxX, maxY], and an index of their centres. */
  boxes: Float64Array;
  footprints: KDBush;
  maxHalfDiagonalM: number;
  count: number;
}

/** Longest wall piece: a radius query widened by half of it finds every piece within reach. */
export const MAX_PIECE_M = 20;

export function prepareObstacles(footprints: readonly (Polygon | MultiPolygon)[], plane: LocalPlane): Obstacles {
  const vertices: number[] = [];
  const ringStart: number[] = [];
  const footprintStart: number[] = [];
  const boxes: number[] = [];
  const walls: number[] = [];
  const owner: number[] = [];
  footprints.forEach((geometry, f) => {
    footprintStart.push(ringStart.length);
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const ring of polygons.flat()) {
      ringStart.push(vertices.length / 2);
      for (let v = 0; v < ring.length; v++) {
        const x = plane.x(ring[v][0]);
        const y = plane.y(ring[v][1]);
        if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
        vertices.push(x, y);
        [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
      }
      const first = ringStart[ringStart.length - 1];
      const last = vertices.length / 2 - 1;
      for (let v = first; v <= last; v++) {
        // Open rings are closed here; a repeated vertex gives a zero-length edge, which is skipped.
        const w = v === last ? first : v + 1;
        const [x0, y0, x1, y1] = [vertices[2 * v], vertices[2 * v + 1], vertices[2 * w], vertices[2 * w + 1]];
        const length = Math.hypot(x1 - x0, y1 - y0);
        if (!(length > 0)) continue;
        const parts = Math.ceil(length / MAX_PIECE_M);
        for (let p = 0; p < parts; p++) {
          walls.push(x0 + ((x1 - x0) * p) / parts, y0 + ((y1 - y0) * p) / parts, x0 + ((x1 - x0) * (p + 1)) / parts, y0 + ((y1 - y0) * (p + 1)) / parts);
          owner.push(f);
        }
      }
    }
    boxes.push(minX, minY, maxX, maxY);
  });
  footprintStart.push(ringStart.length);
  ringStart.push(vertices.length / 2);
  const pieceCount = owner.length;
  const obstacles: Obstacles = {
    ax: new Float64Array(pieceCount),
    ay: new Float64Array(pieceCount),
    bx: new Float64Array(pieceCount),
    by: new Float64Array(pieceCount),
    owner: Int32Array.from(owner),
    pieces: new KDBush(Math.max(1, pieceCount)),
    vertices: Float64Array.from(vertices),
    ringStart: Int32Array.from(ringStart),
    footprintStart: Int32Array.from(footprintStart),
    boxes: Float64Array.from(boxes),
    footprints: new KDBush(Math.max(1, footprints.length)),
    maxHalfDiagonalM: 0,
    count: footprints.length,
  };
  for (let i = 0; i < pieceCount; i++) {
    [obstacles.ax[i], obstacles.ay[i], obstacles.bx[i], obstacles.by[i]] = [walls[4 * i], walls[4 * i + 1], walls[4 * i + 2], walls[4 * i + 3]];
    obstacles.pieces.add((walls[4 * i] + walls[4 * i + 2]) / 2, (walls[4 * i + 1] + walls[4 * i + 3]) / 2);
  }
  if (pieceCount === 0) obstacles.pieces.add(0, 0);
  obstacles.pieces.finish();
  for (let f = 0; f < footprints.length; f++) {
    const [minX, minY, maxX, maxY] = [boxes[4 * f], boxes[4 * f + 1], boxes[4 * f + 2], boxes[4 * f + 3]];
    const empty = !(maxX >= minX);
    obstacles.footprints.add(empty ? 0 : (minX + maxX) / 2, empty ? 0 : (minY + maxY) / 2);
    if (!empty) obstacles.maxHalfDiagonalM = Math.max(obstacles.maxHalfDiagonalM, Math.hypot(maxX - minX, maxY - minY) / 2);
  }
  if (footprints.length === 0) obstacles.footprints.add(0, 0);
  obstacles.footprints.finish();
  return obstacles;
}

/** Even-odd rule over all of a footprint's rings (holes and self-crossings included). */
export function insideFootprint(obstacles: Obstacles, f: number, x: number, y: number): boolean {
  const { boxes, vertices, ringStart, footprintStart } = obstacles;
  if (x < boxes[4 * f] || x > boxes[4 * f + 2] || y < boxes[4 * f + 1] || y > boxes[4 * f + 3]) return false;
  let inside = false;
  for (let r = footprintStart[f]; r < footprintStart[f + 1]; r++) {
    const first = ringStart[r];
    const last = ringStart[r + 1] - 1;
    for (let v = first, w = last; v <= last; w = v++) {
      const [xv, yv, xw, yw] = [vertices[2 * v], vertices[2 * v + 1], vertices[2 * w], vertices[2 * w + 1]];
      if (yv > y !== yw > y && x < ((xw - xv) * (y - yv)) / (yw - yv) + xv) inside = !inside;
    }
  }
  return inside;
}

/** Footprints whose bounding box may hold (x, y), widened by `marginM`. */
export function footprintsNear(obstacles: Obstacles, x: number, y: number, marginM: number): number[] {
  if (obstacles.count === 0) return [];
  const { boxes } = obstacles;
  return obstacles.footprints
    .within(x, y, obstacles.maxHalfDiagonalM + marginM)
    .filter((f) => x >= boxes[4 * f] - marginM && x <= boxes[4 * f + 2] + marginM && y >= boxes[4 * f + 1] - marginM && y <= boxes[4 * f + 3] + marginM);
}

/** Distance from (x, y) to the segment (ax, ay)–(bx, by). */
export function distanceToSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSq)) : 0;
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}
