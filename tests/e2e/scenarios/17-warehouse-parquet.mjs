// A warehouse-built H3 count table (grouped and written to Parquet by DuckDB itself) loads through
// "Load data files" without questions; its exported counts equal the warehouse's, at its own
// resolution and as exact parent sums coarser; finer, it is left out and the legend says why; and
// it maps side by side with a raw police.uk file.
import { join } from 'node:path';
import { cellToParent } from 'h3-js';
import { writeWarehouseParquet } from '../../fixtures/warehouseTable.mjs';
import { assert, assertEqual, download, loadFiles, openApp, parseCsv, root, waitForMapIdle, waitForSources } from '../harness.mjs';

export async function run({ browser, url, outDir }) {
  const table = join(outDir, 'warehouse-h3-counts.parquet');
  const rows = await writeWarehouseParquet(table, { h3As: 'integer', compression: 'zstd' });
  const { page } = await openApp(browser, url);
  for (const name of ['brent-police-sample-2025.csv', 'brent-council-complaints-sample.csv']) await page.getByRole('button', { name: `Remove ${name}` }).click();
  await loadFiles(page, [table]);
  await page.locator('.source-card', { hasText: 'warehouse-h3-counts.parquet' }).waitFor();
  await waitForSources(page, 1);
  const card = await page.locator('.source-card').innerText();
  assert(card.includes(`${rows.length.toLocaleString('en-GB')} rows loaded, 0 rejected`) && card.includes('H3 res 9'), `the card reports the table (${card})`);
  await page.getByRole('button', { name: 'Select all' }).click();

  for (const resolution of [9, 8]) {
    await page.getByLabel('H3 resolution').selectOption(String(resolution));
    await waitForMapIdle(page);
    await page.waitForFunction((r) => document.querySelector('.legend')?.textContent?.includes(`H3 res ${r}`), resolution);
    const csv = await download(page, () => page.getByRole('button', { name: 'Export hotspots CSV' }).click());
    const exported = new Map(parseCsv(csv.bytes.toString('utf8')).slice(1).map((r) => [r[0], Number(r[4])]));
    const expected = new Map();
    for (const row of rows) {
      const cell = cellToParent(row.h3, resolution);
      expected.set(cell, (expected.get(cell) ?? 0) + row.count);
    }
    assertEqual(exported.size, expected.size, `cells at res ${resolution}`);
    for (const [cell, count] of expected) assertEqual(exported.get(cell), count, `count of ${cell} at res ${resolution}`);
  }

  await page.getByLabel('H3 resolution').selectOption('10');
  await page.locator('.legend', { hasText: 'cannot be split into finer cells' }).waitFor();

  await loadFiles(page, [join(root, 'tests', 'fixtures', 'police-small.csv')]);
  await page.locator('.source-card', { hasText: 'police-small.csv' }).waitFor();
  await waitForSources(page, 2);
  await page.getByLabel('H3 resolution').selectOption('9');
  await waitForMapIdle(page);
  const summary = await page.getByTestId('result-summary').innerText();
  const policeRows = Number(/([\d,]+) rows loaded/.exec(await page.locator('.source-card', { hasText: 'police-small.csv' }).innerText())[1].replace(/,/g, ''));
  assert(summary.includes(`${(5000 + policeRows).toLocaleString('en-GB')} incidents`), `the table and the raw file map together (${summary})`);
}
