// A selection that vanished with the data it chose: the sample's anti-social behaviour and 2025
// months are chosen, the sample is removed and burglary files for 2023 are loaded. The view falls
// back to all of the new data with a notice, the map shows it, and no legend, title or summary
// ever shows "undefined", "NaN" or "∞" (nor with nothing selected at all).
import { join } from 'node:path';
import { assert, assertEqual, loadFiles, openApp, waitForMapIdle, waitForSources } from '../harness.mjs';
import { writeMonthlyFiles } from '../policeMonthly.mjs';

const BROKEN = /undefined|NaN|∞|Infinity/;

async function assertCleanText(page, when) {
  const legend = (await page.locator('.legend').count()) > 0 ? await page.locator('.legend').innerText() : '';
  assert(!BROKEN.test(legend), `legend text is clean ${when}: ${legend}`);
  const body = await page.locator('body').innerText();
  const bad = body.split('\n').filter((line) => BROKEN.test(line));
  assertEqual(bad, [], `no rendered text shows undefined/NaN/∞ ${when}`);
}

export async function run({ browser, url, outDir }) {
  const { paths } = writeMonthlyFiles(join(outDir, 'burglary-2023'), { months: 6, rowsPerFile: 1200, startYear: 2023, categories: ['Burglary'], seed: 3 });
  const { page } = await openApp(browser, url);
  await page.getByRole('button', { name: 'Select none' }).click();
  await page.getByRole('checkbox', { name: 'Anti-social behaviour' }).check();
  await page.getByLabel('From month').selectOption(String(2025 * 12 + 2));
  await page.getByLabel('To month').selectOption(String(2025 * 12 + 5));
  await page.locator('.legend', { hasText: 'Mar 2025 – Jun 2025' }).waitFor();

  for (const name of ['brent-police-sample-2025.csv', 'brent-council-complaints-sample.csv']) await page.getByRole('button', { name: `Remove ${name}` }).click();
  await page.waitForFunction(() => document.querySelectorAll('.source-card').length === 0);
  await assertCleanText(page, 'with no data');

  await loadFiles(page, paths);
  await waitForSources(page, 6);
  const notice = page.locator('.notice', { hasText: 'The chosen categories are not in the loaded data' }).last();
  await notice.waitFor();
  assert((await notice.innerText()).includes('the chosen months are not in the loaded data'), 'the months fell back too');
  await page.locator('.legend', { hasText: 'Burglary' }).waitFor();
  await page.locator('.legend', { hasText: 'Jan 2023 – Jun 2023' }).waitFor();
  await waitForMapIdle(page);
  assert((await page.locator('.legend li').count()) > 0, 'the legend has classes');
  assert(await page.getByRole('checkbox', { name: 'Burglary' }).isChecked(), 'Burglary is selected');
  const incidents = Number((await page.getByTestId('result-summary').innerText()).match(/([\d,]+) incidents/)[1].replace(/,/g, ''));
  assert(incidents > 0, 'the map shows the new data');
  await assertCleanText(page, 'after the fallback');
  await page.screenshot({ path: join(outDir, 'vanished-selection.png') });

  // Nothing selected: the legend says so instead of an empty range.
  await page.getByRole('button', { name: 'Select none' }).click();
  await page.locator('.legend', { hasText: 'No incidents match the current filters' }).waitFor();
  await assertCleanText(page, 'with nothing selected');
}
