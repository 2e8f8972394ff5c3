// DuckDB-WASM in the same Chromium as the app's benchmark: the peer bundled for a page of the
// app's origin (served by route, not from the app), given the same file through a file input.
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { root } from '../tests/e2e/harness.mjs';

const DUCKDB_DIST = join(root, 'node_modules', '@duckdb', 'duckdb-wasm', 'dist');
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };

/** Bundles bench/duckdbPeer.ts (DuckDB-WASM and Apache Arrow) into one module for the page. */
export async function bundlePeer() {
  const outDir = mkdtempSync(join(tmpdir(), 'duckdb-peer-'));
  await build({
    configFile: false,
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, minify: false, lib: { entry: join(root, 'bench', 'duckdbPeer.ts'), formats: ['es'], fileName: () => 'peer.js' } },
  });
  return outDir;
}

/** Times DuckDB-WASM on `csvPath` in a fresh context of `browser`; `origin` is the app server's URL. */
export async function timeDuckDb(browser, origin, bundleDir, csvPath) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const base = `${origin}__peer/`;
  await page.route(`${base}**`, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    const path = name === 'index.html' ? null : name === 'peer.js' ? join(bundleDir, name) : join(DUCKDB_DIST, name);
    const body = path ? readFileSync(path) : '<!doctype html><title>peer</title><input type="file" id="file">';
    route.fulfill({ status: 200, body, contentType: TYPES[name.slice(name.lastIndexOf('.'))] ?? 'text/html' });
  });
  try {
    await page.goto(`${base}index.html`);
    await page.setInputFiles('#file', csvPath);
    return await page.evaluate(async (assetBase) => {
      const { runDuckDbPeer } = await import(`${assetBase}peer.js`);
      return runDuckDbPeer(document.querySelector('#file').files[0], assetBase);
    }, base);
  } finally {
    await context.close();
  }
}
