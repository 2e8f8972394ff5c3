// Counts by area: six all-London burglary months counted per borough on the map, the legend and
// the exported table checked against a per-polygon count of the raw rows made here with turf;
// then the boroughs as labelled reference outlines, and Brent as the study area leaving every
// other borough out of the table; then a borough picked by clicking the map.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area as turfArea } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import { assert, assertEqual, download, openOnFilesAlone, parseCsv, sharedData, waitForMapIdle } from '../harness.mjs';

const POLICE_DIR = join(sharedData, 'police-uk', 'met-burglary-2022-2023');
const BOROUGHS = join(sharedData, 'boundaries', 'london_boroughs_wgs84.geojson');
const MONTHS = ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06'];

/** Raw rows with coordinates; a line repeated with the same Crime ID in a file counts once. */
function rawPoints(files) {
  const points = [];
  for (const file of files) {
    const [header, ...lines] = parseCsv(readFileSync(file, 'utf8'));
    const seen = new Set();
    for (const fields of lines) {
      if (fields.length !== header.length || fields[4] === '' || fields[5] === '') continue;
      if (fields[0]) {
        const key = fields.join('\u0000');
        if (seen.has(key)) continue;
        seen.add(key);
      }
      points.push([Number(fields[4]), Number(fields[5])]);
    }
  }
  return points;
}

export async function run({ browser, url, outDir }) {
  const files = MONTHS.map((m) => join(POLICE_DIR, `${m}-metropolitan-street.csv`));
  if (!files.every(existsSync) || !existsSync(BOROUGHS)) return { skipped: `real data not found under ${sharedData}` };
  const boroughs = JSON.parse(readFileSync(BOROUGHS, 'utf8')).features.sort((a, b) => a.properties.NAME.localeCompare(b.properties.NAME));
  const expected = new Map(boroughs.map((f) => [f.properties.NAME, 0]));
  const memo = new Map();
  for (const [lng, lat] of rawPoints(files)) {
    const key = `${lng},${lat}`;
    if (!memo.has(key)) memo.set(key, boroughs.find((f) => booleanPointInPolygon(point([lng, lat]), f))?.properties.NAME ?? null);
    const name = memo.get(key);
    if (name) expected.set(name, expected.get(name) + 1);
  }

  const { page } = await openOnFilesAlone(browser, url, files, { category: 'Burglary', boundaries: BOROUGHS, timeout: 120_000 });
  await page.getByText('Show outlines: london_boroughs_wgs84.geojson (33)').waitFor();

  await page.getByLabel('Hotspot method').selectOption('areas');
  await page.getByLabel('Count by').selectOption('london_boroughs_wgs84.geojson');
  const table = page.getByRole('region', { name: 'Counts by area' });
  await table.waitFor();
  const legend = await page.locator('.legend').innerText();
  assert(/counts by area \(london_boroughs_wgs84\.geojson\)/.test(legend) && /incidents per area, 33 areas/.test(legend), `legend names the layer (${legend})`);
  await waitForMapIdle(page);
  await page.screenshot({ path: join(outDir, 'counts-by-borough.png') });

  const csv = parseCsv((await download(page, () => page.getByRole('button', { name: 'Export counts by area CSV' }).click())).bytes.toString('utf8'));
  assertEqual(csv[0], ['area', 'layer', 'count', 'harm', 'area_ha', 'count_per_ha', 'harm_per_ha', 'study_area'], 'CSV header');
  const got = new Map(csv.slice(1).map((r) => [r[0], r]));
  assertEqual(got.size, 33, '33 boroughs');
  for (const f of boroughs) {
    const row = got.get(f.properties.NAME);
    assertEqual(Number(row[2]), expected.get(f.properties.NAME), `${f.properties.NAME}: count equals the independent point-in-polygon count`);
    const hectares = turfArea(f) / 10_000;
    assert(Math.abs(Number(row[4]) - hectares) < 0.01 * hectares, `${f.properties.NAME}: area ${row[4]} ha`);
    assert(Math.abs(Number(row[5]) - Number(row[2]) / Number(row[4])) < 1e-3, `${f.properties.NAME}: rate per hectare`);
  }

  // Per hectare on the legend; then Brent as the study area: the other boroughs count nothing.
  await page.getByLabel('Per hectare').check();
  await page.locator('.legend', { hasText: 'incidents per hectare' }).waitFor();
  await page.getByLabel('Study area', { exact: true }).selectOption({ label: 'Brent' });
  await page.locator('.legend', { hasText: 'Study area: Brent' }).waitFor();
  await page.waitForFunction(() => /^[\d,]+ incidents in 1 area of/.test(document.querySelector('.area-counts p')?.textContent ?? ''));
  const scoped = parseCsv((await download(page, () => page.getByRole('button', { name: 'Export counts by area CSV' }).click())).bytes.toString('utf8'));
  assertEqual(scoped.slice(1).map((r) => [r[0], Number(r[2])]), [['Brent', expected.get('Brent')]], 'only Brent is listed within the Brent study area, with all its incidents');
  assert(scoped.slice(1).every((r) => r[7] === 'Brent'), 'every row names the study area');
  await waitForMapIdle(page);
  await page.screenshot({ path: join(outDir, 'counts-by-borough-brent.png') });

  // Picking the study area on the map: the borough under a click at the map's centre.
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await waitForMapIdle(page);
  await page.waitForTimeout(600);
  const [, lat, lng] = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('map').split('/').map(Number);
  const under = boroughs.find((f) => booleanPointInPolygon(point([lng, lat]), f)).properties.NAME;
  await page.getByLabel('Study area', { exact: true }).selectOption({ label: 'Everywhere in the loaded data' });
  await page.getByRole('button', { name: 'Pick on the map' }).click();
  const box = await page.getByTestId('map').boundingBox();
  // Notices stack up over the map's lower right; cleared so the click reaches the map.
  while ((await page.locator('.notice').count()) > 0) await page.locator('.notice').first().getByRole('button', { name: 'Dismiss' }).click();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.locator('.legend', { hasText: `Study area: ${under}` }).waitFor();
}
