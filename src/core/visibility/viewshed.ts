import { insideSector } from '../coverage/coverageMatrix';
import { MAX_PIECE_M, distanceToSegment, footprintsNear, insideFootprint, type Obstacles } from './obstacles';

/**
 * What a camera at one point can see through the building footprints, within its radius: an
 * angular sweep over `RAYS` equal sectors. Each wall piece in reach is entered into the sectors it
 * spans (so a line of sight is tested only against the walls in its own sector) and shortens the
 * ray at each sector's centre; the rays' ends are the visibility polygon.
 */
export const RAYS = 720;
/** A camera this close to a wall is mounted on it: it sees out of that building, not into it. */
const ON_WALL_M = 0.01;
/** How far along a line of sight to look for the inside of the building a camera is mounted on. */
const STEP_M = 0.05;
const SECTOR = (2 * Math.PI) / RAYS;

export interface View {
  x: number;
  y: number;
  radiusM: number;
  /** The camera stands inside a footprint: it is reported and sees nothing. */
  inside: boolean;
  /** Unobstructed distance along each ray (sector centre at angle −π + (k + ½)·2π/RAYS). */
  distanceM: Float64Array;
}

export interface LineOfSight extends View {
  /** True when the straight line from the camera to (x, y) crosses no wall and lies within the radius. */
  sees: (x: number, y: number) => boolean;
}

const sectorOf = (angle: number): number => Math.min(RAYS - 1, Math.max(0, Math.floor((angle + Math.PI) / SECTOR)));

/** Intersection of the ray s + t·(dx, dy) with segment piece i: t, or Infinity when it misses. */
function hitAlong(o: Obstacles, i: number, sx: number, sy: number, dx: number, dy: number): number {
  const ex = o.bx[i] - o.ax[i];
  const ey = o.by[i] - o.ay[i];
  const denominator = dx * ey - dy * ex;
  if (denominator === 0) return Infinity;
  const qx = o.ax[i] - sx;
  const qy = o.ay[i] - sy;
  const t = (qx * ey - qy * ex) / denominator;
  const u = (qx * dy - qy * dx) / denominator;
  return u >= 0 && u <= 1 && t > 0 ? t : Infinity;
}

export function viewFrom(o: Obstacles, sx: number, sy: number, radiusM: number): LineOfSight {
  const distanceM = new Float64Array(RAYS).fill(radiusM);
  const near = footprintsNear(o, sx, sy, ON_WALL_M);
  const candidates = o.count > 0 ? o.pieces.within(sx, sy, radiusM + MAX_PIECE_M / 2) : [];
  const mountedOn = new Set<number>();
  for (const i of candidates) if (distanceToSegment(sx, sy, o.ax[i], o.ay[i], o.bx[i], o.by[i]) < ON_WALL_M) mountedOn.add(o.owner[i]);
  const inside = near.some((f) => !mountedOn.has(f) && insideFootprint(o, f, sx, sy));
  const view = { x: sx, y: sy, radiusM, inside, distanceM };
  if (inside) {
    distanceM.fill(0);
    return { ...view, sees: () => false };
  }
  const intoOwnBuilding = (ux: number, uy: number) => [...mountedOn].some((f) => insideFootprint(o, f, sx + STEP_M * ux, sy + STEP_M * uy));
  if (mountedOn.size > 0) {
    for (let k = 0; k < RAYS; k++) {
      const angle = -Math.PI + (k + 0.5) * SECTOR;
      if (intoOwnBuilding(Math.cos(angle), Math.sin(angle))) distanceM[k] = 0;
    }
  }
  // Sectors each wall piece spans (the short way round), gathered per sector as CSR lists.
  const first = new Int32Array(candidates.length);
  const spans = new Int32Array(candidates.length);
  const perSector = new Int32Array(RAYS + 1);
  candidates.forEach((i, n) => {
    if (mountedOn.has(o.owner[i]) && distanceToSegment(sx, sy, o.ax[i], o.ay[i], o.bx[i], o.by[i]) < ON_WALL_M) return;
    const a0 = Math.atan2(o.ay[i] - sy, o.ax[i] - sx);
    const a1 = Math.atan2(o.by[i] - sy, o.bx[i] - sx);
    let span = a1 - a0;
    if (span > Math.PI) span -= 2 * Math.PI;
    if (span < -Math.PI) span += 2 * Math.PI;
    const start = span >= 0 ? a0 : a1;
    const from = (start + Math.PI) / SECTOR;
    first[n] = sectorOf(start);
    spans[n] = Math.min(RAYS, Math.floor(from + Math.abs(span) / SECTOR) - Math.floor(from) + 1);
    for (let j = 0; j < spans[n]; j++) perSector[((first[n] + j) % RAYS) + 1]++;
  });
  for (let k = 0; k < RAYS; k++) perSector[k + 1] += perSector[k];
  const fill = perSector.slice(0, RAYS);
  const members = new Int32Array(perSector[RAYS]);
  candidates.forEach((i, n) => {
    for (let j = 0; j < spans[n]; j++) {
      const k = (first[n] + j) % RAYS;
      members[fill[k]++] = i;
      const angle = -Math.PI + (k + 0.5) * SECTOR;
      const t = hitAlong(o, i, sx, sy, Math.cos(angle), Math.sin(angle));
      if (t < distanceM[k]) distanceM[k] = t;
    }
  });
  const sees = (x: number, y: number): boolean => {
    const dx = x - sx;
    const dy = y - sy;
    const length = Math.hypot(dx, dy);
    if (length > radiusM) return false;
    if (length === 0) return true;
    if (mountedOn.size > 0 && intoOwnBuilding(dx / length, dy / length)) return false;
    const k = sectorOf(Math.atan2(dy, dx));
    for (let m = perSector[k]; m < perSector[k + 1]; m++) if (hitAlong(o, members[m], sx, sy, dx, dy) < 1 - 1e-9) return false;
    return true;
  };
  return { ...view, sees };
}

/** The visible area as a ring in the plane (closed), clipped to the field of view when it has one. */
export function viewshedRing(view: View, directionDeg = NaN, fovDeg = NaN): [number, number][] {
  const ring: [number, number][] = [];
  const sector = Number.isFinite(directionDeg) && Number.isFinite(fovDeg) && fovDeg < 360;
  if (sector) ring.push([view.x, view.y]);
  // Start opposite the camera's direction, so the rays inside its field of view come in one run.
  const opposite = sector ? ((270 - directionDeg) * Math.PI) / 180 : -Math.PI;
  const startK = sectorOf(Math.atan2(Math.sin(opposite), Math.cos(opposite)));
  for (let j = 0; j < RAYS; j++) {
    const k = (startK + j) % RAYS;
    const angle = -Math.PI + (k + 0.5) * SECTOR;
    const [ux, uy] = [Math.cos(angle), Math.sin(angle)];
    if (sector && !insideSector(ux, uy, directionDeg, fovDeg)) continue;
    ring.push([view.x + view.distanceM[k] * ux, view.y + view.distanceM[k] * uy]);
  }
  ring.push(ring[0]);
  return ring;
}

/** Area of a closed ring (shoelace), in square metres. */
export function ringAreaM2(ring: readonly [number, number][]): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return Math.abs(twice) / 2;
}
