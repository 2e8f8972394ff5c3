// A Google My Maps KML zone with `lon,lat,0` positions: the zone counts equal an independent turf
// count of the raw police.uk rows (the bug was a stride-of-two read that counted 14,256 for 149).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import { assert, assertEqual, loadFiles, openApp, parseCsv, waitForMapIdle, waitForSources } from '../harness.mjs';
import { CITY_DIR, importDialog, missingData, removeSample, showAllCategories, zoneCounts } from '../geometryFiles.mjs';

const ZONES = [
  { name: 'Bank junction', ring: [[-0.0935, 51.5115], [-0.0855, 51.5115], [-0.0855, 51.5155], [-0.0935, 51.5155], [-0.0935, 51.5115]] },
  { name: 'Barbican & Smithfield', ring: [[-0.1040, 51.5165], [-0.0920, 51.5165], [-0.0900, 51.5215], [-0.1040, 51.5215], [-0.1040, 51.5165]] },
];

/** As My Maps writes it: altitude 0 on every position, one per line. */
const kml = () => `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>City PSPO draft</name>
${ZONES.map((z) => `<Placemark><name>${z.name.replace('&', '&amp;')}</name><styleUrl>#poly-000000</styleUrl><Polygon><outerBoundaryIs><LinearRing><tessellate>1</tessellate><coordinates>
${z.ring.map(([lng, lat]) => `            ${lng},${lat},0`).join('\n')}
          </coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`).join('\n')}
</Document></kml>`;

/** Rows with coordinates inside each zone, read straight from the files; an exact repeat of a line with a Crime ID counts once. */
function independentCounts(files) {
  const counts = Object.fromEntries(ZONES.map((z) => [z.name, 0]));
  for (const file of files) {
    const seen = new Set();
    for (const row of parseCsv(readFileSync(file, 'utf8')).slice(1)) {
      if (row.length !== 12 || row[4] === '' || row[5] === '') continue;
      if (row[0] !== '') {
        if (seen.has(row.join('\u0001'))) continue;
        seen.add(row.join('\u0001'));
      }
      for (const zone of ZONES) if (booleanPointInPolygon([Number(row[4]), Number(row[5])], { type: 'Polygon', coordinates: [zone.ring] })) counts[zone.name]++;
    }
  }
  return counts;
}

export async function run({ browser, url, outDir }) {
  const skip = missingData(CITY_DIR);
  if (skip) return { skipped: skip };
  const files = readdirSync(CITY_DIR).filter((f) => f.endsWith('.csv')).sort().map((f) => join(CITY_DIR, f));
  const { page } = await openApp(browser, url);
  await removeSample(page);
  await loadFiles(page, files);
  await waitForSources(page, files.length, 120_000);
  await showAllCategories(page);
  await waitForMapIdle(page);

  const path = join(outDir, 'city-pspo-my-maps.kml');
  writeFileSync(path, kml());
  await page.locator('summary', { hasText: 'PSPO zones' }).click();
  await page.getByLabel('Load zones').setInputFiles(path);
  const { dialog, text } = await importDialog(page);
  assert(/2 features read: 2 zones\. Coordinates: longitude\/latitude \(WGS84\)/.test(text), `summary says what was read (${text})`);
  assertEqual(await dialog.getByLabel('Zone names from').inputValue(), 'name', 'names from the KML name');
  await page.screenshot({ path: join(outDir, 'geometry-kml-dialog.png') });
  await dialog.getByRole('button', { name: 'Add 2 zones' }).click();
  await page.waitForFunction((names) => names.every((n) => [...document.querySelectorAll('.zone-table td')].some((td) => td.textContent.startsWith(n))), ZONES.map((z) => z.name));

  const expected = independentCounts(files);
  // The table follows the filter asynchronously: wait for it to settle on the expected numbers, then assert.
  await page.waitForFunction((want) => Object.entries(want).every(([name, n]) => [...document.querySelectorAll('.zone-table tbody tr')].some((row) => row.cells[0].textContent.startsWith(name) && Number(row.cells[1].textContent.replace(/,/g, '')) === n)), expected, { timeout: 20_000 }).catch(() => {});
  const shown = await zoneCounts(page);
  for (const zone of ZONES) assertEqual(shown[zone.name].incidents, expected[zone.name], `${zone.name}: incidents equal the independent turf count`);
  assert(expected[ZONES[0].name] > 50, `the zone holds real incidents (${expected[ZONES[0].name]})`);
  await page.screenshot({ path: join(outDir, 'geometry-kml-zones.png') });
}
