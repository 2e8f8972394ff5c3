import type { Map as MapLibreMap } from 'maplibre-gl';

/** The live map, for image export; only modules in src/map touch it. */
let current: MapLibreMap | null = null;

export function registerMap(map: MapLibreMap | null): void {
  current = map;
}

export function currentMap(): MapLibreMap | null {
  return current;
}

/** Longest the canvas stays hidden, should no data come to draw (an empty workspace, a failed start). */
const HIDDEN_AT_MOST_MS = 3000;

/**
 * Hides the new map's canvas until its first data is drawn (see revealMap). Until then it would
 * draw the layers filling in one by one, each frame costing a desktop without a GPU about 50 ms of
 * read-back on the page's thread: the first map came a quarter of a second later. The container
 * shows the plain basemap's colour meanwhile, so the page looks the same.
 */
export function hideUntilDrawn(map: MapLibreMap): void {
  map.getCanvas().style.visibility = 'hidden';
  setTimeout(() => revealMap(map), HIDDEN_AT_MOST_MS);
}

/** Shows the map's canvas: the first data is handed to it, and is drawn in the next frame. */
export function revealMap(map: MapLibreMap): void {
  map.getCanvas().style.visibility = '';
}
