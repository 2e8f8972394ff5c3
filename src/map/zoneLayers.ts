import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ProposedZone } from '../core/zones/proposeZones';
import type { Zone } from '../core/zones/zone';
import { SYMBOL_COLOURS } from '../state/palette';
import { setSourceData } from './sourceData';

/** PSPO zones (purple, the selected one bold), proposals (dashed orange) and the zone being drawn. */
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function addZoneLayers(map: MapLibreMap): void {
  for (const id of ['zones', 'zone-proposals', 'zone-draft', 'evaluation-ring']) map.addSource(id, { type: 'geojson', data: EMPTY });
  map.addLayer({ id: 'evaluation-ring-fill', type: 'fill', source: 'evaluation-ring', paint: { 'fill-color': SYMBOL_COLOURS.evaluationRing, 'fill-opacity': 0.12 } });
  map.addLayer({ id: 'evaluation-ring-line', type: 'line', source: 'evaluation-ring', paint: { 'line-color': SYMBOL_COLOURS.evaluationRing, 'line-width': 1.5, 'line-dasharray': [3, 2] } });
  map.addLayer({ id: 'zones-fill', type: 'fill', source: 'zones', paint: { 'fill-color': SYMBOL_COLOURS.zone, 'fill-opacity': ['case', ['get', 'selected'], 0.18, 0.06] } });
  map.addLayer({ id: 'zones-line', type: 'line', source: 'zones', paint: { 'line-color': SYMBOL_COLOURS.zone, 'line-width': ['case', ['get', 'selected'], 3.5, 2] } });
  map.addLayer({ id: 'zones-label', type: 'symbol', source: 'zones', layout: { 'text-field': ['get', 'name'], 'text-size': 12 }, paint: { 'text-color': '#3f1d5c', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 } });
  map.addLayer({ id: 'zone-proposals-line', type: 'line', source: 'zone-proposals', paint: { 'line-color': SYMBOL_COLOURS.proposedZone, 'line-width': 2.5, 'line-dasharray': [2, 1.5] } });
  map.addLayer({ id: 'zone-draft-line', type: 'line', source: 'zone-draft', paint: { 'line-color': '#111827', 'line-width': 2, 'line-dasharray': [1, 1] } });
  map.addLayer({ id: 'zone-draft-points', type: 'circle', source: 'zone-draft', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 4, 'circle-color': '#111827' } });
}

export function updateZoneLayers(map: MapLibreMap, zones: readonly Zone[], selected: string | null, proposals: readonly ProposedZone[], draft: [number, number][] | null, ring: Polygon | MultiPolygon | null): void {
  setSourceData(map, 'evaluation-ring', ring ? { type: 'Feature', geometry: ring, properties: {} } : EMPTY);
  setSourceData(map, 'zones', { type: 'FeatureCollection', features: zones.map((z) => ({ type: 'Feature', geometry: z.geometry, properties: { id: z.id, name: z.name, selected: z.id === selected } })) });
  setSourceData(map, 'zone-proposals', { type: 'FeatureCollection', features: proposals.map((p, i) => ({ type: 'Feature', geometry: p.geometry, properties: { index: i } })) });
  const points = (draft ?? []).map((c) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: c }, properties: {} }));
  const line = draft && draft.length > 1 ? [{ type: 'Feature' as const, geometry: { type: 'LineString' as const, coordinates: [...draft, draft[0]] }, properties: {} }] : [];
  setSourceData(map, 'zone-draft', { type: 'FeatureCollection', features: [...line, ...points] });
}
