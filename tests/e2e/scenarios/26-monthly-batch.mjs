// A batch of monthly police.uk files chosen in one picker selection: overall progress ("file n of
// N", rows and MB), one grouped source card whose totals equal an independent count of the files,
// one rejected-rows download holding every reject with its file, per-file detail on demand, and
// the map fitted to the new data (East London, away from the Brent sample).
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { assert, assertEqual, download, loadFiles, openApp, parseCsv, waitForMapIdle, waitForSources } from '../harness.mjs';
import { writeMonthlyFiles } from '../policeMonthly.mjs';

const MONTHS = 36;

/** Counts rows with and without coordinates by reading the files with the harness's own CSV reader. */
function independentCount(paths) {
  let withCoordinates = 0;
  const rejectedByFile = {};
  for (const path of paths) {
    const [header, ...rows] = parseCsv(readFileSync(path, 'utf8')).filter((row) => row.length > 1);
    const lng = header.indexOf('Longitude');
    const lat = header.indexOf('Latitude');
    const missing = rows.filter((row) => row[lng] === '' || row[lat] === '').length;
    rejectedByFile[basename(path)] = missing;
    withCoordinates += rows.length - missing;
  }
  return { withCoordinates, rejectedByFile };
}

export async function run({ browser, url, outDir }) {
  const { paths } = writeMonthlyFiles(join(outDir, 'monthly-batch'), { months: MONTHS, rowsPerFile: 2500, startYear: 2021 });
  const truth = independentCount(paths);
  const rejectedTotal = Object.values(truth.rejectedByFile).reduce((a, b) => a + b, 0);
  const { page } = await openApp(browser, url);
  const sampleShown = page.locator('.notice', { hasText: 'Showing the synthetic Brent sample' });
  assertEqual(await sampleShown.count(), 1, 'the start says the sample is shown');

  // Overall progress is sampled while the batch loads.
  const seen = new Set();
  const watcher = setInterval(() => {
    void page.locator('.load-progress').innerText({ timeout: 200 }).then((text) => seen.add(text)).catch(() => undefined);
  }, 100);
  await loadFiles(page, paths);
  await waitForSources(page, MONTHS, 180_000);
  clearInterval(watcher);
  const progress = [...seen].join('\n');
  assert(/File \d+ of 36: 20\d\d-\d\d-metropolitan-street\.csv/.test(progress), `"file n of N" shown (${[...seen].slice(0, 3).join(' | ')})`);
  assert(/[\d,]+ rows · [\d.]+ MB of [\d.]+ MB overall/.test(progress), 'rows and MB overall shown');

  // The sample is replaced, by the whole batch as its notice says; the 36 files are one card.
  const replaced = page.locator('.notice', { hasText: 'replace the synthetic sample' });
  assertEqual(await replaced.count(), 1, 'one notice of the replacement');
  assertEqual(await sampleShown.count(), 0, 'no notice still says the sample is shown');
  assert((await replaced.innerText()).startsWith('2021-01-metropolitan-street.csv … 2023-12-metropolitan-street.csv (36 files) replace the synthetic sample'), `the notice names the batch (${await replaced.innerText()})`);
  const cards = page.locator('.source-card');
  assertEqual(await cards.count(), 1, 'one grouped card');
  const card = cards.first();
  assert((await card.innerText()).includes('metropolitan-street.csv (36 files)'), 'the card names the series and the file count');
  assertEqual(await card.getByRole('status').innerText(), `${truth.withCoordinates.toLocaleString('en-GB')} rows loaded, ${rejectedTotal.toLocaleString('en-GB')} rejected`, 'totals equal an independent count');
  assertEqual(await page.getByRole('checkbox', { name: /metropolitan-street/ }).count(), 1, 'one checkbox for the batch');
  await card.locator('summary', { hasText: 'Show the 36 files' }).click();
  assertEqual(await card.locator('.source-files li').count(), 36, 'per-file detail on demand');
  assert((await card.locator('.source-files li').first().innerText()).startsWith('2021-01-metropolitan-street.csv: '), 'files listed by month');

  // One rejected-rows download with every reject, each with its file.
  assertEqual(await card.getByRole('button', { name: 'Download rejected rows' }).count(), 1, 'one download button');
  const rejected = await download(page, () => card.getByRole('button', { name: 'Download rejected rows' }).click());
  const rows = parseCsv(rejected.bytes.toString('utf8'));
  assertEqual(rows[0].slice(0, 3), ['file', 'line', 'Crime ID'], 'file column first');
  assertEqual(rows.length - 1, rejectedTotal, 'every reject in the one file');
  const perFile = {};
  for (const row of rows.slice(1)) perFile[row[0]] = (perFile[row[0]] ?? 0) + 1;
  assertEqual(Object.fromEntries(Object.entries(perFile).sort()), Object.fromEntries(Object.entries(truth.rejectedByFile).filter(([, n]) => n > 0).sort()), 'rejects per file');
  assert(rows.slice(1).every((row) => row[row.length - 1] === 'No coordinates'), 'each with its reason');

  // The map fitted the new data: its centre is in East London, not on the Brent sample.
  await waitForMapIdle(page);
  const mapParam = async () => page.evaluate(() => new URLSearchParams(window.location.hash.slice(1)).get('map'));
  await page.waitForFunction(() => Boolean(new URLSearchParams(window.location.hash.slice(1)).get('map')));
  await page.waitForTimeout(500);
  const [, lat, lng] = (await mapParam()).split('/').map(Number);
  const centre = { lng, lat };
  assert(Math.abs(centre.lng - 0.0) < 0.03 && Math.abs(centre.lat - 51.54) < 0.03, `map centred on the new data (${centre.lng}, ${centre.lat})`);
  assert(Number((await page.getByTestId('result-summary').innerText()).match(/([\d,]+) incidents/)[1].replace(/,/g, '')) > 0, 'cells drawn');
  await page.screenshot({ path: join(outDir, 'monthly-batch.png') });
}
