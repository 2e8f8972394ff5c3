// Browser half of the visibility bench: 300 candidate sites and 50,000 footprints (written by
// bench/visibility.ts) loaded through the CCTV planner, then one plan through the buildings in the
// data worker. Prints one JSON line of figures.
import { launchBrowser, openApp, startPreview } from '../tests/e2e/harness.mjs';

const [buildingsPath, sitesPath] = process.argv.slice(2);
const figures = [];
const server = await startPreview();
const browser = await launchBrowser();
try {
  const { page } = await openApp(browser, server.url);
  await page.locator('summary', { hasText: 'CCTV planner' }).click();
  await page.getByLabel('Load candidate sites').setInputFiles(sitesPath);
  await page.locator('dialog[open]').getByRole('button', { name: 'Use 300 sites' }).click();
  await page.getByText('300 candidate sites loaded.').waitFor();
  let started = Date.now();
  await page.getByLabel('Load building footprints').setInputFiles(buildingsPath);
  await page.getByText(/: 50,000 building footprints/).waitFor({ timeout: 300_000 });
  figures.push({ name: 'browser.buildings_50k.load', value: Date.now() - started, unit: 'ms' });
  started = Date.now();
  await page.getByRole('button', { name: 'Plan cameras' }).click();
  await page.locator('.buildings-effect').waitFor({ timeout: 300_000 });
  figures.push({ name: 'browser.plan_300_sites_x_50k_footprints', value: Date.now() - started, unit: 'ms', target: '≤ 5000 ms' });
} finally {
  await browser.close();
  server.stop();
}
console.log(JSON.stringify(figures));
