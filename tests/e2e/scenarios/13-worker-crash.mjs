// The data worker failing is reported, and the work comes back: a fresh worker reloads the files
// kept in this browser, with the same view.
import { assertEqual, openApp, waitForMapIdle, waitForSources } from '../harness.mjs';

async function throwInDataWorker(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'worker' && t.url.includes('dataWorker'));
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression: "setTimeout(() => { throw new Error('simulated failure') }, 0)" } }) });
  await cdp.detach();
}

export async function run({ browser, url }) {
  const { page } = await openApp(browser, url);
  await page.getByLabel('H3 resolution').selectOption('10');
  await waitForMapIdle(page);
  await page.waitForTimeout(1000); // let the autosave write
  const before = await page.getByTestId('result-summary').innerText();
  await throwInDataWorker(browser);
  await page.getByRole('alert').filter({ hasText: 'The data worker stopped' }).waitFor();
  // The tables are rebuilt from the stored files; the view is kept.
  await page.waitForFunction((text) => document.querySelector('[data-testid="result-summary"]')?.textContent?.split(' · computed')[0] === text.split(' · computed')[0], before, { timeout: 60_000 });
  assertEqual(await page.getByLabel('H3 resolution').inputValue(), '10', 'resolution kept');
  // The summary can match once the first file is back; both files come back in turn.
  await waitForSources(page, 2);
  assertEqual(await page.locator('.source-card').count(), 2, 'both sources back');
  await page.getByLabel('H3 resolution').selectOption('9');
  await page.waitForFunction(() => document.querySelector('.legend')?.textContent?.includes('H3 res 9'));
}
