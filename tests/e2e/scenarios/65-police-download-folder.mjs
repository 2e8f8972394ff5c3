// A force's police.uk download as a Mac unzips it, picked as one folder: a folder a month, each
// with a street-level file, an outcomes file and a stop-and-search file, and the ZIP's `__MACOSX`
// copies beside them. Only the street-level rows are incidents: the other files are refused, once
// per kind, with the reason, never sent to the column mapping (which would count each crime's
// outcomes, and each search, as incidents); the system's own entries are left out. The same folder
// dropped on the page (a drop the browser makes from the path, through the DevTools protocol) gives the same.
// So does the download as it comes, one ZIP of those folders, picked as a file; and its files are
// still there after a reload.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { assert, assertEqual, openApp, waitForSources } from '../harness.mjs';
import { writeMonthlyFiles, writeOtherPoliceFiles } from '../policeMonthly.mjs';

const MONTHS = 3;

export async function run({ browser, url, outDir }) {
  const dir = join(outDir, 'police-download');
  const { paths, expected } = writeMonthlyFiles(dir, { months: MONTHS, rowsPerFile: 400 });
  const others = writeOtherPoliceFiles(dir, { months: MONTHS, rowsPerFile: 300 });
  for (const path of [...paths, ...others]) {
    const month = join(dir, basename(path).slice(0, 7));
    mkdirSync(month, { recursive: true });
    renameSync(path, join(month, basename(path)));
  }
  mkdirSync(join(dir, '__MACOSX', '2023-01'), { recursive: true });
  writeFileSync(join(dir, '__MACOSX', '2023-01', '._2023-01-metropolitan-street.csv'), Buffer.from([0, 5, 22, 7, 0, 2, 0, 0]));
  writeFileSync(join(dir, '.DS_Store'), Buffer.from([0, 0, 0, 1, 66, 117, 100, 49]));
  const picked = await openApp(browser, url);
  await picked.page.getByLabel('Load a folder of data files').setInputFiles(dir);
  await checkLoaded(picked.page, expected, 'picked');
  await picked.page.screenshot({ path: join(outDir, 'police-download-folder.png') });

  const dropped = await openApp(browser, url);
  const devtools = await dropped.context.newCDPSession(dropped.page);
  const drag = { items: [], files: [dir], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver']) await devtools.send('Input.dispatchDragEvent', { type, x: 640, y: 300, data: drag });
  // The drop is taken only once the page has answered the drag over it: wait until it shows it is a drop target.
  await dropped.page.getByText('Drop CSV files to load them').waitFor({ timeout: 10_000 });
  await devtools.send('Input.dispatchDragEvent', { type: 'dragOver', x: 640, y: 300, data: drag });
  await devtools.send('Input.dispatchDragEvent', { type: 'drop', x: 640, y: 300, data: drag });
  await checkLoaded(dropped.page, expected, 'dropped');

  // The download as it comes: one ZIP of the month folders (deflated, as police.uk's are).
  const zipPath = join(outDir, 'police-download.zip');
  writeFileSync(zipPath, zipSync(Object.fromEntries(filesUnder(dir).map((path) => [relative(dir, path), readFileSync(path)])), { level: 6 }));
  const zipped = await openApp(browser, url);
  await zipped.page.getByLabel('Load data files').setInputFiles(zipPath);
  await checkLoaded(zipped.page, expected, 'zip', ' (unpacked from police-download.zip)');
  await zipped.page.reload();
  await waitForSources(zipped.page, MONTHS, 120_000);
  assertEqual(await zipped.page.locator('.source-card').first().getByRole('status').innerText(), `${expected.withCoordinates.toLocaleString('en-GB')} rows loaded, ${expected.withoutCoordinates.toLocaleString('en-GB')} rejected`, 'zip: the unpacked files are kept over a reload');

  // A folder with nothing but the system's own entries is said to hold nothing, rather than doing nothing.
  const empty = join(outDir, 'police-download-empty');
  mkdirSync(empty, { recursive: true });
  writeFileSync(join(empty, '.DS_Store'), Buffer.from([0, 0, 0, 1, 66, 117, 100, 49]));
  await picked.page.getByLabel('Load a folder of data files').setInputFiles(empty);
  await picked.page.locator('.notice', { hasText: 'The folder holds no files to load' }).waitFor({ timeout: 10_000 });
}

/** The street-level rows alone loaded, each other kind of file refused once with its reason, nothing asked. */
async function checkLoaded(page, expected, how, from = '') {
  await waitForSources(page, MONTHS, 120_000);
  const card = page.locator('.source-card').first();
  assertEqual(await page.locator('.source-card').count(), 1, `${how}: the street-level files are one card`);
  assertEqual(await card.getByRole('status').innerText(), `${expected.withCoordinates.toLocaleString('en-GB')} rows loaded, ${expected.withoutCoordinates.toLocaleString('en-GB')} rejected`, `${how}: only the street-level rows are counted`);
  const outcomes = page.locator('.notice', { hasText: 'Not loaded: 2023-01-metropolitan-outcomes.csv … 2023-03-metropolitan-outcomes.csv (3 files). Each is a police.uk outcomes file' });
  assertEqual(await outcomes.count(), 1, `${how}: one notice names the outcomes files and why`);
  assert((await outcomes.innerText()).includes('count those crimes again'), `${how}: the outcomes notice says what counting them would do`);
  const searches = page.locator('.notice', { hasText: 'Not loaded: 2023-01-metropolitan-stop-and-search.csv … 2023-03-metropolitan-stop-and-search.csv (3 files). Each is a police.uk stop-and-search file' });
  assertEqual(await searches.count(), 1, `${how}: one notice names the stop-and-search files and why`);
  const rows = `${expected.withCoordinates.toLocaleString('en-GB')} rows, ${expected.withoutCoordinates.toLocaleString('en-GB')} rejected`;
  assertEqual(await page.locator('.notice', { hasText: `3 of 9 files loaded${from}: ${rows}.` }).count(), 1, `${how}: the batch says how many of the files loaded`);
  assertEqual(await page.getByRole('dialog').count(), 0, `${how}: no column mapping is asked for`);
  assertEqual(await page.locator('.notice', { hasText: /MACOSX|DS_Store|\._2023/ }).count(), 0, `${how}: the system's own entries are not named`);
}

/** Every file under a folder, at any depth. */
function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
