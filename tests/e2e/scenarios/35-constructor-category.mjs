// Issue 13.1: categories named like object properties (constructor, __proto__, toString …) are
// ordinary categories: every filter change updates the results, under every harm scheme, and after
// a reload. The file is generated here.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, assertEqual, keepSample, loadFiles, openApp, waitForSources } from '../harness.mjs';

const POLICE_HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
/** Rows per category, each category at its own street (pairs: `__proto__:` in an object literal would set its prototype). */
const ROWS = [['constructor', 5], ['__proto__', 3], ['toString', 2], ['hasOwnProperty', 4], ['valueOf', 1]];

function objectNamesFile(dir) {
  const lines = [POLICE_HEADER];
  ROWS.forEach(([type, count], i) => {
    for (let n = 0; n < count; n++) lines.push(`,2025-03,Metropolitan Police Service,Metropolitan Police Service,${(-0.28 + i * 0.01).toFixed(4)},51.5560,On or near ${type} Street,E01000001,Brent 001A,${type},,`);
  });
  const path = join(dir, 'object-names.csv');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

async function expectIncidents(page, count, what) {
  await page
    .waitForFunction((n) => document.querySelector('[data-testid="result-summary"]')?.textContent?.includes(`· ${n} incidents`), count, { timeout: 15_000 })
    .catch(async () => {
      throw new Error(`${what}: expected ${count} incidents, the page shows "${await page.getByTestId('result-summary').innerText()}"`);
    });
}

export async function run({ browser, url, outDir }) {
  const path = objectNamesFile(mkdtempSync(join(tmpdir(), 'object-names-')));
  const { page, consoleErrors } = await openApp(browser, url);
  await loadFiles(page, [path]);
  await keepSample(page);
  await waitForSources(page, 3);
  assertEqual(await page.locator('.source-card').filter({ hasText: 'object-names.csv' }).getByRole('status').innerText(), '15 rows loaded, 0 rejected', 'status');

  const toggle = (name) => page.getByLabel(name, { exact: true }).click();
  await page.getByRole('button', { name: 'Select none' }).click();
  await toggle('constructor');
  await expectIncidents(page, 5, 'constructor only');
  assert((await page.locator('.legend h2').innerText()).startsWith('constructor'), 'the legend names the category');
  await toggle('toString');
  await expectIncidents(page, 7, 'constructor and toString');
  for (const scheme of ['Indicative days, after the Cambridge Crime Harm Index', 'Indicative severity, after the ONS Crime Severity Score']) {
    await page.getByLabel('Weighting').selectOption({ label: 'Harm-weighted' });
    await page.getByLabel('Scheme').selectOption({ label: scheme });
    await toggle('constructor');
    await expectIncidents(page, 2, `toString only, ${scheme}`);
    await toggle('constructor');
    await expectIncidents(page, 7, `constructor back, ${scheme}`);
    await page.getByLabel('Weighting').selectOption({ label: 'Each incident = 1' });
  }
  await toggle('__proto__');
  await toggle('hasOwnProperty');
  await toggle('valueOf');
  await expectIncidents(page, 15, 'all five');
  await page.screenshot({ path: join(outDir, 'constructor-category.png') });

  // The choice and the results come back after a reload.
  await page.waitForTimeout(1000); // let the autosave write
  await page.reload();
  await waitForSources(page, 3);
  await expectIncidents(page, 15, 'after reload');
  await toggle('hasOwnProperty');
  await expectIncidents(page, 11, 'after reload, hasOwnProperty off');
  assertEqual(await page.getByRole('alert').count(), 0, 'no error shown');
  assertEqual(consoleErrors.filter((e) => /DataClone|could not be cloned/i.test(e)), [], 'no cloning errors');
}
