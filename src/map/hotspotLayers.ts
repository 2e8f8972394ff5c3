import * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { cellLayer, robustExtent } from '../core/hotspots/cellFeatures';
import type { Bounds } from '../core/geo/webMercator';
import { cellShapes } from '../worker/cellShapesClient';
import type { CellMark } from '../core/vocabulary';
import type { Classification } from '../state/classification';
import { CELL_MARK_TILES, cellMarkImage } from './cellMarks';
import { setSourceData } from './sourceData';

/** The hotspot cells: filled in their class colour, edged when large on screen, the pinned one outlined. */
const SOURCE = 'hotspots';
export const HOTSPOT_FILL = 'hotspots-fill';
const PINNED = 'hotspots-pinned';
/** The user-timing mark set when the map has drawn a new set of hotspot cells. */
export const HOTSPOTS_DRAWN = 'hotspots-drawn';
/** From this many cells the outlines are built in a worker. */
const WORKER_MIN_CELLS = 5_000;
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function addHotspotLayers(map: maplibregl.Map): void {
  map.addSource(SOURCE, { type: 'geojson', data: EMPTY });
  // No antialiased outline pass: cells tile the plane, and that pass doubled the cost of every frame.
  map.addLayer({ id: HOTSPOT_FILL, type: 'fill', source: SOURCE, paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.75, 'fill-antialias': false } });
  // Hot and cold cells also hatched or dotted, so the map does not rely on colour alone.
  for (const [mark, image] of Object.entries(CELL_MARK_TILES)) map.addImage(cellMarkImage(mark as CellMark), image);
  map.addLayer({ id: 'hotspots-marks', type: 'fill', source: SOURCE, filter: ['!=', ['get', 'mark'], ''], paint: { 'fill-pattern': ['get', 'mark'] } });
  // Cell edges only once cells are large on screen; zoomed out they would hide small cells.
  map.addLayer({ id: 'hotspots-edge', type: 'line', source: SOURCE, minzoom: 12, paint: { 'line-color': '#ffffff', 'line-width': 0.5, 'line-opacity': 0.7 } });
  map.addLayer({ id: PINNED, type: 'line', source: SOURCE, filter: ['==', ['get', 'h3'], ''], paint: { 'line-color': '#111827', 'line-width': 2.5 } });
}

let latestUpdate = 0;
let settled: Promise<unknown> = Promise.resolve();

/**
 * Draws the classification's cells. Their outlines are built in a worker and read by the map's own
 * worker from a data URL, so a large map costs the page almost nothing. Resolves with the cells'
 * extent once the map has the data, or null when a newer classification came first.
 */
export function updateHotspotLayers(map: maplibregl.Map, classification: Classification | null): Promise<Bounds | null> {
  const update = ++latestUpdate;
  const cells = classification?.cells ?? [];
  if (cells.length === 0) {
    setSourceData(map, SOURCE, EMPTY);
    // A frame even when the layer was empty already, so the map reports idle after a pending worker request.
    map.triggerRepaint();
    return (settled = Promise.resolve(null));
  }
  const marks = classification?.marks;
  const columns = { h3: cells, colour: classification?.colours ?? [], mark: cells.map((_, index) => (marks?.[index] ? cellMarkImage(marks[index]) : '')) };
  const here = (): Bounds | null => {
    if (update !== latestUpdate) return null;
    hand(map, cellLayer(cells, columns), cells.length);
    return robustExtent(cells);
  };
  // A few thousand cells are outlined here in milliseconds, sooner than a worker could answer.
  if (cells.length < WORKER_MIN_CELLS) return (settled = Promise.resolve(here()));
  // Busy until the new cells are drawn, for whoever waits on the map (tests, image export).
  map.getContainer().setAttribute('data-idle', 'false');
  const drawn = cellShapes(cells, columns).then(({ url, extent }) => {
    if (update !== latestUpdate) return null;
    hand(map, url, cells.length);
    return extent;
  }, here); // without the worker the page builds the shapes itself: slower, the same map
  settled = drawn;
  return drawn;
}

/** Gives the map its cells, and marks the moment they are drawn (a user-timing mark, for the benchmark). */
function hand(map: maplibregl.Map, data: string | FeatureCollection, cells: number): void {
  setSourceData(map, SOURCE, data);
  map.once('idle', () => performance.mark(HOTSPOTS_DRAWN, { detail: { cells } }));
}

/** Resolves once the latest cells have been handed to the map (the map then loads them as usual). */
export function hotspotsHanded(): Promise<unknown> {
  return settled;
}

export function showPinnedCell(map: maplibregl.Map, cell: string | null): void {
  map.setFilter(PINNED, ['==', ['get', 'h3'], cell ?? '']);
}
