// The map's canvas is hidden while the first map is made (its layers filling in one by one would
// each cost a desktop without a GPU a read-back) and shown with the first hotspots; when no data
// comes to draw (the sample cannot be read), it is shown anyway within a few seconds, with the error.
import { assertEqual, openApp } from '../harness.mjs';

const canvasVisibility = (page) => page.locator('.maplibregl-canvas').evaluate((canvas) => getComputedStyle(canvas).visibility);

export async function run({ browser, url }) {
  const { page } = await openApp(browser, url);
  await page.waitForFunction(() => performance.getEntriesByName('hotspots-drawn').length > 0);
  assertEqual(await canvasVisibility(page), 'visible', 'the canvas is shown with the first hotspots');

  // A start with nothing to draw: the sample's rows cannot be read.
  const { page: empty } = await openApp(browser, url, { waitForSample: false, before: (context) => context.route(/brent-(police|council)-.*\.csv/, (route) => route.abort()) });
  await empty.locator('.notice', { hasText: /could not|failed|needs/i }).first().waitFor();
  await empty.waitForFunction(() => getComputedStyle(document.querySelector('.maplibregl-canvas')).visibility === 'visible', null, { timeout: 10_000 });
  assertEqual(await empty.locator('.source-card').count(), 0, 'no sample was loaded');
}
