import type { GeoJSON } from 'geojson';
import type { FilterSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';

// Each change costs the map a repaint (and a GeoJSON update a round trip to its worker), even when
// nothing changed; most layers are empty, and most updates repeat what the map has, most of the time.

const isEmpty = (data: GeoJSON | string | undefined): boolean => typeof data === 'object' && data.type === 'FeatureCollection' && data.features.length === 0;

/** Sets a GeoJSON source's data, unless both what it holds and the new data are empty. */
export function setSourceData(map: MapLibreMap, id: string, data: GeoJSON): void {
  const source = map.getSource<GeoJSONSource>(id);
  if (!source || (isEmpty(data) && isEmpty(source.serialize().data))) return;
  source.setData(data);
}

/** Sets a layer's filter, unless it has that filter already. */
export function setLayerFilter(map: MapLibreMap, layer: string, filter: FilterSpecification): void {
  if (JSON.stringify(map.getFilter(layer)) !== JSON.stringify(filter)) map.setFilter(layer, filter);
}

/** Sets a layer's paint property, unless it has that value already. */
export function setLayerPaint(map: MapLibreMap, ...[layer, name, value]: Parameters<MapLibreMap['setPaintProperty']>): void {
  if (JSON.stringify(map.getPaintProperty(layer, name)) !== JSON.stringify(value)) map.setPaintProperty(layer, name, value);
}
