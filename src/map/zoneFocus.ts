import * as maplibregl from 'maplibre-gl';
import type { MultiPolygon, Polygon } from 'geojson';

/** Brings a zone into view when it is not wholly on screen (selecting it in the list should show it). */
export function bringIntoView(map: maplibregl.Map, geometry: Polygon | MultiPolygon): void {
  const rings = geometry.type === 'Polygon' ? [geometry.coordinates[0]] : geometry.coordinates.map((polygon) => polygon[0]);
  const bounds = new maplibregl.LngLatBounds();
  for (const ring of rings) for (const [lng, lat] of ring) bounds.extend([lng, lat]);
  if (bounds.isEmpty()) return;
  const visible = map.getBounds();
  if (visible.contains(bounds.getSouthWest()) && visible.contains(bounds.getNorthEast())) return;
  map.fitBounds(bounds, { padding: 60, duration: 600, maxZoom: 17 });
}
