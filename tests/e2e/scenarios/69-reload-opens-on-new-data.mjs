// A reload the moment a loaded file's map is drawn opens on that file's data, not on the view
// before it: the City of London's six real monthly files loaded over the Brent sample, reloaded at
// once, show their cells in the City: the view link in the URL names no position from when the
// sources change until their map is framed, and is written at once after a quiet spell.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assert, loadFiles, mapCanvasPixels, openApp, sharedData, waitForMapIdle, waitForSources } from '../harness.mjs';

const CITY = join(sharedData, 'police-uk', 'city-of-london-2023H1');

/** The map's centre as the URL's view link gives it. */
const centreOf = (page) => page.evaluate(() => (new URLSearchParams(window.location.hash.slice(1)).get('map') ?? '').split('/').map(Number)).then(([zoom, lat, lng]) => ({ zoom, lat, lng }));

/** The share of the map's canvas in the hotspot ramp's warm colours. */
async function warmShare(page) {
  const { rgba } = await mapCanvasPixels(page);
  let warm = 0;
  for (let i = 0; i < rgba.length; i += 4) if (rgba[i] - rgba[i + 2] > 40) warm++;
  return warm / (rgba.length / 4);
}

export async function run({ browser, url }) {
  if (!existsSync(CITY)) return { skipped: `${CITY} is absent (see ../shared/data/README.md)` };
  const files = readdirSync(CITY).filter((name) => name.endsWith('.csv')).map((name) => join(CITY, name));
  const { page } = await openApp(browser, url);
  const before = await centreOf(page);
  assert(before.lng < -0.2, `the sample is framed in Brent first (${before.lng}, ${before.lat})`);
  await loadFiles(page, files);
  await waitForSources(page, files.length, 120_000);
  await waitForMapIdle(page, 60_000);
  await page.reload();
  await waitForSources(page, files.length, 120_000);
  await waitForMapIdle(page, 60_000);
  // The link names where the map is once it has framed the data (at most 300 ms after).
  await page.waitForFunction(() => new URLSearchParams(window.location.hash.slice(1)).has('map'), null, { timeout: 10_000 });
  const after = await centreOf(page);
  // The City of London lies within about -0.115 to -0.07 east and 51.505 to 51.525 north.
  assert(after.lng > -0.12 && after.lng < -0.065 && after.lat > 51.5 && after.lat < 51.53, `after the reload the map is on the City's data (${after.lng}, ${after.lat}), not the view before it (${before.lng}, ${before.lat})`);
  const share = await warmShare(page);
  assert(share > 0.05, `its cells are drawn (${(100 * share).toFixed(1)}% of the canvas in the ramp's colours)`);
}
