import Papa from 'papaparse';
import { CoreError } from '../errors';
import { bngToWgs84 } from '../geo/bng';
import { chooseField, fieldText } from '../geo/fields';
import { readGeoFeatures, type GeoReadOptions } from '../geo/geoFeatures';
import { insideUk } from '../geo/ukBounds';
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
  /** When it was put up, as the register writes it (for review dates). */
  deployedDate?: string;
}

/** Which column (CSV) or property (GeoJSON) gives each camera detail; null = not in the file. */
export interface CameraFields {
  id: string | null;
  name: string | null;
  type: string | null;
  radius: string | null;
  direction: string | null;
  fov: string | null;
  deployed: string | null;
}

export interface CameraImport {
  cameras: Camera[];
  /** One line per row that could not be read, with its reason. */
  problems: string[];
  rowsRead: number;
  fields: CameraFields;
  /** Columns or properties the user may pick the id or name from instead. */
  columns: string[];
  /** Cameras whose id repeats an earlier one in the file (registers reuse numbers across systems); they get a suffix. */
  repeatedIds: number;
  /** Null when the file reads as a camera register; otherwise why it does not look like one. */
  notCameras: string | null;
  crsNote: string;
}

export interface CameraImportOptions extends GeoReadOptions {
  /** Fields the user chose in the import summary; the rest are picked from common names. */
  fields?: Partial<CameraFields>;
}

/** One row or feature: its label for messages, its text fields, and where it is (or why not). */
interface PointRecord {
  label: string;
  values: Record<string, string>;
  position: { lat: number; lng: number } | string;
}

const numberOrNull = (text: string | undefined): number | null => {
  if (text === undefined || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
};

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

const firstMatching = (columns: readonly string[], ...patterns: RegExp[]): string | null => {
  for (const pattern of patterns) {
    const found = columns.find((c) => pattern.test(c.trim().toLowerCase()));
    if (found !== undefined) return found;
  }
  return null;
};

const CAMERA_WORDS = /cam|cctv/i;

/** Why a file does not read as cameras, or null: a register names cameras in its fields or its type values. */
function notCamerasReason(records: readonly PointRecord[], columns: readonly string[], fields: CameraFields): string | null {
  if (columns.some((c) => CAMERA_WORDS.test(c)) || fields.radius || fields.direction || fields.fov) return null;
  const typeValues = fields.type ? records.slice(0, 1000).map((r) => r.values[fields.type!] ?? '') : [];
  if (typeValues.some((v) => CAMERA_WORDS.test(v) || /fixed|deploy/i.test(v))) return null;
  const notes = records.slice(0, 1000).some((r) => Object.values(r.values).some((v) => /\bcamera|\bcctv/i.test(v)));
  if (notes) return null;
  return `none of its columns (${columns.slice(0, 6).join(', ')}${columns.length > 6 ? '…' : ''}) names a camera, a camera id or a camera type, and no value mentions a camera`;
}

/** Cameras from point records, with the detail fields chosen from common names unless given. */
function camerasFromRecords(records: PointRecord[], columns: string[], options: CameraImportOptions, crsNote: string): CameraImport {
  const values = records.map((r) => r.values);
  const id = options.fields?.id !== undefined ? options.fields.id : chooseField(values, 'id');
  const fields: CameraFields = {
    id,
    name: options.fields?.name !== undefined ? options.fields.name : chooseField(values, 'name', [id]),
    type: options.fields?.type ?? firstMatching(columns, /^(type|kind)$/, /type|kind|category/),
    radius: options.fields?.radius ?? firstMatching(columns, /radius/, /range/),
    direction: options.fields?.direction ?? firstMatching(columns, /direction|bearing|heading/),
    fov: options.fields?.fov ?? firstMatching(columns, /fov|field of view|angle/),
    deployed: options.fields?.deployed ?? firstMatching(columns, /deployed|installed/),
  };
  const cameras: Camera[] = [];
  const problems: string[] = [];
  records.forEach((record, i) => {
    if (typeof record.position === 'string') return void problems.push(`${record.label}: ${record.position}`);
    const get = (field: string | null) => fieldText(record.values, field);
    // Text where a number belongs is kept as NaN so the camera check refuses the row with its reason.
    const measure = (field: string | null) => (get(field) === '' ? null : (numberOrNull(get(field)) ?? NaN));
    keepCamera(
      {
        id: get(fields.id) || `CAM-${i + 1}`,
        name: get(fields.name),
        kind: cameraKind(get(fields.type)),
        lat: record.position.lat,
        lng: record.position.lng,
        radiusM: measure(fields.radius),
        directionDeg: measure(fields.direction),
        fovDeg: measure(fields.fov),
        ...(get(fields.deployed) ? { deployedDate: get(fields.deployed) } : {}),
      },
      record.label,
      cameras,
      problems,
    );
  });
  const unique = addCameras([], cameras);
  const repeatedIds = unique.filter((camera, i) => camera.id !== cameras[i].id).length;
  return { cameras: unique, problems, rowsRead: records.length, fields, columns, repeatedIds, notCameras: notCamerasReason(records, columns, fields), crsNote };
}

const placed = (lat: number, lng: number): PointRecord['position'] => (insideUk(lat, lng) ? { lat, lng } : 'coordinates outside the UK');

/**
 * Cameras from a CSV with latitude/longitude or easting/northing (BNG) columns, plus optional
 * id, name, type, radius (m), direction (degrees) and field of view (degrees).
 */
export function camerasFromCsv(text: string, fileName: string, options: CameraImportOptions = {}): CameraImport {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  if (rows.length < 2) throw new CoreError('EMPTY_FILE', `${fileName} has no camera rows.`);
  const header = rows[0].map((h) => h.trim());
  const lat = firstMatching(header, /^lat(itude)?$/);
  const lng = firstMatching(header, /^(lng|lon|long|longitude)$/);
  const easting = firstMatching(header, /^(easting|x)$/);
  const northing = firstMatching(header, /^(northing|y)$/);
  if ((!lat || !lng) && (!easting || !northing)) {
    throw new CoreError('MISSING_COLUMNS', `${fileName} needs Latitude and Longitude columns, or Easting and Northing.`);
  }
  const coordinateColumns = [lat, lng, easting, northing];
  const columns = header.filter((h, i) => h !== '' && header.indexOf(h) === i && !coordinateColumns.includes(h));
  const records = rows.slice(1).map((row): PointRecord => {
    // No prototype: a column may be called "constructor".
    const values: Record<string, string> = Object.create(null);
    header.forEach((name, i) => (values[name] ??= row[i]?.trim() ?? ''));
    const number = (column: string | null) => (column ? numberOrNull(values[column]) : null);
    const [y, x, e, n] = [number(lat), number(lng), number(easting), number(northing)];
    let position: PointRecord['position'] = 'no coordinates';
    if (y !== null && x !== null) position = placed(y, x);
    else if (e !== null && n !== null) {
      const converted = bngToWgs84(e, n);
      position = placed(converted.lat, converted.lng);
    }
    return { label: '', values, position };
  });
  records.forEach((record, i) => (record.label = `Line ${i + 2}`));
  return camerasFromRecords(records, columns, options, lat && lng ? 'latitude/longitude columns' : 'easting/northing columns (British National Grid)');
}

/** Cameras from GeoJSON Point features (any declared coordinate system, altitudes ignored); properties as in the CSV. */
export function camerasFromGeoJson(json: unknown, fileName: string, options: CameraImportOptions = {}): CameraImport {
  const read = readGeoFeatures(json, fileName, options);
  const records = read.features.map(({ number, properties, geometry }): PointRecord => {
    const values = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '']));
    const position = geometry?.type === 'Point' ? placed(geometry.coordinates[1], geometry.coordinates[0]) : 'not a point';
    return { label: `Feature ${number}`, values, position };
  });
  const columns = [...new Set(records.flatMap((r) => Object.keys(r.values)))];
  return camerasFromRecords(records, columns, options, read.crsNote);
}

/** The current cameras with the new ones after them; a repeated id gets a suffix so every camera stays addressable. */
export function addCameras(current: readonly Camera[], added: readonly Camera[]): Camera[] {
  const ids = new Set(current.map((c) => c.id));
  const unique = (id: string): string => {
    let candidate = id;
    for (let n = 2; ids.has(candidate); n++) candidate = `${id} (${n})`;
    ids.add(candidate);
    return candidate;
  };
  return [...current, ...added.map((camera) => ({ ...camera, id: unique(camera.id) }))];
}
