// Browser half of `npm run bench`: the real path in headless Chromium (built app, data worker).
// Prints one JSON line of figures for bench/run.ts to record.
import { launchBrowser, loadFiles, openApp, startPreview, waitForMapIdle, waitForSources } from '../tests/e2e/harness.mjs';

const policePath = process.argv[2];
const figures = [];
const record = (name, value, unit, target) => figures.push({ name, value, unit, target });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Heap of the data worker (JS heap + typed-array backing stores), through the DevTools protocol. */
async function workerHeapMb(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'worker' && t.url.includes('dataWorker'));
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  const reply = new Promise((resolve) => cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message);
    if (message.id === 1) resolve(message.result);
  }));
  await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
  const usage = await reply;
  await cdp.detach();
  return (usage.usedSize + usage.backingStorageSize) / 1_048_576;
}

const server = await startPreview();
const browser = await launchBrowser();
try {
  const firstMap = [];
  for (let run = 0; run < 3; run++) {
    const { page, context } = await openApp(browser, server.url);
    await page.waitForSelector('.legend');
    firstMap.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  record('browser.first_map_sample_cold', median(firstMap), 'ms', '≤ 2000 ms');

  const { page } = await openApp(browser, server.url);
  for (const name of ['brent-police-sample-2025.csv', 'brent-council-complaints-sample.csv']) await page.getByRole('button', { name: `Remove ${name}` }).click();
  const started = Date.now();
  await loadFiles(page, [policePath]);
  await waitForSources(page, 1, 300_000);
  await page.waitForFunction(() => /[1-9][\d,]* incidents/.test(document.querySelector('[data-testid="result-summary"]')?.textContent ?? ''), null, { timeout: 120_000 });
  record('browser.ingest_1m_to_res9_map', Date.now() - started, 'ms', '≤ 2500 ms');
  record('browser.ingest_1m.worker_heap', await workerHeapMb(browser), 'MB', '≤ 200 MB');
  await waitForMapIdle(page, 120_000);

  const computeMs = [];
  for (let run = 0; run < 5; run++) {
    const before = await page.getByTestId('result-summary').innerText();
    await page.getByRole('checkbox', { name: 'Burglary', exact: true }).click();
    await page.waitForFunction((text) => document.querySelector('[data-testid="result-summary"]')?.textContent !== text, before);
    computeMs.push(Number(await page.getByTestId('compute-ms').innerText()));
  }
  record('browser.reaggregate_1m.filter_change_worker', median(computeMs), 'ms', '≤ 100 ms');
} finally {
  await browser.close();
  server.stop();
}
console.log(JSON.stringify(figures));
