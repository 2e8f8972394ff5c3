import type * as maplibregl from 'maplibre-gl';
import { bbox as turfBbox } from '@turf/bbox';
import { useEffect, useRef } from 'react';
import { cameraFeatures } from '../core/cameras/cameraFeatures';
import { cameraSites, plannedCameraId } from '../core/cameras/cameraSites';
import { moveArrows } from '../core/cameras/moveArrows';
import { resolveArea } from '../state/areasSlice';
import type { Classification } from '../state/classification';
import { cameraReach } from '../state/camerasSlice';
import { usePriorityPlaces } from '../state/prioritySlice';
import { useAppStore } from '../state/store';
import { updateAreaCounts, updateAreaLayers } from './areaLayers';
import { updateCameraLayers, updateMoveLayers } from './cameraLayers';
import { outlineCells } from './hotspotLayers';
import { moveLabels } from './moveLabels';
import { updateViewshedLayers } from './viewshedLayers';
import { vertexMarkers } from './vertexMarkers';
import { bringIntoView } from './zoneFocus';
import { updateZoneLayers } from './zoneLayers';

/** PSPO zones, proposals and the zone being drawn; the selected zone brought into view with handles on its corners. */
export function useZoneLayers(map: maplibregl.Map | null): void {
  const zones = useAppStore((state) => state.zones);
  const selectedZone = useAppStore((state) => state.selectedZone);
  const proposals = useAppStore((state) => state.proposals);
  const draft = useAppStore((state) => state.draft);
  const evaluationRing = useAppStore((state) => state.evaluation?.bufferGeometry ?? null);
  const cameraEdit = useAppStore((state) => state.cameraEdit);

  useEffect(() => {
    if (!map) return;
    updateZoneLayers(map, zones, selectedZone, proposals, draft, evaluationRing);
    map.getCanvas().style.cursor = draft || cameraEdit ? 'crosshair' : '';
  }, [map, zones, selectedZone, proposals, draft, evaluationRing, cameraEdit]);

  // A newly selected zone is brought into view (not on every reshape of it).
  useEffect(() => {
    const zone = useAppStore.getState().zones.find((z) => z.id === selectedZone);
    if (map && zone) bringIntoView(map, zone.geometry);
  }, [map, selectedZone]);

  const selectedGeometry = zones.find((z) => z.id === selectedZone)?.geometry ?? null;
  useEffect(() => {
    if (!map || !selectedGeometry || !selectedZone) return;
    const handles = vertexMarkers(map, selectedGeometry, (geometry) => useAppStore.getState().updateZone(selectedZone, { geometry }));
    return () => handles.remove();
  }, [map, selectedZone, selectedGeometry]);
}

/** The study area (brought into view when newly chosen), reference outlines, counts by area and priority places. */
export function useAreaLayers(map: maplibregl.Map | null, countedAreas: Classification['areas'] | null): void {
  const boundaryLayers = useAppStore((state) => state.boundaryLayers);
  const pickingFrom = useAppStore((state) => state.pickingFrom);
  const areaChoice = useAppStore((state) => state.view.area);
  const opacity = useAppStore((state) => state.view.opacity);
  const zonesForArea = useAppStore((state) => (state.view.area?.kind === 'zone' ? state.zones : null));
  const priorityCells = usePriorityPlaces()?.cells ?? null;
  const fittedArea = useRef('');

  useEffect(() => {
    if (!map) return;
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
  }, [map, areaChoice, boundaryLayers, zonesForArea, pickingFrom]);

  useEffect(() => {
    if (!map) return;
    const layer = countedAreas ? (boundaryLayers.find((l) => l.name === countedAreas.layer) ?? null) : null;
    updateAreaCounts(map, layer, countedAreas?.indices ?? [], countedAreas?.colours ?? [], opacity);
  }, [map, countedAreas, boundaryLayers, opacity]);

  useEffect(() => {
    if (map) outlineCells(map, priorityCells ?? []);
  }, [map, priorityCells]);
}

/** Cameras with their coverage (planned ones too), suggested moves with labels, and the selected camera's view. */
export function useCameraLayers(map: maplibregl.Map | null): void {
  const cameras = useAppStore((state) => state.cameras);
  const plan = useAppStore((state) => state.plan);
  const moves = useAppStore((state) => state.moves);
  const radiusM = useAppStore(cameraReach);
  const selectedCamera = useAppStore((state) => state.selectedCamera);

  useEffect(() => {
    if (!map) return;
    const planned = (plan?.planned ?? []).map((c) => ({ id: plannedCameraId(c.rank), name: c.topLocation, kind: 'redeployable' as const, role: 'planned' as const, lat: c.lat, lng: c.lng, radiusM: null, directionDeg: null, fovDeg: null }));
    updateCameraLayers(map, cameraFeatures([...cameras, ...planned], radiusM));
  }, [map, cameras, plan, radiusM]);

  useEffect(() => {
    if (!map) return;
    const arrows = moveArrows(cameraSites(cameras, null, moves?.moves ?? [], radiusM));
    updateMoveLayers(map, arrows);
    const labels = moveLabels(map, arrows.labels);
    return () => labels.forEach((label) => label.remove());
  }, [map, cameras, moves, radiusM]);

  useEffect(() => {
    if (map) updateViewshedLayers(map, plan, selectedCamera);
  }, [map, plan, selectedCamera]);
}
