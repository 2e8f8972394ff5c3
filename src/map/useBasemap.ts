import type * as maplibregl from 'maplibre-gl';
import { useEffect, useState } from 'react';
import { useAppStore } from '../state/store';
import { ONLINE_ATTRIBUTION, ONLINE_TILES, onlineBasemapReachable } from './basemap';
import { HOTSPOT_FILL } from './hotspotLayers';
import { addOfflineBasemap, removeOfflineBasemap } from './offlineBasemap';

/** The basemap under everything: an offline file, the online tiles when reachable, or plain. */
export function useBasemap(map: maplibregl.Map | null): void {
  const basemap = useAppStore((state) => state.basemap);
  const basemapFile = useAppStore((state) => state.basemapFile);
  const notify = useAppStore((state) => state.notify);
  const [online, setOnline] = useState<boolean | null>(null);

  // Only a user who chose the online map makes the app contact its host, even to probe it.
  const wantsOnline = basemap.kind === 'online';
  useEffect(() => {
    if (wantsOnline && online === null) void onlineBasemapReachable().then(setOnline);
  }, [wantsOnline, online]);

  useEffect(() => {
    if (!map) return;
    if (map.getLayer('basemap')) map.removeLayer('basemap');
    if (map.getSource('basemap')) map.removeSource('basemap');
    removeOfflineBasemap(map);
    if (basemap.kind === 'file' && basemapFile) {
      addOfflineBasemap(map, basemapFile, HOTSPOT_FILL).catch(() => notify('error', `${basemap.name} could not be read as a PMTiles basemap.`));
    } else if (basemap.kind === 'online' && online) {
      map.addSource('basemap', { type: 'raster', tiles: ONLINE_TILES, tileSize: 512, attribution: ONLINE_ATTRIBUTION, maxzoom: 19 });
      map.addLayer({ id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-saturation': -0.3 } }, HOTSPOT_FILL);
    } else if (basemap.kind === 'online' && online === false) {
      notify('info', 'Basemap unavailable (offline or blocked): showing hotspots over a plain background. An offline basemap file can be loaded under Map display.');
    }
  }, [map, basemap, basemapFile, online, notify]);
}
