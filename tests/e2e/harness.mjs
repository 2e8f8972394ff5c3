// Shared plumbing for the end-to-end tests: a preview server of the built app and Debian's Chromium.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { POLICE_HEADER, tempDir } from './policeFiles.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const outDir = join(root, 'tests', 'e2e', 'out');
export const sharedData = join(root, '..', 'shared', 'data');
/** The built app to serve: `dist/` unless E2E_DIST names another build (so two builds can be tested side by side). */
export const distDir = process.env.E2E_DIST ?? join(root, 'dist');
mkdirSync(outDir, { recursive: true });

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader'];

const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Starts `vite preview` on a random port (another if that one is taken) and resolves with its URL once it is ready. */
export async function startPreview() {
  for (let attempt = 1; ; attempt++) {
    try {
      // 4200–4999 holds none of the ports Chromium refuses to open (4190, 5060, 5061, 6000…).
      return await previewOnPort(4200 + Math.floor(Math.random() * 800));
    } catch (error) {
      if (attempt >= 5 || !/already in use/.test(String(error))) throw error;
    }
  }
}

function previewOnPort(port) {
  if (!existsSync(join(distDir, 'index.html'))) throw new Error(`${distDir} is missing: run \`vite build\` first.`);
  const server = spawn(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--outDir', distDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`vite preview did not start:\n${output}`)), 30_000);
    const onData = (chunk) => {
      output += chunk.toString().replace(ANSI_COLOUR, '');
      const match = /Local:\s+(http:\/\/127\.0\.0\.1:\d+\/?)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1].endsWith('/') ? match[1] : `${match[1]}/`, stop: () => server.kill('SIGTERM') });
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vite preview exited (${code}):\n${output}`));
    });
  });
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Pages opened by the running scenario, for a screenshot when it fails. */
export const openPages = [];

/** Opens the app and waits until the sample (or nothing) has loaded and the map is idle. */
export async function openApp(browser, url, { viewport = { width: 1280, height: 800 }, waitForSample = true, before } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  // E.g. requests routed before the page starts.
  await before?.(context);
  const page = await context.newPage();
  openPages.push(page);
  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await page.goto(url);
  if (waitForSample) await waitForSources(page, 2);
  await waitForMapIdle(page);
  return { context, page, consoleErrors };
}

/** Waits until `count` files are loaded (a card of monthly files counts each file) and nothing is loading. */
export async function waitForSources(page, count, timeout = 60_000) {
  await page.waitForFunction((n) => [...document.querySelectorAll('.source-card')].reduce((total, card) => total + Number(card.getAttribute('data-files') ?? 1), 0) >= n, count, { timeout });
  await page.waitForFunction(() => !document.querySelector('.load-progress'), null, { timeout });
}

/** Waits until the file named has its card and nothing is loading (a first file replaces the sample, so counting cards would race). */
export async function waitForFile(page, name, timeout = 60_000) {
  await page.locator('.source-card', { hasText: name }).waitFor({ timeout });
  await page.waitForFunction(() => !document.querySelector('.load-progress'), null, { timeout });
}

/** Waits until the map for the current settings is drawn: none is being computed (the legend says so) and the map has rendered. */
export async function waitForMapIdle(page, timeout = 30_000) {
  await page.waitForFunction(() => !document.querySelector('.legend[aria-busy="true"]') && document.querySelector('[data-testid="map"]')?.getAttribute('data-idle') === 'true', null, { timeout });
}

/** Clicks a control that starts a download and returns the file's name and bytes. */
/**
 * What the map's WebGL canvas shows now: its size on the page (CSS pixels) and its pixels, RGBA
 * row by row (the map keeps its drawing buffer, so it can be read back).
 */
export async function mapCanvasPixels(page) {
  const read = await page.evaluate(() => {
    const source = document.querySelector('.maplibregl-canvas');
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const context = copy.getContext('2d');
    context.drawImage(source, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    let binary = '';
    for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode.apply(null, data.subarray(i, i + 0x8000));
    const box = source.getBoundingClientRect();
    return { width: box.width, height: box.height, pixelWidth: copy.width, pixelHeight: copy.height, base64: btoa(binary) };
  });
  return { width: read.width, height: read.height, pixelWidth: read.pixelWidth, pixelHeight: read.pixelHeight, rgba: Buffer.from(read.base64, 'base64') };
}

export async function download(page, action) {
  const [event] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), action()]);
  const path = await event.path();
  return { name: event.suggestedFilename(), bytes: readFileSync(path) };
}

/** The first user file (or batch) replaces the synthetic sample; Undo in its notice brings the sample back beside the new data. */
export async function keepSample(page) {
  await page.locator('.notice', { hasText: /replaces? the synthetic sample/ }).getByRole('button', { name: 'Undo' }).click();
}

/** Loads files through the "Load data files" picker, as a user would. */
export async function loadFiles(page, paths) {
  await page.getByLabel('Load data files').setInputFiles(paths);
}

/** Writes `rows` under the police.uk header as the file `name`, opens the app and loads it; returns the page and the file's card. */
export async function openWithPoliceCsv(browser, url, name, rows) {
  const path = join(tempDir('hp-csv-'), name);
  writeFileSync(path, `${[POLICE_HEADER, ...rows].join('\n')}\n`);
  const { page } = await openApp(browser, url);
  await loadFiles(page, [path]);
  await waitForFile(page, name);
  return { page, card: page.locator('.source-card').filter({ hasText: name }) };
}

/** Opens the app on `files` alone (the sample's data files removed), with one category chosen and a boundary file loaded. */
export async function openOnFilesAlone(browser, url, files, { category, boundaries, timeout }) {
  const opened = await openApp(browser, url);
  const { page } = opened;
  for (const name of ['brent-police-sample-2025.csv', 'brent-council-complaints-sample.csv']) await page.getByRole('button', { name: `Remove ${name}` }).click();
  await loadFiles(page, files);
  await waitForSources(page, files.length, timeout);
  await page.getByRole('button', { name: 'Select none' }).click();
  await page.getByRole('checkbox', { name: category, exact: true }).first().check();
  await page.getByLabel('Load boundary file').setInputFiles(boundaries);
  return opened;
}

/**
 * This tab's autosave document and the fingerprints of the files this browser keeps, from IndexedDB.
 * With `replacement`, the autosave is first replaced by it, as a damaged or older save would be.
 */
export async function autosaveStore(page, replacement = null) {
  return page.evaluate(
    (replacement) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction('keyval', replacement ? 'readwrite' : 'readonly');
          const store = transaction.objectStore('keyval');
          if (replacement) store.put(replacement, 'workspace:autosave');
          const keys = store.getAllKeys();
          const autosave = store.get('workspace:autosave');
          transaction.onerror = () => reject(transaction.error);
          transaction.oncomplete = () => resolve({ autosave: autosave.result ?? null, files: keys.result.filter((k) => String(k).startsWith('file:')).map((k) => String(k).slice(5)) });
        };
      }),
    replacement,
  );
}

/** Waits, as a user would, until the autosave names `count` sources and each one's file is stored; returns their fingerprints. */
export async function waitUntilKept(page, count) {
  const kept = async () => {
    const { autosave, files } = await autosaveStore(page);
    return { sources: (autosave?.sources ?? []).map((s) => s.fingerprint), files };
  };
  for (let i = 0; i < 120; i++) {
    const now = await kept();
    if (now.sources.length === count && now.sources.every((fingerprint) => now.files.includes(fingerprint))) return now;
    await page.waitForTimeout(500);
  }
  throw new Error(`the workspace was not kept with ${count} sources: ${JSON.stringify(await kept())}`);
}

export function assert(condition, message) {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}

export function assertEqual(actual, expected, message) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`Assertion failed: ${message}\n  expected ${e}\n  actual   ${a}`);
}

/** Minimal RFC 4180 reader for checking exports (independent of the app's parser). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
