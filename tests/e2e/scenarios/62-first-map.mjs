// The map's canvas is hidden while the first map is made (its layers filling in one by one would
// each cost a desktop without a GPU a read-back) and shown with the first hotspots; when no data
// comes to draw (the sample cannot be read), it is shown anyway within a few seconds, with each
// file's failure named and no claim that a sample is shown. The server sends the build's gzip
// copies of the sample and the scripts, so it does not compress them again on every visit.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { assertEqual, distDir, openApp } from '../harness.mjs';

const canvasVisibility = (page) => page.locator('.maplibregl-canvas').evaluate((canvas) => getComputedStyle(canvas).visibility);

export async function run({ browser, url }) {
  const headers = new Map();
  const { page } = await openApp(browser, url, { before: (context) => context.on('response', (response) => headers.set(new URL(response.url()).pathname.split('/').pop(), response.headers())) });
  await page.waitForFunction(() => performance.getEntriesByName('hotspots-drawn').length > 0);
  assertEqual(await canvasVisibility(page), 'visible', 'the canvas is shown with the first hotspots');
  for (const prefix of ['brent-police-sample-2025-', 'index-', 'dataWorker-']) {
    const name = [...headers.keys()].find((key) => key.startsWith(prefix) && !key.endsWith('.css'));
    const sent = headers.get(name);
    // Compressing on the fly would leave the length out; the copy's is the length of its file.
    assertEqual(`${sent['content-encoding']} ${sent['content-length']}`, `gzip ${statSync(join(distDir, 'assets', `${name}.gz`)).size}`, `${name} arrives as the build's gzip copy`);
  }

  // A start with nothing to draw: the sample's rows cannot be read.
  const { page: empty } = await openApp(browser, url, { waitForSample: false, before: (context) => context.route(/brent-(police|council)-.*\.csv/, (route) => route.abort()) });
  for (const name of ['brent-police-sample-2025.csv', 'brent-council-complaints-sample.csv']) await empty.locator('.notice', { hasText: `The synthetic sample file ${name} could not be read` }).waitFor();
  await empty.waitForFunction(() => getComputedStyle(document.querySelector('.maplibregl-canvas')).visibility === 'visible', null, { timeout: 10_000 });
  assertEqual(await empty.locator('.source-card').count(), 0, 'no sample was loaded');
  assertEqual(await empty.locator('.notice', { hasText: 'Showing the synthetic Brent sample' }).count(), 0, 'no notice claims a sample is shown');
}
