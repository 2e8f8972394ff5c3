// WCAG 2.2 AA in the states a user passes through: every panel open, the column-mapping dialog,
// a pinned cell, Gi* on, and the accessibility statement; the keyboard reaches a cell without a mouse.
import { join } from 'node:path';
import { assertAccessible } from '../accessibility.mjs';
import { assert, loadFiles, openApp, root, waitForMapIdle } from '../harness.mjs';

export async function run({ browser, url }) {
  const { page } = await openApp(browser, url);
  await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
  await waitForMapIdle(page);
  await assertAccessible(page, 'every panel open');

  await page.getByLabel('Hotspot method').selectOption('gistar');
  await page.locator('.legend', { hasText: 'Gi* hot and cold spots' }).waitFor();
  await assertAccessible(page, 'Gi* map');

  // Keyboard only: tab to the first top-table row and pin it with Enter.
  const firstRow = page.locator('.top-table tbody tr').first();
  await firstRow.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: 'Pinned cell' }).waitFor();
  await assertAccessible(page, 'pinned cell');

  // Any cell, not only the top ones: the list of every cell, sorted by H3 index, a row chosen by keyboard.
  const list = page.locator('.cell-list');
  if (!(await list.evaluate((details) => details.open))) await list.locator('summary').click();
  await list.getByRole('button', { name: 'H3 cell' }).click();
  const row = list.locator('tbody tr').first();
  const cell = await row.locator('td').first().innerText();
  await row.focus();
  await page.keyboard.press('Enter');
  await page.locator('.h3-index', { hasText: cell }).waitFor();
  await assertAccessible(page, 'cell list');

  await loadFiles(page, [join(root, 'tests', 'fixtures', 'council-complaints-small.csv')]);
  await page.getByRole('dialog').waitFor();
  await assertAccessible(page, 'column-mapping dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Accessibility' }).click();
  const statement = page.getByRole('dialog', { name: 'Accessibility statement for Hotspot Planner' });
  await statement.waitFor();
  assert((await statement.innerText()).includes('Reporting a problem'), 'the statement says how to report a problem');
  await assertAccessible(page, 'accessibility statement');
  await page.keyboard.press('Escape');
}
