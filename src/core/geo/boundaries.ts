import { area as turfArea, bbox as turfBbox, centroid } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { CoreError } from '../errors';

/** A named polygon from a boundary file, e.g. one borough of the London boroughs file, one ward or one LSOA. */
export interface NamedBoundary {
  name: string;
  geometry: Polygon | MultiPolygon;
}

/** Name fields of the usual ONS and London Datastore boundary files (boroughs, wards, LSOAs, MSOAs), most specific first. */
const NAME_KEYS = ['NAME', 'name', 'Name', 'LAD23NM', 'LAD22NM', 'lad19nm', 'WD23NM', 'WD22NM', 'ward_name', 'lsoa21nm', 'LSOA21NM', 'lsoa11nm', 'LSOA11NM', 'msoa21nm', 'MSOA21NM', 'title', 'label'];

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

/** Where to put a boundary's label and how far to zoom to see it: its centroid, extent and area. */
export function boundaryPlace(boundary: NamedBoundary): { lng: number; lat: number; bbox: [number, number, number, number]; areaHa: number } {
  const [lng, lat] = centroid(boundary.geometry).geometry.coordinates;
  const [w, s, e, n] = turfBbox(boundary.geometry);
  return { lng, lat, bbox: [w, s, e, n], areaHa: turfArea(boundary.geometry) / 10_000 };
}
