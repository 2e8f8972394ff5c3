import { launchBrowser, loadFiles, openApp, startPreview } from '../tests/e2e/harness.mjs';
const server = await startPreview();
const browser = await launchBrowser();
const out = [];
for (let run = 0; run < Number(process.env.RUNS ?? 2); run++) {
  const { page, context } = await openApp(browser, server.url);
  for (const name of ['brent-police-sample-2025.csv', 'brent-council-complaints-sample.csv']) await page.getByRole('button', { name: `Remove ${name}` }).click();
  await page.evaluate(() => {
    document.addEventListener('change', () => (window.loadStarted ??= performance.now()), true);
    new MutationObserver(() => {
      const text = document.querySelector('.load-progress')?.textContent ?? '';
      if (/Unpacking/.test(text)) window.unpackSeen = performance.now();
      else if (window.unpackSeen && !window.unpackDone) window.unpackDone = performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await loadFiles(page, [process.argv[2]]);
  await page.waitForFunction(() => window.loadStarted && performance.getEntriesByName('hotspots-drawn').find((m) => m.startTime > window.loadStarted), null, { timeout: 300_000 });
  const r = await page.evaluate(() => ({ unpack: window.unpackDone - window.loadStarted, drawn: performance.getEntriesByName('hotspots-drawn').find((m) => m.startTime > window.loadStarted).startTime - window.loadStarted }));
  out.push(r);
  await context.close();
}
console.log(process.env.E2E_DIST, JSON.stringify(out.map((r) => `unpack ${r.unpack.toFixed(0)} drawn ${r.drawn.toFixed(0)}`)));
await browser.close();
server.stop();
process.exit(0);
