// Two tabs of one browser each keep their own workspace: the second is told, each loads its own
// file, and a reload in each brings back its own work, with every stored file still there.
import { assertEqual, loadFiles, openPages, waitForMapIdle, waitForSources } from '../harness.mjs';
import { tempDir, writeMonthlyFiles } from '../policeFiles.mjs';

const names = (page) => page.locator('.source-name').allInnerTexts();

async function loadOne(page, path, count) {
  await loadFiles(page, [path]);
  await waitForSources(page, count);
  await waitForMapIdle(page);
}

export async function run({ browser, url }) {
  const [first, second] = writeMonthlyFiles(tempDir('hp-tabs-'), { count: 2, rows: 200, firstYear: 2023 });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tabA = await context.newPage();
  openPages.push(tabA);
  await tabA.goto(url);
  await waitForSources(tabA, 2);
  await loadOne(tabA, first, 3);
  const workA = await names(tabA);
  await tabA.waitForTimeout(1500); // the autosave runs a moment after the last change

  const tabB = await context.newPage();
  openPages.push(tabB);
  await tabB.goto(url);
  await tabB.locator('.notice', { hasText: 'open in another tab' }).waitFor();
  await waitForSources(tabB, 2);
  assertEqual((await names(tabB)).includes('2023-01-metropolitan-street.csv'), false, 'the second tab does not take the first tab’s workspace');
  await loadOne(tabB, second, 3);
  const workB = await names(tabB);
  await tabB.waitForTimeout(1500);

  for (const [tab, work] of [[tabA, workA], [tabB, workB], [tabA, workA]]) {
    await tab.reload();
    await tab.locator('.notice', { hasText: 'Your last workspace was restored.' }).waitFor({ timeout: 60_000 });
    await waitForSources(tab, 3);
    await waitForMapIdle(tab);
    assertEqual(await names(tab), work, 'each tab gets its own work back after a reload');
    assertEqual(await tab.getByRole('alert').filter({ hasText: 'did not come back' }).count(), 0, 'no file of either tab was deleted');
  }
  await context.close();
}
