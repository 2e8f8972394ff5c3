// Huge zone files (one polygon of a million corners, 50,000 small areas) are read without stalling
// the page. A Google My Maps KML zone with `lon,lat,0` positions: the zone counts equal an independent turf
// count of the raw police.uk rows (the bug was a stride-of-two read that counted 14,256 for 149).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
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

/** One wavy polygon of `corners` corners over Brent, written as GeoJSON (about 40 MB for a million). */
function bigPolygonFile(path, corners) {
  const ring = Array.from({ length: corners }, (_, i) => {
    const a = (i / corners) * 2 * Math.PI;
    const r = 0.03 * (1 + 0.05 * Math.sin(a * 400));
    return [Number((-0.27 + 1.6 * r * Math.cos(a)).toFixed(7)), Number((51.555 + r * Math.sin(a)).toFixed(7))];
  });
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Detailed boundary' }, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } }] }));
}

/** 50,000 small squares (an address-level layer), written as GeoJSON. */
function manySmallZonesFile(path, count) {
  const features = Array.from({ length: count }, (_, i) => {
    const [x, y] = [-0.33 + (i % 250) * 0.0006, 51.52 + Math.floor(i / 250) * 0.0004];
    return { type: 'Feature', properties: { UPRN: String(100000 + i) }, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.0003, y], [x + 0.0003, y + 0.0002], [x, y + 0.0002], [x, y]]] } };
  });
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
}

/** Milliseconds the page takes to answer a trivial script: the main thread is free when this is small. */
async function answerMs(page) {
  const started = Date.now();
  await page.evaluate(() => 1);
  return Date.now() - started;
}

/** Huge geometry is read in the geometry worker: the page keeps answering, the summary says what was read. */
async function bigGeometry(page, outDir) {
  await page.locator('summary', { hasText: 'PSPO zones' }).click();
  const big = join(outDir, 'one-million-corners.geojson');
  bigPolygonFile(big, 1_000_000);
  await page.getByLabel('Load zones').setInputFiles(big);
  await page.locator('.reading-geometry').waitFor();
  const during = [];
  while (await page.locator('.reading-geometry').count()) {
    during.push(await answerMs(page));
    await page.waitForTimeout(250);
  }
  assert(during.length > 0 && Math.max(...during) < 1000, `the page answers within a second while the big zone is read (${Math.max(...during)} ms)`);
  let { dialog, text } = await importDialog(page);
  assert(text.includes('1 feature read: 1 zone.'), `the million-corner zone is read (${text})`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const many = join(outDir, 'fifty-thousand-zones.geojson');
  manySmallZonesFile(many, 50_000);
  await page.getByLabel('Load zones').setInputFiles(many);
  ({ dialog, text } = await importDialog(page));
  assert(/50,000 areas is a reference map .* more than the 2,000 zones this app can list, draw and count/.test(text), `thousands of areas are refused as zones with the reason (${text})`);
  assert(await dialog.getByRole('button', { name: 'Keep 50,000 as zones' }).isDisabled(), 'they cannot be kept as zones');
  assert((await answerMs(page)) < 1000, 'the page answers');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.locator('summary', { hasText: 'PSPO zones' }).click();
}

export async function run({ browser, url, outDir }) {
  const { page } = await openApp(browser, url);
  await bigGeometry(page, outDir);
  const skip = missingData(CITY_DIR);
  if (skip) return { skipped: skip };
  const files = readdirSync(CITY_DIR).filter((f) => f.endsWith('.csv')).sort().map((f) => join(CITY_DIR, f));
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
