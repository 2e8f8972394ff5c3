import * as maplibregl from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { MoveProperties } from '../core/cameras/moveArrows';

/** The gain of each move, as a label at the middle of its arrow (text only: never parsed as HTML). */
export function moveLabels(map: maplibregl.Map, labels: FeatureCollection<Point, MoveProperties>): maplibregl.Marker[] {
  return labels.features.map((feature) => {
    const element = document.createElement('div');
    element.className = 'move-label';
    element.textContent = feature.properties.label;
    element.title = `Move ${feature.properties.id}: +${feature.properties.gain.toFixed(1)} covered`;
    return new maplibregl.Marker({ element }).setLngLat(feature.geometry.coordinates as [number, number]).addTo(map);
  });
}
