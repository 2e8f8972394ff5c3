import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

/** The real police.uk extracts beside the project (../shared/data); tests skip with a message when absent. */
export const SHARED_DATA = join(__dirname, '..', '..', '..', 'shared', 'data');
export const CITY_DIR = join(SHARED_DATA, 'police-uk', 'city-of-london-2023H1');
export const MET_DIR = join(SHARED_DATA, 'police-uk', 'met-burglary-2022-2023');
export const BOROUGHS = join(SHARED_DATA, 'boundaries', 'london_boroughs_wgs84.geojson');

export const hasRealData = existsSync(CITY_DIR) && existsSync(MET_DIR);
export const SKIP_MESSAGE = `real police.uk extracts not found at ${SHARED_DATA}: skipping`;

export function csvFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.csv')).sort().map((name) => join(dir, name));
}

/**
 * The Brent rows of each Met burglary file, read without the app's code (papaparse): all of them,
 * and those that count as incidents (with coordinates; a line repeating an earlier one with the
 * same Crime ID dropped).
 */
export function brentMetRows(): { path: string; header: string[]; brent: string[][]; counted: string[][] }[] {
  return csvFiles(MET_DIR).map((path) => {
    const [header, ...rows] = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true }).data;
    const brent = rows.filter((r) => r[8].startsWith('Brent '));
    const seen = new Set<string>();
    const counted = brent.filter((row) => {
      if (row[4] === '' || row[5] === '') return false;
      if (row[0] === '') return true;
      const key = row.join('\u0001');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { path, header, brent, counted };
  });
}
