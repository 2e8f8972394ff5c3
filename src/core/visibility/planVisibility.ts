import { feature, featureCollection } from '@turf/helpers';
import { simplify } from '@turf/simplify';
import { union } from '@turf/union';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Camera } from '../cameras/importCameras';
import { buildCoverageMatrix, coverageOf, type LocalPlane } from '../coverage/coverageMatrix';
import type { PlanContext } from '../coverage/planCameras';
import { footprintsNear, prepareObstacles } from './obstacles';
import { ringAreaM2, viewFrom, viewshedRing, type LineOfSight } from './viewshed';

export type Footprint = Polygon | MultiPolygon;

export interface Sight {
  /** Line of sight from a point in the plan's plane. */
  sightFrom: (x: number, y: number, radiusM: number) => LineOfSight;
  /** Indices of the footprints whose bounding box comes within `radiusM` of a point. */
  near: (x: number, y: number, radiusM: number) => number[];
}

export function lineOfSight(footprints: readonly Footprint[], plane: LocalPlane): Sight {
  const obstacles = prepareObstacles(footprints, plane);
  return { sightFrom: (x, y, radiusM) => viewFrom(obstacles, x, y, radiusM), near: (x, y, radiusM) => footprintsNear(obstacles, x, y, radiusM) };
}

/** Cameras on the ground as coverage sites, each with its own radius and field of view (NaN = the default). */
export function camerasAsSites(cameras: readonly Camera[]): Record<'lat' | 'lng' | 'radiusM' | 'directionDeg' | 'fovDeg', number[]> {
  return { lat: cameras.map((c) => c.lat), lng: cameras.map((c) => c.lng), radiusM: cameras.map((c) => c.radiusM ?? NaN), directionDeg: cameras.map((c) => c.directionDeg ?? NaN), fovDeg: cameras.map((c) => c.fovDeg ?? NaN) };
}

export interface BuildingsEffect {
  footprints: number;
  /** Share of demand the fixed and planned cameras see through the buildings. */
  shareWithBuildings: number;
  /** The same cameras scored by radius and field of view alone. */
  shareWithoutBuildings: number;
  /** Candidate sites inside a footprint: reported and not used. */
  candidateSitesInside: number;
  /** Cameras on the ground that stand inside a footprint: they are counted as seeing nothing. */
  camerasInside: string[];
}

/** The plan's cameras (fixed first, then the chosen sites) as one site list. */
function planSites(context: PlanContext, sites: readonly number[]): ReturnType<typeof camerasAsSites> {
  const fixed = camerasAsSites(context.fixed);
  const extra = sites.map(() => NaN);
  return {
    lat: [...fixed.lat, ...sites.map((s) => context.sites.lat[s])],
    lng: [...fixed.lng, ...sites.map((s) => context.sites.lng[s])],
    radiusM: [...fixed.radiusM, ...extra],
    directionDeg: [...fixed.directionDeg, ...extra],
    fovDeg: [...fixed.fovDeg, ...extra],
  };
}

export function buildingsEffect(context: PlanContext, sites: readonly number[], totalDemand: number): BuildingsEffect {
  const { weight, input, buildings } = context;
  const spec = planSites(context, sites);
  const open = buildCoverageMatrix(context.demand, spec, context.options, context.plane);
  const seenOpen = coverageOf(open, spec.lat.map((_, i) => i));
  const seenThroughWalls = coverageOf(input.matrix, sites);
  let withBuildings = 0;
  let withoutBuildings = 0;
  for (let i = 0; i < weight.length; i++) {
    withBuildings += weight[i] * Math.max(seenThroughWalls[i], input.alreadyCovered[i]);
    withoutBuildings += weight[i] * seenOpen[i];
  }
  const share = (value: number) => (totalDemand > 0 ? value / totalDemand : 0);
  return {
    footprints: buildings?.footprints.length ?? 0,
    shareWithBuildings: share(withBuildings),
    shareWithoutBuildings: share(withoutBuildings),
    candidateSitesInside: buildings?.candidatesInside ?? 0,
    camerasInside: buildings?.camerasInside ?? [],
  };
}

export interface ViewshedProperties {
  camera: string;
  kind: 'fixed' | 'redeployable' | 'planned';
  /** Visible area in square metres. */
  areaM2: number;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
const SIMPLIFY_DEG = 5e-6;

/** Everything the cameras see, as one area (for evaluating camera coverage like a zone); null when there is nothing or the outlines cannot be joined. */
export function seenArea(viewsheds: FeatureCollection<Polygon, ViewshedProperties>): Polygon | MultiPolygon | null {
  if (viewsheds.features.length === 0) return null;
  try {
    const joined = viewsheds.features.length === 1 ? viewsheds.features[0] : union(featureCollection(viewsheds.features.map((f) => feature(f.geometry))));
    return joined ? joined.geometry : null;
  } catch {
    return null;
  }
}

/**
 * What each camera sees through the buildings (fixed, re-deployable where it stands, and planned),
 * and the footprints within their reach, to draw beside them.
 */
export function planViewsheds(context: PlanContext, sites: readonly number[]): { viewsheds: FeatureCollection<Polygon, ViewshedProperties>; buildingsInReach: FeatureCollection<Footprint> } {
  const { buildings, plane, options } = context;
  const features: Feature<Polygon, ViewshedProperties>[] = [];
  const inReach = new Set<number>();
  const add = (camera: string, kind: ViewshedProperties['kind'], lat: number, lng: number, radiusM: number | null, directionDeg: number | null, fovDeg: number | null) => {
    if (!buildings) return;
    const [x, y, reach] = [plane.x(lng), plane.y(lat), radiusM ?? options.radiusM];
    for (const f of buildings.sight.near(x, y, reach)) inReach.add(f);
    const view = buildings.sight.sightFrom(x, y, reach);
    if (view.inside) return;
    const ring = viewshedRing(view, directionDeg ?? NaN, fovDeg ?? NaN);
    const coordinates = ring.map(([x, y]) => [round6(plane.lng(x)), round6(plane.lat(y))]);
    // Rays that end on the same wall or arc are nearly collinear: dropping them keeps the outline within ~0.5 m at a tenth of the corners.
    const geometry = simplify<Polygon>({ type: 'Polygon', coordinates: [coordinates] }, { tolerance: SIMPLIFY_DEG });
    features.push({ type: 'Feature', properties: { camera, kind, areaM2: Math.round(ringAreaM2(ring)) }, geometry });
  };
  for (const c of context.fixed) add(c.id, 'fixed', c.lat, c.lng, c.radiusM, c.directionDeg, c.fovDeg);
  context.redeployableSites.forEach((s, i) => add(context.redeployableIds[i], 'redeployable', context.sites.lat[s], context.sites.lng[s], null, null, null));
  sites.forEach((s, rank) => add(`NEW-${rank + 1}`, 'planned', context.sites.lat[s], context.sites.lng[s], null, null, null));
  const footprints = [...inReach].sort((a, b) => a - b).map((f): Feature<Footprint> => ({ type: 'Feature', properties: {}, geometry: buildings!.footprints[f] }));
  return { viewsheds: { type: 'FeatureCollection', features }, buildingsInReach: { type: 'FeatureCollection', features: footprints } };
}
