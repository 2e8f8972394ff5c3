import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useMemo } from 'react';
import { triggerFeatures } from '../core/trigger/triggerFeatures';
import { SYMBOL_COLOURS } from '../state/palette';
import { useAppStore } from '../state/store';
import { currentMap } from './mapInstance';
import { setSourceData } from './sourceData';

/** Community Trigger groups over everything else: places outlined (solid when met, dashed when one complaint short), complaints as dots, small when zoomed out so busy areas stay readable. */
const PLACES = 'trigger-places';
const COMPLAINTS = 'trigger-complaints';
const colour = SYMBOL_COLOURS.triggerGroup;

function addTriggerLayers(map: MapLibreMap): void {
  const empty = { type: 'FeatureCollection' as const, features: [] };
  map.addSource(PLACES, { type: 'geojson', data: empty });
  map.addSource(COMPLAINTS, { type: 'geojson', data: empty });
  map.addLayer({ id: 'trigger-places-fill', type: 'fill', source: PLACES, paint: { 'fill-color': colour, 'fill-opacity': 0.12 } });
  map.addLayer({ id: 'trigger-places-met', type: 'line', source: PLACES, filter: ['==', ['get', 'status'], 'met'], paint: { 'line-color': colour, 'line-width': 2.5 } });
  map.addLayer({ id: 'trigger-places-approaching', type: 'line', source: PLACES, filter: ['==', ['get', 'status'], 'approaching'], paint: { 'line-color': colour, 'line-width': 2.5, 'line-dasharray': [2, 1.5] } });
  map.addLayer({ id: COMPLAINTS, type: 'circle', source: COMPLAINTS, paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 1.5, 15, 4], 'circle-color': colour, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 11, 0.3, 15, 1] } });
}

/** Draws the radar's groups on the live map while the radar's panel is open; renders nothing itself. */
export function TriggerLayer() {
  const report = useAppStore((state) => (state.triggerShown ? state.triggerReport : null));
  const features = useMemo(() => triggerFeatures(report), [report]);
  useEffect(() => {
    const map = currentMap();
    if (!map) return;
    const draw = () => {
      if (!map.getSource(PLACES)) addTriggerLayers(map);
      setSourceData(map, PLACES, features.places);
      setSourceData(map, COMPLAINTS, features.complaints);
    };
    // Before the map's style has loaded, wait for it to settle.
    if (map.isStyleLoaded()) draw();
    else map.once('idle', draw);
    return () => void map.off('idle', draw);
  }, [features]);
  return null;
}
