// Helpers for the geometry-file scenarios: real files beside the project, the sample removed,
// and the import dialog's summary read back.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedData } from './harness.mjs';

export const CITY_DIR = join(sharedData, 'police-uk', 'city-of-london-2023H1');
export const BOROUGHS = join(sharedData, 'boundaries', 'london_boroughs_wgs84.geojson');
export const SHEFFIELD = join(sharedData, 'cameras', 'sheffield_cctv.geojson');

/** The first of `paths` that is missing, as a skip message, or null when all are there. */
export function missingData(...paths) {
  const absent = paths.find((path) => !existsSync(path));
  return absent ? `${absent} not found (real test data in ../shared/data)` : null;
}

/** Removes the synthetic sample's incident files, as a user starting on their own data would. */
export async function removeSample(page) {
  for (const name of ['brent-police-sample-2025.csv', 'brent-council-complaints-sample.csv']) {
    const button = page.getByRole('button', { name: `Remove ${name}` });
    if (await button.count()) await button.click();
  }
}

/** The open import dialog and its text, once a file has been read. */
export async function importDialog(page) {
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  await page.waitForFunction(() => document.querySelector('dialog[open] .import-summary, dialog[open] button.primary'));
  return { dialog, text: await dialog.innerText() };
}

/** Incident counts per zone name from the PSPO zones table. */
export async function zoneCounts(page) {
  return page.locator('.zone-table tbody tr').evaluateAll((rows) =>
    Object.fromEntries(rows.map((row) => {
      const cells = row.querySelectorAll('td');
      const name = cells[0].childNodes[0].textContent.trim();
      return [name, { incidents: Number(cells[1].textContent.replace(/,/g, '')), areaHa: Number((/([\d,.]+) ha/.exec(cells[0].textContent) ?? [])[1]?.replace(/,/g, '')) }];
    })),
  );
}

/** Every category shown (the sample's selection may outlive it). */
export async function showAllCategories(page) {
  await page.getByRole('button', { name: 'Select all' }).click();
}
