import { circle } from '@turf/circle';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { TriggerReport } from './triggerReport';

export interface TriggerFeatureProperties {
  /** The group (`G1`…) a place outline stands for; a complaint's first group. */
  group: string;
  status: 'met' | 'approaching';
}

/**
 * The radar on the map: each place group as a circle of its rule's distance around its centre,
 * and every complaint in a group as a dot (marked met when any of its groups has met the
 * threshold). Groups by key have no centre of their own: their complaints are the dots.
 */
export function triggerFeatures(report: TriggerReport | null): { places: FeatureCollection<Polygon, TriggerFeatureProperties>; complaints: FeatureCollection<Point, TriggerFeatureProperties> } {
  const places: Feature<Polygon, TriggerFeatureProperties>[] = [];
  const complaintProperties = new Map<number, TriggerFeatureProperties>();
  const radiusKm = Math.max(report?.rule.distanceM ?? 0, 1) / 1000;
  for (const group of report?.groups ?? []) {
    const properties: TriggerFeatureProperties = { group: group.id, status: group.status };
    if (group.lat !== null && group.lng !== null) places.push(circle([group.lng, group.lat], radiusKm, { steps: 32, properties }));
    for (const member of group.members) {
      const known = complaintProperties.get(member);
      if (!known || (known.status !== 'met' && group.status === 'met')) complaintProperties.set(member, properties);
    }
  }
  const cases = report?.cases ?? [];
  const complaints = [...complaintProperties].map(([member, properties]): Feature<Point, TriggerFeatureProperties> => {
    const { lat, lng } = cases[member];
    return { type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties };
  });
  return { places: { type: 'FeatureCollection', features: places }, complaints: { type: 'FeatureCollection', features: complaints } };
}
