import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { cellToLatLng } from 'h3-js';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useClassification } from '../state/classification';
import { awaitingMap } from '../state/resultsSlice';
import { loadedSourcesKey } from '../state/sourcesSlice';
import { useAppStore } from '../state/store';
import { PLAIN_BACKGROUND, plainStyle } from './basemap';
import { addAreaLayers } from './areaLayers';
import { addCameraLayers } from './cameraLayers';
import { addHotspotLayers, addPinnedCellLayer, setHotspotOpacity, showPinnedCell, updateHotspotLayers } from './hotspotLayers';
import { HoverTooltip } from './HoverTooltip';
import { addMapInteractions } from './mapInteractions';
import { hideUntilDrawn, registerMap } from './mapInstance';
import { useBasemap } from './useBasemap';
import { useAreaLayers, useCameraLayers, useZoneLayers } from './useOverlayLayers';
import { addViewshedLayers } from './viewshedLayers';
import { addZoneLayers } from './zoneLayers';

maplibregl.setWorkerUrl(workerUrl);

const LONDON: [number, number] = [-0.2, 51.55];

/** The map: owns every maplibre call; reads results from the store and writes only user picks back. */
export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  // The map once its layers exist; every layer hook waits for it.
  const [map, setMap] = useState<maplibregl.Map | null>(null);
  const opacity = useAppStore((state) => state.view.opacity);
  const pinnedCell = useAppStore((state) => state.pinnedCell);
  const focusCell = useAppStore((state) => state.focusCell);
  const jumpTo = useAppStore((state) => state.jumpTo);
  const draft = useAppStore((state) => state.draft);
  const cameraEdit = useAppStore((state) => state.cameraEdit);
  const sourceKey = useAppStore(loadedSourcesKey);
  const classification = useClassification();
  const awaiting = useAppStore(awaitingMap);
  const extent = useAppStore((state) => state.hotspots?.extent ?? null);
  const fittedFor = useRef<string | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const created = new maplibregl.Map({
      container: container.current,
      style: plainStyle(),
      center: LONDON,
      zoom: 11,
      attributionControl: false,
      // Labels appear at once: a fade would repaint the map for 300 ms after every change.
      fadeDuration: 0,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    registerMap(created);
    hideUntilDrawn(created);
    created.addControl(new maplibregl.NavigationControl({ visualizePitch: false }), 'top-right');
    created.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    created.addControl(new maplibregl.AttributionControl({ compact: false, customAttribution: 'Hotspot Planner' }), 'bottom-right');
    created.on('load', () => {
      addHotspotLayers(created);
      addAreaLayers(created);
      addViewshedLayers(created);
      addPinnedCellLayer(created);
      addCameraLayers(created);
      addZoneLayers(created);
      setMap(created);
    });
    addMapInteractions(created, container.current);
    return () => {
      registerMap(null);
      created.remove();
      setMap(null);
    };
  }, []);

  // The data is framed once per set of loaded sources, not on every filter change, unless a view
  // link chose the view; before its cells are handed to the map, so one repaint shows both.
  useLayoutEffect(() => {
    if (!map || !extent || !classification?.cells.length || fittedFor.current === sourceKey || useAppStore.getState().jumpTo) return;
    fittedFor.current = sourceKey;
    map.fitBounds([[extent.west, extent.south], [extent.east, extent.north]], { padding: 40, duration: 0, maxZoom: 15 });
  }, [map, extent, classification, sourceKey]);

  // Busy while a new map is on its way; once it is here (or failed), a frame, so the map reports idle.
  useLayoutEffect(() => {
    if (!map) return;
    if (awaiting) map.getContainer().setAttribute('data-idle', 'false');
    else map.triggerRepaint();
  }, [map, awaiting]);

  // In the commit that shows the new legend, so the map is marked busy before anything can see the legend without it.
  useLayoutEffect(() => {
    if (map) updateHotspotLayers(map, classification);
  }, [map, classification]);

  useEffect(() => {
    if (map) setHotspotOpacity(map, opacity);
  }, [map, opacity]);

  useBasemap(map);
  useZoneLayers(map);
  useAreaLayers(map, classification?.areas ?? null);
  useCameraLayers(map);

  useEffect(() => {
    if (map) showPinnedCell(map, pinnedCell);
  }, [map, pinnedCell]);

  // An opened view link chooses the view for the data loaded now; data loaded later is fitted again.
  useEffect(() => {
    if (!map || !jumpTo) return;
    fittedFor.current = useAppStore.getState().sources.map((source) => source.id).join(',');
    map.jumpTo({ center: [jumpTo.lng, jumpTo.lat], zoom: jumpTo.zoom });
    useAppStore.setState({ jumpTo: null });
  }, [map, jumpTo]);

  useEffect(() => {
    if (!map || !focusCell) return;
    const [lat, lng] = cellToLatLng(focusCell.cell);
    map.flyTo({ center: [lng, lat], zoom: Math.max(map.getZoom(), 14), duration: 800 });
  }, [map, focusCell]);

  return (
    <div className="map-wrap">
      {/* The plain basemap's colour shows while the canvas is hidden (see hideUntilDrawn). */}
      <div ref={container} className="map" data-testid="map" aria-label="Hotspot map" role="region" style={{ background: PLAIN_BACKGROUND }} />
      <HoverTooltip map={map} classification={classification} />
      {(draft || cameraEdit) && <div className="map-crosshair" aria-hidden="true" />}
    </div>
  );
}
