// Prediction benchmark: train on the sample's first six months, forecast the last six; six methods
// scored at 1, 3 and 5% of the area, the best named, a chart, and the table downloaded as CSV.
import { join } from 'node:path';
import { assert, assertEqual, download, openApp, parseCsv } from '../harness.mjs';

export async function run({ browser, url, outDir }) {
  const { page, consoleErrors } = await openApp(browser, url);
  await page.locator('summary', { hasText: 'Prediction benchmark' }).click();
  await page.getByLabel('KDE bandwidth (m)').fill('300');
  await page.getByRole('button', { name: 'Run benchmark' }).click();
  const result = page.locator('.benchmark-result');
  await result.locator('table.compact').waitFor({ timeout: 60_000 });
  const rows = await result.locator('table.compact tbody tr').allInnerTexts();
  assertEqual(rows.length, 6, 'six methods scored');
  const best = await result.locator('.benchmark-best').innerText();
  assert(rows.some((r) => r.includes(best) && r.includes('(best)')), `the best method (${best}) is named in the table`);
  assert((await result.innerText()).includes('bandwidth 300 m'), 'the KDE bandwidth in use is stated');
  assert(await result.locator('.uplot, canvas').count() > 0, 'the hit-rate chart is drawn');
  const countRow = result.locator('table.compact tbody tr', { hasText: 'Training-period count' });
  const pai = Number(await countRow.locator('td').nth(1).innerText());
  assert(pai > 1, `top cells by count predict better than chance (PAI ${pai})`);

  // Another area share changes the table, not the method list.
  await result.getByLabel('Scores at').selectOption({ label: '5% of the study area' });
  assertEqual((await result.locator('table.compact tbody tr').allInnerTexts()).length, 6, 'six methods at 5%');
  await result.screenshot({ path: join(outDir, 'benchmark.png') });

  const csv = await download(page, () => page.getByRole('button', { name: 'Download benchmark CSV' }).click());
  assert(csv.name.startsWith('benchmark_') && csv.name.endsWith('.csv'), `file name (${csv.name})`);
  const table = parseCsv(csv.bytes.toString('utf8'));
  assertEqual(table[0].slice(0, 10).join(','), 'method,train_period,test_period,mode,area_share,area_share_used,hit_rate,pai,pei,rri', 'CSV header');
  const body = table.slice(1).filter((r) => r.length > 1);
  assertEqual(body.length, 18, 'six methods × three area shares');
  assertEqual([...new Set(body.map((r) => r[4]))].join(','), '0.01,0.03,0.05', 'shares 1, 3 and 5%');
  assert(body.some((r) => r[0] === best && r[10] === 'best'), 'the CSV marks the same best method');

  // Rolling: each test month forecast from the six months before it.
  await page.getByLabel(/Rolling/).check();
  await page.getByRole('button', { name: 'Run benchmark' }).click();
  await page.waitForFunction(() => document.querySelector('.benchmark-result')?.textContent?.includes('Averaged over 6 test months'), null, { timeout: 60_000 });
  assertEqual(consoleErrors.filter((e) => !e.includes('net::ERR')), [], 'no console errors besides the offline basemap probe');
}
