import type { Map as MapLibreMap } from 'maplibre-gl';
import type { cameraFeatures } from '../core/cameras/cameraFeatures';
import type { moveArrows } from '../core/cameras/moveArrows';
import { SYMBOL_COLOURS } from '../state/palette';
import { setSourceData } from './sourceData';

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
  // Suggested moves: dark arrows (readable on the light basemap and in print) from where a camera stands to where it should go.
  map.addSource('camera-move-shafts', { type: 'geojson', data: empty });
  map.addSource('camera-move-heads', { type: 'geojson', data: empty });
  map.addLayer({ id: 'camera-move-shafts', type: 'line', source: 'camera-move-shafts', paint: { 'line-color': '#111827', 'line-width': 2.5 } });
  map.addLayer({ id: 'camera-move-heads', type: 'fill', source: 'camera-move-heads', paint: { 'fill-color': '#111827' } });
}

export function updateMoveLayers(map: MapLibreMap, arrows: ReturnType<typeof moveArrows>): void {
  setSourceData(map, 'camera-move-shafts', arrows.shafts);
  setSourceData(map, 'camera-move-heads', arrows.heads);
}

export function updateCameraLayers(map: MapLibreMap, features: ReturnType<typeof cameraFeatures>): void {
  setSourceData(map, 'camera-areas', features.areas);
  setSourceData(map, 'camera-points', features.points);
}
