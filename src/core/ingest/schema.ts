/**
 * Schema detection: police.uk street-level files are recognised by their header and load with no
 * questions; pre-aggregated H3 tables by an `h3` and a `count` column; anything else needs a
 * column mapping, which we pre-fill with guesses from the header names.
 */
export const POLICE_UK_HEADER = [
  'Crime ID', 'Month', 'Reported by', 'Falls within', 'Longitude', 'Latitude', 'Location',
  'LSOA code', 'LSOA name', 'Crime type', 'Last outcome category', 'Context',
] as const;

export type CoordinateSystem = 'wgs84' | 'bng';

/** Which header column plays which role. Column names, so a mapping reads well when remembered. */
export interface ColumnMapping {
  coordinates: CoordinateSystem;
  /** Latitude / longitude columns (wgs84) or northing / easting columns (bng). */
  y: string;
  x: string;
  date: string;
  /** A separate time-of-day column, when the date column holds only dates. */
  time?: string;
  category?: string;
  reference?: string;
  location?: string;
  /** A person or household key (complainant, household or property reference), for the Community Trigger radar. */
  key?: string;
}

export interface H3Columns {
  h3: number;
  count: number;
  month: number;
  category: number;
}

export type DetectedSchema =
  | { kind: 'police.uk' }
  | { kind: 'h3'; columns: H3Columns }
  | { kind: 'mapped'; guess: Partial<ColumnMapping> };

const normalise = (name: string): string => name.trim().toLowerCase().replace(/[\s_\-().]+/g, ' ').trim();

function findColumn(header: readonly string[], patterns: readonly RegExp[]): number {
  const names = header.map(normalise);
  for (const pattern of patterns) {
    const index = names.findIndex((name) => pattern.test(name));
    if (index >= 0) return index;
  }
  return -1;
}

const GUESSES = {
  lat: [/^lat(itude)?$/, /\blat(itude)?\b/],
  lng: [/^(lng|lon|long|longitude)$/, /\b(lng|lon|longitude)\b/],
  easting: [/^(easting|x|x coordinate|east)$/, /\beasting\b/],
  northing: [/^(northing|y|y coordinate|north)$/, /\bnorthing\b/],
  date: [/^(date|datetime|date time)$/, /date received|received date|reported date|date reported|date opened|created/, /\bdate\b/, /^(received|reported|opened|logged|created)( on| at)?$/, /\bmonth\b/, /\btime\b/],
  time: [/^(time|time received|received time)$/],
  category: [/^(category|type|crime type|complaint type|incident type|problem type)$/, /categor|type|class/],
  reference: [/^(reference|ref|id|case ref|case reference|case id)$/, /\bref|\bid$/],
  location: [/^(location|address|street|place)$/, /\b(location|address|street) name$/, /location|address|street/],
  key: [/^(household|household (ref|reference|id|key)|person (ref|reference|id|key)|complainant( (ref|reference|id))?|uprn|victim (ref|id))$/, /\b(household|complainant|uprn)\b/],
} as const;

const H3_NAMES = [/^(h3|h3 index|h3 cell|cell|hex|hex id|h3index)$/];
const COUNT_NAMES = [/^(count|n|cnt|incidents|total|num|crimes)$/];

/** police.uk's outcomes file, published each month beside the street-level one. */
const POLICE_UK_OUTCOMES_HEADER = ['Crime ID', 'Month', 'Reported by', 'Falls within', 'Longitude', 'Latitude', 'Location', 'LSOA code', 'LSOA name', 'Outcome type'] as const;
/** police.uk's stop-and-search file starts with these columns; the rest describe the search and the person searched. */
const POLICE_UK_STOP_AND_SEARCH_START = ['Type', 'Date', 'Part of a policing operation', 'Policing operation', 'Latitude', 'Longitude'] as const;

function startsWith(header: readonly string[], names: readonly string[]): boolean {
  return header.length >= names.length && names.every((name, i) => header[i].trim() === name);
}

function isPoliceUk(header: readonly string[]): boolean {
  return header.length === POLICE_UK_HEADER.length && startsWith(header, POLICE_UK_HEADER);
}

/**
 * Why a police.uk file that is not street-level crime holds no incidents, told by its header (null
 * for any other header). A download of a force's months unpacks to all three kinds side by side,
 * and either of the others would otherwise go to the column mapping and be counted as incidents.
 */
export function notIncidentsReason(header: readonly string[]): string | null {
  if (header.length === POLICE_UK_OUTCOMES_HEADER.length && startsWith(header, POLICE_UK_OUTCOMES_HEADER)) {
    return 'is a police.uk outcomes file: its rows are outcomes of crimes already in the street-level files (a crime can have several, in later months), so counting them would count those crimes again. Load the -street.csv files for crime and anti-social behaviour.';
  }
  if (startsWith(header, POLICE_UK_STOP_AND_SEARCH_START)) {
    return 'is a police.uk stop-and-search file: its rows are searches made by officers, not crimes or anti-social behaviour reported, so they are not counted as incidents. Load the -street.csv files for crime and anti-social behaviour.';
  }
  return null;
}

export function detectSchema(header: readonly string[]): DetectedSchema {
  if (isPoliceUk(header)) return { kind: 'police.uk' };
  const h3 = findColumn(header, H3_NAMES);
  const count = findColumn(header, COUNT_NAMES);
  if (h3 >= 0 && count >= 0) {
    return {
      kind: 'h3',
      columns: { h3, count, month: findColumn(header, [/^(month|period|date)$/]), category: findColumn(header, [/^(category|crime type|type)$/]) },
    };
  }
  return { kind: 'mapped', guess: guessMapping(header) };
}

export function guessMapping(header: readonly string[]): Partial<ColumnMapping> {
  const name = (patterns: readonly RegExp[]): string | undefined => {
    const index = findColumn(header, patterns);
    return index >= 0 ? header[index] : undefined;
  };
  const lat = name(GUESSES.lat);
  const lng = name(GUESSES.lng);
  const easting = name(GUESSES.easting);
  const northing = name(GUESSES.northing);
  const useBng = !(lat && lng) && Boolean(easting && northing);
  const date = name(GUESSES.date);
  const time = name(GUESSES.time);
  const reference = name(GUESSES.reference);
  const key = name(GUESSES.key);
  return {
    coordinates: useBng ? 'bng' : 'wgs84',
    y: useBng ? northing : lat,
    x: useBng ? easting : lng,
    date,
    time: time !== date ? time : undefined,
    category: name(GUESSES.category),
    // "Household ref" names a household, not the case.
    reference: reference !== key ? reference : undefined,
    location: name(GUESSES.location),
    key,
  };
}

/** A mapping is complete when coordinates and a date are named and exist in the header. */
export function missingMappingFields(mapping: Partial<ColumnMapping>, header: readonly string[]): string[] {
  const missing: string[] = [];
  const has = (column: string | undefined): boolean => column !== undefined && header.includes(column);
  if (!has(mapping.y)) missing.push(mapping.coordinates === 'bng' ? 'northing' : 'latitude');
  if (!has(mapping.x)) missing.push(mapping.coordinates === 'bng' ? 'easting' : 'longitude');
  if (!has(mapping.date)) missing.push('date');
  for (const optional of ['time', 'category', 'reference', 'location', 'key'] as const) {
    if (mapping[optional] !== undefined && !has(mapping[optional])) missing.push(optional);
  }
  return missing;
}

/** Identifies a header layout, so a mapping chosen once is offered again for the next month's file. */
export function headerSignature(header: readonly string[]): string {
  return header.map(normalise).join('|');
}
