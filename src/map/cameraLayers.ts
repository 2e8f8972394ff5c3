import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { cameraFeatures } from '../core/cameras/cameraFeatures';
import { SYMBOL_COLOURS } from './palette';

/** Cameras on the map: coverage areas under the hexagons' outline, positions on top. Colours by role. */
const ROLE_COLOUR = ['match', ['get', 'role'], 'fixed', SYMBOL_COLOURS.fixedCamera, 'redeployable', SYMBOL_COLOURS.redeployableCamera, 'planned', SYMBOL_COLOURS.plannedCamera, '#000000'] as const;

export function addCameraLayers(map: MapLibreMap): void {
  const empty = { type: 'FeatureCollection' as const, features: [] };
  map.addSource('camera-areas', { type: 'geojson', data: empty });
  map.addSource('camera-points', { type: 'geojson', data: empty });
  map.addLayer({ id: 'camera-areas-fill', type: 'fill', source: 'camera-areas', paint: { 'fill-color': ROLE_COLOUR as never, 'fill-opacity': 0.1 } });
  map.addLayer({ id: 'camera-areas-line', type: 'line', source: 'camera-areas', paint: { 'line-color': ROLE_COLOUR as never, 'line-width': 1.2, 'line-dasharray': [2, 1] } });
  map.addLayer({
    id: 'camera-points',
    type: 'circle',
    source: 'camera-points',
    paint: { 'circle-radius': ['case', ['==', ['get', 'role'], 'planned'], 6, 4], 'circle-color': ROLE_COLOUR as never, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
  });
}

export function updateCameraLayers(map: MapLibreMap, features: ReturnType<typeof cameraFeatures>): void {
  map.getSource<GeoJSONSource>('camera-areas')?.setData(features.areas);
  map.getSource<GeoJSONSource>('camera-points')?.setData(features.points);
}
