// Cancel while a police.uk ZIP is unpacked (by the parse workers, which Cancel ends): nothing from
// it is loaded, the work on screen is untouched, and the next file loads with new workers.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { zipSync } from 'fflate';
import { assertEqual, loadFiles, openApp, waitForFile } from '../harness.mjs';
import { writeMonthlyFiles } from '../policeMonthly.mjs';

export async function run({ browser, url, outDir }) {
  // A year of a force's months, 131 MB unpacked: long enough to unpack for Cancel to land in it.
  const { paths } = writeMonthlyFiles(join(outDir, 'zip-cancel'), { months: 12, rowsPerFile: 50_000, seed: 5 });
  const archive = join(outDir, 'year-download.zip');
  writeFileSync(archive, zipSync(Object.fromEntries(paths.map((path) => [`${basename(path).slice(0, 7)}/${basename(path)}`, [readFileSync(path), { level: 1 }]]))));

  const { page } = await openApp(browser, url);
  const cards = async () => page.locator('.source-card').allInnerTexts();
  const before = await cards();
  await loadFiles(page, [archive]);
  await page.locator('.load-progress', { hasText: 'Unpacking' }).waitFor({ timeout: 60_000 });
  // Clicked at once: the archive would be unpacked meanwhile.
  await page.getByRole('button', { name: 'Cancel', exact: true }).dispatchEvent('click');
  await page.locator('.notice', { hasText: 'Unpacking year-download.zip was cancelled: nothing was loaded.' }).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('.load-progress'));
  assertEqual(await cards(), before, 'the sources on screen are untouched');

  // The parse workers were ended with the unpacking: the next file is read by new ones.
  await loadFiles(page, [paths[0]]);
  await waitForFile(page, basename(paths[0]), 60_000);
  assertEqual(await page.locator('.source-card').count(), 1, 'the file loads, replacing the sample');
  await page.screenshot({ path: join(outDir, 'zip-cancelled.png') });
}
