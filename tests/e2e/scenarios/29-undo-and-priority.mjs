// Smaller gaps: deleting a zone or a camera can be undone (the notice's Undo, and Ctrl+Z for
// zones); priority places are validated, outlined on the map, listed in the map-symbol legend and
// exported as CSV and GeoJSON; choosing a zone in the list brings it into view.
import { join } from 'node:path';
import { assert, assertEqual, download, openApp, parseCsv } from '../harness.mjs';

const mapCentre = (page) => page.evaluate(() => {
  const [, lat, lng] = (new URLSearchParams(window.location.hash.slice(1)).get('map') ?? '0/0/0').split('/').map(Number);
  return { lat, lng };
});

export async function run({ browser, url, outDir }) {
  const { page } = await openApp(browser, url);
  await page.locator('summary', { hasText: 'PSPO zones' }).click();
  const rows = page.locator('.zone-table tbody tr');
  await rows.nth(2).waitFor();

  // Choosing a zone in the list brings it into view: move the map far away first.
  const box = await page.getByTestId('map').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 400, box.y + box.height / 2 - 250, { steps: 8 });
  await page.mouse.up();
  // The view link in the address follows the map (300 ms after it stops); basemap tiles may still be loading.
  await page.waitForTimeout(1000);
  const away = await mapCentre(page);
  await rows.filter({ hasText: 'Harlesden Town Centre PSPO' }).click();
  await page.waitForFunction((before) => !window.location.hash.includes(before), `${away.lat.toFixed(5)}/${away.lng.toFixed(5)}`);
  await page.waitForTimeout(1200);
  const near = await mapCentre(page);
  const moved = Math.hypot(near.lat - away.lat, near.lng - away.lng);
  assert(moved > 0.001, `the map moved to the zone (${JSON.stringify(away)} → ${JSON.stringify(near)})`);
  assert(Math.abs(near.lat - 51.537) < 0.02 && Math.abs(near.lng - -0.248) < 0.03, `Harlesden in view (${JSON.stringify(near)})`);

  // Delete the zone; the notice's Undo brings it back.
  await page.getByRole('button', { name: 'Delete zone' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.zone-table tbody tr').length === 2);
  await page.locator('.notice', { hasText: 'Harlesden Town Centre PSPO deleted' }).getByRole('button', { name: 'Undo' }).click();
  await rows.filter({ hasText: 'Harlesden Town Centre PSPO' }).waitFor();
  assertEqual(await rows.count(), 3, 'zone back after Undo');
  // Delete again; Ctrl+Z undoes too.
  await page.getByRole('button', { name: 'Delete zone' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.zone-table tbody tr').length === 2);
  await page.keyboard.press('Control+z');
  await rows.filter({ hasText: 'Harlesden Town Centre PSPO' }).waitFor();
  assertEqual(await rows.count(), 3, 'zone back after Ctrl+Z');
  assertEqual(await page.locator('.notice', { hasText: 'Harlesden Town Centre PSPO deleted' }).count(), 0, 'the deletion notice goes once undone');

  // Delete a camera, then undo.
  await page.locator('summary', { hasText: 'CCTV planner' }).click();
  await page.locator('summary', { hasText: 'Edit cameras by hand' }).click();
  const cctv = page.locator('.panel', { hasText: 'CCTV planner' });
  await page.getByRole('button', { name: 'Delete FX-001' }).click();
  await cctv.getByText(/51 cameras on the ground: 39 fixed/).waitFor();
  await page.locator('.notice', { hasText: 'Camera FX-001 deleted' }).getByRole('button', { name: 'Undo' }).click();
  await cctv.getByText(/52 cameras on the ground: 40 fixed/).waitFor();
  assertEqual(await page.getByRole('button', { name: 'Delete FX-001' }).count(), 1, 'FX-001 back');

  // The map-symbol legend names what is drawn over the cells.
  const symbols = await page.getByRole('list', { name: 'Map symbols' }).innerText();
  for (const label of ['Fixed camera', 'Re-deployable camera', 'PSPO zone', 'Priority place (25)']) assert(symbols.includes(label), `symbol legend lists ${label} (${symbols})`);

  // Priority places: a negative percentage is refused with the reason; a valid one is drawn and exported.
  await page.locator('summary', { hasText: 'Priority places' }).click();
  const priority = page.locator('.panel', { hasText: 'Priority places' });
  await priority.getByLabel('Rule').selectOption('areaShare');
  const value = priority.getByLabel(/^Value/);
  await value.fill('-5');
  await priority.getByRole('alert').filter({ hasText: 'The percentage must be above 0 and at most 100.' }).waitFor();
  await value.fill('5');
  await page.waitForFunction(() => !document.querySelector('.panel [role="alert"]'));
  const summary = await priority.locator('.priority-summary').innerText();
  const [, chosen, of] = /^(\d+) of (\d+) cells/.exec(summary).map(Number);
  assertEqual(chosen, Math.round(0.05 * of), '5% of the cells');
  await page.getByRole('list', { name: 'Map symbols' }).getByText(`Priority place (${chosen})`).waitFor();
  const csv = await download(page, () => priority.getByRole('button', { name: 'Export priority places CSV' }).click());
  const table = parseCsv(csv.bytes.toString('utf8'));
  assertEqual(table[0].slice(0, 7), ['rank', 'h3', 'lat', 'lng', 'count', 'share', 'cumulative_share'], 'priority CSV header');
  assertEqual(table.length - 1, chosen, 'one row per chosen cell');
  const held = Number(/hold ([\d.]+)%/.exec(summary)[1]);
  assert(Math.abs(Number(table.at(-1)[6]) * 100 - held) < 0.1, `cumulative share matches the panel (${table.at(-1)[6]} vs ${held}%)`);
  assert(table.slice(1).every((row) => row.at(-1).startsWith('SYNTHETIC SAMPLE DATA')), 'sample-based export labelled');
  const geojson = JSON.parse((await download(page, () => priority.getByRole('button', { name: 'GeoJSON' }).click())).bytes.toString('utf8'));
  assertEqual(geojson.features.map((f) => f.properties.h3), table.slice(1).map((row) => row[1]), 'the GeoJSON has the same cells');
  assertEqual(geojson.features[0].geometry.type, 'Polygon', 'cells as polygons');
  await page.screenshot({ path: join(outDir, 'priority-places.png') });
}
