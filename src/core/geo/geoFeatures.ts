import type { Feature, Geometry } from 'geojson';
import { CoreError } from '../errors';
import { insideUk } from './ukBounds';
import { chooseCrs, extentOf, toWgs84, type CrsId } from './crs';

/** One feature of a geometry file, in WGS84 with two numbers per position; null geometry when unreadable. */
export interface GeoFeature {
  /** 1-based position in the file, for messages. */
  number: number;
  properties: Record<string, unknown>;
  geometry: Geometry | null;
}

export interface GeoRead {
  features: GeoFeature[];
  crs: CrsId;
  /** How the coordinate system was decided, for the import summary. */
  crsNote: string;
}

export interface GeoReadOptions {
  /** The user has said numbers with no declared system are British National Grid. */
  assumeBng?: boolean;
}

/** The features of a FeatureCollection, a single Feature, or a bare geometry. */
function rawFeatures(json: unknown, fileName: string): Feature[] {
  const value = json as { type?: unknown; features?: unknown; geometry?: unknown } | null;
  if (value?.type === 'FeatureCollection' && Array.isArray(value.features)) return value.features as Feature[];
  if (value?.type === 'Feature') return [value as Feature];
  if (typeof value?.type === 'string' && 'coordinates' in value) return [{ type: 'Feature', properties: {}, geometry: value as unknown as Geometry }];
  throw new CoreError('BAD_GEOMETRY', `${fileName} holds no GeoJSON features.`);
}

/**
 * A GeoJSON document's features, converted to WGS84 longitude/latitude from the declared (or
 * agreed) coordinate system, with every position cut to two numbers (altitudes dropped).
 */
export function readGeoFeatures(json: unknown, fileName: string, options: GeoReadOptions = {}): GeoRead {
  const features = rawFeatures(json, fileName);
  if (features.length === 0) throw new CoreError('BAD_GEOMETRY', `${fileName} holds no GeoJSON features.`);
  const geometries = features.map((f) => f?.geometry).filter((g): g is Geometry => Boolean(g && typeof g === 'object'));
  const { crs, how } = chooseCrs(json, geometries, fileName, options.assumeBng);
  return {
    crs,
    crsNote: how,
    features: features.map((feature, i) => {
      const properties = feature?.properties && typeof feature.properties === 'object' ? (feature.properties as Record<string, unknown>) : {};
      const geometry = feature?.geometry && typeof feature.geometry === 'object' ? toWgs84(feature.geometry, crs) : null;
      return { number: i + 1, properties, geometry };
    }),
  };
}

/** True when all of a geometry lies in the UK (with the same margins incident rows are checked against). */
export function withinUk(geometry: Geometry): boolean {
  const extent = extentOf([geometry]);
  return extent !== null && insideUk(extent.minY, extent.minX) && insideUk(extent.maxY, extent.maxX);
}
