import type { Geometry } from 'geojson';
import { CoreError } from '../errors';
import { chooseCrs, LooksLikeBngError, toWgs84 } from '../geo/crs';
import { planarGeometry } from '../geo/positions';

/** Largest GeoJSON read as incidents: unlike CSV it must be parsed whole. */
export const MAX_GEOJSON_BYTES = 256 << 20;

/** A file whose first non-blank character opens a JSON object: read as GeoJSON, not CSV. */
export function looksLikeJsonObject(head: Uint8Array): boolean {
  for (let i = head[0] === 0xef ? 3 : 0; i < head.length; i++) {
    const byte = head[i];
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
    return byte === 0x7b;
  }
  return false;
}

/** Nested properties become dotted columns (`location.street.name`), so police.uk API objects map like CSV columns. */
function flatten(value: Record<string, unknown>, prefix: string, into: Record<string, string>): void {
  for (const [key, inner] of Object.entries(value)) {
    const name = prefix + key;
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) flatten(inner as Record<string, unknown>, `${name}.`, into);
    else into[name] = inner === null || inner === undefined ? '' : typeof inner === 'object' ? JSON.stringify(inner) : String(inner);
  }
}

export interface GeoJsonRecords {
  /** Two coordinate columns first (Longitude/Latitude, or Easting/Northing when the numbers look like BNG), then the properties. */
  header: string[];
  rows: string[][];
  /** Per row: null for a point, or what the feature is instead (rejected with that reason). */
  notPoint: (string | null)[];
}

/**
 * A GeoJSON FeatureCollection's features as CSV-like records, one per feature, so points load as
 * incidents through the same column mapping as CSV. Positions are converted from a declared
 * coordinate system (altitudes dropped); undeclared numbers that look like British National Grid
 * stay as eastings and northings, and the mapping dialog offers to read them so.
 */
export function geoJsonRecords(json: unknown, fileName: string): GeoJsonRecords {
  const features = (json as { type?: unknown; features?: unknown } | null)?.type === 'FeatureCollection' ? (json as { features: unknown }).features : null;
  if (!Array.isArray(features)) throw new CoreError('NOT_CSV', `${fileName} is JSON but not a GeoJSON FeatureCollection, so it cannot be read as incidents.`);
  const geometries = features.map((f) => (f as { geometry?: Geometry })?.geometry).filter((g): g is Geometry => Boolean(g && typeof g === 'object'));
  const points = geometries.filter((g) => g.type === 'Point').length;
  if (points === 0) {
    throw new CoreError('NOT_CSV', `${fileName} is GeoJSON with no point features (${features.length} feature${features.length === 1 ? '' : 's'}): load areas as zones in the PSPO zones panel, and cameras in the CCTV planner.`);
  }
  let raw = false;
  let convert = (g: Geometry) => toWgs84(g, 'wgs84');
  try {
    const { crs } = chooseCrs(json, geometries, fileName);
    convert = (g) => toWgs84(g, crs);
  } catch (error) {
    if (!(error instanceof LooksLikeBngError)) throw error;
    raw = true;
    convert = (g) => planarGeometry(g);
  }
  const properties = features.map((f) => {
    const flat: Record<string, string> = {};
    const value = (f as { properties?: unknown })?.properties;
    if (value && typeof value === 'object') flatten(value as Record<string, unknown>, '', flat);
    return flat;
  });
  const keys = [...new Set(properties.flatMap((p) => Object.keys(p)))];
  const [xName, yName] = raw ? ['Easting', 'Northing'] : ['Longitude', 'Latitude'];
  const taken = (name: string) => (keys.includes(name) ? `Point ${name.toLowerCase()}` : name);
  const header = [taken(xName), taken(yName), ...keys];
  const notPoint: (string | null)[] = [];
  const rows = features.map((feature, i) => {
    const geometry = (feature as { geometry?: Geometry })?.geometry;
    const point = geometry?.type === 'Point' ? convert(geometry) : null;
    notPoint.push(geometry?.type === 'Point' ? null : geometry?.type ?? 'feature without geometry');
    const position = point?.type === 'Point' ? point.coordinates.map(String) : ['', ''];
    return [position[0], position[1], ...keys.map((k) => properties[i][k] ?? '')];
  });
  return { header, rows, notPoint };
}
