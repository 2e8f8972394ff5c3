import * as maplibregl from 'maplibre-gl';
import type { MultiPolygon, Polygon } from 'geojson';

/** The corner handles' size (WCAG 2.2 target size): corners closer than this on screen are zoomed apart. */
const HANDLE_PX = 24;

/**
 * Brings a zone into view when it is not wholly on screen (selecting it in the list should show it),
 * or when its corners are too close on screen for their handles to be told apart.
 */
export function bringIntoView(map: maplibregl.Map, geometry: Polygon | MultiPolygon): void {
  const rings = geometry.type === 'Polygon' ? [geometry.coordinates[0]] : geometry.coordinates.map((polygon) => polygon[0]);
  const bounds = new maplibregl.LngLatBounds();
  for (const ring of rings) for (const [lng, lat] of ring) bounds.extend([lng, lat]);
  if (bounds.isEmpty()) return;
  const visible = map.getBounds();
  const onScreen = visible.contains(bounds.getSouthWest()) && visible.contains(bounds.getNorthEast());
  if (onScreen && closestCorners(map, rings) >= HANDLE_PX) return;
  map.fitBounds(bounds, { padding: 60, duration: 600, maxZoom: 17 });
}

/** The shortest distance on screen between neighbouring corners of the rings, in pixels. */
function closestCorners(map: maplibregl.Map, rings: number[][][]): number {
  let closest = Infinity;
  for (const ring of rings) {
    const points = ring.map(([lng, lat]) => map.project([lng, lat]));
    for (let i = 1; i < points.length; i++) closest = Math.min(closest, points[i].dist(points[i - 1]));
  }
  return closest;
}
