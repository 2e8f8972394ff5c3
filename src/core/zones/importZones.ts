import { kml } from '@tmcw/togeojson';
import { area, kinks, rewind, unkinkPolygon, union, featureCollection, polygon as turfPolygon } from '@turf/turf';
import { unzipSync, strFromU8 } from 'fflate';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { CoreError } from '../errors';
import type { Zone } from './zone';

export interface ZoneImport {
  zones: Zone[];
  /** One line per feature that was skipped or repaired, naming it. */
  problems: string[];
}

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');
const pick = (properties: Record<string, unknown>, ...keys: string[]): string => keys.map((k) => text(properties[k])).find((v) => v !== '') ?? '';

function prohibitionsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(text).filter(Boolean);
  return text(value).split(/\s*[;\n]\s*/).filter(Boolean);
}

function isoDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value) ?? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (!match) return '';
  return match[1].length === 4 ? `${match[1]}-${match[2]}-${match[3]}` : `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;
}

/** Closes open rings and drops rings too short to enclose anything; a last corner a rounding error away from the first is snapped to it. */
function closeRings(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const close = (ring: number[][]) => {
    const [first, last] = [ring[0], ring[ring.length - 1]];
    if (!first || !last || (first[0] === last[0] && first[1] === last[1])) return ring;
    const nearlySame = Math.abs(first[0] - last[0]) < 1e-9 && Math.abs(first[1] - last[1]) < 1e-9;
    return nearlySame ? [...ring.slice(0, -1), first] : [...ring, first];
  };
  const fix = (rings: number[][][]) => rings.map(close).filter((ring) => ring.length >= 4);
  return geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: fix(geometry.coordinates) } : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(fix).filter((rings) => rings.length > 0) };
}

/**
 * A zone's geometry made valid where a standard repair exists: rings closed, a self-intersecting
 * polygon split at its crossings and the pieces joined again (turf unkinkPolygon + union), and
 * rings wound as RFC 7946 asks. Each repair is reported.
 */
export function checkAndRepair(geometry: Polygon | MultiPolygon, name: string): { geometry: Polygon | MultiPolygon | null; problems: string[] } {
  const problems: string[] = [];
  let fixed = closeRings(geometry);
  if ((fixed.type === 'Polygon' && fixed.coordinates.length === 0) || (fixed.type === 'MultiPolygon' && fixed.coordinates.length === 0)) {
    return { geometry: null, problems: [`${name}: no ring with at least three corners; skipped`] };
  }
  const rings = (g: Polygon | MultiPolygon) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat().map((ring) => ring.length);
  if (rings(fixed).join() !== rings(geometry).join()) problems.push(`${name}: a ring was not closed or too short; closed or dropped it`);
  const crossings = kinks(fixed).features.length;
  if (crossings > 0) {
    const polygons = fixed.type === 'Polygon' ? [fixed.coordinates] : fixed.coordinates;
    const pieces = polygons.flatMap((rings) => unkinkPolygon(turfPolygon(rings)).features);
    const joined = pieces.length > 1 ? union(featureCollection(pieces)) : pieces[0];
    if (joined) fixed = joined.geometry as Polygon | MultiPolygon;
    problems.push(`${name}: boundary crossed itself at ${crossings} point${crossings > 1 ? 's' : ''}; split there and rejoined`);
  }
  fixed = rewind(fixed) as Polygon | MultiPolygon;
  if (!(area(fixed) > 0)) return { geometry: null, problems: [...problems, `${name}: not a valid area after repair; skipped`] };
  return { geometry: fixed, problems };
}

/** Zones from GeoJSON: polygon features become zones; anything else is listed as a problem. */
export function zonesFromGeoJson(json: unknown, fileName: string): ZoneImport {
  const value = json as Partial<FeatureCollection> & Partial<Feature>;
  const features: Feature[] = value?.type === 'FeatureCollection' && Array.isArray(value.features) ? value.features : value?.type === 'Feature' ? [value as Feature] : [];
  if (features.length === 0) throw new CoreError('BAD_GEOMETRY', `${fileName} holds no GeoJSON features.`);
  const zones: Zone[] = [];
  const problems: string[] = [];
  features.forEach((feature, i) => {
    const properties = (feature.properties ?? {}) as Record<string, unknown>;
    const name = pick(properties, 'name', 'Name', 'NAME', 'title', 'description') || `Zone ${i + 1}`;
    const geometry = feature.geometry;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
      problems.push(`${name}: a ${geometry?.type ?? 'feature without geometry'}, not an area; skipped`);
      return;
    }
    const repaired = checkAndRepair(geometry, name);
    problems.push(...repaired.problems);
    if (!repaired.geometry) return;
    zones.push({
      id: `${fileName}#${i + 1}`,
      name,
      orderRef: pick(properties, 'orderRef', 'order_ref', 'reference', 'ref', 'Order'),
      startDate: isoDate(pick(properties, 'startDate', 'start_date', 'start', 'Start')),
      endDate: isoDate(pick(properties, 'endDate', 'end_date', 'end', 'End')),
      prohibitions: prohibitionsOf(properties.prohibitions ?? properties.Prohibitions ?? properties.restrictions),
      geometry: repaired.geometry,
    });
  });
  return { zones, problems };
}

/** Zones from a parsed KML document (Google My Maps exports); the caller parses the XML. */
export function zonesFromKml(document: Document, fileName: string): ZoneImport {
  return zonesFromGeoJson(kml(document), fileName);
}

/** The KML inside a KMZ (a ZIP), as text for the caller to parse. */
export function kmlFromKmz(bytes: Uint8Array, fileName: string): string {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw new CoreError('BAD_INPUT', `${fileName} is not a readable KMZ (ZIP) file.`);
  }
  const kmlName = Object.keys(entries).find((name) => name.toLowerCase().endsWith('.kml'));
  if (!kmlName) throw new CoreError('BAD_INPUT', `${fileName} holds no .kml file.`);
  return strFromU8(entries[kmlName]);
}

/** The features of a zipped Shapefile (.shp, .dbf, .prj), reprojected to WGS84 from its .prj (e.g. British National Grid). */
export async function featuresFromShapefileZip(bytes: ArrayBuffer, fileName: string): Promise<FeatureCollection> {
  const { default: shp } = await import('shpjs');
  let parsed: FeatureCollection | FeatureCollection[];
  try {
    parsed = (await shp(bytes)) as FeatureCollection | FeatureCollection[];
  } catch (error) {
    throw new CoreError('BAD_INPUT', `${fileName} could not be read as a zipped Shapefile: ${error instanceof Error ? error.message : String(error)}`);
  }
  const collections = Array.isArray(parsed) ? parsed : [parsed];
  return { type: 'FeatureCollection', features: collections.flatMap((c) => c.features) };
}

/** Zones from a zipped Shapefile. */
export async function zonesFromShapefileZip(bytes: ArrayBuffer, fileName: string): Promise<ZoneImport> {
  return zonesFromGeoJson(await featuresFromShapefileZip(bytes, fileName), fileName);
}
