import * as maplibregl from 'maplibre-gl';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Draggable corner handles for the selected zone: dragging one moves that corner (the closing
 * corner of a ring moves with the first). Each handle is focusable; arrow keys nudge it by about
 * five metres for keyboard users.
 */
const NUDGE_DEGREES = 0.00005;

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

export function vertexMarkers(map: maplibregl.Map, geometry: Polygon | MultiPolygon, onChange: (geometry: Polygon | MultiPolygon) => void): maplibregl.Marker[] {
  const markers: maplibregl.Marker[] = [];
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
  return markers;
}
