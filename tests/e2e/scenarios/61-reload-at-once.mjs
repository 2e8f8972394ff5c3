// Work is never lost: a file loaded and the page reloaded the moment it appears (no pause for the
// autosave) comes back, with its row accounting, and so do a second file (on a processor slowed
// four times, where storing takes longer), a boundary file and a zones file loaded the same way; of a batch reloaded the moment it has loaded, every month comes back or is named in a
// notice as not kept.
import { renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { assertEqual, loadFiles, openApp, root, waitForFile, waitForMapIdle } from '../harness.mjs';
import { tempDir, writeMonthlyFiles } from '../policeFiles.mjs';

export async function run({ browser, url }) {
  const { page } = await openApp(browser, url);
  await loadFiles(page, [join(root, 'tests', 'fixtures', 'police-small.csv')]);
  await waitForFile(page, 'police-small.csv');
  const status = async (name) => page.locator('.source-card', { hasText: name }).getByRole('status').innerText();
  const before = await status('police-small.csv');
  await page.reload();
  await waitForFile(page, 'police-small.csv');
  await waitForMapIdle(page);
  assertEqual(await status('police-small.csv'), before, 'the file loaded just before the reload is back');
  assertEqual(await page.locator('.source-card').count(), 1, 'the file replaced the synthetic sample, and the sample did not come back with it');

  // A second file, beside the first, reloaded at once on a processor slowed four times.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const [month] = writeMonthlyFiles(tempDir('hp-at-once-month-'), { count: 1, rows: 30, firstYear: 2023 });
  const secondName = '2023-01-city-of-london-street.csv';
  renameSync(month, join(dirname(month), secondName));
  await loadFiles(page, [join(dirname(month), secondName)]);
  await waitForFile(page, secondName);
  const second = await status(secondName);
  await page.reload();
  await waitForFile(page, secondName);
  assertEqual(await status(secondName), second, 'the second file loaded just before a reload on a slow processor is back');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

  // A boundary file (two wards, as a council publishes them), reloaded the moment its outlines are offered.
  const wards = join(tempDir('hp-at-once-wards-'), 'brent-wards.geojson');
  const square = (west, south) => [[[west, south], [west + 0.01, south], [west + 0.01, south + 0.01], [west, south + 0.01], [west, south]]];
  writeFileSync(wards, JSON.stringify({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { WD24CD: 'E05013490', WD24NM: 'Harlesden & Kensal Green' }, geometry: { type: 'Polygon', coordinates: square(-0.25, 51.53) } },
      { type: 'Feature', properties: { WD24CD: 'E05013500', WD24NM: 'Willesden Green' }, geometry: { type: 'Polygon', coordinates: square(-0.23, 51.54) } },
    ],
  }));
  await page.getByLabel('Load boundary file').setInputFiles(wards);
  const outlines = page.getByRole('checkbox', { name: /Show outlines: brent-wards\.geojson \(2\)/ });
  await outlines.waitFor();
  await page.reload();
  await outlines.waitFor({ timeout: 60_000 });

  // A zones file, reloaded the moment its zone is added.
  const zones = join(dirname(wards), 'pspo-zones.geojson');
  writeFileSync(zones, JSON.stringify({ type: 'FeatureCollection', features: [
    { type: 'Feature', properties: { name: 'Church Road PSPO' }, geometry: { type: 'Polygon', coordinates: square(-0.245, 51.54) } },
  ] }));
  const zonesPanel = page.locator('details', { has: page.locator('summary', { hasText: 'PSPO zones' }) });
  if ((await zonesPanel.getAttribute('open')) === null) await zonesPanel.locator('summary').click();
  await page.getByLabel('Load zones').setInputFiles(zones);
  await page.getByRole('button', { name: 'Add 1 zone' }).click();
  const zonesHeading = page.locator('summary', { hasText: 'PSPO zones (1)' });
  await zonesHeading.waitFor();
  await page.reload();
  await zonesHeading.waitFor({ timeout: 60_000 });

  // A batch reloaded the moment it has loaded: each month comes back, or a notice names it as not kept.
  const months = writeMonthlyFiles(tempDir('hp-at-once-'), { count: 6, rows: 40, firstYear: 2024 });
  await loadFiles(page, months);
  await page.locator('.source-card[data-files="6"]').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('.load-progress'));
  await page.reload();
  await waitForFile(page, 'police-small.csv');
  await waitForMapIdle(page);
  const batch = page.locator('.source-card', { hasText: 'metropolitan-street.csv' });
  const kept = (await batch.count()) > 0 ? Number(await batch.getAttribute('data-files')) : 0;
  const notices = (await page.locator('.notice').allInnerTexts()).join(' ');
  const named = months.map((path) => basename(path)).filter((name) => notices.includes(name));
  assertEqual(kept + named.length, 6, `every month is back (${kept}) or named as not kept (${named.join(', ') || 'none'})`);
  assertEqual(await page.locator('.source-card', { hasText: 'police-small.csv' }).count(), 1, 'the earlier file is kept beside the batch');
}
