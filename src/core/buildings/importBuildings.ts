import { formatFor } from '../geo/geometryFormat';
import { CoreError } from '../errors';
import type { Footprint } from '../visibility/planVisibility';
import { zonesFromGeoJson, zonesFromShapefileZip, type ZoneImport } from '../zones/importZones';

/**
 * Building footprints from GeoJSON (an OpenStreetMap export) or a zipped Shapefile (OS OpenMap
 * Local, in British National Grid): read, reprojected and repaired by the zone readers, so the
 * same repairs and reports apply.
 */
export interface BuildingsSummary {
  fileName: string;
  footprints: number;
  /** One line per feature repaired or skipped, naming it. */
  problems: string[];
}

export interface BuildingsImport {
  footprints: Footprint[];
  summary: BuildingsSummary;
}


export async function buildingsFromFile(buffer: ArrayBuffer, fileName: string): Promise<BuildingsImport> {
  const bytes = new Uint8Array(buffer);
  let read: ZoneImport;
  if (formatFor('buildings', fileName, bytes) === 'shapefile-zip') read = await zonesFromShapefileZip(buffer, fileName, { fallbackName: 'Building' });
  else {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new CoreError('BAD_INPUT', `${fileName} is neither GeoJSON nor a zipped Shapefile: building footprints load from either.`);
    }
    read = zonesFromGeoJson(json, fileName, { fallbackName: 'Building' });
  }
  if (read.zones.length === 0) throw new CoreError('BAD_GEOMETRY', `${fileName} holds no building footprints (polygons).${read.problems.length > 0 ? ` ${read.problems.slice(0, 3).join('; ')}.` : ''}`);
  return { footprints: read.zones.map((zone) => zone.geometry), summary: { fileName, footprints: read.zones.length, problems: read.problems } };
}

/** The import summary in one line, e.g. "buildings.geojson: 48,210 building footprints; 12 repaired or skipped." */
export function describeBuildings(summary: BuildingsSummary): string {
  const count = new Intl.NumberFormat('en-GB').format(summary.footprints);
  const problems = summary.problems.length > 0 ? `; ${new Intl.NumberFormat('en-GB').format(summary.problems.length)} repaired or skipped` : '';
  return `${summary.fileName}: ${count} building footprint${summary.footprints === 1 ? '' : 's'}${problems}.`;
}
