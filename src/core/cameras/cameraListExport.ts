import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { csvDocument } from '../export/csv';
import type { CameraCard } from './justification';

/** The control room's camera list: one row per camera, with its position now and in the plan, and its card. */
const COLUMNS = [
  'id', 'name', 'type', 'status',
  'current_lat', 'current_lng', 'current_grid_ref', 'proposed_lat', 'proposed_lng', 'proposed_grid_ref',
  'radius_m', 'direction_deg', 'fov_deg',
  'incidents_in_view', 'harm_in_view', 'rank', 'of_cameras', 'demand_gained',
  'change', 'why', 'purpose', 'deployed', 'next_review', 'dpia_reference', 'review_flag',
] as const;

const fixed6 = (value: number | undefined) => (value === undefined ? '' : value.toFixed(6));
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

function record(card: CameraCard): Record<(typeof COLUMNS)[number], string | number> {
  const { site } = card;
  return {
    id: site.id,
    name: site.name,
    type: site.kind === 'fixed' ? 'fixed' : 're-deployable',
    status: site.status,
    current_lat: fixed6(site.current?.lat),
    current_lng: fixed6(site.current?.lng),
    current_grid_ref: card.gridRefNow ?? '',
    proposed_lat: fixed6(site.proposed.lat),
    proposed_lng: fixed6(site.proposed.lng),
    proposed_grid_ref: card.gridRefProposed,
    radius_m: site.radiusM,
    direction_deg: site.directionDeg ?? '',
    fov_deg: site.fovDeg ?? '',
    incidents_in_view: oneDecimal(card.demand.incidents),
    harm_in_view: oneDecimal(card.demand.harm),
    rank: card.rank,
    of_cameras: card.of,
    demand_gained: oneDecimal(site.gain),
    change: card.change,
    why: card.why,
    purpose: card.purpose,
    deployed: card.deployed,
    next_review: card.nextReview,
    dpia_reference: card.dpiaReference,
    review_flag: card.reviewFlag,
  };
}

export function cameraListCsv(cards: readonly CameraCard[]): string {
  return csvDocument(
    COLUMNS,
    cards.map((card) => Object.values(record(card))),
  );
}

/** Cameras as points at their proposed position (with every column as a property) and each move as a line from where it stands. */
export function cameraListGeoJson(cards: readonly CameraCard[]): FeatureCollection<Point | LineString> {
  const features: Feature<Point | LineString>[] = cards.map((card) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [card.site.proposed.lng, card.site.proposed.lat] }, properties: record(card) }));
  for (const card of cards) {
    const { site } = card;
    if (site.status !== 'moved' || !site.current) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [[site.current.lng, site.current.lat], [site.proposed.lng, site.proposed.lat]] },
      properties: { move: site.id, from_grid_ref: card.gridRefNow, to_grid_ref: card.gridRefProposed, demand_gained: oneDecimal(site.gain) },
    });
  }
  return { type: 'FeatureCollection', features };
}
