import Papa from 'papaparse';
import { CoreError } from '../errors';
import { bngToWgs84 } from '../geo/bng';
import { insideUk } from '../ingest/sourceBuilder';
import { checkCamera } from '../workspace/panelSchemas';

/** A camera as the council lists it: fixed or re-deployable, with an optional reach and view. */
export interface Camera {
  id: string;
  name: string;
  kind: 'fixed' | 'redeployable';
  lat: number;
  lng: number;
  /** Coverage radius in metres; null uses the plan's radius. */
  radiusM: number | null;
  /** Compass bearing the camera faces (0 = north, clockwise), with its field of view; null = all round. */
  directionDeg: number | null;
  fovDeg: number | null;
}

export interface CameraImport {
  cameras: Camera[];
  /** One line per row that could not be read, with its reason. */
  problems: string[];
}

const column = (header: readonly string[], ...names: RegExp[]): number => {
  const normalised = header.map((h) => h.trim().toLowerCase());
  for (const name of names) {
    const index = normalised.findIndex((h) => name.test(h));
    if (index >= 0) return index;
  }
  return -1;
};

/** Empty = not given (null); text that is not a number stays NaN so the row is refused with that reason. */
const numberOrNull = (text: string | undefined): number | null => (text === undefined || text.trim() === '' ? null : Number(text));

const FIELD_LABELS: Record<string, string> = { radiusM: 'radius (m)', directionDeg: 'direction (°)', fovDeg: 'field of view (°)' };

/** Keeps a camera read from a row when it passes the camera checks; else records why not. */
function keepCamera(camera: Camera, where: string, cameras: Camera[], problems: string[]): void {
  const checked = checkCamera(camera);
  if (checked.ok) cameras.push(camera);
  else problems.push(`${where}: ${checked.reason.replace(/^(\w+):/, (_, field: string) => `${FIELD_LABELS[field] ?? field}:`)}`);
}

/** Fixed unless the type says re-deployable (also "redeployable", "mobile", "RD"). */
export function cameraKind(text: string): Camera['kind'] {
  return /re-?deploy|mobile|^rd\b|temporary/i.test(text.trim()) ? 'redeployable' : 'fixed';
}

/**
 * Cameras from a CSV with latitude/longitude or easting/northing (BNG) columns, plus optional
 * id, name, type, radius (m), direction (degrees) and field of view (degrees).
 */
export function camerasFromCsv(text: string, fileName: string): CameraImport {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  if (rows.length < 2) throw new CoreError('EMPTY_FILE', `${fileName} has no camera rows.`);
  const header = rows[0];
  const lat = column(header, /^lat(itude)?$/);
  const lng = column(header, /^(lng|lon|long|longitude)$/);
  const easting = column(header, /^(easting|x)$/);
  const northing = column(header, /^(northing|y)$/);
  if ((lat < 0 || lng < 0) && (easting < 0 || northing < 0)) {
    throw new CoreError('MISSING_COLUMNS', `${fileName} needs Latitude and Longitude columns, or Easting and Northing.`);
  }
  const id = column(header, /^(camera )?id$/, /ref/);
  const name = column(header, /^name$/, /location|description/);
  const type = column(header, /^type$/, /kind|category/);
  const radius = column(header, /radius/, /range/);
  const direction = column(header, /direction|bearing|heading/);
  const fov = column(header, /fov|field of view|angle/);
  const cameras: Camera[] = [];
  const problems: string[] = [];
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    let position: { lat: number; lng: number } | null = null;
    if (lat >= 0 && lng >= 0 && numberOrNull(row[lat]) !== null && numberOrNull(row[lng]) !== null) {
      position = { lat: Number(row[lat]), lng: Number(row[lng]) };
    } else if (easting >= 0 && northing >= 0 && numberOrNull(row[easting]) !== null && numberOrNull(row[northing]) !== null) {
      position = bngToWgs84(Number(row[easting]), Number(row[northing]));
    }
    if (!position) return void problems.push(`Line ${line}: no coordinates`);
    if (!insideUk(position.lat, position.lng)) return void problems.push(`Line ${line}: coordinates outside the UK`);
    keepCamera({
      id: (id >= 0 && row[id]?.trim()) || `CAM-${line}`,
      name: (name >= 0 && row[name]?.trim()) || '',
      kind: type >= 0 ? cameraKind(row[type] ?? '') : 'fixed',
      lat: position.lat,
      lng: position.lng,
      radiusM: radius >= 0 ? numberOrNull(row[radius]) : null,
      directionDeg: direction >= 0 ? numberOrNull(row[direction]) : null,
      fovDeg: fov >= 0 ? numberOrNull(row[fov]) : null,
    }, `Line ${line}`, cameras, problems);
  });
  return { cameras, problems };
}

/** Cameras from GeoJSON Point features; properties as in the CSV. */
export function camerasFromGeoJson(json: unknown, fileName: string): CameraImport {
  const features = (json as { features?: unknown[] })?.features;
  if (!Array.isArray(features)) throw new CoreError('BAD_INPUT', `${fileName} is not a GeoJSON FeatureCollection.`);
  const cameras: Camera[] = [];
  const problems: string[] = [];
  features.forEach((value, i) => {
    const feature = value as { geometry?: { type?: string; coordinates?: number[] }; properties?: Record<string, unknown> };
    const coordinates = feature.geometry?.type === 'Point' ? feature.geometry.coordinates : undefined;
    if (!coordinates || !Number.isFinite(coordinates[0]) || !Number.isFinite(coordinates[1])) return void problems.push(`Feature ${i + 1}: not a point`);
    const [lng, lat] = coordinates;
    if (!insideUk(lat, lng)) return void problems.push(`Feature ${i + 1}: coordinates outside the UK`);
    const p = feature.properties ?? {};
    const text = (key: string): string => (typeof p[key] === 'string' || typeof p[key] === 'number' ? String(p[key]) : '');
    keepCamera({
      id: text('id') || text('Camera ID') || `CAM-${i + 1}`,
      name: text('name') || text('Name'),
      kind: cameraKind(text('type') || text('Type') || text('kind')),
      lat,
      lng,
      radiusM: numberOrNull(text('radius') || text('radius_m') || text('Radius (m)')),
      directionDeg: numberOrNull(text('direction') || text('direction_deg')),
      fovDeg: numberOrNull(text('fov') || text('fov_deg')),
    }, `Feature ${i + 1}`, cameras, problems);
  });
  return { cameras, problems };
}
