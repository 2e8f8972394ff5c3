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

  // A zone drawn without a pointer: the arrow keys move the map, each corner is added at its centre.
  const zoneRows = page.locator('.zone-table tbody tr');
  const zonesBefore = await zoneRows.count();
  await page.getByRole('button', { name: 'Draw zone' }).click();
  for (const key of ['ArrowUp', 'ArrowLeft', 'ArrowDown']) {
    await page.locator('.maplibregl-canvas').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press(key);
    await page.waitForTimeout(800);
    await page.getByRole('button', { name: 'Add corner at the map centre' }).click();
  }
  await page.getByText('(3 so far)').waitFor();
  await assertAccessible(page, 'drawing a zone');
  await page.getByRole('button', { name: 'Finish zone' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.zone-table tbody tr').length === n + 1, zonesBefore);

  // A camera placed without a pointer, at the map centre.
  const onTheGround = async () => Number(/([\d,]+) cameras on the ground/.exec(await page.locator('.panel', { hasText: 'CCTV planner' }).innerText())[1].replace(/,/g, ''));
  const camerasBefore = await onTheGround();
  await page.getByRole('button', { name: 'Add fixed camera' }).click();
  await page.getByRole('button', { name: 'place it at the map centre' }).click();
  await page.waitForFunction((n) => new RegExp(`${n + 1} cameras on the ground`).test(document.body.innerText), camerasBefore);

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
