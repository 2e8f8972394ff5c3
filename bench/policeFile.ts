import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import { zipSync } from 'fflate';
import { once } from 'node:events';
import { join } from 'node:path';
import { mulberry32 } from '../scripts/mulberry32.mjs';

/**
 * Deterministic police.uk-shaped rows over London with the real files' field lengths: SHA-256 hex
 * Crime IDs (none for anti-social behaviour, ~2% repeated with another outcome, a few whole lines
 * repeated), the force named twice, "On or near …" locations (some quoted with a comma), LSOA codes
 * and names such as "Brent 012A", real outcome texts, ~1% of rows without coordinates. Points are
 * 100,000 snapped street points, skewed toward a few as real incidents are; rows run in month order
 * over 171 months from 2010-12, as the Met's downloads do. Written once and reused.
 */
const TYPES = ['Anti-social behaviour', 'Bicycle theft', 'Burglary', 'Criminal damage and arson', 'Drugs', 'Other crime', 'Other theft', 'Possession of weapons', 'Public order', 'Robbery', 'Shoplifting', 'Theft from the person', 'Vehicle crime', 'Violence and sexual offences'];
const OUTCOMES = ['Investigation complete; no suspect identified', 'Unable to prosecute suspect', 'Status update unavailable', 'Under investigation', 'Awaiting court outcome', 'Court result unavailable', 'Local resolution', 'Offender given a caution', 'Further investigation is not in the public interest', 'Action to be taken by another organisation', 'Formal action is not in the public interest', 'Suspect charged as part of another case'];
const BOROUGHS = ['Barking and Dagenham', 'Barnet', 'Bexley', 'Brent', 'Bromley', 'Camden', 'City of London', 'Croydon', 'Ealing', 'Enfield', 'Greenwich', 'Hackney', 'Hammersmith and Fulham', 'Haringey', 'Harrow', 'Havering', 'Hillingdon', 'Hounslow', 'Islington', 'Kensington and Chelsea', 'Kingston upon Thames', 'Lambeth', 'Lewisham', 'Merton', 'Newham', 'Redbridge', 'Richmond upon Thames', 'Southwark', 'Sutton', 'Tower Hamlets', 'Waltham Forest', 'Wandsworth', 'Westminster'];
const STREET_NAMES = ['Chadville', 'Whalebone', 'Hatch', 'Kingsbury', 'Harlesden', 'Willesden', 'Dollis Hill', 'Church', 'Station', 'Park', 'Victoria', 'Albert', 'Queens', 'Kings', 'Manor', 'Mill', 'Grange', 'Elm', 'Oak', 'Cedar', 'Windmill', 'Chapel', 'High', 'London', 'North', 'South', 'West', 'Green', 'Forest', 'Meadow'];
const STREET_KINDS = ['Road', 'Street', 'Gardens', 'Close', 'Lane', 'Avenue', 'Way', 'Crescent', 'Grove', 'Lane South'];
const PLACES = ['Supermarket', 'Petrol Station', 'Parking Area', 'Nightclub', 'Shopping Area', 'Park/Open Space', 'Sports/Recreation Area', 'Further/Higher Educational Building', 'Police Station', 'Hospital'];
export const POLICE_HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
export const MONTH_COUNT = 171;
const FORCE = 'Metropolitan Police Service';

const monthText = (m: number): string => {
  const index = 2010 * 12 + 11 + m;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** Writes `rows` rows to `path`, and with `monthlyDir` the same rows as one file per month there. */
export async function ensurePoliceFile(path: string, rows: number, monthlyDir?: string): Promise<number> {
  if (existsSync(path) && (!monthlyDir || existsSync(join(monthlyDir, 'complete')))) return statSync(path).size;
  const random = mulberry32(20250101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const hex = (): string => Array.from({ length: 8 }, () => Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0')).join('');
  const points = Array.from({ length: 100_000 }, () => {
    const borough = pick(BOROUGHS);
    const place = random() < 0.15 ? pick(PLACES) : `${pick(STREET_NAMES)}${random() < 0.5 ? ` ${pick(STREET_NAMES)}` : ''} ${pick(STREET_KINDS)}`;
    return {
      lng: (-0.51 + random() * 0.84).toFixed(6),
      lat: (51.28 + random() * 0.41).toFixed(6),
      location: random() < 0.01 ? `"On or near ${place}, ${borough}"` : `On or near ${place}`,
      lsoa: `E0100${String(Math.floor(random() * 10_000)).padStart(4, '0')},${borough} ${String(1 + Math.floor(random() * 40)).padStart(3, '0')}${'ABCDE'[Math.floor(random() * 5)]}`,
    };
  });
  const whole = createWriteStream(`${path}.part`);
  whole.write(`${POLICE_HEADER}\n`);
  if (monthlyDir) mkdirSync(monthlyDir, { recursive: true });
  let monthly: WriteStream | null = null;
  let month = -1;
  let buffer = '';
  let previousId = '';
  let previousLine = '';
  const flush = async () => {
    if (!whole.write(buffer)) await once(whole, 'drain');
    if (monthly && !monthly.write(buffer)) await once(monthly, 'drain');
    buffer = '';
  };
  for (let i = 0; i < rows; i++) {
    const rowMonth = Math.floor((i * MONTH_COUNT) / rows);
    if (rowMonth !== month) {
      await flush();
      month = rowMonth;
      if (monthlyDir) {
        monthly?.end();
        monthly = createWriteStream(join(monthlyDir, `${monthText(month)}-metropolitan-street.csv`));
        monthly.write(`${POLICE_HEADER}\n`);
      }
    }
    const roll = random();
    let line: string;
    if (roll < 0.001 && previousId) line = previousLine;
    else {
      // Skewed toward a few points, as real incidents are.
      const p = points[Math.floor(random() ** 2.5 * points.length)];
      const type = random() < 0.22 ? 0 : 1 + Math.floor(random() * 13);
      const id = type === 0 ? '' : roll < 0.02 && previousId ? previousId : hex();
      const outcome = type === 0 ? '' : pick(OUTCOMES);
      line = random() < 0.01
        ? `${id},${monthText(month)},${FORCE},${FORCE},,,No Location,,,${TYPES[type]},${outcome},\n`
        : `${id},${monthText(month)},${FORCE},${FORCE},${p.lng},${p.lat},${p.location},${p.lsoa},${TYPES[type]},${outcome},\n`;
      if (id) {
        previousId = id;
        previousLine = line;
      }
    }
    buffer += line;
    if (buffer.length > 1 << 20) await flush();
  }
  await flush();
  await Promise.all([whole, monthly].map((stream) => stream && new Promise((resolve) => stream.end(resolve))));
  renameSync(`${path}.part`, path);
  if (monthlyDir) createWriteStream(join(monthlyDir, 'complete')).end();
  return statSync(path).size;
}

/** The monthly files as one ZIP with a folder a month, as police.uk's downloads hold them; written once and reused. */
export function ensureMonthlyZip(monthlyDir: string, zipPath: string): number {
  if (!existsSync(zipPath)) {
    const months = readdirSync(monthlyDir).filter((name) => name.endsWith('.csv')).sort();
    writeFileSync(`${zipPath}.part`, zipSync(Object.fromEntries(months.map((name) => [`${name.slice(0, 7)}/${name}`, readFileSync(join(monthlyDir, name))]))));
    renameSync(`${zipPath}.part`, zipPath);
  }
  return statSync(zipPath).size;
}
