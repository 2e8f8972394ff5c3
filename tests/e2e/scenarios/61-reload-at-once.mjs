// Work is never lost: a file loaded and the page reloaded at once (no pause for the autosave) comes
// back, with its row accounting; of a batch reloaded the moment it has loaded, every month comes back or
// is named in a notice as not kept (its bytes were still being stored).
import { basename, join } from 'node:path';
import { assertEqual, loadFiles, openApp, root, waitForFile, waitForMapIdle } from '../harness.mjs';
import { tempDir, writeMonthlyFiles } from '../policeFiles.mjs';

export async function run({ browser, url }) {
  const { page } = await openApp(browser, url);
  await loadFiles(page, [join(root, 'tests', 'fixtures', 'police-small.csv')]);
  await waitForFile(page, 'police-small.csv');
  const status = async (name) => page.locator('.source-card', { hasText: name }).getByRole('status').innerText();
  const before = await status('police-small.csv');
  await page.reload();
  await waitForFile(page, 'police-small.csv');
  await waitForMapIdle(page);
  assertEqual(await status('police-small.csv'), before, 'the file loaded just before the reload is back');

  // A batch reloaded the moment it has loaded: each month comes back, or a notice names it as not kept.
  const months = writeMonthlyFiles(tempDir('hp-at-once-'), { count: 6, rows: 40, firstYear: 2024 });
  await loadFiles(page, months);
  await page.locator('.source-card[data-files="6"]').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('.load-progress'));
  await page.reload();
  await waitForFile(page, 'police-small.csv');
  await waitForMapIdle(page);
  const batch = page.locator('.source-card', { hasText: 'metropolitan-street.csv' });
  const kept = (await batch.count()) > 0 ? Number(await batch.getAttribute('data-files')) : 0;
  const notices = (await page.locator('.notice').allInnerTexts()).join(' ');
  const named = months.map((path) => basename(path)).filter((name) => notices.includes(name));
  assertEqual(kept + named.length, 6, `every month is back (${kept}) or named as not kept (${named.join(', ') || 'none'})`);
  assertEqual(await page.locator('.source-card', { hasText: 'police-small.csv' }).count(), 1, 'the earlier file is kept beside the batch');
}
