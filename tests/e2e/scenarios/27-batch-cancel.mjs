// Cancel stops a batch of monthly files, not just the file being read, and says what was kept:
// the files finished before Cancel stay loaded (and only they), the rest are named as not loaded.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { assert, assertEqual, loadFiles, openApp, parseCsv } from '../harness.mjs';
import { writeMonthlyFiles } from '../policeMonthly.mjs';

const FILES = 40;

export async function run({ browser, url, outDir }) {
  const { paths } = writeMonthlyFiles(join(outDir, 'monthly-cancel'), { months: FILES, rowsPerFile: 12_000, startYear: 2020, seed: 11 });
  const { page } = await openApp(browser, url);
  await loadFiles(page, paths);
  // Any file from the third to the 29th: on a busy machine the line can pass over ten files between two looks.
  await page.locator('.load-progress', { hasText: /File ([3-9]|[12]\d) of 40/ }).waitFor({ timeout: 120_000 });
  // Clicked at once (no wait for the progress line to settle): the batch would finish meanwhile.
  await page.getByRole('button', { name: 'Cancel the batch' }).dispatchEvent('click');
  const notice = page.locator('.notice', { hasText: 'Loading cancelled' });
  await notice.waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('.load-progress'));
  const text = await notice.innerText();
  const match = /Loading cancelled at file (\d+) of 40\. Kept (\d+) complete files: .*?, ([\d,]+) rows, ([\d,]+) rejected\. (\d+) files were not loaded/.exec(text);
  assert(match, `the notice says what was kept (${text})`);
  const kept = Number(match[2]);
  assert(kept >= 2 && kept < FILES, `some files kept, the batch stopped (${kept})`);
  assertEqual(Number(match[5]), FILES - kept, 'the rest are not loaded');

  // Exactly the kept files are loaded (the first ones), with the counts the notice gives.
  await page.waitForFunction((n) => Number(document.querySelector('.source-card')?.getAttribute('data-files')) === n && document.querySelectorAll('.source-card').length === 1, kept);
  const card = page.locator('.source-card').first();
  await card.locator('summary', { hasText: `Show the ${kept} files` }).click();
  const listed = (await card.locator('.source-files li').allInnerTexts()).map((line) => line.split(':')[0]);
  assertEqual(listed, paths.slice(0, kept).map((p) => basename(p)), 'the first files, in order');
  let accepted = 0;
  for (const path of paths.slice(0, kept)) {
    const [header, ...rows] = parseCsv(readFileSync(path, 'utf8')).filter((row) => row.length > 1);
    accepted += rows.filter((row) => row[header.indexOf('Longitude')] !== '').length;
  }
  assertEqual(match[3], accepted.toLocaleString('en-GB'), 'kept rows equal an independent count');
  assert((await card.getByRole('status').innerText()).startsWith(`${accepted.toLocaleString('en-GB')} rows loaded`), 'the card agrees');
  await page.screenshot({ path: join(outDir, 'batch-cancelled.png') });
}
