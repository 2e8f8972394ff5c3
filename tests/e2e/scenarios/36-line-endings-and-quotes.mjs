// Issue 13.5: classic Mac (CR-only) line endings and stray quotes. Every record in the file is
// loaded or rejected with its reason, and the rows accounted for equal Python's csv module count.
// The files are generated here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertEqual, download, keepSample, loadFiles, openApp, parseCsv, waitForSources } from '../harness.mjs';

const POLICE_HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const line = (i, location = `On or near Street ${i % 97}`) =>
  `,2025-${String((i % 12) + 1).padStart(2, '0')},Metropolitan Police Service,Metropolitan Police Service,${(-0.3 + (i % 50) * 0.001).toFixed(4)},${(51.54 + (i % 40) * 0.001).toFixed(4)},${location},E01000001,Brent 001A,Anti-social behaviour,,`;

/** Python's count of data records (blank lines are not records); `quoting` 'none' reads every physical line as one record. */
function pythonRecords(path, quoting = 'minimal') {
  const script = `import csv, sys
csv.field_size_limit(2**31 - 1)
with open(sys.argv[1], newline='') as f:
    rows = [r for r in csv.reader(f, quoting=csv.QUOTE_NONE if sys.argv[2] == 'none' else csv.QUOTE_MINIMAL) if r]
print(len(rows) - 1)`;
  return Number(execFileSync('python3', ['-c', script, path, quoting], { encoding: 'utf8' }).trim());
}

function hasPython() {
  try {
    execFileSync('python3', ['--version']);
    return true;
  } catch {
    return false;
  }
}

const status = (page, name) => page.locator('.source-card').filter({ hasText: name }).getByRole('status').innerText();
const accounted = (text) => {
  const [, loaded, rejected] = /([\d,]+) rows? loaded, ([\d,]+) rejected/.exec(text).map((n) => Number(n.replace(/,/g, '')));
  return { loaded, rejected };
};

export async function run({ browser, url, outDir }) {
  if (!hasPython()) return { skipped: 'python3 is not installed, so the independent row count cannot be made' };
  const dir = mkdtempSync(join(tmpdir(), 'line-endings-'));
  const files = {
    // 738 rows, as in the report, with CR line ends only (one quoted field holds a CR too).
    'classic-mac.csv': [POLICE_HEADER, ...Array.from({ length: 738 }, (_, i) => line(i, i === 100 ? '"Flat 2\rHigh Road"' : undefined))].join('\r') + '\r',
    // A quote inside a field (an inch mark) on line 6 of 40,000: text, as Python reads it.
    'inch-mark.csv': [POLICE_HEADER, ...Array.from({ length: 39_999 }, (_, i) => line(i, i === 4 ? 'By the 12" pipe' : undefined))].join('\n') + '\n',
    // A stray opening quote on line 6 of 40,000, and no other quote in the file.
    'stray-quote.csv': [POLICE_HEADER, ...Array.from({ length: 39_999 }, (_, i) => line(i, i === 4 ? '"On or near High Road' : undefined))].join('\n') + '\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const { page } = await openApp(browser, url);

  await loadFiles(page, [join(dir, 'classic-mac.csv')]);
  await keepSample(page);
  await waitForSources(page, 3);
  assertEqual(pythonRecords(join(dir, 'classic-mac.csv')), 738, 'Python counts 738 records');
  assertEqual(await status(page, 'classic-mac.csv'), '738 rows loaded, 0 rejected', 'CR-only file: every row');

  await loadFiles(page, [join(dir, 'inch-mark.csv')]);
  await waitForSources(page, 4);
  const inch = accounted(await status(page, 'inch-mark.csv'));
  assertEqual(inch.loaded + inch.rejected, pythonRecords(join(dir, 'inch-mark.csv')), 'inch mark: rows accounted = Python csv records');
  assertEqual(inch, { loaded: 39_999, rejected: 0 }, 'inch mark: all rows load');

  await loadFiles(page, [join(dir, 'stray-quote.csv')]);
  await waitForSources(page, 5);
  const stray = accounted(await status(page, 'stray-quote.csv'));
  // Python's default reader lets the quote swallow the rest of the file into one record (6 in all);
  // read line by line it counts 39,999, and the app accounts for each of them, rejecting one.
  assertEqual(pythonRecords(join(dir, 'stray-quote.csv')), 5, 'Python merges the rest of the file into the quoted field');
  assertEqual(stray.loaded + stray.rejected, pythonRecords(join(dir, 'stray-quote.csv'), 'none'), 'stray quote: rows accounted = Python records read line by line');
  assertEqual(stray, { loaded: 39_998, rejected: 1 }, 'stray quote costs one row');
  const card = page.locator('.source-card').filter({ hasText: 'stray-quote.csv' });
  assertEqual(await card.locator('.reasons li').allInnerTexts(), ['A quote is not closed (the field would run into the lines after it): 1'], 'reason shown');
  const rejected = parseCsv((await download(page, () => card.getByRole('button', { name: 'Download rejected rows' }).click())).bytes.toString('utf8'));
  assertEqual(rejected.slice(1).map((r) => [r[0], r[7], r.at(-1)]), [['6', '"On or near High Road', 'A quote is not closed (the field would run into the lines after it)']], 'the rejected row, with its line number and reason');
  await page.screenshot({ path: join(outDir, 'line-endings-and-quotes.png') });
}
