// A workspace file is checked whole before anything changes: a bad data entry, entries that are
// not objects, text in coordinates or a file that cannot be read leave the current work intact and
// say what was wrong. A good one restores everything (moves, evaluation), and is saved at once.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { assertEqual, download, loadFiles, openApp, waitForMapIdle, waitForSources } from '../harness.mjs';
import { tempDir, writeMonthlyFiles } from '../policeFiles.mjs';

const sourceNames = (page) => page.locator('.source-name').allInnerTexts();
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

function workspaceZip(dir, name, doc, files) {
  const path = join(dir, name);
  writeFileSync(path, zipSync({ 'workspace.json': strToU8(JSON.stringify(doc)), ...files }));
  return path;
}

const document = (change) => ({ format: 'hotspot-planner-workspace', version: 1, name: 'Crafted', savedAt: '', sources: [{ name: 'bad.csv', fingerprint: 'sha256:00', mapping: null, hidden: false }], view: {}, selectedCategories: null, harmWeights: {}, panels: {}, ...change });

export async function run({ browser, url, outDir }) {
  const dir = tempDir('hp-wsfile-');
  const { page } = await openApp(browser, url);
  await loadFiles(page, writeMonthlyFiles(dir, { count: 1, rows: 150, firstYear: 2024 }));
  // The first user file replaces the synthetic sample; Undo keeps both (the sample's cameras are needed for moves).
  await page.locator('.notice', { hasText: 'replaces the synthetic sample' }).getByRole('button', { name: 'Undo' }).click();
  await waitForSources(page, 3);
  await waitForMapIdle(page);
  await page.waitForTimeout(1200);
  const work = await sourceNames(page);
  await page.locator('summary', { hasText: 'Workspace' }).click();

  const square = [[[-0.25, 51.55], [-0.24, 51.55], [-0.24, 51.56], [-0.25, 51.55]]];
  const crafted = [
    ['png-entry.zip', document(), { 'files/sha256_00': PNG }, /the data of bad\.csv \(sources\[0\]\): bad\.csv is not a CSV file: it looks like a PNG image\. Nothing was changed\./],
    ['not-objects.zip', document({ sources: [5] }), {}, /This workspace file is damaged: sources\[0\]: expected a source entry\. Nothing was changed\./],
    ['text-coordinates.zip', document({ sources: [], panels: { zones: [{ id: 'z', name: 'Z', orderRef: '', startDate: '', endDate: '', prohibitions: [], geometry: { type: 'Polygon', coordinates: [[['west', 51.55], ...square[0].slice(1)]] } }] } }), {}, /zones\[0\]\.geometry\.coordinates\[0\]\[0\]\[0\]: expected a number/],
    ['unreadable-data.zip', document(), { 'files/sha256_00': strToU8('just,some\ntext,here\n') }, /This workspace was not opened \(your current work is unchanged\): bad\.csv could not be read: it needs a column mapping that was not saved/],
  ];
  for (const [name, doc, files, message] of crafted) {
    await page.getByLabel('Open workspace').setInputFiles(workspaceZip(dir, name, doc, files));
    await page.getByRole('alert').filter({ hasText: message }).waitFor();
    assertEqual(await sourceNames(page), work, `${name}: the current work is intact`);
    assertEqual(await page.locator('.notice', { hasText: 'Opened workspace' }).count(), 0, `${name}: not reported as opened`);
    await page.getByRole('alert').filter({ hasText: message }).getByRole('button', { name: 'Dismiss' }).click();
  }
  await page.reload();
  await waitForSources(page, 3);
  assertEqual(await sourceNames(page), work, 'still intact after a reload');

  // Everything the user made comes back from a file: camera moves and the last evaluation.
  await page.locator('summary', { hasText: 'CCTV planner' }).click();
  await page.getByRole('button', { name: 'Plan cameras' }).click();
  await page.getByRole('button', { name: 'Suggest moves' }).click();
  await page.locator('ul.moves li').first().waitFor();
  const moves = await page.locator('ul.moves li').allInnerTexts();
  await page.locator('summary', { hasText: 'Did it work?' }).click();
  await page.getByLabel('Intervention area').selectOption({ label: 'Harlesden Town Centre PSPO' });
  await page.getByLabel('Started (month)').fill('2025-07');
  await page.getByRole('button', { name: 'Evaluate' }).click();
  const verdict = await page.locator('.wdd-verdict').innerText();
  await page.locator('summary', { hasText: 'Workspace' }).click();
  const saved = await download(page, () => page.getByRole('button', { name: 'Save workspace' }).click());
  const path = join(outDir, 'complete.hotspot-workspace.zip');
  writeFileSync(path, saved.bytes);

  await page.evaluate(async () => {
    for (const db of await indexedDB.databases()) indexedDB.deleteDatabase(db.name);
  });
  await page.goto(url);
  await waitForSources(page, 2);
  await page.locator('summary', { hasText: 'Workspace' }).click();
  await page.getByLabel('Open workspace').setInputFiles(path);
  await page.locator('.notice', { hasText: 'Opened workspace' }).waitFor({ timeout: 60_000 });
  await waitForMapIdle(page);
  const check = async (when) => {
    assertEqual(await sourceNames(page), work, `${when}: its sources`);
    await page.locator('summary', { hasText: 'CCTV planner' }).click();
    assertEqual(await page.locator('ul.moves li').allInnerTexts(), moves, `${when}: the suggested moves`);
    await page.locator('summary', { hasText: 'Did it work?' }).click();
    assertEqual(await page.locator('.wdd-verdict').innerText(), verdict, `${when}: the last evaluation`);
    assertEqual(await page.getByRole('alert').filter({ hasText: 'no hotspot map yet' }).count(), 0, `${when}: no spurious notice`);
  };
  await check('opened from the file');
  // Saved at once: a reload brings the opened workspace back, not the one before it.
  await page.reload();
  await page.locator('.notice', { hasText: 'Your last workspace was restored.' }).waitFor({ timeout: 60_000 });
  await waitForMapIdle(page);
  await check('after a reload');
}
