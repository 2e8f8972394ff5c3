import * as maplibregl from 'maplibre-gl';
import { FileSource, PMTiles, Protocol, TileType } from 'pmtiles';

/**
 * An offline basemap from a `.pmtiles` file the user loads: read from the file itself through the
 * pmtiles protocol, so nothing is fetched. Raster archives draw as they are; vector archives in
 * the Protomaps basemap schema (earth, water, landuse, roads, buildings) get a plain light style.
 */
let protocol: Protocol | null = null;

const OFFLINE_LAYERS = ['offline-raster', 'offline-earth', 'offline-landuse', 'offline-water', 'offline-roads', 'offline-buildings'];

export function removeOfflineBasemap(map: maplibregl.Map): void {
  for (const id of OFFLINE_LAYERS) if (map.getLayer(id)) map.removeLayer(id);
  if (map.getSource('offline')) map.removeSource('offline');
}

export async function addOfflineBasemap(map: maplibregl.Map, file: File, beforeLayer: string): Promise<void> {
  if (!protocol) {
    protocol = new Protocol();
    maplibregl.addProtocol('pmtiles', protocol.tile);
  }
  const archive = new PMTiles(new FileSource(file));
  protocol.add(archive);
  const header = await archive.getHeader();
  removeOfflineBasemap(map);
  const url = `pmtiles://${file.name}`;
  if (header.tileType === TileType.Mvt) {
    map.addSource('offline', { type: 'vector', url, attribution: 'Offline basemap' });
    const layer = (id: string, type: 'fill' | 'line', sourceLayer: string, paint: Record<string, unknown>) =>
      map.addLayer({ id, type, source: 'offline', 'source-layer': sourceLayer, paint } as maplibregl.LayerSpecification, beforeLayer);
    layer('offline-earth', 'fill', 'earth', { 'fill-color': '#f4f4f2' });
    layer('offline-landuse', 'fill', 'landuse', { 'fill-color': '#e6efe0', 'fill-opacity': 0.6 });
    layer('offline-water', 'fill', 'water', { 'fill-color': '#cfe0ee' });
    layer('offline-roads', 'line', 'roads', { 'line-color': '#ffffff', 'line-width': 1.2 });
    layer('offline-buildings', 'fill', 'buildings', { 'fill-color': '#dedad4', 'fill-opacity': 0.7 });
  } else {
    map.addSource('offline', { type: 'raster', url, tileSize: 256, attribution: 'Offline basemap' });
    map.addLayer({ id: 'offline-raster', type: 'raster', source: 'offline' }, beforeLayer);
  }
}
