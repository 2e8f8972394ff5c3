import { union, featureCollection, feature } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { cameraFeatures } from '../core/cameras/cameraFeatures';
import type { Camera } from '../core/cameras/importCameras';
import type { CameraPlan } from '../core/coverage/planCameras';
import type { Zone } from '../core/zones/zone';

/** The cameras' coverage (existing and planned) as one area, so it can be evaluated like a zone. */
export function camerasCoverageZone(cameras: readonly Camera[], plan: CameraPlan | null, radiusM: number): Zone | null {
  const planned: Camera[] = (plan?.planned ?? []).map((c) => ({ id: `NEW-${c.rank}`, name: c.topLocation, kind: 'redeployable', lat: c.lat, lng: c.lng, radiusM: null, directionDeg: null, fovDeg: null }));
  // With buildings, what the cameras actually see; otherwise their radius and field of view.
  const areas: Feature<Polygon>[] = plan?.viewsheds?.features ?? cameraFeatures([...cameras, ...planned], radiusM).areas.features;
  if (areas.length === 0) return null;
  const merged = areas.length === 1 ? areas[0] : union(featureCollection(areas.map((a) => feature(a.geometry))));
  if (!merged) return null;
  return { id: 'camera-coverage', name: `Camera coverage (${areas.length} cameras)`, orderRef: '', startDate: '', endDate: '', prohibitions: [], geometry: merged.geometry as Polygon | MultiPolygon };
}
