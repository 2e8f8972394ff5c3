// The built app works with the network cut after the first visit (service worker app shell).
import { assertEqual, openApp, waitForMapIdle, waitForSources } from '../harness.mjs';

export async function run({ browser, url }) {
  const { page, context } = await openApp(browser, url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await waitForSources(page, 2);
  await context.setOffline(true);
  await page.reload();
  await waitForSources(page, 2);
  await waitForMapIdle(page);
  assertEqual(await page.locator('.legend li').count() > 0, true, 'the map and legend draw offline');
  await context.setOffline(false);
}
