// The London Datastore boroughs file as published (WGS84, some rings repeat a corner): it used to be
// refused whole ("The input polygon may not have duplicate vertices"); now it loads, the repair is
// reported per borough, names come from NAME and can be changed in the import summary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, assertEqual, openApp } from '../harness.mjs';
import { BOROUGHS, importDialog, missingData, zoneCounts } from '../geometryFiles.mjs';

/** Consecutive repeated corners per borough, counted straight from the file. */
function repeatedCorners(features) {
  return Object.fromEntries(features.map((f) => {
    const rings = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat();
    const repeats = rings.reduce((sum, ring) => sum + ring.filter((p, i) => i > 0 && p[0] === ring[i - 1][0] && p[1] === ring[i - 1][1]).length, 0);
    return [f.properties.NAME, repeats];
  }));
}

export async function run({ browser, url, outDir }) {
  const skip = missingData(BOROUGHS);
  if (skip) return { skipped: skip };
  const file = JSON.parse(readFileSync(BOROUGHS, 'utf8'));
  const repeats = repeatedCorners(file.features);
  const repaired = Object.entries(repeats).filter(([, n]) => n > 0);
  assert(repaired.length > 0, 'the published file repeats corners');

  const { page } = await openApp(browser, url);
  await page.locator('summary', { hasText: 'PSPO zones' }).click();
  await page.getByLabel('Load zones').setInputFiles(BOROUGHS);
  const { dialog, text } = await importDialog(page);
  assert(text.includes('33 features read: 33 zones.'), `every borough read (${text})`);
  for (const [name, n] of repaired) assert(text.includes(`${name}: ${n} repeated corner${n > 1 ? 's' : ''} removed`), `${name}'s repair reported`);

  // Names: NAME by default; GSS_CODE on request, and back.
  const preview = dialog.locator('.zone-name-preview');
  assert((await preview.innerText()).startsWith('Kingston upon Thames, Croydon'), 'names from NAME');
  await dialog.getByLabel('Zone names from').selectOption('GSS_CODE');
  await preview.filter({ hasText: 'E09000021' }).waitFor();
  await dialog.getByLabel('Zone names from').selectOption('NAME');
  await preview.filter({ hasText: 'Kingston upon Thames' }).waitFor();
  await page.screenshot({ path: join(outDir, 'geometry-repeated-vertices-dialog.png') });
  await dialog.getByRole('button', { name: 'Add 33 zones' }).click();

  await page.locator('.notice', { hasText: '33 zones loaded from london_boroughs_wgs84.geojson' }).waitFor();
  // The boroughs replace the synthetic sample; Undo brings it (its incidents and zones) back beside them.
  await page.locator('.notice', { hasText: 'replaces the synthetic sample' }).getByRole('button', { name: 'Undo' }).click();
  await page.locator('.zone-table tbody tr').nth(35).waitFor();
  const shown = await zoneCounts(page);
  for (const f of file.features) {
    const landHa = f.properties.HECTARES - f.properties.NONLD_AREA;
    assert(Math.abs(shown[f.properties.NAME].areaHa / landHa - 1) < 0.01, `${f.properties.NAME}: area within 1 % of the file's land hectares`);
  }
  assertEqual(shown.Brent.incidents > 0, true, 'Brent holds the sample incidents');
}
