import { union } from '@turf/union';
import { featureCollection, feature } from '@turf/helpers';
import { plannedCameraId } from './cameraSites';
import type { MultiPolygon, Polygon } from 'geojson';
import { cameraFeatures } from './cameraFeatures';
import type { Camera } from './importCameras';
import type { CameraPlan } from '../coverage/planCameras';
import type { Zone } from '../zones/zone';

const COVERAGE_ZONE = { id: 'camera-coverage', orderRef: '', startDate: '', endDate: '', prohibitions: [] };

/** The cameras' coverage (existing and planned) as one area, so it can be evaluated like a zone. */
export function camerasCoverageZone(cameras: readonly Camera[], plan: CameraPlan | null, radiusM: number): Zone | null {
  // With buildings, what the cameras actually see (joined in the worker); otherwise their radius and field of view.
  if (plan?.viewsheds) return plan.seenArea ? { ...COVERAGE_ZONE, name: `Camera viewsheds (${plan.viewsheds.features.length} cameras)`, geometry: plan.seenArea } : null;
  const planned: Camera[] = (plan?.planned ?? []).map((c) => ({ id: plannedCameraId(c.rank), name: c.topLocation, kind: 'redeployable', lat: c.lat, lng: c.lng, radiusM: null, directionDeg: null, fovDeg: null }));
  const areas = cameraFeatures([...cameras, ...planned], radiusM).areas.features;
  if (areas.length === 0) return null;
  const merged = areas.length === 1 ? areas[0] : union(featureCollection(areas.map((a) => feature(a.geometry))));
  if (!merged) return null;
  return { ...COVERAGE_ZONE, name: `Camera coverage (${areas.length} cameras)`, geometry: merged.geometry as Polygon | MultiPolygon };
}
