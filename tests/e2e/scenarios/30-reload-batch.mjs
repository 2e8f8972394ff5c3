// A batch of monthly police.uk files, then a reload: every file comes back with the same totals.
// Two different files of equal size and equal first 64 KiB stay two files, each with its own rows.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertEqual, loadFiles, openApp, waitForMapIdle, waitForSources, waitUntilKept } from '../harness.mjs';
import { POLICE_HEADER, policeRow, tempDir, writeMonthlyFiles } from '../policeFiles.mjs';

async function snapshot(page) {
  const cards = await page.locator('.source-card').evaluateAll((cards) => cards.map((card) => `${card.querySelector('.source-name')?.textContent}: ${card.querySelector('.source-status')?.textContent}`));
  return {
    cards: cards.sort(),
    categories: (await page.locator('.categories label').allInnerTexts()).sort(),
    summary: (await page.getByTestId('result-summary').innerText()).replace(/ · computed in .*/, ''),
  };
}

function categoryCounts(snap) {
  return new Map(snap.categories.map((text) => {
    const [name, count] = text.split('\n');
    return [name.trim(), Number(count.replace(/,/g, ''))];
  }));
}

export async function run({ browser, url, outDir }) {
  const dir = tempDir('hp-batch-');
  const monthly = writeMonthlyFiles(dir, { count: 32, rows: 300 });
  // Equal size, equal first 64 KiB (600 identical rows), different last 50 rows of equal length.
  const twin = (name, category) => {
    const shared = Array.from({ length: 600 }, (_, i) => policeRow('2021-12', i, 'Burglary'));
    const tail = Array.from({ length: 50 }, (_, i) => policeRow('2021-12', 600 + i, category));
    const path = join(dir, name);
    writeFileSync(path, `${[POLICE_HEADER, ...shared, ...tail].join('\n')}\n`);
    return path;
  };
  const twins = [twin('2021-12-a-street.csv', 'Other theft'), twin('2021-12-b-street.csv', 'Shoplifting')];

  const { page, consoleErrors } = await openApp(browser, url);
  // Files, not cards: a batch of one series shares a card. The batch replaces the synthetic sample.
  const files = () => page.evaluate(() => [...document.querySelectorAll('.source-card')].reduce((total, card) => total + Number(card.getAttribute('data-files') ?? 1), 0));
  await loadFiles(page, monthly);
  await page.locator('.notice', { hasText: '32 of 32 files loaded' }).waitFor({ timeout: 120_000 });
  await waitForMapIdle(page);
  const countsBefore = categoryCounts(await snapshot(page));
  for (const path of twins) {
    await loadFiles(page, [path]);
    const expected = 33 + twins.indexOf(path);
    for (let tries = 0; (await files()) !== expected; tries++) {
      if (tries > 600) throw new Error(`expected ${expected} files loaded, have ${await files()}`);
      await page.waitForTimeout(100);
    }
  }
  assertEqual(await page.getByRole('dialog', { name: 'File already loaded' }).count(), 0, 'the second twin is not taken for the first');
  const total = 34;
  await waitForSources(page, total);
  await waitForMapIdle(page);
  const kept = await waitUntilKept(page, total);
  assertEqual(new Set(kept.sources).size, total, 'every source has its own identity');
  const loaded = await snapshot(page);
  const countsAfter = categoryCounts(loaded);
  for (const category of ['Other theft', 'Shoplifting']) assertEqual((countsAfter.get(category) ?? 0) - (countsBefore.get(category) ?? 0), 50, `${category}: each twin's own 50 rows`);
  assertEqual((countsAfter.get('Burglary') ?? 0) - (countsBefore.get('Burglary') ?? 0), 1200, 'Burglary: 600 rows from each twin');

  await page.reload();
  await waitForSources(page, total, 120_000);
  await page.locator('.notice', { hasText: 'Your last workspace was restored.' }).waitFor();
  await waitForMapIdle(page);
  assertEqual(await page.getByRole('alert').filter({ hasText: 'did not come back' }).count(), 0, 'no file lost');
  assertEqual(await snapshot(page), loaded, 'every file back, with the same totals');
  // A month whose file is gone shows as no data, not as zero.
  await page.getByText(/^Show the 32 files$/).click();
  await page.getByRole('button', { name: 'Remove 2022-06-metropolitan-street.csv' }).click();
  const gaps = page.locator('.month-gaps');
  await gaps.filter({ hasText: /No file covers Jun 2022(, [A-Z][a-z]{2} \d{4})*: no data there, not zero\./ }).waitFor();
  await page.locator('.trend').screenshot({ path: join(outDir, 'month-gaps.png') });
  assertEqual(consoleErrors.filter((e) => !/Failed to load resource/.test(e)), [], 'no errors in the console');
}
