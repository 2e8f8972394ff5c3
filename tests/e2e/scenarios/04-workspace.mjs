// The workspace survives a reload (IndexedDB autosave) and moves between machines as one file.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { assertEqual, download, openApp, root, waitForMapIdle, waitForSources } from '../harness.mjs';

/** The study areas offered: zones, and the features of the boundary file loaded below. */
const areaOptions = (page) => page.getByLabel('Study area', { exact: true }).locator('option').allInnerTexts();
let expectedAreas = 0;

async function snapshot(page) {
  return {
    resolution: await page.getByLabel('H3 resolution').inputValue(),
    sources: await page.locator('.source-name').allInnerTexts(),
    checked: await page.locator('.categories input:checked').evaluateAll((inputs) => inputs.map((i) => i.getAttribute('aria-label'))),
    summary: (await page.getByTestId('result-summary').innerText()).replace(/ · computed in .*/, ''),
    plan: await page.locator('.plan-result tbody tr').allInnerTexts(),
    // The boundary file comes back after the rest (from storage, or from the workspace file).
    areas: await page.waitForFunction((n) => document.querySelectorAll('select[aria-label="Study area"] option').length >= n, expectedAreas).then(() => areaOptions(page)),
  };
}

export async function run({ browser, url, outDir }) {
  const { page } = await openApp(browser, url);
  await page.getByLabel('H3 resolution').selectOption('10');
  await page.getByRole('checkbox', { name: 'Burglary', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Noise', exact: true }).check();
  await waitForMapIdle(page);
  await page.locator('summary', { hasText: 'CCTV planner' }).click();
  await page.getByLabel('Number of cameras').fill('5');
  await page.getByRole('button', { name: 'Plan cameras' }).click();
  await page.locator('.plan-result tbody tr').nth(4).waitFor();
  // A boundary file (the sample's zones as areas): it travels with the workspace file too.
  const areasBefore = (await areaOptions(page)).length;
  await page.getByLabel('Load boundary file').setInputFiles(join(root, 'data', 'brent-pspo-zones-sample.geojson'));
  await page.waitForFunction((n) => document.querySelectorAll('select[aria-label="Study area"] option').length > n, areasBefore);
  expectedAreas = (await areaOptions(page)).length;
  assertEqual(expectedAreas, areasBefore + 3, 'the three areas of the boundary file are offered as study areas');
  await page.waitForTimeout(1200); // the autosave runs shortly after the last change
  const before = await snapshot(page);

  await page.reload();
  await waitForSources(page, 2);
  await page.locator('.notice', { hasText: 'Your last workspace was restored.' }).waitFor();
  await waitForMapIdle(page);
  await page.locator('summary', { hasText: 'CCTV planner' }).click();
  assertEqual(await snapshot(page), before, 'state after reload');

  await page.locator('summary', { hasText: 'Workspace' }).click();
  // Several workspaces can be kept in the browser by name.
  await page.getByLabel('Workspace name').fill('Res 10 burglary');
  await page.getByRole('button', { name: 'Keep in this browser' }).click();
  await page.getByRole('button', { name: 'Open Res 10 burglary' }).waitFor();
  await page.getByLabel('H3 resolution').selectOption('8');
  await page.getByRole('button', { name: 'Open Res 10 burglary' }).click();
  await page.locator('.notice', { hasText: 'Opened workspace "Res 10 burglary"' }).waitFor();
  assertEqual(await page.getByLabel('H3 resolution').inputValue(), '10', 'the kept workspace reopens with its resolution');
  await page.getByLabel('Workspace name').fill('Brent ASB workspace');
  const saved = await download(page, () => page.getByRole('button', { name: 'Save workspace' }).click());
  const path = join(outDir, saved.name);
  writeFileSync(path, saved.bytes);

  // A clean browser (storage cleared), then open the file.
  await page.evaluate(async () => {
    localStorage.clear();
    for (const db of await indexedDB.databases()) indexedDB.deleteDatabase(db.name);
  });
  // Open the bare address: the URL hash would carry the view link.
  await page.goto(url);
  await waitForSources(page, 2);
  await waitForMapIdle(page);
  assertEqual(await page.getByLabel('H3 resolution').inputValue(), '9', 'fresh start at the default resolution');
  await page.locator('summary', { hasText: 'Workspace' }).click();
  await page.getByLabel('Open workspace').setInputFiles(path);
  await page.locator('.notice', { hasText: 'Opened workspace' }).waitFor();
  await waitForMapIdle(page);
  await page.locator('summary', { hasText: 'CCTV planner' }).click();
  assertEqual(await snapshot(page), before, 'state after opening the workspace file');

  // A file from a newer version is refused with a clear message.
  const { zipSync, strToU8 } = await import('fflate');
  const newer = join(outDir, 'newer.hotspot-workspace.zip');
  writeFileSync(newer, zipSync({ 'workspace.json': strToU8(JSON.stringify({ format: 'hotspot-planner-workspace', version: 99, sources: [], view: {} })) }));
  await page.getByLabel('Open workspace').setInputFiles(newer);
  await page.getByRole('alert').filter({ hasText: 'saved by a newer version' }).waitFor();
  assertEqual((await snapshot(page)).sources, before.sources, 'a refused file changes nothing');
}
