import * as maplibregl from 'maplibre-gl';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Draggable corner handles for the selected zone: dragging one moves that corner (the closing
 * corner of a ring moves with the first). Each handle is focusable; arrow keys nudge it by about
 * five metres for keyboard users.
 */
const NUDGE_DEGREES = 0.00005;
/** Handles closer than this on screen would overlap (WCAG 2.2 target size): zoom in to see the rest. */
const HANDLE_SPACING_PX = 26;
/** Beyond this many corners an outline is not edited by hand (it would freeze the page); simplify it first. */
const MAX_EDITABLE_CORNERS = 2000;

function rings(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

function moved(geometry: Polygon | MultiPolygon, ringIndex: number, vertex: number, to: Position): Polygon | MultiPolygon {
  let seen = 0;
  const moveRing = (ring: Position[]) => {
    const index = seen++;
    if (index !== ringIndex) return ring;
    return ring.map((p, i) => (i === vertex || (vertex === 0 && i === ring.length - 1) ? to : p));
  };
  return geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: geometry.coordinates.map(moveRing) } : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(moveRing)) };
}

/** Shows a handle only where it keeps its distance from the handles already shown. */
function spaceHandles(map: maplibregl.Map, markers: readonly maplibregl.Marker[]): void {
  const shown: maplibregl.Point[] = [];
  for (const marker of markers) {
    const point = map.project(marker.getLngLat());
    const clear = shown.every((other) => Math.hypot(other.x - point.x, other.y - point.y) >= HANDLE_SPACING_PX);
    marker.getElement().hidden = !clear;
    if (clear) shown.push(point);
  }
}

export function vertexMarkers(map: maplibregl.Map, geometry: Polygon | MultiPolygon, onChange: (geometry: Polygon | MultiPolygon) => void): { remove: () => void } {
  const markers: maplibregl.Marker[] = [];
  const corners = rings(geometry).reduce((sum, ring) => sum + ring.length - 1, 0);
  if (corners > MAX_EDITABLE_CORNERS) return { remove: () => undefined };
  rings(geometry).forEach((ring, ringIndex) => {
    ring.slice(0, -1).forEach((position, vertex) => {
      const element = document.createElement('div');
      element.className = 'vertex-handle';
      element.tabIndex = 0;
      element.setAttribute('role', 'button');
      element.setAttribute('aria-label', `Zone corner ${vertex + 1}: drag, or use the arrow keys, to move it`);
      const marker = new maplibregl.Marker({ element, draggable: true }).setLngLat(position as [number, number]).addTo(map);
      marker.on('dragend', () => {
        const { lng, lat } = marker.getLngLat();
        onChange(moved(geometry, ringIndex, vertex, [lng, lat]));
      });
      element.addEventListener('keydown', (event) => {
        const step: Record<string, [number, number]> = { ArrowUp: [0, NUDGE_DEGREES], ArrowDown: [0, -NUDGE_DEGREES], ArrowLeft: [-NUDGE_DEGREES * 1.6, 0], ArrowRight: [NUDGE_DEGREES * 1.6, 0] };
        const delta = step[event.key];
        if (!delta) return;
        event.preventDefault();
        onChange(moved(geometry, ringIndex, vertex, [position[0] + delta[0], position[1] + delta[1]]));
      });
      markers.push(marker);
    });
  });
  const respace = () => spaceHandles(map, markers);
  respace();
  map.on('zoomend', respace);
  return {
    remove: () => {
      map.off('zoomend', respace);
      markers.forEach((marker) => marker.remove());
    },
  };
}
