import type { GeoJSON } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';

const isEmpty = (data: GeoJSON | string | undefined): boolean => typeof data === 'object' && data.type === 'FeatureCollection' && data.features.length === 0;

/**
 * Sets a GeoJSON source's data, unless both what it holds and the new data are empty: each update
 * costs the map a round trip to its worker and a repaint, and most layers are empty most of the time.
 */
export function setSourceData(map: MapLibreMap, id: string, data: GeoJSON): void {
  const source = map.getSource<GeoJSONSource>(id);
  if (!source || (isEmpty(data) && isEmpty(source.serialize().data))) return;
  source.setData(data);
}
