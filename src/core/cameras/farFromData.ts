import { cellToLatLng } from 'h3-js';

/** Cameras further than this outside the incidents' extent are reported: they cannot see the data. */
export const FAR_FROM_DATA_KM = 2;

const EARTH_RADIUS_KM = 6371.0088;

/** Distance from a point to a longitude/latitude box (0 inside), on the sphere. */
function kmOutside(lat: number, lng: number, box: { minLat: number; maxLat: number; minLng: number; maxLng: number }): number {
  const nearestLat = Math.min(box.maxLat, Math.max(box.minLat, lat));
  const nearestLng = Math.min(box.maxLng, Math.max(box.minLng, lng));
  const toRad = Math.PI / 180;
  const dLat = (lat - nearestLat) * toRad;
  const dLng = (lng - nearestLng) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat * toRad) * Math.cos(nearestLat * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface FarCameras {
  /** How many of the cameras lie more than FAR_FROM_DATA_KM outside the data's extent. */
  far: number;
  total: number;
  /** The far cameras' median distance outside the extent, km (0 when none is far). */
  medianKm: number;
  /** A few of the far cameras' ids, for the message. */
  examples: string[];
}

/** Which cameras stand far from the loaded incidents (the extent of their H3 cells' centres). */
export function camerasFarFromData(cameras: readonly { id: string; lat: number; lng: number }[], dataCells: readonly string[]): FarCameras | null {
  if (dataCells.length === 0 || cameras.length === 0) return null;
  const box = { minLat: Infinity, maxLat: -Infinity, minLng: Infinity, maxLng: -Infinity };
  for (const cell of dataCells) {
    const [lat, lng] = cellToLatLng(cell);
    box.minLat = Math.min(box.minLat, lat);
    box.maxLat = Math.max(box.maxLat, lat);
    box.minLng = Math.min(box.minLng, lng);
    box.maxLng = Math.max(box.maxLng, lng);
  }
  const far = cameras.map((c) => ({ id: c.id, km: kmOutside(c.lat, c.lng, box) })).filter((c) => c.km > FAR_FROM_DATA_KM);
  const sorted = far.map((c) => c.km).sort((a, b) => a - b);
  const medianKm = sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { far: far.length, total: cameras.length, medianKm, examples: far.slice(0, 3).map((c) => c.id) };
}
