// No saved value may break the next start. A camera row with radius 0 and a direction is refused
// with its reason; a restored workspace holding invalid values starts, drops them and says which.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, assertEqual, autosaveStore, openApp, waitForMapIdle, waitForSources, waitUntilKept } from '../harness.mjs';
import { tempDir } from '../policeFiles.mjs';

/** Edits this tab's autosave in IndexedDB the way a damaged or older save would look. */
async function poisonAutosave(page) {
  const { autosave: doc } = await autosaveStore(page);
  doc.view.resolution = 7.5;
  doc.view.method = 'kde';
  doc.harmWeights['police.uk/Burglary'] = 'heavy';
  doc.panels.cameras.cameras.push({ id: 'BAD-1', name: 'Zero reach', kind: 'fixed', lat: 51.55, lng: -0.25, radiusM: 0, directionDeg: 90, fovDeg: 60 });
  doc.panels.zones[0].geometry.coordinates[0][0][0] = 'x';
  doc.panels.basemap = { kind: 'satellite' };
  await autosaveStore(page, doc);
}

export async function run({ browser, url }) {
  const { page, consoleErrors } = await openApp(browser, url);
  await page.locator('summary', { hasText: 'CCTV planner' }).click();
  const cameraText = async () => page.locator('.panel', { hasText: 'cameras on the ground' }).locator('text=/\\d+ cameras on the ground/').innerText();

  const cameras = join(tempDir('hp-poison-'), 'council-cctv.csv');
  writeFileSync(cameras, 'Camera ID,Latitude,Longitude,Radius (m),Direction,FOV\nC-1,51.556,-0.279,80,90,60\nC-2,51.557,-0.280,0,90,60\nC-3,51.558,-0.281,wide,,\n');
  await page.getByLabel('Load cameras').setInputFiles(cameras);
  await page.getByRole('button', { name: 'Replace the current cameras' }).click();
  await page.getByRole('alert').filter({ hasText: 'Line 3: radius (m): below 1; Line 4: radius (m): expected a number' }).waitFor();
  // The first user file replaced the synthetic sample; Undo brings its data and 52 cameras back beside the new one.
  await page.locator('.notice', { hasText: 'replaces the synthetic sample' }).getByRole('button', { name: 'Undo' }).click();
  await waitForSources(page, 2);
  await waitForMapIdle(page);
  await page.waitForFunction(() => /^53 cameras on the ground/m.test(document.body.innerText));
  assert(/^53 cameras on the ground/.test(await cameraText()), 'the good row is kept beside the sample, the app still drawn');
  await page.getByRole('alert').filter({ hasText: 'Line 3' }).getByRole('button', { name: 'Dismiss' }).click();
  await waitUntilKept(page, 2);
  await page.reload();
  await waitForSources(page, 2);
  await page.locator('summary', { hasText: 'CCTV planner' }).click();
  assert(/^53 cameras on the ground/.test(await cameraText()), 'the kept cameras are back after a reload');

  // Then the saved copy is damaged.
  await poisonAutosave(page);
  await page.reload();
  await waitForSources(page, 2);
  await waitForMapIdle(page);
  const dropped = page.getByRole('alert').filter({ hasText: 'were invalid and were dropped' });
  await dropped.waitFor();
  const text = await dropped.innerText();
  for (const part of ['view.resolution: expected a whole number', 'view.method: expected one of', 'harmWeights.police.uk/Burglary: expected a number', 'radiusM: below 1', 'zones[0].geometry.coordinates[0][0][0]: expected a number', 'basemap.kind: expected a basemap choice']) {
    assert(text.includes(part), `the notice names ${part}: ${text}`);
  }
  assertEqual(await page.getByLabel('H3 resolution').inputValue(), '9', 'the invalid resolution fell back to the default');
  assert((await page.locator('.legend').innerText()).length > 0, 'the legend is drawn');
  assertEqual(consoleErrors.filter((e) => !/Failed to load resource/.test(e)), [], 'nothing thrown');

  // The cleaned workspace was saved at once: the next start has nothing to drop.
  await page.reload();
  await waitForSources(page, 2);
  await page.locator('.notice', { hasText: 'Your last workspace was restored.' }).waitFor();
  assertEqual(await page.getByRole('alert').filter({ hasText: 'were invalid' }).count(), 0, 'nothing left to drop');
}
