// Reference layers and finding a place: Camden's LSOAs (a zipped Shapefile in British National
// Grid, zipped here as a user would) shown as labelled outlines apart from the PSPO zones; then
// the search box finds a sample street, a zone, an LSOA and a camera and flies the map there.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { assert, openApp, sharedData, waitForMapIdle } from '../harness.mjs';

const CAMDEN = join(sharedData, 'boundaries', 'camden_lsoa21_bng');

/** Where the map is looking, from the view link in the address bar. */
async function mapCentre(page) {
  await page.waitForTimeout(500);
  const map = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('map');
  const [zoom, lat, lng] = map.split('/').map(Number);
  return { zoom, lat, lng };
}

async function find(page, text, option) {
  await page.getByLabel('Find a place').fill(text);
  const before = new URL(page.url()).hash;
  await page.getByRole('listbox', { name: 'Places found' }).getByRole('button', { name: option }).first().click();
  // The flight ends when the view link in the address bar changes (a loaded machine flies slowly).
  await page.waitForFunction((hash) => location.hash !== hash, before, { timeout: 30_000 });
  await waitForMapIdle(page);
  return mapCentre(page);
}

export async function run({ browser, url, outDir }) {
  const { page } = await openApp(browser, url);

  // A street from the sample's police.uk location texts, a zone and a camera.
  const street = await find(page, 'roe green', /On or near Roe Green/);
  assert(Math.abs(street.lat - 51.5927) < 0.01 && Math.abs(street.lng + 0.28) < 0.01 && street.zoom >= 16, `flew to Roe Green (${JSON.stringify(street)})`);
  const zone = await find(page, 'harlesden', /Harlesden Town Centre PSPO/);
  assert(Math.abs(zone.lat - 51.536) < 0.01 && zone.zoom >= 14, `flew to the Harlesden zone (${JSON.stringify(zone)})`);
  const camera = await find(page, 'RD-01', /RD-01/);
  assert(camera.zoom >= 17, `flew to camera RD-01 (${JSON.stringify(camera)})`);

  if (!existsSync(CAMDEN)) return { skipped: `Camden LSOA Shapefile not found under ${sharedData} (search checked on the sample)` };
  const zipped = join(outDir, 'camden_lsoa21.zip');
  writeFileSync(zipped, zipSync(Object.fromEntries(['shp', 'shx', 'dbf', 'prj', 'cpg'].map((ext) => [`Camden.${ext}`, new Uint8Array(readFileSync(join(CAMDEN, `Camden.${ext}`)))]))));
  await page.getByLabel('Load boundary file').setInputFiles(zipped);
  const shown = page.getByRole('checkbox', { name: /Show outlines: camden_lsoa21\.zip \(\d+\)/ });
  await shown.waitFor();
  assert(await shown.isChecked(), 'a boundary file with many areas is shown as outlines');
  const lsoa = await find(page, 'camden 001a', /Camden 001A/);
  assert(Math.abs(lsoa.lat - 51.56) < 0.03 && Math.abs(lsoa.lng + 0.14) < 0.03, `flew to Camden 001A, reprojected from British National Grid (${JSON.stringify(lsoa)})`);
  await page.screenshot({ path: join(outDir, 'reference-lsoas.png') });
  // Outlines only: the LSOAs are not zones.
  assert(/PSPO zones \(3\)/.test(await page.locator('summary', { hasText: 'PSPO zones' }).innerText()), 'LSOAs did not become zones');
}
