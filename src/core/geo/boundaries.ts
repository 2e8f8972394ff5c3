import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { CoreError } from '../errors';

/** A named polygon from a boundary file, e.g. one borough of the London boroughs file. */
export interface NamedBoundary {
  name: string;
  geometry: Polygon | MultiPolygon;
}

const NAME_KEYS = ['NAME', 'name', 'Name', 'LAD23NM', 'LAD22NM', 'lad19nm', 'title', 'label'];

/** The polygon features of a GeoJSON document, each with a name for the user to choose by. */
export function boundariesFromGeoJson(json: unknown, fileName: string): NamedBoundary[] {
  const value = json as { type?: string; features?: Feature[]; geometry?: unknown };
  const features: Feature[] = value?.type === 'FeatureCollection' && Array.isArray(value.features) ? value.features : value?.type === 'Feature' ? [value as Feature] : [];
  const boundaries: NamedBoundary[] = [];
  features.forEach((feature, i) => {
    const geometry = feature?.geometry;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) return;
    const properties = feature.properties ?? {};
    const key = NAME_KEYS.find((k) => typeof properties[k] === 'string' || typeof properties[k] === 'number');
    boundaries.push({ name: key ? String(properties[key]) : `Area ${i + 1}`, geometry });
  });
  if (boundaries.length === 0) throw new CoreError('BAD_GEOMETRY', `${fileName} holds no polygons to use as a boundary.`);
  return boundaries.sort((a, b) => a.name.localeCompare(b.name));
}
