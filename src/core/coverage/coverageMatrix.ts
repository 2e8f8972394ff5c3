import KDBush from 'kdbush';
import { CoreError } from '../errors';

/**
 * Which demand points each candidate camera site covers, and how well. Positions are projected to
 * a local equirectangular plane in metres around the data's mean latitude (error < 0.1% across a
 * borough), indexed with kdbush, and queried by radius.
 */
export interface Points {
  lat: ArrayLike<number>;
  lng: ArrayLike<number>;
}

export interface SiteSpec extends Points {
  /** Per site: its own radius in metres, or NaN to use the default. */
  radiusM?: ArrayLike<number>;
  /** Per site: bearing it faces (degrees from north) and field of view; NaN = all round. */
  directionDeg?: ArrayLike<number>;
  fovDeg?: ArrayLike<number>;
}

export interface CoverageOptions {
  radiusM: number;
  /** Coverage at the edge of the radius with linear decay from 1 at the camera; 1 = no decay. */
  edgeFactor: number;
}

/** CSR: the demand points of site s are `demand[offsets[s] .. offsets[s + 1])` with their `factor` (0 … 1]. */
export interface CoverageMatrix {
  sites: number;
  demandPoints: number;
  offsets: Int32Array;
  demand: Int32Array;
  factor: Float32Array;
  /** Sites standing inside a building footprint: they cover nothing (only when buildings are used). */
  insideBuildings: number[];
}

const M_PER_DEG = 111_320;

export interface LocalPlane {
  x: (lng: number) => number;
  y: (lat: number) => number;
  /** Back from the plane to degrees. */
  lng: (x: number) => number;
  lat: (y: number) => number;
}

export function localPlane(points: Points): LocalPlane {
  let sum = 0;
  for (let i = 0; i < points.lat.length; i++) sum += points.lat[i];
  const lat0 = points.lat.length > 0 ? sum / points.lat.length : 51.5;
  const cos = Math.cos((lat0 * Math.PI) / 180);
  return { x: (lng) => lng * M_PER_DEG * cos, y: (lat) => lat * M_PER_DEG, lng: (x) => x / (M_PER_DEG * cos), lat: (y) => y / M_PER_DEG };
}

/** True when the offset (dx east, dy north) lies in the field of view; no direction = all round. */
export function insideSector(dx: number, dy: number, directionDeg: number, fovDeg: number): boolean {
  if (!Number.isFinite(directionDeg) || !Number.isFinite(fovDeg) || fovDeg >= 360) return true;
  if (dx === 0 && dy === 0) return true;
  const bearing = ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360;
  const offset = Math.abs(((bearing - directionDeg + 540) % 360) - 180);
  return offset <= fovDeg / 2;
}

/** A camera's line of sight from a point within a radius; absent = nothing blocks the view. */
export type SightFrom = (x: number, y: number, radiusM: number) => { inside: boolean; sees: (x: number, y: number) => boolean };

/** Adds sites to a matrix one at a time, so a long build can report progress and stop between sites. */
function matrixBuilder(demand: Points, sites: SiteSpec, options: CoverageOptions, plane: LocalPlane, sightFrom?: SightFrom) {
  const count = demand.lat.length;
  const index = new KDBush(Math.max(1, count));
  const xs = Float64Array.from({ length: count }, (_, i) => plane.x(demand.lng[i]));
  const ys = Float64Array.from({ length: count }, (_, i) => plane.y(demand.lat[i]));
  for (let i = 0; i < count; i++) index.add(xs[i], ys[i]);
  if (count === 0) index.add(0, 0);
  index.finish();
  const siteCount = sites.lat.length;
  const offsets = new Int32Array(siteCount + 1);
  const covered: number[] = [];
  const factors: number[] = [];
  const insideBuildings: number[] = [];
  const addSite = (s: number) => {
    const sx = plane.x(sites.lng[s]);
    const sy = plane.y(sites.lat[s]);
    const own = sites.radiusM?.[s];
    const radius = own !== undefined && Number.isFinite(own) && own > 0 ? own : options.radiusM;
    const sight = count > 0 ? sightFrom?.(sx, sy, radius) : undefined;
    if (sight?.inside) insideBuildings.push(s);
    else if (count > 0) {
      for (const i of index.within(sx, sy, radius)) {
        const dx = xs[i] - sx;
        const dy = ys[i] - sy;
        if (!insideSector(dx, dy, sites.directionDeg?.[s] ?? NaN, sites.fovDeg?.[s] ?? NaN)) continue;
        if (sight && !sight.sees(xs[i], ys[i])) continue;
        covered.push(i);
        factors.push(1 - (1 - options.edgeFactor) * (Math.hypot(dx, dy) / radius));
      }
    }
    offsets[s + 1] = covered.length;
  };
  const finish = (): CoverageMatrix => ({ sites: siteCount, demandPoints: count, offsets, demand: Int32Array.from(covered), factor: Float32Array.from(factors), insideBuildings });
  return { siteCount, addSite, finish };
}

export function buildCoverageMatrix(demand: Points, sites: SiteSpec, options: CoverageOptions, plane = localPlane(demand), sightFrom?: SightFrom): CoverageMatrix {
  const builder = matrixBuilder(demand, sites, options, plane, sightFrom);
  for (let s = 0; s < builder.siteCount; s++) builder.addSite(s);
  return builder.finish();
}

export interface Steps {
  /** Checked between batches of sites; set by Cancel. */
  signal?: { aborted: boolean };
  onProgress?: (done: number, total: number) => void;
}

const SITES_PER_STEP = 16;

/** The same matrix built in steps, yielding between batches so a cancel message can arrive. */
export async function buildCoverageMatrixInSteps(demand: Points, sites: SiteSpec, options: CoverageOptions, plane: LocalPlane, sightFrom: SightFrom | undefined, steps: Steps): Promise<CoverageMatrix> {
  const builder = matrixBuilder(demand, sites, options, plane, sightFrom);
  for (let s = 0; s < builder.siteCount; s++) {
    builder.addSite(s);
    if ((s + 1) % SITES_PER_STEP === 0 || s + 1 === builder.siteCount) {
      steps.onProgress?.(s + 1, builder.siteCount);
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (steps.signal?.aborted) throw new CoreError('CANCELLED', 'Camera planning was cancelled.');
    }
  }
  return builder.finish();
}

/** Best coverage factor each demand point gets from a set of sites (0 = uncovered). */
export function coverageOf(matrix: CoverageMatrix, sites: Iterable<number>): Float32Array {
  const best = new Float32Array(matrix.demandPoints);
  for (const s of sites) {
    for (let e = matrix.offsets[s]; e < matrix.offsets[s + 1]; e++) {
      const i = matrix.demand[e];
      if (matrix.factor[e] > best[i]) best[i] = matrix.factor[e];
    }
  }
  return best;
}
