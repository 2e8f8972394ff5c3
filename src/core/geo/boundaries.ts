import { area as turfArea } from '@turf/area';
import { bbox as turfBbox } from '@turf/bbox';
import { centroid } from '@turf/centroid';
import type { MultiPolygon, Polygon } from 'geojson';
import { CoreError } from '../errors';
import { areasFromGeoJson, type AreaImport, type AreaImportOptions } from '../zones/importZones';

/** A named polygon from a boundary file, e.g. one borough of the London boroughs file, one ward or one LSOA. */
export interface NamedBoundary {
  name: string;
  geometry: Polygon | MultiPolygon;
}

export type BoundaryImport = Omit<AreaImport, 'areas'> & { boundaries: NamedBoundary[] };

/**
 * The polygon features of a GeoJSON document, each with a name for the user to choose by; read,
 * reprojected and repaired as zones are.
 */
export function boundariesFromGeoJson(json: unknown, fileName: string, options: AreaImportOptions = {}): BoundaryImport {
  const { areas, ...rest } = areasFromGeoJson(json, fileName, { fallbackName: 'Area', ...options });
  if (areas.length === 0) throw new CoreError('BAD_GEOMETRY', `${fileName} holds no polygons to use as a boundary.${rest.problems.length > 0 ? ` ${rest.problems.slice(0, 3).join('; ')}.` : ''}`);
  const boundaries = areas.map(({ name, geometry }) => ({ name, geometry })).sort((a, b) => a.name.localeCompare(b.name));
  return { boundaries, ...rest };
}

/** Where to put a boundary's label and how far to zoom to see it: its centroid, extent and area. */
export function boundaryPlace(boundary: NamedBoundary): { lng: number; lat: number; bbox: [number, number, number, number]; areaHa: number } {
  const [lng, lat] = centroid(boundary.geometry).geometry.coordinates;
  const [w, s, e, n] = turfBbox(boundary.geometry);
  return { lng, lat, bbox: [w, s, e, n], areaHa: turfArea(boundary.geometry) / 10_000 };
}
