// After one visit the whole app works with the network cut, lazily loaded parts included: load a
// data file, solve the camera plan exactly (HiGHS and its WebAssembly), import a zipped Shapefile
// (the shapefile reader) and export the briefing PDF. Served by `vite preview`, as `npm start` does.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { assert, download, loadFiles, openApp, root, sharedData, waitForMapIdle, waitForSources } from '../harness.mjs';

const CAMDEN = join(sharedData, 'boundaries', 'camden_lsoa21_bng');

export async function run({ browser, url, outDir }) {
  const { page, context } = await openApp(browser, url);
  // One visit: the service worker has installed (cached every built file) once it is active.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await page.reload();
  await waitForSources(page, 2);
  await waitForMapIdle(page);
  await page.locator('.legend li').first().waitFor();

  await loadFiles(page, [join(root, 'tests', 'fixtures', 'police-small.csv')]);
  await page.locator('.source-card', { hasText: 'police-small.csv' }).waitFor();
  await waitForSources(page, 1);
  await waitForMapIdle(page);

  await page.locator('summary', { hasText: 'CCTV planner' }).click();
  await page.getByLabel('Number of cameras').fill('3');
  await page.getByRole('button', { name: 'Plan cameras' }).click();
  await page.locator('.coverage-summary').waitFor();
  await page.getByRole('button', { name: 'Solve exactly' }).click();
  const exact = await page.locator('.exact-summary').innerText({ timeout: 60_000 });
  assert(/gap/.test(exact), `the exact solver ran offline (${exact})`);

  if (existsSync(CAMDEN)) {
    const files = Object.fromEntries(readdirSync(CAMDEN).map((name) => [name, new Uint8Array(readFileSync(join(CAMDEN, name)))]));
    const zip = join(outDir, 'camden-lsoa-offline.zip');
    writeFileSync(zip, zipSync(files));
    await page.locator('summary', { hasText: 'PSPO zones' }).click();
    await page.getByLabel('Load zones').setInputFiles(zip);
    await page.waitForFunction(() => document.querySelectorAll('.zone-table tbody tr').length > 100, null, { timeout: 60_000 });
  } else {
    console.log(`  (zipped Shapefile step skipped: ${CAMDEN} is absent)`);
  }

  await page.locator('summary', { hasText: 'Briefing' }).click();
  const pdf = await download(page, () => page.getByRole('button', { name: 'Export briefing PDF' }).click());
  assert(pdf.bytes.subarray(0, 5).toString() === '%PDF-', 'a PDF was written offline');
  await context.setOffline(false);
}
