import type { StyleSpecification } from 'maplibre-gl';

/**
 * The basemap: CARTO's light raster tiles drawn from OpenStreetMap data (keyless), when they can be
 * reached; otherwise a plain background, so the hotspots still show with no network.
 */
export const ONLINE_TILES = ['a', 'b', 'c'].map((s) => `https://${s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}@2x.png`);
export const ONLINE_ATTRIBUTION = '© OpenStreetMap contributors © CARTO';
export const PLAIN_BACKGROUND = '#eef0f2';

export function plainStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': PLAIN_BACKGROUND } }],
  };
}

/** One small tile request with a time limit: is the online basemap reachable? */
export async function onlineBasemapReachable(timeoutMs = 3000): Promise<boolean> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return false;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(ONLINE_TILES[0].replace('{z}/{x}/{y}', '10/511/340'), { signal: controller.signal, mode: 'cors' });
    return response.ok;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
