import { union } from '@turf/union';
import { featureCollection, feature } from '@turf/helpers';
import { plannedCameraId } from './cameraSites';
import type { MultiPolygon, Polygon } from 'geojson';
import { cameraFeatures } from './cameraFeatures';
import type { Camera } from './importCameras';
import type { CameraPlan } from '../coverage/planCameras';
import type { Intervention } from '../zones/evaluateIntervention';

const COVERAGE_ID = 'camera-coverage';

/**
 * The cameras' coverage (existing and planned) as one area to evaluate like a zone (with no start
 * date: the user gives one), named at once and joined only when evaluated: the union of tens of
 * cameras' circles takes a tenth of a second, and is seldom asked for.
 */
export function camerasCoverage(cameras: readonly Camera[], plan: CameraPlan | null, radiusM: number): Intervention | null {
  // With buildings, what the cameras actually see (joined in the worker); otherwise their radius and field of view.
  if (plan?.viewsheds) {
    const seen = plan.seenArea;
    return seen ? { id: COVERAGE_ID, name: `Camera viewsheds (${plan.viewsheds.features.length} cameras)`, startDate: '', area: () => seen } : null;
  }
  const planned: Camera[] = (plan?.planned ?? []).map((c) => ({ id: plannedCameraId(c.rank), name: c.topLocation, kind: 'redeployable', lat: c.lat, lng: c.lng, radiusM: null, directionDeg: null, fovDeg: null }));
  const areas = cameraFeatures([...cameras, ...planned], radiusM).areas.features;
  if (areas.length === 0) return null;
  let joined: Polygon | MultiPolygon | null | undefined;
  const area = (): Polygon | MultiPolygon | null => {
    if (joined === undefined) joined = areas.length === 1 ? areas[0].geometry : ((union(featureCollection(areas.map((a) => feature(a.geometry))))?.geometry as Polygon | MultiPolygon | undefined) ?? null);
    return joined;
  };
  return { id: COVERAGE_ID, name: `Camera coverage (${areas.length} cameras)`, startDate: '', area };
}
