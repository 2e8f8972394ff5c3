// No data leaves the browser, and nothing from a file ever runs: every request during a session
// goes to the app itself or the basemap host (and carries no body); HTML and formulas in text
// fields stay text in the panels, tooltips and exports.
import { join } from 'node:path';
import { assert, assertEqual, download, loadFiles, openApp, parseCsv, root, waitForMapIdle, waitForSources } from '../harness.mjs';

const BASEMAP = /^https:\/\/[a-c]\.basemaps\.cartocdn\.com\//;

export async function run({ browser, url }) {
  const { page } = await openApp(browser, url, { waitForSample: false });
  const requests = [];
  page.context().on('request', (request) => requests.push({ url: request.url(), method: request.method(), body: request.postData() }));
  await page.reload();
  await waitForSources(page, 2);
  await loadFiles(page, [join(root, 'tests', 'fixtures', 'injection.csv')]);
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Load with this mapping' }).click();
  // The hostile file replaces the synthetic sample: it is the only source left.
  await page.waitForFunction(() => document.querySelectorAll('.source-card').length === 1 && document.querySelector('.source-card')?.textContent?.includes('injection.csv'));
  await page.getByRole('button', { name: 'Select all' }).click();
  await page.getByLabel('H3 resolution').selectOption('11');
  await waitForMapIdle(page);

  // The hostile text shows as text: in the category list, the table and the pinned cell.
  const hostileCategory = page.getByRole('checkbox', { name: '<script>window.__xss=1</script>' });
  assertEqual(await hostileCategory.count(), 1, 'script category listed as text');
  const row = page.locator('.top-table tbody tr', { hasText: '<img src=x' }).first();
  await row.click();
  await page.getByRole('region', { name: 'Pinned cell' }).getByText('<img src=x onerror="window.__xss=2">').waitFor();
  const box = await page.getByTestId('map').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(300);
  assertEqual(await page.evaluate(() => window.__xss), undefined, 'no script from the file ran');
  assertEqual(await page.locator('img[src="x"]').count(), 0, 'no element made from file text');

  const csv = await download(page, () => page.getByRole('button', { name: 'Export hotspots CSV' }).click());
  const cells = parseCsv(csv.bytes.toString('utf8')).flat();
  for (const cell of cells) assert(!/^[=+@]/.test(cell) && !/^-[^0-9.]/.test(cell), `exported cell neutralised: ${cell}`);
  assert(cells.some((c) => c.startsWith(`'=HYPERLINK`) || c.startsWith(`'@SUM`) || c.startsWith(`'+cmd`)), 'formulas kept as text with a leading apostrophe');

  const foreign = requests.filter((r) => !r.url.startsWith(url) && !r.url.startsWith('data:') && !r.url.startsWith('blob:') && !BASEMAP.test(r.url));
  assertEqual(foreign, [], 'requests only to the app and the basemap host');
  const withBody = requests.filter((r) => r.method !== 'GET' || r.body);
  assertEqual(withBody, [], 'no request carries a body');
}
