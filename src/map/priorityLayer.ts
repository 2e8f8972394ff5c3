import type { Map as MapLibreMap } from 'maplibre-gl';
import { cellFeatureCollection } from '../core/hotspots/cellFeatures';
import { SYMBOL_COLOURS } from '../state/palette';
import { setSourceData } from './sourceData';

/** Priority places: the chosen cells outlined over the hotspot colours. */
const SOURCE = 'priority-places';

export function addPriorityLayer(map: MapLibreMap): void {
  map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({ id: 'priority-places-line', type: 'line', source: SOURCE, paint: { 'line-color': SYMBOL_COLOURS.priorityCell, 'line-width': 2 } });
}

export function updatePriorityLayer(map: MapLibreMap, cells: readonly string[]): void {
  setSourceData(map, SOURCE, cellFeatureCollection(cells, (index) => ({ h3: cells[index] })));
}
