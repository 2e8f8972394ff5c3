import type * as maplibregl from 'maplibre-gl';
import { awaitingMap } from '../state/resultsSlice';
import { useAppStore } from '../state/store';
import { cellsPending, hotspotCellAt } from './hotspotLayers';

/** What a click on the map means depends on what the user is doing: picking an area, drawing a zone, placing a camera, or pointing at things. */
function onClick(map: maplibregl.Map, event: maplibregl.MapMouseEvent): void {
  const { draft, addVertex, cameraEdit, placeCamera, pickingFrom, pickAreaAt, selectCamera, selectZone, pinCell } = useAppStore.getState();
  if (pickingFrom) {
    pickAreaAt(event.lngLat.lng, event.lngLat.lat);
    return;
  }
  if (draft) {
    addVertex([event.lngLat.lng, event.lngLat.lat]);
    return;
  }
  if (cameraEdit) {
    placeCamera(event.lngLat.lat, event.lngLat.lng);
    return;
  }
  const camera = map.queryRenderedFeatures(event.point, { layers: ['camera-points'] })[0];
  selectCamera(camera ? String(camera.properties.id) : null);
  const zone = map.queryRenderedFeatures(event.point, { layers: ['zones-line'] })[0];
  if (zone) selectZone(String(zone.properties.id));
  void pinCell(hotspotCellAt(event.lngLat));
}

/** Clicks, the view kept in the store as the map moves, and whether the map is idle. */
export function addMapInteractions(map: maplibregl.Map, container: HTMLElement): void {
  // A plain attribute the end-to-end tests (and assistive tooling) can wait on: idle only once the
  // map shows the current data. The map may draw (and go idle) while a new map is computed, or while
  // its cells are meshed in the worker.
  map.on('idle', () => {
    if (!cellsPending() && !awaitingMap(useAppStore.getState())) container.setAttribute('data-idle', 'true');
  });
  map.on('dataloading', () => container.setAttribute('data-idle', 'false'));
  map.on('moveend', () => {
    const centre = map.getCenter();
    useAppStore.getState().setMapView({ lng: centre.lng, lat: centre.lat, zoom: map.getZoom() });
  });
  map.on('click', (event) => onClick(map, event));
}
