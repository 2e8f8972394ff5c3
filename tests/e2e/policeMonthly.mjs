// Monthly police.uk street-level files as police.uk serves them (one file per force per month,
// `2023-01-metropolitan-street.csv`), generated at test time: the real header, Met-like rows with
// SHA-256 hex Crime IDs, anti-social behaviour without an ID, quoted locations with commas, and some rows
// without coordinates (empty LSOA too), as in the real downloads.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../scripts/mulberry32.mjs';

export const POLICE_HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const FORCE = 'Metropolitan Police Service';
const STREETS = ['High Street', 'Station Road', 'Romford Road', 'The Broadway', 'Church Street', 'Park/Open Space', 'Shopping Area', 'Supermarket', 'Petrol Station', 'Nightclub'];
const OUTCOMES = ['Investigation complete; no suspect identified', 'Unable to prosecute suspect', 'Under investigation', 'Local resolution'];

const pad = (n) => String(n).padStart(2, '0');

/**
 * Writes `months` monthly files from `startYear`-01 into `dir`, each with `rowsPerFile` rows around
 * (`centreLng`, `centreLat`). Returns the paths, and the counts a reader should arrive at:
 * rows with coordinates, rows without, and per category.
 */
export function writeMonthlyFiles(dir, { months, rowsPerFile, startYear = 2023, centreLng = 0.0, centreLat = 51.54, categories = ['Anti-social behaviour', 'Burglary', 'Violence and sexual offences', 'Vehicle crime'], seed = 7 }) {
  mkdirSync(dir, { recursive: true });
  const next = mulberry32(seed);
  const paths = [];
  const expected = { withCoordinates: 0, withoutCoordinates: 0, byCategory: {}, rejectedByFile: {} };
  let id = 0;
  for (let m = 0; m < months; m++) {
    const month = `${startYear + Math.floor(m / 12)}-${pad((m % 12) + 1)}`;
    const name = `${month}-metropolitan-street.csv`;
    const lines = [POLICE_HEADER];
    let rejected = 0;
    for (let r = 0; r < rowsPerFile; r++) {
      const category = categories[Math.floor(next() * categories.length)];
      const crimeId = category === 'Anti-social behaviour' ? '' : createHash('sha256').update(`crime-${seed}-${id++}`).digest('hex');
      const noCoordinates = next() < 0.03;
      // police.uk snaps incidents to map points: a grid of ~600 points about 3 km across.
      const lng = (centreLng + (Math.floor(next() * 25) - 12) * 0.0018).toFixed(6);
      const lat = (centreLat + (Math.floor(next() * 25) - 12) * 0.0011).toFixed(6);
      const street = STREETS[Math.floor(next() * STREETS.length)];
      const location = next() < 0.1 ? `"On or near ${street}, East"` : `On or near ${street}`;
      const outcome = category === 'Anti-social behaviour' ? '' : OUTCOMES[Math.floor(next() * OUTCOMES.length)];
      if (noCoordinates) {
        lines.push([crimeId, month, FORCE, FORCE, '', '', 'No Location', '', '', category, outcome, ''].join(','));
        rejected++;
        expected.withoutCoordinates++;
      } else {
        lines.push([crimeId, month, FORCE, FORCE, lng, lat, location, 'E01003500', 'Newham 010A', category, outcome, ''].join(','));
        expected.withCoordinates++;
        expected.byCategory[category] = (expected.byCategory[category] ?? 0) + 1;
      }
    }
    expected.rejectedByFile[name] = rejected;
    const path = join(dir, name);
    writeFileSync(path, lines.join('\n') + '\n');
    paths.push(path);
  }
  return { paths, expected };
}

const OUTCOMES_HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type';
const STOP_AND_SEARCH_HEADER = 'Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing';

/**
 * The two files police.uk publishes beside each month's street-level file, as a force's download
 * unpacks: `2023-01-metropolitan-outcomes.csv` (outcomes of crimes, several per crime, some of
 * crimes from earlier months) and `2023-01-metropolitan-stop-and-search.csv` (searches, timestamped).
 * Both carry coordinates and a month or date, so a column mapping would count their rows as incidents.
 */
export function writeOtherPoliceFiles(dir, { months, rowsPerFile, startYear = 2023, centreLng = 0.0, centreLat = 51.54, seed = 11 }) {
  mkdirSync(dir, { recursive: true });
  const next = mulberry32(seed);
  const paths = [];
  for (let m = 0; m < months; m++) {
    const month = `${startYear + Math.floor(m / 12)}-${pad((m % 12) + 1)}`;
    const point = () => [(centreLng + (Math.floor(next() * 25) - 12) * 0.0018).toFixed(6), (centreLat + (Math.floor(next() * 25) - 12) * 0.0011).toFixed(6)];
    const outcomes = [OUTCOMES_HEADER];
    const searches = [STOP_AND_SEARCH_HEADER];
    for (let r = 0; r < rowsPerFile; r++) {
      const crimeId = createHash('sha256').update(`crime-${seed}-${Math.floor(r / 2)}`).digest('hex');
      const [lng, lat] = point();
      outcomes.push([crimeId, month, FORCE, FORCE, lng, lat, `On or near ${STREETS[Math.floor(next() * STREETS.length)]}`, 'E01003500', 'Newham 010A', OUTCOMES[Math.floor(next() * OUTCOMES.length)]].join(','));
      const [sLng, sLat] = point();
      searches.push(['Person search', `${month}-${pad(1 + Math.floor(next() * 28))}T${pad(Math.floor(next() * 24))}:15:00+00:00`, 'False', '', sLat, sLng, 'Male', '18-24', '', '', 'Misuse of Drugs Act 1971 (section 23)', 'Controlled drugs', 'A no further action disposal', 'False', 'False'].join(','));
    }
    for (const [kind, lines] of [['outcomes', outcomes], ['stop-and-search', searches]]) {
      const path = join(dir, `${month}-metropolitan-${kind}.csv`);
      writeFileSync(path, lines.join('\n') + '\n');
      paths.push(path);
    }
  }
  return paths;
}
