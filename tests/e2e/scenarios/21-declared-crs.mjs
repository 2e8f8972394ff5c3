// A GeoJSON declaring EPSG:27700 (the boroughs in British National Grid) loads as zones drawn in
// London with areas within 1 % of the file's own HECTARES; the same numbers without a `crs` are
// offered as British National Grid; numbers that fit no known system are refused with the reason;
// the file also serves as a study area for Gi*.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, assertEqual, download, openApp, waitForMapIdle } from '../harness.mjs';
import { boroughsInBng } from '../bngBoroughs.mjs';
import { BOROUGHS, importDialog, missingData, zoneCounts } from '../geometryFiles.mjs';

const LONDON = { minLng: -0.52, maxLng: 0.34, minLat: 51.28, maxLat: 51.7 };

export async function run({ browser, url, outDir }) {
  const skip = missingData(BOROUGHS);
  if (skip) return { skipped: skip };
  const declared = boroughsInBng(BOROUGHS);
  const declaredPath = join(outDir, 'london_boroughs_bng.geojson');
  writeFileSync(declaredPath, JSON.stringify(declared));
  const { page } = await openApp(browser, url);
  await page.locator('summary', { hasText: 'PSPO zones' }).click();

  // Declared: reprojected, named from NAME, areas as the file says.
  await page.getByLabel('Load zones').setInputFiles(declaredPath);
  let { dialog, text } = await importDialog(page);
  assert(text.includes('33 features read: 33 zones. Coordinates: British National Grid (EPSG:27700), as the file declares (urn:ogc:def:crs:EPSG::27700).'), `summary names the declared system (${text})`);
  assertEqual(await dialog.getByLabel('Zone names from').inputValue(), 'NAME', 'names from NAME');
  await page.screenshot({ path: join(outDir, 'geometry-bng-dialog.png') });
  await dialog.getByRole('button', { name: 'Add 33 zones' }).click();
  // The boroughs replace the synthetic sample; Undo brings it (its incidents and zones) back beside them.
  await page.locator('.notice', { hasText: 'replaces the synthetic sample' }).getByRole('button', { name: 'Undo' }).click();
  await page.locator('.zone-table tbody tr').nth(35).waitFor();
  const shown = await zoneCounts(page);
  for (const feature of declared.features) {
    const { NAME, HECTARES } = feature.properties;
    assert(shown[NAME], `${NAME} listed`);
    assert(Math.abs(shown[NAME].areaHa / HECTARES - 1) < 0.01, `${NAME}: ${shown[NAME].areaHa} ha within 1 % of the file's ${HECTARES} ha`);
  }
  await waitForMapIdle(page);
  await page.screenshot({ path: join(outDir, 'geometry-bng-zones.png') });
  const exported = JSON.parse((await download(page, () => page.getByRole('button', { name: 'Export zones GeoJSON' }).click())).bytes.toString('utf8'));
  const boroughs = exported.features.filter((f) => declared.features.some((d) => d.properties.NAME === f.properties.name));
  assertEqual(boroughs.length, 33, 'the 33 boroughs exported');
  const positions = boroughs.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2));
  assert(positions.every(([lng, lat]) => lng > LONDON.minLng && lng < LONDON.maxLng && lat > LONDON.minLat && lat < LONDON.maxLat), 'every corner lies in London');

  // Undeclared grid numbers: the app says what they look like and reads them so only when asked.
  const undeclaredPath = join(outDir, 'three_boroughs_no_crs.geojson');
  writeFileSync(undeclaredPath, JSON.stringify({ type: 'FeatureCollection', features: declared.features.slice(0, 3) }));
  await page.getByLabel('Load zones').setInputFiles(undeclaredPath);
  ({ dialog, text } = await importDialog(page));
  assert(/declares no coordinate system .* They look like British National Grid \(EPSG:27700\) eastings and northings\./.test(text), `the question names BNG (${text})`);
  await dialog.getByRole('button', { name: 'Read as British National Grid' }).click();
  await dialog.locator('.import-summary').waitFor();
  text = await dialog.innerText();
  assert(text.includes('3 zones. Coordinates: British National Grid (EPSG:27700), as you chose'), `summary says the user chose BNG (${text})`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Numbers that fit nothing: refused with the reason, nothing added.
  const wrongPath = join(outDir, 'unknown_system.geojson');
  const shifted = declared.features.slice(0, 1).map((f) => ({ ...f, geometry: { type: 'Polygon', coordinates: [[[4_000_000, 100], [4_001_000, 100], [4_001_000, 1100], [4_000_000, 100]]] } }));
  writeFileSync(wrongPath, JSON.stringify({ type: 'FeatureCollection', features: shifted }));
  await page.getByLabel('Load zones').setInputFiles(wrongPath);
  await page.locator('.notice', { hasText: 'are neither longitude/latitude nor British National Grid' }).waitFor();
  assertEqual(await page.locator('.zone-table tbody tr').count(), 36, 'nothing added by the refused file');

  // The same file as the study area: Brent's cells, Gi* computed (it used to run out of memory).
  await page.getByLabel('Hotspot method').selectOption('gistar');
  await page.locator('.legend', { hasText: 'Gi* hot and cold spots' }).waitFor();
  await page.getByLabel('Load boundary file').setInputFiles(declaredPath);
  const studyArea = page.getByLabel('Study area', { exact: true });
  await studyArea.locator('option', { hasText: /^Brent$/ }).waitFor({ state: 'attached' });
  await studyArea.selectOption({ label: 'Brent' });
  await page.locator('.legend', { hasText: 'in Brent' }).waitFor();
  await page.locator('.legend', { hasText: 'Gi* hot and cold spots' }).waitFor();
  assertEqual(await page.locator('.notice', { hasText: /Memory allocation|Unexpected error/ }).count(), 0, 'no memory or unexpected error');
  await waitForMapIdle(page);
  await page.screenshot({ path: join(outDir, 'geometry-bng-study-area.png') });
}
