import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { cellToLatLng } from 'h3-js';
import { bbox as turfBbox } from '@turf/bbox';
import { useEffect, useRef, useState } from 'react';
import { cellFeatureCollection } from '../core/hotspots/cellFeatures';
import { useClassification } from '../state/classification';
import { useAppStore } from '../state/store';
import { ONLINE_ATTRIBUTION, ONLINE_TILES, onlineBasemapReachable, plainStyle } from './basemap';
import { cameraFeatures } from '../core/cameras/cameraFeatures';
import { cameraSites, plannedCameraId } from '../core/cameras/cameraSites';
import { moveArrows } from '../core/cameras/moveArrows';
import { addCameraLayers, updateCameraLayers, updateMoveLayers } from './cameraLayers';
import { moveLabels } from './moveLabels';
import { addViewshedLayers, updateViewshedLayers } from './viewshedLayers';
import { vertexMarkers } from './vertexMarkers';
import { addZoneLayers, updateZoneLayers } from './zoneLayers';
import { addAreaLayers, updateAreaCounts, updateAreaLayers } from './areaLayers';
import { resolveArea } from '../state/areasSlice';
import { registerMap } from './mapInstance';
import { addOfflineBasemap, removeOfflineBasemap } from './offlineBasemap';
import { addPriorityLayer, updatePriorityLayer } from './priorityLayer';
import { bringIntoView } from './zoneFocus';
import { usePriorityPlaces } from '../state/prioritySlice';

maplibregl.setWorkerUrl(workerUrl);

const HOTSPOT_SOURCE = 'hotspots';
const LONDON: [number, number] = [-0.2, 51.55];

/** The cells' extent without the outer 1% on each side, so a few stray points do not zoom the map out to half the country. */
function robustBounds(cells: readonly string[]): maplibregl.LngLatBounds {
  const lats: number[] = [];
  const lngs: number[] = [];
  for (const cell of cells) {
    const [lat, lng] = cellToLatLng(cell);
    lats.push(lat);
    lngs.push(lng);
  }
  lats.sort((a, b) => a - b);
  lngs.sort((a, b) => a - b);
  const trim = cells.length >= 100 ? Math.floor(cells.length * 0.01) : 0;
  const last = cells.length - 1 - trim;
  return new maplibregl.LngLatBounds([lngs[trim], lats[trim]], [lngs[last], lats[last]]);
}

interface HoverInfo {
  x: number;
  y: number;
  index: number;
}

/** The map: owns every maplibre call; reads results from the store and writes only user picks back. */
export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const [ready, setReady] = useState(false);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const [online, setOnline] = useState<boolean | null>(null);
  const basemap = useAppStore((state) => state.basemap);
  const basemapFile = useAppStore((state) => state.basemapFile);
  const hotspots = useAppStore((state) => state.hotspots);
  const opacity = useAppStore((state) => state.view.opacity);
  const pinnedCell = useAppStore((state) => state.pinnedCell);
  const focusCell = useAppStore((state) => state.focusCell);
  const jumpTo = useAppStore((state) => state.jumpTo);
  const pinCell = useAppStore((state) => state.pinCell);
  const notify = useAppStore((state) => state.notify);
  const classification = useClassification();
  const cameras = useAppStore((state) => state.cameras);
  const plan = useAppStore((state) => state.plan);
  const moves = useAppStore((state) => state.moves);
  const radiusM = useAppStore((state) => state.planOptions.radiusM);
  const zones = useAppStore((state) => state.zones);
  const selectedZone = useAppStore((state) => state.selectedZone);
  const proposals = useAppStore((state) => state.proposals);
  const draft = useAppStore((state) => state.draft);
  const cameraEdit = useAppStore((state) => state.cameraEdit);
  const selectedCamera = useAppStore((state) => state.selectedCamera);
  const evaluationRing = useAppStore((state) => state.evaluation?.bufferGeometry ?? null);
  const sourceKey = useAppStore((state) => state.sources.map((source) => source.id).join(','));
  const boundaryLayers = useAppStore((state) => state.boundaryLayers);
  const pickingFrom = useAppStore((state) => state.pickingFrom);
  const areaChoice = useAppStore((state) => state.view.area);
  const zonesForArea = areaChoice?.kind === 'zone' ? zones : null;
  const fittedFor = useRef<string | null>(null);
  const fittedArea = useRef('');
  const priorityCells = usePriorityPlaces()?.cells ?? null;

  useEffect(() => {
    if (!container.current) return;
    const map = new maplibregl.Map({
      container: container.current,
      style: plainStyle(),
      center: LONDON,
      zoom: 11,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    mapRef.current = map;
    registerMap(map);
    map.addControl(new maplibregl.NavigationControl({ visualizePitch: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    map.addControl(new maplibregl.AttributionControl({ compact: false, customAttribution: 'Hotspot Planner' }), 'bottom-right');
    map.on('load', () => {
      map.addSource(HOTSPOT_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({ id: 'hotspots-fill', type: 'fill', source: HOTSPOT_SOURCE, paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.75 } });
      // Cell edges only once cells are large on screen; zoomed out they would hide small cells.
      map.addLayer({ id: 'hotspots-edge', type: 'line', source: HOTSPOT_SOURCE, minzoom: 12, paint: { 'line-color': '#ffffff', 'line-width': 0.5, 'line-opacity': 0.7 } });
      map.addLayer({ id: 'hotspots-pinned', type: 'line', source: HOTSPOT_SOURCE, filter: ['==', ['get', 'h3'], ''], paint: { 'line-color': '#111827', 'line-width': 2.5 } });
      addAreaLayers(map);
      addViewshedLayers(map);
      addPriorityLayer(map);
      addCameraLayers(map);
      addZoneLayers(map);
      setReady(true);
    });
    // A plain attribute the end-to-end tests (and assistive tooling) can wait on.
    map.on('idle', () => container.current?.setAttribute('data-idle', 'true'));
    map.on('dataloading', () => container.current?.setAttribute('data-idle', 'false'));
    map.on('moveend', () => {
      const centre = map.getCenter();
      useAppStore.getState().setMapView({ lng: centre.lng, lat: centre.lat, zoom: map.getZoom() });
    });
    map.on('mousemove', 'hotspots-fill', (event) => {
      const feature = event.features?.[0];
      map.getCanvas().style.cursor = 'pointer';
      if (feature) setHover({ x: event.point.x, y: event.point.y, index: Number(feature.properties.index) });
    });
    map.on('mouseleave', 'hotspots-fill', () => {
      map.getCanvas().style.cursor = '';
      setHover(null);
    });
    map.on('click', (event) => {
      // While a zone is being drawn, clicks add its corners instead of pinning cells.
      const { draft, addVertex, cameraEdit, placeCamera, pickingFrom, pickAreaAt } = useAppStore.getState();
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
      useAppStore.getState().selectCamera(camera ? String(camera.properties.id) : null);
      const zone = map.queryRenderedFeatures(event.point, { layers: ['zones-line'] })[0];
      if (zone) useAppStore.getState().selectZone(String(zone.properties.id));
      const feature = map.queryRenderedFeatures(event.point, { layers: ['hotspots-fill'] })[0];
      void pinCell(feature ? String(feature.properties.h3) : null);
    });
    return () => {
      registerMap(null);
      map.remove();
      mapRef.current = null;
    };
  }, [notify, pinCell]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const source = map.getSource<maplibregl.GeoJSONSource>(HOTSPOT_SOURCE);
    if (!source) return;
    if (!hotspots || !classification) {
      source.setData({ type: 'FeatureCollection', features: [] });
      return;
    }
    const { cells, colours } = classification;
    source.setData(cellFeatureCollection(cells, (index) => ({ index, h3: cells[index], colour: colours[index] })));
    // Fit the data once per set of loaded sources, not on every filter change, unless a view link chose the view.
    if (cells.length > 0 && fittedFor.current !== sourceKey && !useAppStore.getState().jumpTo) {
      fittedFor.current = sourceKey;
      map.fitBounds(robustBounds(cells), { padding: 40, duration: 0, maxZoom: 15 });
    }
  }, [ready, hotspots, classification, sourceKey]);

  useEffect(() => {
    const map = mapRef.current;
    if (ready && map) map.setPaintProperty('hotspots-fill', 'fill-opacity', opacity);
  }, [ready, opacity]);

  // Only a user who chose the online map makes the app contact its host, even to probe it.
  const wantsOnline = basemap.kind === 'online';
  useEffect(() => {
    if (wantsOnline && online === null) void onlineBasemapReachable().then(setOnline);
  }, [wantsOnline, online]);

  // The basemap under everything: an offline file, the online tiles when reachable, or plain.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    if (map.getLayer('basemap')) map.removeLayer('basemap');
    if (map.getSource('basemap')) map.removeSource('basemap');
    removeOfflineBasemap(map);
    if (basemap.kind === 'file' && basemapFile) {
      addOfflineBasemap(map, basemapFile, 'hotspots-fill').catch(() => notify('error', `${basemap.name} could not be read as a PMTiles basemap.`));
    } else if (basemap.kind === 'online' && online) {
      map.addSource('basemap', { type: 'raster', tiles: ONLINE_TILES, tileSize: 512, attribution: ONLINE_ATTRIBUTION, maxzoom: 19 });
      map.addLayer({ id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-saturation': -0.3 } }, 'hotspots-fill');
    } else if (basemap.kind === 'online' && online === false) {
      notify('info', 'Basemap unavailable (offline or blocked): showing hotspots over a plain background. An offline basemap file can be loaded under Map display.');
    }
  }, [ready, basemap, basemapFile, online, notify]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    updateZoneLayers(map, zones, selectedZone, proposals, draft, evaluationRing);
    map.getCanvas().style.cursor = draft || cameraEdit ? 'crosshair' : '';
  }, [ready, zones, selectedZone, proposals, draft, evaluationRing, cameraEdit]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const area = resolveArea({ view: { ...useAppStore.getState().view, area: areaChoice }, boundaryLayers, zones: zonesForArea ?? [] });
    const geometry = area?.kind === 'polygon' && area.geometry.coordinates.length > 0 ? area.geometry : null;
    updateAreaLayers(map, geometry, boundaryLayers);
    if (pickingFrom) map.getCanvas().style.cursor = 'crosshair';
    // A newly chosen study area is brought into view (not on every edit of the layers).
    const key = area?.name ?? '';
    if (geometry && fittedArea.current !== key && !useAppStore.getState().jumpTo) {
      const [w, s, e, n] = turfBbox(geometry);
      map.fitBounds([w, s, e, n], { padding: 30, duration: 0 });
    }
    fittedArea.current = key;
  }, [ready, areaChoice, boundaryLayers, zonesForArea, pickingFrom]);

  const countedAreas = classification?.areas ?? null;
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    updateAreaCounts(map, countedAreas ? (boundaryLayers.find((l) => l.name === countedAreas.layer) ?? null) : null, countedAreas?.indices ?? [], countedAreas?.colours ?? [], opacity);
  }, [ready, countedAreas, boundaryLayers, opacity]);

  useEffect(() => {
    const map = mapRef.current;
    if (ready && map) updatePriorityLayer(map, priorityCells ?? []);
  }, [ready, priorityCells]);

  // Corner handles on the selected zone, for editing its outline.
  const selectedGeometry = zones.find((z) => z.id === selectedZone)?.geometry ?? null;

  // A newly selected zone is brought into view (not on every reshape of it).
  useEffect(() => {
    const map = mapRef.current;
    const zone = useAppStore.getState().zones.find((z) => z.id === selectedZone);
    if (ready && map && zone) bringIntoView(map, zone.geometry);
  }, [ready, selectedZone]);
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !selectedGeometry || !selectedZone) return;
    const handles = vertexMarkers(map, selectedGeometry, (geometry) => useAppStore.getState().updateZone(selectedZone, { geometry }));
    return () => handles.remove();
  }, [ready, selectedZone, selectedGeometry]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const planned = (plan?.planned ?? []).map((c) => ({ id: plannedCameraId(c.rank), name: c.topLocation, kind: 'redeployable' as const, role: 'planned' as const, lat: c.lat, lng: c.lng, radiusM: null, directionDeg: null, fovDeg: null }));
    updateCameraLayers(map, cameraFeatures([...cameras, ...planned], radiusM));
  }, [ready, cameras, plan, radiusM]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const arrows = moveArrows(cameraSites(cameras, null, moves?.moves ?? [], radiusM));
    updateMoveLayers(map, arrows);
    const labels = moveLabels(map, arrows.labels);
    return () => labels.forEach((label) => label.remove());
  }, [ready, cameras, moves, radiusM]);

  useEffect(() => {
    const map = mapRef.current;
    if (ready && map) updateViewshedLayers(map, plan, selectedCamera);
  }, [ready, plan, selectedCamera]);

  useEffect(() => {
    const map = mapRef.current;
    if (ready && map) map.setFilter('hotspots-pinned', ['==', ['get', 'h3'], pinnedCell ?? '']);
  }, [ready, pinnedCell]);

  // An opened view link chooses the view for the data loaded now; data loaded later is fitted again.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !jumpTo) return;
    fittedFor.current = useAppStore.getState().sources.map((source) => source.id).join(',');
    map.jumpTo({ center: [jumpTo.lng, jumpTo.lat], zoom: jumpTo.zoom });
    useAppStore.setState({ jumpTo: null });
  }, [ready, jumpTo]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !focusCell) return;
    const [lat, lng] = cellToLatLng(focusCell.cell);
    map.flyTo({ center: [lng, lat], zoom: Math.max(map.getZoom(), 14), duration: 800 });
  }, [ready, focusCell]);

  const tooltip = hover && classification && hover.index < classification.cells.length ? (
    <div className="map-tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }} role="tooltip">
      {classification.tooltip(hover.index).map((line, i) => (i === 0 ? <strong key={i}>{line}</strong> : <div key={i}>{line}</div>))}
    </div>
  ) : null;

  return (
    <div className="map-wrap">
      <div ref={container} className="map" data-testid="map" aria-label="Hotspot map" role="region" />
      {tooltip}
      {(draft || cameraEdit) && <div className="map-crosshair" aria-hidden="true" />}
    </div>
  );
}
