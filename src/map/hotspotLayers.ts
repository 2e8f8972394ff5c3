import * as maplibregl from 'maplibre-gl';
import { cellCentres, cellFeatureCollection } from '../core/hotspots/cellFeatures';
import type { CellMark } from '../core/vocabulary';
import type { Classification } from '../state/classification';
import { CELL_MARK_TILES, cellMarkImage } from './cellMarks';

/** The hotspot cells: filled in their class colour, edged when large on screen, the pinned one outlined. */
const SOURCE = 'hotspots';
export const HOTSPOT_FILL = 'hotspots-fill';
const PINNED = 'hotspots-pinned';

export function addHotspotLayers(map: maplibregl.Map): void {
  map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({ id: HOTSPOT_FILL, type: 'fill', source: SOURCE, paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.75 } });
  // Hot and cold cells also hatched or dotted, so the map does not rely on colour alone.
  for (const [mark, image] of Object.entries(CELL_MARK_TILES)) map.addImage(cellMarkImage(mark as CellMark), image);
  map.addLayer({ id: 'hotspots-marks', type: 'fill', source: SOURCE, filter: ['!=', ['get', 'mark'], ''], paint: { 'fill-pattern': ['get', 'mark'] } });
  // Cell edges only once cells are large on screen; zoomed out they would hide small cells.
  map.addLayer({ id: 'hotspots-edge', type: 'line', source: SOURCE, minzoom: 12, paint: { 'line-color': '#ffffff', 'line-width': 0.5, 'line-opacity': 0.7 } });
  map.addLayer({ id: PINNED, type: 'line', source: SOURCE, filter: ['==', ['get', 'h3'], ''], paint: { 'line-color': '#111827', 'line-width': 2.5 } });
}

export function updateHotspotLayers(map: maplibregl.Map, classification: Classification | null): void {
  const cells = classification?.cells ?? [];
  const colours = classification?.colours ?? [];
  const marks = classification?.marks;
  map.getSource<maplibregl.GeoJSONSource>(SOURCE)?.setData(cellFeatureCollection(cells, (index) => ({ h3: cells[index], colour: colours[index], mark: marks?.[index] ? cellMarkImage(marks[index]) : '' })));
}

export function showPinnedCell(map: maplibregl.Map, cell: string | null): void {
  map.setFilter(PINNED, ['==', ['get', 'h3'], cell ?? '']);
}

/** The cells' extent without the outer 1% on each side, so a few stray points do not zoom the map out to half the country. */
export function robustBounds(cells: readonly string[]): maplibregl.LngLatBounds {
  const { lat, lng } = cellCentres(cells);
  lat.sort((a, b) => a - b);
  lng.sort((a, b) => a - b);
  const trim = cells.length >= 100 ? Math.floor(cells.length * 0.01) : 0;
  const last = cells.length - 1 - trim;
  return new maplibregl.LngLatBounds([lng[trim], lat[trim]], [lng[last], lat[last]]);
}
