// "Never use online maps": after the setting, the page contacts nothing but the app itself (not even
// a probe of the basemap host), the setting survives a reload, and the page's policy forbids the host.
import { join } from 'node:path';
import { assert, assertEqual, loadFiles, openApp, root, waitForMapIdle, waitForSources } from '../harness.mjs';

export async function run({ browser, url }) {
  const { page } = await openApp(browser, url);
  await page.getByLabel('Never use online maps (this browser)').check();
  assertEqual(await page.getByRole('combobox', { name: /^Basemap/ }).inputValue(), 'plain', 'the basemap falls back to the plain background');

  const requests = [];
  page.context().on('request', (request) => requests.push(request.url()));
  await page.reload();
  await waitForSources(page, 2);
  await waitForMapIdle(page);
  assert(await page.getByLabel('Never use online maps (this browser)').isChecked(), 'the setting is kept by this browser');
  const options = await page.getByRole('combobox', { name: /^Basemap/ }).locator('option').allInnerTexts();
  assert(!options.some((o) => o.startsWith('Online')), `no online basemap offered (${options.join(', ')})`);
  await loadFiles(page, [join(root, 'tests', 'fixtures', 'police-small.csv')]);
  await page.locator('.source-card', { hasText: 'police-small.csv' }).waitFor();
  await waitForMapIdle(page);

  const blocked = await page.evaluate(async () => {
    const violation = new Promise((resolve) => document.addEventListener('securitypolicyviolation', (event) => resolve(event.blockedURI), { once: true }));
    await fetch('https://a.basemaps.cartocdn.com/light_all/10/511/340@2x.png').catch(() => undefined);
    return Promise.race([violation, new Promise((resolve) => setTimeout(() => resolve(null), 2000))]);
  });
  assert(typeof blocked === 'string' && blocked.includes('basemaps.cartocdn.com'), `the page's policy blocks the basemap host (${blocked})`);
  const foreign = requests.filter((r) => !r.startsWith(url) && !r.startsWith('data:') && !r.startsWith('blob:'));
  assertEqual(foreign, [], 'no request beyond the app');
}
