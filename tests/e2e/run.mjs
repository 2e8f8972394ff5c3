// Runs every scenario in tests/e2e/scenarios against the built app in headless Chromium.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { accessibilityTally, assertAccessible } from './accessibility.mjs';
import { launchBrowser, openPages, outDir, root, startPreview } from './harness.mjs';

const only = process.argv[2];
const dir = join(root, 'tests', 'e2e', 'scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.mjs') && (!only || f.includes(only))).sort();
const server = await startPreview();
const browser = await launchBrowser();
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  for (const file of files) {
    const scenario = await import(pathToFileURL(join(dir, file)).href);
    const started = Date.now();
    openPages.length = 0;
    try {
      const outcome = await scenario.run({ browser, url: server.url, outDir });
      // Every state a scenario ends in is checked for accessibility too.
      for (const page of openPages) if (!page.isClosed()) await assertAccessible(page, `end of ${file}`);
      if (outcome?.skipped) {
        skipped++;
        console.log(`- skipped ${file}: ${outcome.skipped}`);
      } else {
        passed++;
        console.log(`✓ ${file} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      }
    } catch (error) {
      failed++;
      for (const [i, page] of openPages.entries()) await page.screenshot({ path: join(outDir, `FAILED-${file}-${i}.png`) }).catch(() => {});
      console.log(`✗ ${file}\n  ${String(error?.stack ?? error).split('\n').join('\n  ')}`);
    } finally {
      for (const page of openPages) await page.context().close().catch(() => {});
    }
  }
} finally {
  await browser.close();
  server.stop();
}
console.log(`accessibility: ${accessibilityTally.checks} axe checks (WCAG 2.2 A/AA), ${accessibilityTally.violations} violations`);
console.log(`e2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
