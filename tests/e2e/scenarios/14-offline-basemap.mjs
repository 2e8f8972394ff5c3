// An offline basemap from a .pmtiles file the test builds: it draws with no network, and the
// choice survives a reload.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, mapCanvasPixels, openApp, waitForMapIdle, waitForSources } from '../harness.mjs';
import { onePngPmtiles } from '../pmtilesFixture.mjs';

/** The map canvas's pixel 3 px in from its bottom-left corner. */
async function cornerPixel(page) {
  const { rgba, pixelWidth, pixelHeight } = await mapCanvasPixels(page);
  const at = ((pixelHeight - 3) * pixelWidth + 3) * 4;
  return [...rgba.subarray(at, at + 3)];
}

export async function run({ browser, url, outDir }) {
  const file = join(outDir, 'test-basemap.pmtiles');
  writeFileSync(file, onePngPmtiles([51, 102, 204]));
  const { page } = await openApp(browser, url);
  const plain = await cornerPixel(page);
  await page.getByLabel('Load offline basemap').setInputFiles(file);
  await page.waitForFunction(() => document.querySelector('label select')?.ownerDocument && [...document.querySelectorAll('option')].some((o) => o.textContent === 'Offline file: test-basemap.pmtiles'));
  await waitForMapIdle(page);
  await page.waitForTimeout(500);
  const tiled = await cornerPixel(page);
  const isBlue = ([r, g, b]) => Math.abs(r - 51) < 12 && Math.abs(g - 102) < 12 && Math.abs(b - 204) < 12;
  assert(!isBlue(plain) && isBlue(tiled), `the basemap tile is drawn (${plain} → ${tiled})`);
  await page.screenshot({ path: join(outDir, 'offline-basemap.png') });

  // No pause for the autosave: a basemap file is saved with the workspace before it is shown.
  await page.reload();
  await waitForSources(page, 2);
  await waitForMapIdle(page);
  await page.waitForTimeout(800);
  assert(isBlue(await cornerPixel(page)), 'the offline basemap is still in use after a reload');
}
