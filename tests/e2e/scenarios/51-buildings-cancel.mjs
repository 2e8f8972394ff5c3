// Planning through 40,000 building footprints shows how many lines of sight are checked, and
// Cancel stops it: the previous plan stays, and a new plan still works.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, openApp } from '../harness.mjs';

/** 40,000 houses 12 m square on a 30 m grid across Brent, written as an OpenStreetMap-style export. */
function housesAcrossBrent(path) {
  const [lat0, lng0, dLat, dLng] = [51.52, -0.33, 30 / 111_320, 30 / (111_320 * Math.cos((51.55 * Math.PI) / 180))];
  const parts = [];
  for (let i = 0; i < 200; i++) {
    for (let j = 0; j < 200; j++) {
      const [lat, lng] = [lat0 + i * dLat, lng0 + j * dLng];
      const ring = [[lng, lat], [lng + 0.4 * dLng, lat], [lng + 0.4 * dLng, lat + 0.4 * dLat], [lng, lat + 0.4 * dLat], [lng, lat]];
      parts.push(JSON.stringify({ type: 'Feature', properties: { building: 'house' }, geometry: { type: 'Polygon', coordinates: [ring] } }));
    }
  }
  writeFileSync(path, `{"type":"FeatureCollection","features":[${parts.join(',')}]}`);
}

export async function run({ browser, url, outDir }) {
  const { page } = await openApp(browser, url);
  await page.locator('summary', { hasText: 'CCTV planner' }).click();
  const path = join(outDir, 'generated-houses.geojson');
  housesAcrossBrent(path);
  await page.getByLabel('Load building footprints').setInputFiles(path);
  const panel = page.locator('.panel', { hasText: 'CCTV planner' });
  await panel.getByText('generated-houses.geojson: 40,000 building footprints.').waitFor({ timeout: 120_000 });
  await page.getByLabel('Coverage radius (m)').fill('300');
  await page.getByRole('button', { name: 'Plan cameras' }).click();
  const steps = page.locator('.plan-steps');
  await steps.waitFor({ timeout: 60_000 });
  const text = await steps.innerText();
  assert(/Checking lines of sight: [\d,]+ of [\d,]+ sites/.test(text), `progress shown (${text})`);
  await steps.getByRole('button', { name: 'Cancel' }).click();
  await page.locator('.notice.info', { hasText: 'Camera planning was cancelled.' }).waitFor({ timeout: 30_000 });
  await steps.waitFor({ state: 'detached' });
  assert((await page.locator('.buildings-effect').count()) === 0, 'no plan from the cancelled run');
  await page.screenshot({ path: join(outDir, 'buildings-cancelled.png') });

  // A smaller radius plans to the end.
  await page.getByLabel('Coverage radius (m)').fill('60');
  await page.getByRole('button', { name: 'Plan cameras' }).click();
  await page.locator('.buildings-effect').waitFor({ timeout: 120_000 });
}
