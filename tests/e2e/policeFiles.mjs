// Generated police.uk street-level files, written at test time (nothing large is committed).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const POLICE_HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const CATEGORIES = ['Anti-social behaviour', 'Burglary', 'Criminal damage and arson', 'Shoplifting', 'Vehicle crime'];

/** One row as police.uk writes it; `i` picks a place and a category deterministically. */
export function policeRow(month, i, category = CATEGORIES[i % CATEGORIES.length]) {
  const lng = (-0.30 + ((i * 7919) % 500) / 10_000).toFixed(6);
  const lat = (51.54 + ((i * 104_729) % 400) / 10_000).toFixed(6);
  const id = category === 'Anti-social behaviour' ? '' : `${month.replace('-', '')}${String(i).padStart(8, '0')}abcdef`;
  return [id, month, 'Metropolitan Police Service', 'Metropolitan Police Service', lng, lat, `On or near Street ${i % 97}`, 'E01000001', 'Brent 001A', category, category === 'Anti-social behaviour' ? '' : 'Under investigation', ''].join(',');
}

export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** `count` monthly files from `firstYear`-01, `rows` rows each, named as police.uk names them. */
export function writeMonthlyFiles(dir, { count, rows, firstYear = 2022 }) {
  return Array.from({ length: count }, (_, m) => {
    const month = `${firstYear + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    const lines = [POLICE_HEADER, ...Array.from({ length: rows + m }, (_, i) => policeRow(month, i))];
    const path = join(dir, `${month}-metropolitan-street.csv`);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  });
}
