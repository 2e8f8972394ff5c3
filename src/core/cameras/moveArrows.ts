import type { FeatureCollection, LineString, Point, Polygon } from 'geojson';
import type { CameraSite } from './cameraSites';

export interface MoveProperties {
  id: string;
  gain: number;
  /** "+12" (in the plan's demand), for the label at the arrow's middle. */
  label: string;
}

const M_PER_DEG = 111_320;

/**
 * Each suggested move as an arrow from where the camera stands to where it should go: a shaft,
 * a head of `headM` metres, and a label point at the middle carrying the gain.
 */
export function moveArrows(sites: readonly CameraSite[], headM = 25): { shafts: FeatureCollection<LineString, MoveProperties>; heads: FeatureCollection<Polygon, MoveProperties>; labels: FeatureCollection<Point, MoveProperties> } {
  const shafts: FeatureCollection<LineString, MoveProperties> = { type: 'FeatureCollection', features: [] };
  const heads: FeatureCollection<Polygon, MoveProperties> = { type: 'FeatureCollection', features: [] };
  const labels: FeatureCollection<Point, MoveProperties> = { type: 'FeatureCollection', features: [] };
  for (const site of sites) {
    if (site.status !== 'moved' || !site.current) continue;
    const properties = { id: site.id, gain: site.gain, label: `${site.id} +${Math.round(site.gain)}` };
    const from = site.current;
    const to = site.proposed;
    const cos = Math.cos((to.lat * Math.PI) / 180);
    // In local metres: x east, y north.
    const dx = (to.lng - from.lng) * M_PER_DEG * cos;
    const dy = (to.lat - from.lat) * M_PER_DEG;
    const length = Math.hypot(dx, dy);
    if (length === 0) continue;
    const head = Math.min(headM, length / 2);
    const [ux, uy] = [dx / length, dy / length];
    const at = (alongM: number, acrossM: number): [number, number] => [to.lng + (ux * alongM - uy * acrossM) / (M_PER_DEG * cos), to.lat + (uy * alongM + ux * acrossM) / M_PER_DEG];
    shafts.features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [[from.lng, from.lat], at(-head, 0)] }, properties });
    heads.features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[to.lng, to.lat], at(-head, head / 2), at(-head, -head / 2), [to.lng, to.lat]]] }, properties });
    labels.features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [(from.lng + to.lng) / 2, (from.lat + to.lat) / 2] }, properties });
  }
  return { shafts, heads, labels };
}
