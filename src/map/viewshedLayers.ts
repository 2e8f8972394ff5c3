import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CameraPlan } from '../core/coverage/planCameras';
import { setLayerFilter, setSourceData } from './sourceData';

/** What cameras see past the buildings (from the plan result): the buildings in reach, every viewshed faintly, the picked camera's strongly. */
const KIND_COLOUR = ['match', ['get', 'kind'], 'fixed', '#4b5563', 'redeployable', '#1f78b4', 'planned', '#00875a', '#000000'] as const;

export function addViewshedLayers(map: MapLibreMap): void {
  map.addSource('buildings-in-reach', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({ id: 'buildings-in-reach', type: 'fill', source: 'buildings-in-reach', paint: { 'fill-color': '#374151', 'fill-opacity': 0.55 } });
  map.addSource('viewsheds', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({ id: 'viewsheds-fill', type: 'fill', source: 'viewsheds', paint: { 'fill-color': KIND_COLOUR as never, 'fill-opacity': 0.22 } });
  map.addLayer({ id: 'viewsheds-line', type: 'line', source: 'viewsheds', paint: { 'line-color': KIND_COLOUR as never, 'line-width': 1 } });
  map.addLayer({ id: 'viewsheds-selected', type: 'fill', source: 'viewsheds', filter: ['==', ['get', 'camera'], ''], paint: { 'fill-color': '#f59e0b', 'fill-opacity': 0.5 } });
}

export function updateViewshedLayers(map: MapLibreMap, plan: CameraPlan | null, selectedCamera: string | null): void {
  const none = { type: 'FeatureCollection' as const, features: [] };
  setSourceData(map, 'buildings-in-reach', plan?.buildingsInReach ?? none);
  setSourceData(map, 'viewsheds', plan?.viewsheds ?? none);
  setLayerFilter(map, 'viewsheds-selected', ['==', ['get', 'camera'], selectedCamera ?? '']);
}
