import { circle } from '@turf/circle';
import { sector } from '@turf/sector';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { Camera } from './importCameras';

export type CameraRole = 'fixed' | 'redeployable' | 'planned';

export interface CameraProperties {
  id: string;
  name: string;
  role: CameraRole;
  radiusM: number;
}

/** A camera's reach: a circle, or a sector when it faces one way with a field of view under 360°. */
export function coverageShape(camera: Pick<Camera, 'lat' | 'lng' | 'directionDeg' | 'fovDeg'>, radiusM: number): Polygon {
  const centre = [camera.lng, camera.lat];
  const { directionDeg, fovDeg } = camera;
  if (directionDeg !== null && fovDeg !== null && fovDeg < 360) {
    return sector(centre, radiusM / 1000, directionDeg - fovDeg / 2, directionDeg + fovDeg / 2, { steps: 32 }).geometry;
  }
  return circle(centre, radiusM / 1000, { steps: 48 }).geometry;
}

/** Camera positions and their coverage areas, for the map and the plan GeoJSON export. */
export function cameraFeatures(cameras: readonly (Camera & { role?: CameraRole })[], defaultRadiusM: number): { points: FeatureCollection<Point, CameraProperties>; areas: FeatureCollection<Polygon, CameraProperties> } {
  const points: Feature<Point, CameraProperties>[] = [];
  const areas: Feature<Polygon, CameraProperties>[] = [];
  for (const camera of cameras) {
    const radiusM = camera.radiusM ?? defaultRadiusM;
    const properties: CameraProperties = { id: camera.id, name: camera.name, role: camera.role ?? camera.kind, radiusM };
    points.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [camera.lng, camera.lat] }, properties });
    areas.push({ type: 'Feature', geometry: coverageShape(camera, radiusM), properties });
  }
  return { points: { type: 'FeatureCollection', features: points }, areas: { type: 'FeatureCollection', features: areas } };
}
