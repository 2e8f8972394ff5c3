// PSPO zones: the sample's zones with their statistics, import a zones file, draw a zone, propose
// zones from Gi* hot spots and accept one, export GeoJSON and check it round-trips.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, assertEqual, download, openApp, waitForMapIdle, waitForSources } from '../harness.mjs';

export async function run({ browser, url, outDir }) {
  const { page } = await openApp(browser, url);
  await page.locator('summary', { hasText: 'PSPO zones' }).click();
  const rows = page.locator('.zone-table tbody tr');
  await rows.nth(2).waitFor();
  assertEqual(await rows.count(), 3, 'three sample zones with statistics');
  const wembley = await rows.filter({ hasText: 'Wembley Park PSPO' }).innerText();
  assert(/ha · [\d.]+% of all/.test(wembley), `area and share shown (${wembley})`);
  // Its order started before the data; a start date inside the data gives a before/after comparison.
  await rows.filter({ hasText: 'Wembley Park PSPO' }).click();
  await page.getByLabel('Start date').fill('2025-07-01');
  await rows.filter({ hasText: '6 months either side of the start' }).waitFor();

  // Import a zones file (GeoJSON with one polygon and one point, which is reported).
  const file = join(outDir, 'import-zones.geojson');
  writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [
    { type: 'Feature', properties: { name: 'Imported park', orderRef: 'IMP/1' }, geometry: { type: 'Polygon', coordinates: [[[-0.25, 51.545], [-0.24, 51.545], [-0.24, 51.55], [-0.25, 51.55], [-0.25, 51.545]]] } },
    { type: 'Feature', properties: { name: 'A lamp post' }, geometry: { type: 'Point', coordinates: [-0.25, 51.545] } },
  ] }));
  // A first user file replaces the synthetic sample; Undo brings the sample back beside it.
  await page.getByLabel('Load zones').setInputFiles(file);
  await page.getByRole('button', { name: 'Add 1 zone' }).click();
  await page.locator('.notice', { hasText: 'A lamp post: a Point, not an area; skipped' }).waitFor();
  await page.locator('.notice', { hasText: 'replaces the synthetic sample' }).getByRole('button', { name: 'Undo' }).click();
  await waitForSources(page, 2);
  await rows.nth(3).waitFor();

  // Draw a zone: three corners on the map, then Finish.
  await page.getByRole('button', { name: 'Draw zone' }).click();
  const box = await page.getByTestId('map').boundingBox();
  // Corners in the upper half of the map, clear of the notices stacked at its foot.
  for (const [dx, dy] of [[-60, -120], [60, -120], [0, -20]]) await page.mouse.click(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
  await page.getByText('(3 so far)').waitFor();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await page.getByRole('button', { name: 'Finish zone' }).click();
  await rows.nth(4).waitFor();
  const drawn = rows.filter({ hasText: 'Drawn zone 5' });
  assertEqual(await drawn.count(), 1, 'the drawn zone is listed');
  const drawnIncidents = Number((await drawn.locator('td').nth(1).innerText()).replace(/,/g, ''));
  assert(drawnIncidents > 0, `the drawn zone has incidents (${drawnIncidents})`);
  await page.getByLabel('Zone name').fill('Olympic Way triangle');
  await rows.filter({ hasText: 'Olympic Way triangle' }).waitFor();

  // Reshape it: drag a corner handle, see the area change, undo.
  const areaOf = async () => Number((await rows.filter({ hasText: 'Olympic Way triangle' }).innerText()).match(/([\d.,]+) ha/)[1].replace(/,/g, ''));
  const areaBefore = await areaOf();
  const handle = page.locator('.vertex-handle').first();
  const at = await handle.boundingBox();
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
  await page.mouse.down();
  await page.mouse.move(at.x + 60, at.y + 40, { steps: 5 });
  await page.mouse.up();
  await page.waitForTimeout(500);
  const areaAfter = await areaOf();
  assert(areaAfter !== areaBefore, `dragging a corner changes the area (${areaBefore} → ${areaAfter} ha)`);
  await page.getByRole('button', { name: 'Undo shape edit' }).click();
  await page.waitForTimeout(500);
  assertEqual(await areaOf(), areaBefore, 'undo restores the outline');

  // Proposals from Gi* hot spots.
  await page.getByLabel('Hotspot method').selectOption('gistar');
  await page.locator('.legend', { hasText: 'Gi* hot and cold spots' }).waitFor();
  await page.getByRole('button', { name: 'Propose zones' }).click();
  await page.locator('.proposals li').first().waitFor();
  await page.locator('.proposals li').first().getByRole('button', { name: 'Accept as zone' }).click();
  await rows.nth(5).waitFor();
  await waitForMapIdle(page);
  assert(/hot cells lie outside every zone/.test(await page.locator('.zone-coverage').innerText()), 'coverage of the problem reported');
  await page.screenshot({ path: join(outDir, 'zones.png') });

  // Export GeoJSON, load it back: the same zones come in again.
  const exported = await download(page, () => page.getByRole('button', { name: 'Export zones GeoJSON' }).click());
  const collection = JSON.parse(exported.bytes.toString('utf8'));
  assertEqual(collection.features.length, 6, 'six zones exported');
  assert(collection.features.some((f) => f.properties.name === 'Olympic Way triangle'), 'the edited name is exported');
  const back = join(outDir, exported.name);
  writeFileSync(back, exported.bytes);
  await page.getByLabel('Load zones').setInputFiles(back);
  await page.getByRole('button', { name: 'Add 6 zones' }).click();
  await rows.nth(11).waitFor();
  const evidence = await download(page, () => page.getByRole('button', { name: 'Evidence CSV' }).click());
  assert(evidence.bytes.toString('utf8').startsWith('zone,incidents,area_ha'), 'evidence CSV');
}
