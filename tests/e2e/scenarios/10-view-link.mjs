// The view travels in the URL (never the data): a second browser with the same sample opens the link
// and sees the same resolution, period, categories, method and map position.
import { assert, assertEqual, openApp, waitForMapIdle } from '../harness.mjs';

export async function run({ browser, url }) {
  const { page } = await openApp(browser, url);
  await page.getByLabel('H3 resolution').selectOption('10');
  await page.getByRole('checkbox', { name: 'Burglary', exact: true }).check();
  await page.getByLabel('Hotspot method').selectOption('gistar');
  await page.getByLabel('From month').selectOption({ label: 'Mar 2025' });
  await waitForMapIdle(page);
  await page.waitForTimeout(600);
  const link = page.url();
  assert(link.includes('#') && link.includes('res=10') && link.includes('mode=gistar'), `view in the URL (${link})`);
  assert(!/High|Road|\d{6},\d{6}/.test(decodeURIComponent(link.split('#')[1])), 'no data in the link');
  const read = async (p) => ({
    resolution: await p.getByLabel('H3 resolution').inputValue(),
    method: await p.getByLabel('Hotspot method').inputValue(),
    from: await p.getByLabel('From month').inputValue(),
    checked: await p.locator('.categories input:checked').evaluateAll((inputs) => inputs.map((i) => i.getAttribute('aria-label'))),
  });
  const before = await read(page);
  const other = await openApp(browser, link);
  await other.page.waitForFunction(() => document.querySelector('.legend')?.textContent?.includes('Gi*'));
  assertEqual(await read(other.page), before, 'the same view in another browser');
}
