import proj4 from 'proj4';
import type { Geometry } from 'geojson';
import { CoreError } from '../errors';
import { bngToWgs84 } from './bng';
import { eachPosition, mapPositions } from './positions';

/** The coordinate systems geometry files are read in; everything is converted to WGS84 longitude/latitude. */
export type CrsId = 'wgs84' | 'bng' | 'webMercator';

export const CRS_LABELS: Record<CrsId, string> = {
  wgs84: 'longitude/latitude (WGS84)',
  bng: 'British National Grid (EPSG:27700)',
  webMercator: 'Web Mercator (EPSG:3857)',
};

const EPSG_CODES: Record<string, CrsId> = { '4326': 'wgs84', '4258': 'wgs84', '27700': 'bng', '3857': 'webMercator', '900913': 'webMercator', '3785': 'webMercator', '102100': 'webMercator', '102113': 'webMercator' };

/**
 * The coordinate system a GeoJSON `crs` member names (the 2008 GeoJSON spec; RFC 7946 dropped it but
 * GIS exports still write it): `urn:ogc:def:crs:EPSG::27700`, `EPSG:27700`,
 * `http://www.opengis.net/def/crs/EPSG/0/27700`, `urn:ogc:def:crs:OGC:1.3:CRS84`, or the old
 * `{ type: 'EPSG', properties: { code: 27700 } }`. Null when there is no `crs`; the declared text
 * when it names a system this app cannot read.
 */
export function declaredCrs(json: unknown): { crs: CrsId; declared: string } | { unsupported: string } | null {
  const member = (json as { crs?: { type?: unknown; properties?: { name?: unknown; code?: unknown } } } | null)?.crs;
  if (!member || typeof member !== 'object') return null;
  const declared = typeof member.properties?.name === 'string' ? member.properties.name : member.properties?.code !== undefined ? `EPSG:${String(member.properties.code)}` : JSON.stringify(member);
  if (/CRS:?84\b/i.test(declared)) return { crs: 'wgs84', declared };
  const code = /EPSG(?::+|\/0\/|\/)(\d+)/i.exec(declared)?.[1] ?? (/^\d+$/.test(declared) ? declared : undefined);
  const crs = code === undefined ? undefined : EPSG_CODES[code];
  return crs ? { crs, declared } : { unsupported: declared };
}

/** Where British National Grid eastings and northings fall (the grid's extent, with the Channel Islands' margin). */
const BNG_RANGE = { xMin: -100_000, xMax: 800_000, yMin: -100_000, yMax: 1_400_000 };

export interface Extent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function extentOf(geometries: readonly Geometry[]): Extent | null {
  const extent = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const geometry of geometries) {
    eachPosition(geometry, (x, y) => {
      if (x < extent.minX) extent.minX = x;
      if (x > extent.maxX) extent.maxX = x;
      if (y < extent.minY) extent.minY = y;
      if (y > extent.maxY) extent.maxY = y;
    });
  }
  return Number.isFinite(extent.minX) ? extent : null;
}

const round = (v: number) => Math.round(v).toLocaleString('en-GB');

const isLonLat = (e: Extent) => e.minX >= -180 && e.maxX <= 180 && e.minY >= -90 && e.maxY <= 90;
const isBngRange = (e: Extent) => e.minX >= BNG_RANGE.xMin && e.maxX <= BNG_RANGE.xMax && e.minY >= BNG_RANGE.yMin && e.maxY <= BNG_RANGE.yMax;

/** Thrown when numbers without a declared system look like British National Grid: the user decides. */
export class LooksLikeBngError extends CoreError {
  constructor(fileName: string, readonly extent: Extent) {
    super('BAD_GEOMETRY', `${fileName} declares no coordinate system and its numbers (${round(extent.minX)} to ${round(extent.maxX)} across, ${round(extent.minY)} to ${round(extent.maxY)} up) are not longitude/latitude. They look like British National Grid (EPSG:27700) eastings and northings.`);
  }
}

/**
 * The system to read a file's positions in: the declared one; longitude/latitude when the numbers
 * fit; British National Grid when the user has said so (`assumeBng`). Numbers that look like BNG
 * with no word from the user throw LooksLikeBngError; anything else is refused with the reason.
 */
export function chooseCrs(json: unknown, geometries: readonly Geometry[], fileName: string, assumeBng = false): { crs: CrsId; how: string } {
  const declared = declaredCrs(json);
  if (declared && 'unsupported' in declared) throw new CoreError('BAD_GEOMETRY', `${fileName} declares the coordinate system "${declared.unsupported}", which this app cannot read. Save it as WGS84 (EPSG:4326) or British National Grid (EPSG:27700).`);
  if (declared) return { crs: declared.crs, how: `${CRS_LABELS[declared.crs]}, as the file declares (${declared.declared})` };
  const extent = extentOf(geometries);
  if (!extent || isLonLat(extent)) return { crs: 'wgs84', how: CRS_LABELS.wgs84 };
  if (isBngRange(extent)) {
    if (assumeBng) return { crs: 'bng', how: `${CRS_LABELS.bng}, as you chose (the file declares no system)` };
    throw new LooksLikeBngError(fileName, extent);
  }
  throw new CoreError('BAD_GEOMETRY', `${fileName} declares no coordinate system and its numbers (up to ${round(Math.max(Math.abs(extent.maxX), Math.abs(extent.minX)))} across, ${round(Math.max(Math.abs(extent.maxY), Math.abs(extent.minY)))} up) are neither longitude/latitude nor British National Grid. Save it as WGS84 (EPSG:4326), or add a "crs" member naming its system.`);
}

const mercator = proj4('EPSG:3857', 'EPSG:4326');

/** The geometry in WGS84 longitude/latitude, two numbers per position; null when a position is not numbers. */
export function toWgs84<G extends Geometry>(geometry: G, crs: CrsId): G | null {
  if (crs === 'wgs84') return mapPositions(geometry, (p) => p);
  if (crs === 'bng') return mapPositions(geometry, ([x, y]) => {
    const { lat, lng } = bngToWgs84(x, y);
    return [lng, lat];
  });
  return mapPositions(geometry, (p) => mercator.forward(p));
}
