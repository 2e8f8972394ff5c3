import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { boundaryPlace } from '../core/geo/boundaries';
import type { BoundaryLayer } from '../state/areasSlice';
import { setLayerPaint, setSourceData } from './sourceData';

/**
 * The study area (outside dimmed, edge drawn) and reference boundary layers (thin outlines with
 * a label each), kept apart from PSPO zones in colour and in layer order.
 */
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const WORLD = [[-180, -85], [180, -85], [180, 85], [-180, 85], [-180, -85]];

/** Everything but the area: the world with the area's outer rings cut out as holes. */
export function outsideOf(area: Polygon | MultiPolygon): Polygon {
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  return { type: 'Polygon', coordinates: [WORLD, ...polygons.map((rings) => rings[0]).filter((ring) => ring && ring.length >= 4)] };
}

export function addAreaLayers(map: MapLibreMap): void {
  for (const id of ['area-counts', 'study-area', 'reference-areas', 'reference-labels']) map.addSource(id, { type: 'geojson', data: EMPTY });
  map.addLayer({ id: 'area-counts-fill', type: 'fill', source: 'area-counts', paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.75 } });
  map.addLayer({ id: 'area-counts-line', type: 'line', source: 'area-counts', paint: { 'line-color': '#ffffff', 'line-width': 0.8 } });
  map.addLayer({ id: 'reference-areas-line', type: 'line', source: 'reference-areas', paint: { 'line-color': '#1f78b4', 'line-width': 1, 'line-opacity': 0.8 } });
  map.addLayer({ id: 'reference-labels', type: 'symbol', source: 'reference-labels', minzoom: 11, layout: { 'text-field': ['get', 'name'], 'text-size': 11 }, paint: { 'text-color': '#174a73', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 } });
  map.addLayer({ id: 'study-area-outside', type: 'fill', source: 'study-area', filter: ['==', ['get', 'part'], 'outside'], paint: { 'fill-color': '#1f2937', 'fill-opacity': 0.35 } });
  map.addLayer({ id: 'study-area-line', type: 'line', source: 'study-area', filter: ['==', ['get', 'part'], 'area'], paint: { 'line-color': '#111827', 'line-width': 2.5 } });
}

/** Counts by area: each polygon of the counted layer in its class colour. */
export function updateAreaCounts(map: MapLibreMap, layer: BoundaryLayer | null, indices: readonly number[], colours: readonly string[], opacity: number): void {
  const features = layer ? indices.map((index, i): Feature => ({ type: 'Feature', geometry: layer.features[index].geometry, properties: { name: layer.features[index].name, colour: colours[i] } })) : [];
  setSourceData(map, 'area-counts', { type: 'FeatureCollection', features });
  setLayerPaint(map, 'area-counts-fill', 'fill-opacity', opacity);
}

export function updateAreaLayers(map: MapLibreMap, area: Polygon | MultiPolygon | null, layers: readonly BoundaryLayer[]): void {
  const hasArea = area && (area.type === 'Polygon' ? area.coordinates.length > 0 : area.coordinates.length > 0);
  setSourceData(
    map,
    'study-area',
    hasArea
      ? {
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', geometry: outsideOf(area), properties: { part: 'outside' } },
            { type: 'Feature', geometry: area, properties: { part: 'area' } },
          ],
        }
      : EMPTY,
  );
  const shown = layers.filter((layer) => layer.shown).flatMap((layer) => layer.features);
  setSourceData(map, 'reference-areas', { type: 'FeatureCollection', features: shown.map((f): Feature => ({ type: 'Feature', geometry: f.geometry, properties: { name: f.name } })) });
  setSourceData(map, 'reference-labels', {
    type: 'FeatureCollection',
    features: shown.map((f): Feature => {
      const { lng, lat } = boundaryPlace(f);
      return { type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties: { name: f.name } };
    }),
  });
}
