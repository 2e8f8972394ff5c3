import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

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
