import type * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { getResolution, latLngToCell } from 'h3-js';
import { cellFeatureCollection } from '../core/hotspots/cellFeatures';
import { cellFans, cellMesh, colourBytes, type CellMesh } from '../core/hotspots/cellMesh';
import { cellShapes, outlineCellsAhead } from '../worker/cellShapesClient';
import type { Classification } from '../state/classification';
import { SYMBOL_COLOURS } from '../state/palette';
import { CellMeshLayer } from './cellMeshLayer';
import { revealMap } from './mapInstance';
import { setSourceData } from './sourceData';

/** The hotspot cells: filled in their class colour, marked when hot or cold, edged when large on screen, priority places outlined. */
export const HOTSPOT_FILL = 'hotspots-fill';
/** The pinned cell's outline. */
const PINNED = 'hotspots-pinned';
/** The user-timing mark set when the map has drawn a new set of hotspot cells. */
export const HOTSPOTS_DRAWN = 'hotspots-drawn';
/** From this many cells the mesh is built in a worker. */
const WORKER_MIN_CELLS = 5_000;
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

const layers = new WeakMap<maplibregl.Map, CellMeshLayer>();
/** The cells drawn now and their mesh, for finding the one under the pointer and outlining some. */
let drawnCells: readonly string[] = [];
let drawnMesh: CellMesh | null = null;
/** The drawn cells as a set, made when the pointer first asks. */
let drawnSet: Set<string> | null = null;
/** The cells to outline (priority places), outlined again on each new set of cells. */
let outlined: readonly string[] = [];

/** The fans of the outlined cells among those drawn now (found in one pass: a few dozen among tens of thousands). */
function outlineFans(): Uint32Array | null {
  if (!drawnMesh || outlined.length === 0) return null;
  const wanted = new Set(outlined);
  const found: number[] = [];
  for (let i = 0; i < drawnCells.length && found.length < wanted.size; i++) if (wanted.has(drawnCells[i])) found.push(i);
  return cellFans(drawnMesh, found);
}

export function addHotspotLayers(map: maplibregl.Map): void {
  const layer = new CellMeshLayer(HOTSPOT_FILL, colourBytes(SYMBOL_COLOURS.priorityCell));
  layers.set(map, layer);
  map.addLayer(layer);
}

/** The pinned cell's outline: above the cells and their priority outlines. */
export function addPinnedCellLayer(map: maplibregl.Map): void {
  map.addSource(PINNED, { type: 'geojson', data: EMPTY });
  map.addLayer({ id: PINNED, type: 'line', source: PINNED, paint: { 'line-color': '#111827', 'line-width': 2.5 } });
}

let latestUpdate = 0;
/** The update whose cells the map was last given: until it is the latest, the map is not showing the current cells. */
let handedUpdate = 0;
let settled: Promise<unknown> = Promise.resolve();

/**
 * Draws the classification's cells. From a few thousand cells their mesh is built in a worker, so a
 * large map costs the page almost nothing.
 */
export function updateHotspotLayers(map: maplibregl.Map, classification: Classification | null): void {
  const update = ++latestUpdate;
  const cells = classification?.cells ?? [];
  const colours = classification?.colours ?? [];
  const marks = classification?.marks;
  // Busy until the new cells are drawn, for whoever waits on the map (tests, image export).
  map.getContainer().setAttribute('data-idle', 'false');
  const here = (): void => {
    if (update !== latestUpdate) return;
    hand(map, cells, cells.length > 0 ? cellMesh(cells, colours, marks) : null);
    if (classification) revealMap(map);
  };
  // No cells, or a few thousand, meshed here in milliseconds, sooner than a worker could answer.
  if (cells.length < WORKER_MIN_CELLS) {
    here();
    settled = Promise.resolve();
    return;
  }
  settled = cellShapes(cells, colours, marks).then((mesh) => {
    if (update !== latestUpdate) return;
    hand(map, cells, mesh);
    revealMap(map);
  }, here); // without the worker the page builds the mesh itself: slower, the same map
}

/**
 * Cells the data worker found for a map it is counting, not announced before: outlined in the mesh
 * worker meanwhile, when there are enough for a mesh to be built there. Fewer are meshed here, or
 * are few enough beside cells it has outlined already.
 */
export function outlineAhead(cells: string[]): void {
  if (cells.length >= WORKER_MIN_CELLS) outlineCellsAhead(cells);
}

/** Gives the map its cells, and marks the moment they are drawn (a user-timing mark, for the benchmark). */
function hand(map: maplibregl.Map, cells: readonly string[], mesh: CellMesh | null): void {
  handedUpdate = latestUpdate;
  drawnCells = cells;
  drawnMesh = mesh;
  drawnSet = null;
  if (mesh)
    map.once('idle', () => performance.mark(HOTSPOTS_DRAWN, { detail: { cells: cells.length } }));
  const changed = layers.get(map)?.setMesh(mesh, outlineFans());
  // A frame even when nothing changed, so the map, marked busy, reports idle again.
  if (!changed) map.triggerRepaint();
}

/** Whether the latest cells are still being meshed: the map may go idle meanwhile, showing the cells before them. */
export function cellsPending(): boolean {
  return handedUpdate !== latestUpdate;
}

/** Resolves once the latest cells have been handed to the map. */
export function hotspotsHanded(): Promise<unknown> {
  return settled;
}

/**
 * Outlines these cells (priority places) in the hotspot layer, drawn in the same frame as the cells.
 * Cells of a map still being meshed are outlined when it is handed over.
 */
export function outlineCells(map: maplibregl.Map, cells: readonly string[]): void {
  outlined = cells;
  layers.get(map)?.setOutline(outlineFans());
}

/** The drawn cell under a point, or null. */
export function hotspotCellAt(lngLat: { lng: number; lat: number }): string | null {
  if (drawnCells.length === 0) return null;
  drawnSet ??= new Set(drawnCells);
  const cell = latLngToCell(lngLat.lat, lngLat.lng, getResolution(drawnCells[0]));
  return drawnSet.has(cell) ? cell : null;
}

export function setHotspotOpacity(map: maplibregl.Map, opacity: number): void {
  layers.get(map)?.setOpacity(opacity);
}

export function showPinnedCell(map: maplibregl.Map, cell: string | null): void {
  setSourceData(map, PINNED, cell ? cellFeatureCollection([cell], () => ({})) : EMPTY);
}
