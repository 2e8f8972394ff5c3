import { CoreError } from '../errors';

/**
 * Which reader a geometry file goes to, decided in one place for zones, boundaries, cameras and
 * buildings: by its first bytes, since names lie (a `.json` holding KML, a zip renamed), with the
 * name only to tell a KMZ from a zipped Shapefile.
 */
export type GeometryFormat = 'geojson' | 'shapefile-zip' | 'kmz' | 'kml' | 'csv';

export type GeometryPurpose = 'zones' | 'boundaries' | 'cameras' | 'buildings';

const ACCEPTED: Readonly<Record<GeometryPurpose, readonly GeometryFormat[]>> = {
  zones: ['geojson', 'shapefile-zip', 'kml', 'kmz'],
  boundaries: ['geojson', 'shapefile-zip'],
  cameras: ['csv', 'geojson'],
  buildings: ['geojson', 'shapefile-zip'],
};

const FORMAT_WORDS: Readonly<Record<GeometryFormat, string>> = {
  geojson: 'GeoJSON',
  'shapefile-zip': 'a zipped Shapefile',
  kmz: 'KMZ',
  kml: 'KML',
  csv: 'CSV',
};

/** The bytes a reader needs to see to tell the formats apart. */
export const FORMAT_HEAD_BYTES = 1024;

export function geometryFormat(name: string, head: Uint8Array): GeometryFormat {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return /\.kmz$/i.test(name) ? 'kmz' : 'shapefile-zip';
  // The first character that is not a byte-order mark or white space.
  const text = new TextDecoder().decode(head.subarray(0, FORMAT_HEAD_BYTES)).replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{') || text.startsWith('[')) return 'geojson';
  if (text.startsWith('<')) return 'kml';
  return 'csv';
}

/** The format of a file for a purpose, or a refusal that says what was found and what that purpose reads. */
export function formatFor(purpose: GeometryPurpose, name: string, head: Uint8Array): GeometryFormat {
  const format = geometryFormat(name, head);
  const accepted = ACCEPTED[purpose];
  if (accepted.includes(format)) return format;
  const list = accepted.map((f) => FORMAT_WORDS[f]);
  throw new CoreError('BAD_INPUT', `${name} looks like ${FORMAT_WORDS[format]}; ${purpose} load from ${list.slice(0, -1).join(', ')} or ${list.at(-1)}.`);
}
