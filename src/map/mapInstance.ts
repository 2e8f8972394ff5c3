import type { Map as MapLibreMap } from 'maplibre-gl';

/** The live map, for image export; only modules in src/map touch it. */
let current: MapLibreMap | null = null;

export function registerMap(map: MapLibreMap | null): void {
  current = map;
}

export function currentMap(): MapLibreMap | null {
  return current;
}
