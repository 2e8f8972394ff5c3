import type { GeoJSON } from 'geojson';
import type { FilterSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';

// Each change costs the map a repaint (and a GeoJSON update a round trip to its worker), even when
// nothing changed; most layers are empty, and most updates repeat what the map has, most of the time.

const isEmpty = (data: GeoJSON | string | undefined): boolean => typeof data === 'object' && data.type === 'FeatureCollection' && data.features.length === 0;

/**
 * Sets a GeoJSON source's data, unless both what it holds and the new data are empty. Its layers are
 * drawn only while it holds features: every layer drawn costs each frame, empty or not (about 2 ms
 * a layer in software rendering, where the thirty overlay layers cost more than the hotspots).
 */
export function setSourceData(map: MapLibreMap, id: string, data: GeoJSON): void {
  const source = map.getSource<GeoJSONSource>(id);
  if (!source) return;
  const empty = isEmpty(data);
  if (!(empty && isEmpty(source.serialize().data))) source.setData(data);
  for (const layerId of map.getLayersOrder()) {
    const layer = map.getLayer(layerId);
    const shown = layer?.visibility !== 'none';
    if (layer && 'source' in layer && layer.source === id && shown === empty) map.setLayoutProperty(layerId, 'visibility', empty ? 'none' : 'visible');
  }
}

/** Sets a layer's filter, unless it has that filter already. */
export function setLayerFilter(map: MapLibreMap, layer: string, filter: FilterSpecification): void {
  if (JSON.stringify(map.getFilter(layer)) !== JSON.stringify(filter)) map.setFilter(layer, filter);
}

/** Sets a layer's paint property, unless it has that value already. */
export function setLayerPaint(map: MapLibreMap, ...[layer, name, value]: Parameters<MapLibreMap['setPaintProperty']>): void {
  if (JSON.stringify(map.getPaintProperty(layer, name)) !== JSON.stringify(value)) map.setPaintProperty(layer, name, value);
}
