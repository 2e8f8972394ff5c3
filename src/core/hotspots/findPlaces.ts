import type { Dataset } from '../dataset';

/** A place to fly to: a location text of the loaded incidents, with where it is and how many incidents it has. */
export interface FoundPlace {
  label: string;
  lat: number;
  lng: number;
  incidents: number;
}

/** Per location text: the first point it was seen at and its incidents; built once per set of rows. */
interface PlaceIndex {
  rows: number;
  pointOf: Int32Array;
  incidents: Float64Array;
}

let cached: PlaceIndex | null = null;

function placeIndex(dataset: Dataset): PlaceIndex {
  const rows = dataset.sources.reduce((sum, s) => sum + s.columns.point.length, 0);
  const size = dataset.locations.values.length;
  if (cached && cached.rows === rows && cached.pointOf.length === size) return cached;
  const pointOf = new Int32Array(size).fill(-1);
  const incidents = new Float64Array(size);
  for (const source of dataset.sources) {
    const { location, point, weight } = source.columns;
    for (let row = 0; row < location.length; row++) {
      const id = location[row];
      if (pointOf[id] < 0) pointOf[id] = point[row];
      incidents[id] += weight ? weight[row] : 1;
    }
  }
  cached = { rows, pointOf, incidents };
  return cached;
}

/**
 * Location texts of the loaded incidents containing every word of the query (any case), most
 * incidents first. Nothing is looked up online: only what is loaded can be found.
 */
export function findLocations(dataset: Dataset, query: string, limit: number): FoundPlace[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const index = placeIndex(dataset);
  const found: FoundPlace[] = [];
  dataset.locations.values.forEach((text, id) => {
    if (id === 0 || index.pointOf[id] < 0) return;
    const lower = text.toLowerCase();
    if (!words.every((w) => lower.includes(w))) return;
    const p = index.pointOf[id];
    found.push({ label: text, lat: dataset.points.lat.get(p), lng: dataset.points.lng.get(p), incidents: index.incidents[id] });
  });
  return found.sort((a, b) => b.incidents - a.incidents || a.label.localeCompare(b.label)).slice(0, limit);
}
