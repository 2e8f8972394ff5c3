// The next month's police.uk download over the last one, as an analyst keeps a rolling series: the
// months already loaded come again byte for byte (not loaded again, told once, no dialog per file),
// one month comes republished with corrections (asked about once: replacing it must not count the
// month twice), and one month is new. After a reload the series is as left. Two downloads chosen
// together name a month twice: a copy is loaded once, two different versions are refused.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, assertEqual, loadFiles, openApp, waitForSources, waitUntilKept } from '../harness.mjs';
import { POLICE_HEADER, writeMonthlyFiles } from '../policeMonthly.mjs';

const ROWS = 400;
/** Crimes recorded late, added to February when police.uk republished it. */
const LATE_ROWS = 5;

export async function run({ browser, url, outDir }) {
  const before = writeMonthlyFiles(join(outDir, 'police-january-download'), { months: 3, rowsPerFile: ROWS });
  // The same generator and seed: January to March the same bytes, April new.
  const after = writeMonthlyFiles(join(outDir, 'police-april-download'), { months: 4, rowsPerFile: ROWS });
  const february = after.paths[1];
  const lateRows = Array.from({ length: LATE_ROWS }, (_, i) => `,2023-02,Metropolitan Police Service,Metropolitan Police Service,0.00${i + 1}000,51.540000,On or near High Street,E01003500,Newham 010A,Anti-social behaviour,,`);
  assert(POLICE_HEADER.split(',').length === lateRows[0].split(',').length, 'late rows have the header\'s columns');
  appendFileSync(february, lateRows.join('\n') + '\n');

  const { page } = await openApp(browser, url);
  await loadFiles(page, before.paths);
  await waitForSources(page, 3, 120_000);
  await page.locator('.notice', { hasText: '3 of 3 files loaded' }).waitFor({ timeout: 30_000 });

  await loadFiles(page, after.paths);
  const dialog = page.getByRole('dialog', { name: 'File already loaded, with other content' });
  await dialog.waitFor({ timeout: 60_000 });
  const question = await dialog.innerText();
  assert(question.includes('2023-02-metropolitan-street.csv has the name of a loaded file but other content') && question.includes('would count the incidents they share twice'), `the question names the republished month and what loading it beside would do (${question})`);
  await page.screenshot({ path: join(outDir, 'police-next-download-question.png') });
  await dialog.getByRole('button', { name: 'Replace the loaded file' }).click();

  await page.locator('.notice', { hasText: 'Already loaded, so not loaded again: 2023-01-metropolitan-street.csv … 2023-03-metropolitan-street.csv (2 files).' }).waitFor({ timeout: 30_000 });
  await page.locator('.notice', { hasText: 'Replaced the loaded 2023-02-metropolitan-street.csv with the new content.' }).waitFor({ timeout: 60_000 });
  await waitForSources(page, 4, 120_000);
  const status = `${(after.expected.withCoordinates + LATE_ROWS).toLocaleString('en-GB')} rows loaded, ${after.expected.withoutCoordinates.toLocaleString('en-GB')} rejected`;
  const card = page.locator('.source-card').first();
  assertEqual(await page.locator('.source-card').count(), 1, 'the four months are one series');
  assertEqual(await card.getAttribute('data-files'), '4', 'four files: no month twice');
  assertEqual(await card.getByRole('status').innerText(), status, 'each month counted once, February with its late rows');
  assertEqual(await page.getByRole('dialog').count(), 0, 'one question for the batch, none per file');
  await page.screenshot({ path: join(outDir, 'police-next-download.png') });

  await waitUntilKept(page, 4);
  await page.reload();
  await waitForSources(page, 4, 120_000);
  assertEqual(await page.locator('.source-card').first().getByRole('status').innerText(), status, 'the series is as left after a reload');

  // Two downloads chosen together, each with May: a copy loads once; two different Mays load neither.
  const [mayOne, mayTwo, mayCopy] = ['police-may-download-1', 'police-may-download-2', 'police-may-download-3'].map((dir) => writeMonthlyFiles(join(outDir, dir), { months: 5, rowsPerFile: ROWS }).paths[4]);
  appendFileSync(mayTwo, lateRows[0].replace('2023-02', '2023-05') + '\n');
  await loadFiles(page, [mayOne, mayTwo]);
  await page.locator('.notice', { hasText: 'Not loaded: 2023-05-metropolitan-street.csv, chosen twice with different content' }).waitFor({ timeout: 60_000 });
  assertEqual(await page.locator('.source-card').first().getAttribute('data-files'), '4', 'neither of two different Mays is loaded');
  await loadFiles(page, [mayOne, mayCopy]);
  await page.locator('.notice', { hasText: 'Chosen twice with the same content, so loaded once: 2023-05-metropolitan-street.csv.' }).waitFor({ timeout: 60_000 });
  await waitForSources(page, 5, 120_000);
  assertEqual(await page.locator('.source-card').first().getAttribute('data-files'), '5', 'a May chosen twice with the same bytes is loaded once');
  assertEqual(await page.getByRole('dialog').count(), 0, 'no question for a copy chosen twice');
}
