// Issue 13.10: a month after today (2099-12 beside 2025 data) and a point at sea (0, 0) are rejected
// with their reasons, and neither stretches the month range. The plausible area is the UK bounding
// box (latitude 49.8 to 60.95, longitude -8.7 to 1.8). The file is generated here.
import { join } from 'node:path';
import { assert, assertEqual, download, openWithPoliceCsv, parseCsv } from '../harness.mjs';

const line = (month, lng, lat) => `,${month},Metropolitan Police Service,Metropolitan Police Service,${lng},${lat},On or near High Road,E01000001,Brent 001A,Anti-social behaviour,,`;

export async function run({ browser, url, outDir }) {
  const rows = [...['2025-01', '2025-02', '2025-03', '2025-04'].map((m) => line(m, '-0.2790', '51.5560')), line('2099-12', '-0.2790', '51.5560'), line('2025-02', '0', '0')];
  const { page, card } = await openWithPoliceCsv(browser, url, 'far-months-and-places.csv', rows);
  assertEqual(await card.getByRole('status').innerText(), '4 rows loaded, 2 rejected', 'status');
  assertEqual((await card.locator('.reasons li').allInnerTexts()).sort(), ['Coordinates outside the UK: 1', 'Dated after today: 1'], 'reasons');
  const months = await page.getByLabel('To month').locator('option').allInnerTexts();
  assert(!months.some((m) => m.includes('2099')) && months.length <= 24, `the month range is the data's: ${months[0]} – ${months.at(-1)} (${months.length} months)`);
  const rejected = parseCsv((await download(page, () => card.getByRole('button', { name: 'Download rejected rows' }).click())).bytes.toString('utf8'));
  assertEqual(rejected.slice(1).map((r) => [r[0], r[2], r[5], r[6], r.at(-1)]), [
    ['6', '2099-12', '-0.2790', '51.5560', 'Dated after today'],
    ['7', '2025-02', '0', '0', 'Coordinates outside the UK'],
  ], 'rejected rows with line numbers and reasons');
  await page.screenshot({ path: join(outDir, 'far-months-and-places.png') });
}
