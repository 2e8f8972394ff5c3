// Issue: data in. Load a police.uk file and a council file through "Load data files", read the
// status counts, map the council columns, and download the rejected rows.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { assert, assertEqual, download, loadFiles, openApp, parseCsv, root, sharedData, waitForSources } from '../harness.mjs';

export async function run({ browser, url, outDir }) {
  const realPolice = join(sharedData, 'police-uk', 'city-of-london-2023H1', '2023-02-city-of-london-street.csv');
  const police = existsSync(realPolice) ? realPolice : join(root, 'tests', 'fixtures', 'police-small.csv');
  const council = join(root, 'tests', 'fixtures', 'council-complaints-small.csv');
  const { page } = await openApp(browser, url);
  await page.evaluate(() => localStorage.clear());
  await loadFiles(page, [police, council]);
  const dialog = page.getByRole('dialog', { name: /Map the columns of council-complaints-small\.csv/ });
  await dialog.waitFor();
  // The guesses from the header names are already in place: BNG easting/northing and the date.
  assertEqual(await dialog.getByLabel('Easting column').inputValue(), 'Easting', 'easting guessed');
  assertEqual(await dialog.getByLabel('Date or date-time column').inputValue(), 'Received', 'date guessed');
  await dialog.getByLabel('Category column').selectOption('Complaint type');
  await page.screenshot({ path: join(outDir, 'mapping-dialog.png') });
  await dialog.getByRole('button', { name: 'Load with this mapping' }).click();
  // The user's files replace the synthetic sample.
  await page.waitForFunction(() => [...document.querySelectorAll('.source-card')].map((c) => c.textContent).join('|').match(/council-complaints-small/) && document.querySelectorAll('.source-card').length === 2);
  await waitForSources(page, 2);

  const cards = page.locator('.source-card');
  const policeCard = cards.filter({ hasText: police.split('/').pop() });
  const policeStatus = await policeCard.getByRole('status').innerText();
  if (police === realPolice) assertEqual(policeStatus, '725 rows loaded, 58 rejected', 'police.uk status (783 rows, 58 without coordinates)');
  const councilCard = cards.filter({ hasText: 'council-complaints-small.csv' });
  assertEqual(await councilCard.getByRole('status').innerText(), '5 rows loaded, 3 rejected', 'council status');
  const reasons = await councilCard.locator('.reasons li').allInnerTexts();
  assertEqual(reasons.sort(), ['Coordinates outside the UK: 1', 'No coordinates: 1', 'Unparseable or impossible date: 1'], 'reasons');

  const rejected = await download(page, () => councilCard.getByRole('button', { name: 'Download rejected rows' }).click());
  assert(rejected.name.endsWith('-rejected-rows.csv'), `file name ${rejected.name}`);
  const rows = parseCsv(rejected.bytes.toString('utf8'));
  assertEqual(rows[0], ['line', 'Case ref', 'Received', 'Complaint type', 'Easting', 'Northing', 'Address', 'reason'], 'rejected header');
  assertEqual(rows.slice(1).map((r) => [r[0], r[1], r[7]]), [
    ['5', 'C-004', 'Unparseable or impossible date'],
    ['6', 'C-005', 'No coordinates'],
    ['8', 'C-007', 'Coordinates outside the UK'],
  ], 'rejected rows');

  // Loading the same file again is noticed and asked about.
  await loadFiles(page, [council]);
  const again = page.getByRole('dialog', { name: 'File already loaded' });
  await again.waitFor();
  await again.getByRole('button', { name: 'Skip this file' }).click();
  assertEqual(await page.locator('.source-card').count(), 2, 'no third source after skipping');

  // A file that is not a CSV changes nothing and says why.
  await loadFiles(page, [join(root, 'public', 'favicon.svg')]);
  await page.getByRole('alert').filter({ hasText: 'not a CSV file' }).waitFor();
  assertEqual(await page.locator('.source-card').count(), 2, 'still two sources');
  await page.screenshot({ path: join(outDir, 'after-load.png') });
}
