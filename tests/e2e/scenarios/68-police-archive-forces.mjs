// police.uk's archive of every force, and a custom download of several, hold the street-level files
// of many forces in one ZIP, a folder a month; a council wants its own. Here the real City of London
// and Met files make such an archive: the app lists the forces from the archive's table of contents
// before unpacking anything, the user unticks the Met, and only the City's files are unpacked and
// loaded, with what was left out said. The choice survives a reload (only the City's files are kept)
// and ticks the same forces the next time; Escape loads nothing; the same forces picked as loose files, or as two downloads zipped together,
// are asked about the same way.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { assertAccessible } from '../accessibility.mjs';
import { assert, assertEqual, loadFiles, openApp, parseCsv, sharedData, waitForSources } from '../harness.mjs';
import { countPoliceCells } from '../independentCount.mjs';

const police = join(sharedData, 'police-uk');
const cityDir = join(police, 'city-of-london-2023H1');
const metDir = join(police, 'met-burglary-2022-2023');

export async function run({ browser, url, outDir }) {
  if (!existsSync(cityDir) || !existsSync(metDir)) return { skipped: `${police} is absent: the archive of several forces is made of the real City of London and Met files` };
  const csvs = (dir) => readdirSync(dir).filter((name) => name.endsWith('.csv')).sort().map((name) => join(dir, name));
  const [city, met] = [csvs(cityDir), csvs(metDir)];
  const archive = join(outDir, 'police-archive.zip');
  writeFileSync(archive, zipSync(Object.fromEntries([...met, ...city].map((path) => [`${path.slice(-50).match(/\d{4}-\d{2}/)[0]}/${path.split('/').pop()}`, readFileSync(path)])), { level: 6 }));
  // Counted from the raw files, without the app: rows with coordinates (a repeated line with a Crime ID once).
  const rows = city.reduce((total, path) => total + parseCsv(readFileSync(path, 'utf8')).slice(1).filter((row) => row.length > 1).length, 0);
  const loaded = [...countPoliceCells(city, { resolution: 9 }).values()].reduce((a, b) => a + b, 0);
  const counts = `${loaded.toLocaleString('en-GB')} rows loaded, ${(rows - loaded).toLocaleString('en-GB')} rejected`;

  const { page } = await openApp(browser, url);
  await loadFiles(page, [archive]);
  const dialog = page.getByRole('dialog', { name: 'Choose the police forces to load' });
  await dialog.waitFor({ timeout: 30_000 });
  assert((await dialog.innerText()).includes('police-archive.zip holds police.uk street-level crime of 2 forces'), 'the dialog says what the archive holds');
  const cityBox = dialog.getByRole('checkbox', { name: /^City of London Police · 6 files, 2023-01 to 2023-06, [\d.]+ MB$/ });
  const metBox = dialog.getByRole('checkbox', { name: /^Metropolitan Police Service · 24 files, 2022-01 to 2023-12, [\d.]+ MB$/ });
  assert((await cityBox.isChecked()) && (await metBox.isChecked()), 'every force is ticked at first');
  assertEqual(await page.locator('.loading, .load-progress').count(), 0, 'nothing is unpacked while the user chooses');
  // By keyboard: the Met's box, then the button that now names the City alone.
  await metBox.focus();
  await page.keyboard.press('Space');
  assert(!(await metBox.isChecked()), 'Space unticks the Met');
  assert((await dialog.innerText()).includes('To load: 6 street-level files of 1 force'), 'the dialog says what will load');
  await assertAccessible(page, 'the force chooser');
  await page.screenshot({ path: join(outDir, 'police-archive-forces.png') });
  await dialog.getByRole('button', { name: 'Load City of London Police' }).click();

  await waitForSources(page, city.length, 120_000);
  assertEqual(await page.locator('.source-card').count(), 1, 'the City files are one card');
  assertEqual(await page.locator('.source-card').first().getByRole('status').innerText(), counts, 'only the City rows are loaded');
  assertEqual(await page.locator('.notice', { hasText: 'Loading the files of City of London Police. Left out, as chosen: 24 street-level files of 1 other force (Metropolitan Police Service).' }).count(), 1, 'what was left out is said');
  assertEqual(await page.locator('.notice', { hasText: `6 of 6 files loaded (unpacked from police-archive.zip)` }).count(), 1, 'the batch counts only the chosen files');
  assertEqual(await page.locator('.notice', { hasText: /\d{4}-\d{2}-metropolitan-street/ }).count(), 0, 'no Met file is named as refused');

  await page.reload();
  await waitForSources(page, city.length, 120_000);
  assertEqual(await page.locator('.source-card').first().getByRole('status').innerText(), counts, 'the City files are kept over a reload, and only they');

  // The next archive is asked about as the user chose last time; Escape: nothing loads, nothing changes.
  await loadFiles(page, [archive]);
  await dialog.waitFor({ timeout: 30_000 });
  assert((await cityBox.isChecked()) && !(await metBox.isChecked()), 'the forces are ticked as chosen last time');
  assert((await dialog.innerText()).includes('Ticked as you chose last time.'), 'and the dialog says so');
  await page.keyboard.press('Escape');
  await page.locator('.notice', { hasText: 'No police force was chosen: nothing was loaded.' }).waitFor({ timeout: 10_000 });
  assertEqual(await page.locator('.source-card').count(), 1, 'Escape leaves the loaded files as they were');
  assertEqual(await page.locator('.source-card').first().getByRole('status').innerText(), counts, 'and their counts');

  // The same forces as loose files (an unpacked archive): asked the same way; Untick all, then the City alone.
  // A kept choice that is not a list of forces (hand-edited, or from another release) is ignored: every force is ticked.
  const loose = await openApp(browser, url);
  await loose.page.evaluate(() => localStorage.setItem('hotspot-planner:forces:v1', '{"metropolitan": true}'));
  await loadFiles(loose.page, [...met, ...city]);
  const looseDialog = loose.page.getByRole('dialog', { name: 'Choose the police forces to load' });
  await looseDialog.waitFor({ timeout: 30_000 });
  assertEqual(await looseDialog.getByRole('checkbox', { checked: true }).count(), 2, 'a kept choice that cannot be read ticks every force');
  assert((await looseDialog.innerText()).includes('The 30 files picked hold police.uk street-level crime of 2 forces'), 'the dialog names the files picked');
  await looseDialog.getByRole('button', { name: 'Untick all' }).click();
  assert(await looseDialog.getByRole('button', { name: /^Load/ }).isDisabled(), 'nothing ticked, nothing to load');
  await looseDialog.getByRole('checkbox', { name: /^City of London Police/ }).check();
  await looseDialog.getByRole('button', { name: 'Load City of London Police' }).click();
  await waitForSources(loose.page, city.length, 120_000);
  assertEqual(await loose.page.locator('.source-card').first().getByRole('status').innerText(), counts, 'the loose City files load alone');

  // Two downloads zipped together into one file: the archives inside are unpacked in turn, and the forces asked about once they are listed.
  const inner = (name, paths) => [name, zipSync(Object.fromEntries(paths.map((path) => [`${path.slice(-50).match(/\d{4}-\d{2}/)[0]}/${path.split('/').pop()}`, readFileSync(path)])), { level: 6 })];
  const twice = join(outDir, 'two-downloads.zip');
  writeFileSync(twice, zipSync(Object.fromEntries([inner('city.zip', city), inner('met.zip', met)]), { level: 0 }));
  const nested = await openApp(browser, url);
  await loadFiles(nested.page, [twice]);
  const nestedDialog = nested.page.getByRole('dialog', { name: 'Choose the police forces to load' });
  await nestedDialog.waitFor({ timeout: 30_000 });
  assert((await nestedDialog.innerText()).includes('city.zip … met.zip (2 files) hold police.uk street-level crime of 2 forces'), 'the archives inside are listed');
  await nestedDialog.getByRole('checkbox', { name: /^Metropolitan Police Service/ }).uncheck();
  await nestedDialog.getByRole('button', { name: 'Load City of London Police' }).click();
  await waitForSources(nested.page, city.length, 120_000);
  assertEqual(await nested.page.locator('.source-card').first().getByRole('status').innerText(), counts, 'the City files inside the inner archive load');

  // Archives four deep: the innermost is not unpacked, and the user is told why (a ZIP holding itself would never end).
  let deepest = zipSync({ [city[0].split('/').pop()]: readFileSync(city[0]) });
  for (const level of [3, 2, 1]) deepest = zipSync({ [`level-${level + 1}.zip`]: deepest });
  const deep = join(outDir, 'level-1.zip');
  writeFileSync(deep, deepest);
  await loadFiles(nested.page, [deep]);
  await nested.page.locator('.notice', { hasText: "level-4.zip was not unpacked: it lies in archives inside archives more than 3 deep. Unpack the outer ones with the system's tool" }).waitFor({ timeout: 30_000 });
  assertEqual(await nested.page.locator('.source-card').count(), 1, 'nothing more is loaded');
}
