import { useEffect, useState } from 'react';
import { boundaryPlace } from '../core/geo/boundaries';
import type { FoundPlace } from '../core/hotspots/findPlaces';
import { useAppStore } from '../state/store';
import { dataWorker } from '../state/worker';
import { formatInteger } from './format';

interface Result {
  kind: string;
  label: string;
  lng: number;
  lat: number;
  zoom: number;
  detail: string;
}

const matches = (text: string, words: string[]) => words.every((w) => text.toLowerCase().includes(w));

/** Boroughs-sized areas are shown whole; streets, zones, LSOAs and cameras closer up. */
const zoomFor = (areaHa: number) => (areaHa > 2000 ? 12 : areaHa > 100 ? 14 : 16);

/**
 * Find a place among what is loaded: police.uk location texts, zone names, boundary names (wards,
 * LSOAs) and camera ids or names. The map flies there; nothing is looked up online.
 */
export function PlaceSearch() {
  const [text, setText] = useState('');
  const [locations, setLocations] = useState<FoundPlace[]>([]);
  const zones = useAppStore((state) => state.zones);
  const layers = useAppStore((state) => state.boundaryLayers);
  const cameras = useAppStore((state) => state.cameras);
  const sourceCount = useAppStore((state) => state.sources.length);
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);

  useEffect(() => {
    if (text.trim().length < 2 || sourceCount === 0) return;
    const timer = setTimeout(() => {
      void dataWorker.call('find-places', { query: text, limit: 8 }).promise.then(setLocations, () => setLocations([]));
    }, 200);
    return () => clearTimeout(timer);
  }, [text, sourceCount]);

  const local: Result[] =
    text.trim().length < 2
      ? []
      : [
          ...layers.flatMap((layer) =>
            layer.features
              .filter((f) => matches(f.name, words))
              .slice(0, 5)
              .map((f) => {
                const place = boundaryPlace(f);
                return { kind: 'area', label: f.name, lng: place.lng, lat: place.lat, zoom: zoomFor(place.areaHa), detail: layer.name };
              }),
          ),
          ...zones
            .filter((z) => matches(z.name, words))
            .slice(0, 5)
            .map((z) => {
              const place = boundaryPlace(z);
              return { kind: 'zone', label: z.name, lng: place.lng, lat: place.lat, zoom: zoomFor(place.areaHa), detail: 'zone' };
            }),
          ...cameras
            .filter((c) => matches(`${c.id} ${c.name}`, words))
            .slice(0, 5)
            .map((c) => ({ kind: 'camera', label: `${c.id} ${c.name}`.trim(), lng: c.lng, lat: c.lat, zoom: 17, detail: c.kind === 'fixed' ? 'fixed camera' : 're-deployable camera' })),
        ];
  const results: Result[] = [...local, ...(text.trim().length < 2 ? [] : locations.map((l) => ({ kind: 'location', label: l.label, lng: l.lng, lat: l.lat, zoom: 17, detail: `${formatInteger(l.incidents)} incidents` })))];

  const go = (result: Result) => {
    useAppStore.setState({ jumpTo: { lng: result.lng, lat: result.lat, zoom: result.zoom } });
    setText('');
  };

  return (
    <div className="place-search">
      <input type="search" aria-label="Find a place" placeholder="Find a street, zone, ward, LSOA or camera…" value={text} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && results[0] && go(results[0])} />
      {results.length > 0 && (
        <ul className="place-results" role="listbox" aria-label="Places found">
          {results.map((r, i) => (
            <li key={`${r.kind}-${r.label}-${i}`} role="option" aria-selected={i === 0}>
              <button type="button" onClick={() => go(r)}>
                {r.label} <span className="muted small">{r.detail}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
