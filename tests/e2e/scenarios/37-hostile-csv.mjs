// Issue 16: hostile CSVs never freeze the page. Each is generated here, loaded through the UI, and
// must give a clear message, no main-thread task over 200 ms while it loads (PerformanceObserver
// long tasks), a page that answers within a second afterwards, and a good file must still load.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, assertEqual, loadFiles, openApp, root, waitForSources } from '../harness.mjs';

const POLICE_HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const policeLine = (type, location = 'On or near High Road') => `,2025-03,Metropolitan Police Service,Metropolitan Police Service,-0.2790,51.5560,${location},E01000001,Brent 001A,${type},,`;

function hostileFiles(dir) {
  const files = {
    // police.uk-shaped, with a 2,000,000-character second line and no line break after it.
    'long-line.csv': `${POLICE_HEADER}\n${policeLine('Burglary', 'x'.repeat(2_000_000))}`,
    'wide-header.csv': `${Array.from({ length: 200_000 }, (_, i) => `column ${i}`).join(',')}\n${'1,'.repeat(199_999)}1\n`,
    'many-categories.csv': [POLICE_HEADER, ...Array.from({ length: 70_000 }, (_, i) => policeLine(`Type ${i}`))].join('\n') + '\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return (name) => join(dir, name);
}

async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.longTaskMs = [];
    window.longTaskObserver?.disconnect();
    window.longTaskObserver = new PerformanceObserver((list) => window.longTaskMs.push(...list.getEntries().map((entry) => Math.round(entry.duration))));
    window.longTaskObserver.observe({ type: 'longtask' });
  });
}

/** Long tasks seen since `watchLongTasks`, once the page has had a moment to report them. */
async function longTasks(page) {
  await page.waitForTimeout(300);
  return page.evaluate(() => window.longTaskMs);
}

/** The page answers: a frame is drawn and a panel opens and closes, each within a second. */
async function assertResponsive(page, what) {
  const started = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  const filters = page.locator('details.panel > summary').filter({ hasText: 'Filters' });
  await filters.click({ timeout: 1000 });
  await filters.click({ timeout: 1000 });
  const elapsed = Date.now() - started;
  assert(elapsed < 1000, `${what}: the page answered after ${elapsed} ms`);
}

/** The longest main-thread task of a Chrome trace, in CPU time (`tdur`, the time the thread actually ran). */
function longestTaskCpuMs(trace) {
  const { traceEvents } = JSON.parse(trace.toString('utf8'));
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasks = traceEvents.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === 'X' && e.name === 'RunTask');
  return Math.max(0, ...tasks.map((e) => (e.tdur ?? e.dur) / 1000));
}

/**
 * Loads a file and checks the main thread is never blocked over 200 ms meanwhile: no long task over
 * 200 ms (PerformanceObserver). The machine running the tests may be shared by many processes, when
 * any task can wait for a CPU well past 200 ms of wall time; so a load whose long tasks were such
 * waits (every task under 200 ms of main-thread CPU time in a trace of the same load) passes too,
 * with a note. A real freeze (seconds of work on the main thread) fails either way.
 */
async function loadWithoutLongTasks(browser, page, what, load) {
  await watchLongTasks(page);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await load();
  const wallMs = (await longTasks(page)).filter((ms) => ms > 200);
  const cpuMs = longestTaskCpuMs(await browser.stopTracing());
  assert(cpuMs <= 200, `${what}: a main-thread task ran ${Math.round(cpuMs)} ms (long tasks ${JSON.stringify(wallMs)} ms)`);
  if (wallMs.length > 0) console.log(`  ${what}: long tasks of ${wallMs.join(', ')} ms wall time on a busy machine, at most ${Math.round(cpuMs)} ms of it main-thread work`);
}

export async function run({ browser, url, outDir }) {
  const path = hostileFiles(mkdtempSync(join(tmpdir(), 'hostile-csv-')));
  const { page } = await openApp(browser, url);
  const cards = page.locator('.source-card');
  const card = (name) => cards.filter({ hasText: name });
  const remove = async (name) => {
    await page.getByRole('button', { name: `Remove ${name}` }).click();
    await card(name).waitFor({ state: 'detached' });
  };
  // Without the sample, the page has only these files' work to do.
  for (const name of await cards.locator('.source-name').allInnerTexts()) await remove(name);

  await loadWithoutLongTasks(browser, page, 'long line', async () => {
    await loadFiles(page, [path('long-line.csv')]);
    await waitForSources(page, 1);
  });
  assertEqual(await card('long-line.csv').getByRole('status').innerText(), '0 rows loaded, 1 rejected', 'long line: accounted');
  assertEqual(await card('long-line.csv').locator('.reasons li').allInnerTexts(), ['Record longer than 100,000 characters: 1'], 'long line: the reason');
  await assertResponsive(page, 'long line');

  const wideHeaderAlert = page.getByRole('alert').filter({ hasText: 'The first line of wide-header.csv is longer than 100,000 characters' });
  await loadWithoutLongTasks(browser, page, 'wide header', async () => {
    await loadFiles(page, [path('wide-header.csv')]);
    await wideHeaderAlert.waitFor();
  });
  assertEqual(await cards.count(), 1, 'wide header: nothing added');
  await assertResponsive(page, 'wide header');

  const categories = page.locator('fieldset.categories');
  await loadWithoutLongTasks(browser, page, '70,000 categories', async () => {
    await loadFiles(page, [path('many-categories.csv')]);
    await waitForSources(page, 2);
    await categories.getByRole('status').filter({ hasText: /70,000 categories, too many to list/ }).waitFor();
  });
  assertEqual(await card('many-categories.csv').getByRole('status').innerText(), '70,000 rows loaded, 0 rejected', '70,000 categories: accounted');
  await assertResponsive(page, '70,000 categories');
  assert((await categories.locator('input[type=checkbox]').count()) <= 50, 'at most 50 category checkboxes');
  await page.getByRole('button', { name: 'Select none' }).click();
  await categories.getByLabel('Find a category').fill('Type 6999');
  await categories.getByLabel('Type 69999', { exact: true }).check();
  await page.waitForFunction(() => document.querySelector('.legend h2')?.textContent?.includes('Type 69999'));
  await page.screenshot({ path: join(outDir, 'hostile-csv-categories.png') });
  // Choosing all 70,000 keeps the view link short (it names at most 200 categories).
  await page.getByRole('button', { name: 'Select all' }).click();
  await page.waitForFunction(() => document.querySelector('.legend h2')?.textContent?.includes('categories') && !document.querySelector('.legend h2')?.textContent?.startsWith('2 '));
  await page.waitForTimeout(500);
  const hashLength = await page.evaluate(() => location.hash.length);
  assert(hashLength < 2000, `the view link is ${hashLength} characters long`);

  // A good file still loads.
  await loadFiles(page, [join(root, 'tests', 'fixtures', 'police-small.csv')]);
  await waitForSources(page, 3);
  assert(/^[\d,]+ rows loaded/.test(await card('police-small.csv').getByRole('status').innerText()), 'good file loads');
}
