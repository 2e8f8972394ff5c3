// A big police.uk file made the way users make one: the Met's monthly burglary extracts joined
// into one CSV, with a year of them joined in twice (downloaded again). Over 32 MB it is read in
// parts by the parse workers, so its repeated lines fall both within a part and across the cut.
// Every repeated line must be rejected as a duplicate, with its fields, as the monthly files
// loaded one by one give: the same rows loaded, and the repeats on top of their rejected rows.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, assertEqual, download, loadFiles, openApp, parseCsv, sharedData, waitForSources } from '../harness.mjs';

const removeSample = async (page) => {
  for (const name of ['brent-police-sample-2025.csv', 'brent-council-complaints-sample.csv']) await page.getByRole('button', { name: `Remove ${name}` }).click();
};

/** "12,345 rows loaded, 308 rejected" on the only source card, as numbers. */
async function counts(page) {
  const text = await page.locator('.source-card .source-status').first().textContent();
  const [, loaded, rejected] = /([\d,]+) rows? loaded, ([\d,]+) rejected/.exec(text).map((n) => Number(String(n).replace(/,/g, '')));
  return { loaded, rejected };
}

export async function run({ browser, url, outDir }) {
  const metDir = join(sharedData, 'police-uk', 'met-burglary-2022-2023');
  if (!existsSync(metDir)) {
    console.log('    skipped: the real police.uk extracts (../shared/data/police-uk/met-burglary-2022-2023) are not here');
    return;
  }
  const files = readdirSync(metDir).filter((f) => f.endsWith('.csv')).sort().map((f) => join(metDir, f));
  const bodies = files.map((file) => readFileSync(file, 'utf8').replace(/\r?\n$/, '').split(/\r?\n/));
  const header = bodies[0][0];
  const again = bodies.filter((_, i) => files[i].includes('/2023-')).flatMap((lines) => lines.slice(1));
  const joined = join(outDir, 'met-burglary-2022-2023-joined.csv');
  writeFileSync(joined, [header, ...bodies.flatMap((lines) => lines.slice(1)), ...again].join('\n') + '\n');
  assert(statSync(joined).size > 32 << 20, 'the joined file is big enough to be read in parts');

  // The monthly files one by one: what the joined file must give, plus its repeats.
  const { page: monthly } = await openApp(browser, url);
  await removeSample(monthly);
  await loadFiles(monthly, files);
  await waitForSources(monthly, files.length, 180_000);
  const expected = await counts(monthly);

  const { page } = await openApp(browser, url);
  await removeSample(page);
  await loadFiles(page, [joined]);
  await waitForSources(page, 1, 180_000);
  const read = await counts(page);
  assertEqual(read.loaded, expected.loaded, 'the joined file loads the rows the monthly files load');
  assertEqual(read.rejected, expected.rejected + again.length, 'each line joined in again is rejected');

  // The rejected rows the user downloads: every repeated line, with its fields and its own line number.
  const { bytes } = await download(page, () => page.getByRole('button', { name: 'Download rejected rows' }).click());
  const rows = parseCsv(bytes.toString('utf8')).filter((row) => row.length > 1);
  assertEqual(rows.length - 1, read.rejected, 'the download holds every rejected row');
  const firstRepeatLine = 1 + bodies.reduce((total, lines) => total + lines.length - 1, 0) + 1;
  const repeats = rows.slice(1).filter((row) => Number(row[0]) >= firstRepeatLine);
  assertEqual(repeats.length, again.length, 'every line joined in again is among the rejected rows');
  const duplicates = repeats.filter((row) => row.at(-1) === 'Duplicate of an earlier row (same Crime ID)');
  assert(duplicates.length > again.length * 0.9, `most repeats are rejected as duplicates (${duplicates.length} of ${again.length})`);
  for (const row of duplicates) {
    const [original] = parseCsv(again[Number(row[0]) - firstRepeatLine]);
    assertEqual(JSON.stringify(row.slice(1, -1)), JSON.stringify(original), `line ${row[0]} is rejected with its own fields`);
  }
}
