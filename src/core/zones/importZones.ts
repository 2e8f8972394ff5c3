import { kml } from '@tmcw/togeojson';
import { area } from '@turf/area';
import { rewind } from '@turf/rewind';
import { unkinkPolygon } from '@turf/unkink-polygon';
import { union } from '@turf/union';
import { featureCollection, polygon as turfPolygon } from '@turf/helpers';
import { unzipSync, strFromU8 } from 'fflate';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { CoreError } from '../errors';
import { ringCrossings } from '../geo/crossings';
import { chooseField, fieldsOf, fieldText } from '../geo/fields';
import { readGeoFeatures, withinUk, type GeoReadOptions } from '../geo/geoFeatures';
import { dropRepeatedVertices, planarGeometry } from '../geo/positions';
import type { Zone } from './zone';
import { areaGeometry, check } from '../workspace/schemaParts';

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

/** Splitting a self-crossing boundary (turf unkinkPolygon) compares every pair of edges: bounded. */
const MAX_REPAIRABLE_CORNERS = 20_000;

/**
 * A zone's geometry made valid where a standard repair exists: consecutive repeated corners removed,
 * rings closed, a self-intersecting polygon split at its crossings and the pieces joined again (turf
 * unkinkPolygon + union), and rings wound as RFC 7946 asks. Each repair is reported.
 */
export function checkAndRepair(geometry: Polygon | MultiPolygon, name: string): { geometry: Polygon | MultiPolygon | null; problems: string[] } {
  const problems: string[] = [];
  const planar = planarGeometry(geometry);
  if (!planar) return { geometry: null, problems: [`${name}: a corner is not a pair of numbers; skipped`] };
  const deduplicated = dropRepeatedVertices(planar);
  if (deduplicated.removed > 0) problems.push(`${name}: ${deduplicated.removed} repeated corner${deduplicated.removed > 1 ? 's' : ''} removed`);
  let fixed = closeRings(deduplicated.geometry);
  if ((fixed.type === 'Polygon' && fixed.coordinates.length === 0) || (fixed.type === 'MultiPolygon' && fixed.coordinates.length === 0)) {
    return { geometry: null, problems: [...problems, `${name}: no ring with at least three corners; skipped`] };
  }
  const rings = (g: Polygon | MultiPolygon) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat().map((ring) => ring.length);
  if (rings(fixed).join() !== rings(deduplicated.geometry).join()) problems.push(`${name}: a ring was not closed or too short; closed or dropped it`);
  const polygons = fixed.type === 'Polygon' ? [fixed.coordinates] : fixed.coordinates;
  const crossings = polygons.reduce((sum, polygonRings) => sum + ringCrossings(polygonRings).length, 0);
  if (crossings > 0 && rings(fixed).reduce((a, b) => a + b, 0) > MAX_REPAIRABLE_CORNERS) {
    return { geometry: null, problems: [...problems, `${name}: boundary crosses itself at ${crossings} point${crossings > 1 ? 's' : ''}, and with over ${MAX_REPAIRABLE_CORNERS.toLocaleString('en-GB')} corners it is too large to repair here; repair it in a GIS; skipped`] };
  }
  if (crossings > 0) {
    const pieces = polygons.flatMap((rings) => unkinkPolygon(turfPolygon(rings)).features);
    const joined = pieces.length > 1 ? union(featureCollection(pieces)) : pieces[0];
    if (joined) fixed = joined.geometry as Polygon | MultiPolygon;
    problems.push(`${name}: boundary crossed itself at ${crossings} point${crossings > 1 ? 's' : ''}; split there and rejoined`);
  }
  fixed = rewind(fixed) as Polygon | MultiPolygon;
  if (!(area(fixed) > 0)) return { geometry: null, problems: [...problems, `${name}: not a valid area after repair; skipped`] };
  return { geometry: fixed, problems };
}

/** The areas of a geometry file, named, repaired and in WGS84, with what was read and how. */
export interface AreaImport {
  areas: { name: string; properties: Record<string, unknown>; geometry: Polygon | MultiPolygon }[];
  /** One line per feature that was skipped or repaired, naming it. */
  problems: string[];
  featuresRead: number;
  /** The property the names come from (null: numbered), and the properties the user may pick instead. */
  nameField: string | null;
  fields: string[];
  crsNote: string;
}

export interface AreaImportOptions extends GeoReadOptions {
  /** The property to name areas by; undefined picks one from the common patterns, null numbers them. */
  nameField?: string | null;
  /** How unnamed areas are numbered ("Zone 3", "Area 3"). */
  fallbackName?: string;
}

/** Polygon features become areas; anything else, and anything outside the UK, is listed as a problem. */
export function areasFromGeoJson(json: unknown, fileName: string, options: AreaImportOptions = {}): AreaImport {
  const read = readGeoFeatures(json, fileName, options);
  const records = read.features.map((f) => f.properties);
  const nameField = options.nameField === undefined ? chooseField(records, 'name') : options.nameField;
  const areas: AreaImport['areas'] = [];
  const problems: string[] = [];
  for (const { number, properties, geometry } of read.features) {
    const name = fieldText(properties, nameField) || `${options.fallbackName ?? 'Zone'} ${number}`;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
      problems.push(`${name}: a ${geometry?.type ?? 'feature without readable geometry'}, not an area; skipped`);
      continue;
    }
    if (!withinUk(geometry)) {
      problems.push(`${name}: lies outside the UK; skipped`);
      continue;
    }
    const readable = check(areaGeometry(false), geometry, 'geometry');
    if (!readable.ok) {
      problems.push(`${name}: ${readable.reason}; skipped`);
      continue;
    }
    const repaired = checkAndRepair(geometry, name);
    problems.push(...repaired.problems);
    if (repaired.geometry) areas.push({ name, properties, geometry: repaired.geometry });
  }
  return { areas, problems, featuresRead: read.features.length, nameField, fields: fieldsOf(records), crsNote: read.crsNote };
}

export interface ZoneImport extends Omit<AreaImport, 'areas'> {
  zones: Zone[];
}

/** Zones from GeoJSON: named from the chosen property, order details from the usual ones. */
export function zonesFromGeoJson(json: unknown, fileName: string, options: AreaImportOptions = {}): ZoneImport {
  const { areas, ...rest } = areasFromGeoJson(json, fileName, options);
  const zones = areas.map(({ name, properties, geometry }, i): Zone => ({
    id: `${fileName}#${i + 1}`,
    name,
    orderRef: pick(properties, 'orderRef', 'order_ref', 'reference', 'ref', 'Order'),
    startDate: isoDate(pick(properties, 'startDate', 'start_date', 'start', 'Start')),
    endDate: isoDate(pick(properties, 'endDate', 'end_date', 'end', 'End')),
    prohibitions: prohibitionsOf(properties.prohibitions ?? properties.Prohibitions ?? properties.restrictions),
    geometry,
  }));
  return { zones, ...rest };
}

/** Zones from a parsed KML document (Google My Maps exports); the caller parses the XML. */
export function zonesFromKml(document: Document, fileName: string, options: AreaImportOptions = {}): ZoneImport {
  return zonesFromGeoJson(kml(document), fileName, options);
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
export async function zonesFromShapefileZip(bytes: ArrayBuffer, fileName: string, options: AreaImportOptions = {}): Promise<ZoneImport> {
  return zonesFromGeoJson(await featuresFromShapefileZip(bytes, fileName), fileName, options);
}
