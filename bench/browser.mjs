// Browser half of `npm run bench`: the real path in headless Chromium (built app, data worker),
// beside the peer (DuckDB-WASM) on the same file in the same run.
// Prints one JSON line of figures for bench/run.ts to record.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, loadFiles, openApp, startPreview, waitForMapIdle, waitForSources } from '../tests/e2e/harness.mjs';
import { bundlePeer, timeDuckDb } from './browserPeer.mjs';

const [policePath, monthlyDir, largePath, zipPath] = process.argv.slice(2);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const figures = [];
const record = (name, value, unit, target) => figures.push({ name, value, unit, target });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const log = (text) => process.stderr.write(`${text}\n`);

/**
 * Sends DevTools protocol requests to the data worker, after a garbage collection; `ask(method)`
 * resolves with the reply, and `events` collects the worker's events (e.g. heap snapshot chunks).
 */
async function inDataWorker(browser, work) {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'worker' && t.url.includes('dataWorker'));
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  const replies = new Map();
  const events = [];
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message);
    if (message.id !== undefined) replies.get(message.id)?.(message.result);
    else events.push(message);
  });
  let nextId = 1;
  const ask = (method, params = {}) => {
    const id = nextId++;
    const reply = new Promise((resolve) => replies.set(id, resolve));
    void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    return reply;
  };
  try {
    await ask('HeapProfiler.collectGarbage');
    return await work(ask, events);
  } finally {
    await cdp.detach();
  }
}

/** Heap of the data worker (JS heap + typed-array backing stores) after a garbage collection. */
const workerHeapMb = (browser) => inDataWorker(browser, async (ask) => {
  const usage = await ask('Runtime.getHeapUsage');
  return (usage.usedSize + usage.backingStorageSize) / 1_048_576;
});

/** What the data worker's live objects hold (the sum of a heap snapshot's sizes): the heap's use, without pages the collector has not given back. */
const workerLiveObjectsMb = (browser) => inDataWorker(browser, async (ask, events) => {
  await ask('HeapProfiler.enable');
  await ask('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  const snapshot = JSON.parse(events.filter((event) => event.method === 'HeapProfiler.addHeapSnapshotChunk').map((event) => event.params.chunk).join(''));
  const fields = snapshot.snapshot.meta.node_fields;
  const size = fields.indexOf('self_size');
  let bytes = 0;
  for (let i = size; i < snapshot.nodes.length; i += fields.length) bytes += snapshot.nodes[i];
  return bytes / 1_048_576;
});

/** Opens the app and removes its sample, so a load is the user's first file. */
async function openEmpty(browser, url) {
  const opened = await openApp(browser, url);
  for (const name of ['brent-police-sample-2025.csv', 'brent-council-complaints-sample.csv']) await opened.page.getByRole('button', { name: `Remove ${name}` }).click();
  return opened;
}

/** When the map had drawn its first hotspot cells after `since` (the app's user-timing mark), in page time. */
const drawnAfter = (page, since) => page.waitForFunction((after) => performance.getEntriesByName('hotspots-drawn').find((mark) => mark.startTime > after)?.startTime, since, { timeout: 600_000 }).then((handle) => handle.jsonValue());

/**
 * Opens the app without its sample, loads `paths` through the picker and waits until the map has
 * drawn them; returns the wall time and the main thread's long tasks during the load.
 */
async function timeLoad(browser, url, paths) {
  const { page, context } = await openEmpty(browser, url);
  // Timed in the page: from the picker's change event until the map has drawn the new cells.
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((entry) => ({ start: entry.startTime, duration: entry.duration })))).observe({ type: 'longtask' });
    document.addEventListener('change', () => (window.loadStarted ??= performance.now()), true);
    const summary = () => document.querySelector('[data-testid="result-summary"]')?.textContent ?? '';
    new MutationObserver(() => {
      // A ZIP is unpacked first: the moment its progress line stops saying so.
      const unpacking = /Unpacking/.test(document.querySelector('.load-progress')?.textContent ?? '');
      if (unpacking) window.unpacking = true;
      else if (window.unpacking && !window.unpacked) window.unpacked = performance.now();
      if (window.loadStarted && !window.summaryShown && !document.querySelector('.load-progress') && /[1-9][\d,]* incidents/.test(summary())) window.summaryShown = performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await loadFiles(page, paths);
  await waitForSources(page, paths.length, 600_000);
  await page.waitForFunction(() => window.summaryShown, null, { timeout: 600_000 });
  const drawn = await drawnAfter(page, await page.evaluate(() => window.summaryShown));
  const { started, unpacked, tasks } = await page.evaluate((end) => ({ started: window.loadStarted, unpacked: window.unpacked, tasks: window.longTasks.filter((task) => task.start < end).map((task) => task.duration) }), drawn);
  return { page, context, ms: Math.round(drawn - started), unpackMs: unpacked ? Math.round(unpacked - started) : null, mainBusyMs: tasks.reduce((a, b) => a + b, 0), longestTaskMs: Math.max(0, ...tasks) };
}

/**
 * Each group of figures is measured in a browser of its own, as a user's tab would be: a load
 * measured after others in the same browser came out 1.2–2.3 s slower for 10 M rows (the browser
 * still releasing the earlier tabs' gigabytes).
 */
async function inFreshBrowser(work) {
  const browser = await launchBrowser();
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}

const server = await startPreview();
try {
  await inFreshBrowser(async (browser) => {
    const firstMap = [];
    for (let run = 0; run < 3; run++) {
      const { page, context } = await openApp(browser, server.url);
      firstMap.push(await drawnAfter(page, 0));
      await context.close();
    }
    record('browser.first_map_sample_cold', median(firstMap), 'ms', '≤ 1500 ms');
  });

  const peerBundle = await bundlePeer();
  let appMs = 0;
  await inFreshBrowser(async (browser) => {
    const app = [];
    const peer = [];
    const appLongest = [];
    let heapMb = 0;
    for (let run = 0; run < runs; run++) {
      const load = await timeLoad(browser, server.url, [policePath]);
      app.push(load.ms);
      appLongest.push(load.longestTaskMs);
      if (run === 0) heapMb = await workerHeapMb(browser);
      await load.context.close();
      const times = await timeDuckDb(browser, server.url, peerBundle, policePath);
      peer.push(times);
      log(`# run ${run + 1}: app ${load.ms} ms (longest main-thread task ${load.longestTaskMs.toFixed(0)} ms); DuckDB-WASM start-up ${times.startupMs.toFixed(0)} ms, read_csv ${times.readCsvMs.toFixed(0)} ms, GROUP BY ${times.groupByMs.toFixed(0)} ms (${times.rows} rows, ${times.groups} groups)`);
    }
    appMs = median(app);
    const peerMs = median(peer.map((t) => t.startupMs + t.readCsvMs + t.groupByMs));
    record('browser.ingest_1m_to_res9_map', appMs, 'ms', '≤ 1500 ms');
    record('browser.duckdb_1m.startup', median(peer.map((t) => t.startupMs)), 'ms');
    record('browser.duckdb_1m.read_csv', median(peer.map((t) => t.readCsvMs)), 'ms');
    record('browser.duckdb_1m.group_by', median(peer.map((t) => t.groupByMs)), 'ms');
    record('browser.duckdb_1m.total', peerMs, 'ms');
    record('browser.ingest_1m.app_over_duckdb', appMs / peerMs, '×', '≤ 0.4');
    record('browser.ingest_1m.worker_heap', heapMb, 'MB', '≤ 200 MB');
    record('browser.ingest_1m.longest_main_thread_task', median(appLongest), 'ms');
  });

  if (monthlyDir) await inFreshBrowser(async (browser) => {
    const monthly = readdirSync(monthlyDir).filter((name) => name.endsWith('.csv')).sort().map((name) => join(monthlyDir, name));
    const loads = [];
    for (let run = 0; run < runs; run++) {
      const load = await timeLoad(browser, server.url, monthly);
      await load.context.close();
      loads.push(load);
      log(`# monthly run ${run + 1}: ${load.ms} ms (main thread busy ${load.mainBusyMs.toFixed(0)} ms, longest task ${load.longestTaskMs.toFixed(0)} ms)`);
    }
    const monthlyMs = median(loads.map((load) => load.ms));
    record(`browser.monthly_${monthly.length}_files_to_res9_map`, monthlyMs, 'ms');
    record('browser.monthly.over_single_file', monthlyMs / appMs, '×', '≤ 1.2');
    record('browser.monthly.main_thread_long_tasks', median(loads.map((load) => load.mainBusyMs)), 'ms');
    record('browser.monthly.longest_main_thread_task', median(loads.map((load) => load.longestTaskMs)), 'ms', '≤ 200 ms');
  });

  // The same monthly files as police.uk hands them out: one ZIP, a folder a month.
  if (zipPath) await inFreshBrowser(async (browser) => {
    const loads = [];
    for (let run = 0; run < runs; run++) {
      const load = await timeLoad(browser, server.url, [zipPath]);
      await load.context.close();
      loads.push(load);
      log(`# ZIP run ${run + 1}: unpacked at ${load.unpackMs} ms, map drawn at ${load.ms} ms (longest main-thread task ${load.longestTaskMs.toFixed(0)} ms)`);
    }
    const zipMs = median(loads.map((load) => load.ms));
    record('browser.monthly_zip.unpacked', median(loads.map((load) => load.unpackMs)), 'ms');
    record('browser.monthly_zip_to_res9_map', zipMs, 'ms');
    record('browser.monthly_zip.over_single_file', zipMs / appMs, '×');
  });

  if (largePath) {
    const large = [];
    for (let run = 0; run < runs; run++) {
      await inFreshBrowser(async (browser) => {
        const load = await timeLoad(browser, server.url, [largePath]);
        large.push({ ms: load.ms, longestTaskMs: load.longestTaskMs, heapMb: await workerHeapMb(browser) });
        log(`# 10 M rows, run ${run + 1}: ${(load.ms / 1000).toFixed(2)} s (longest main-thread task ${load.longestTaskMs.toFixed(0)} ms)`);
      });
    }
    record('browser.ingest_10m_to_res9_map', median(large.map((load) => load.ms)) / 1000, 's', '≤ 15 s');
    record('browser.ingest_10m.worker_heap', median(large.map((load) => load.heapMb)), 'MB', '≤ 1024 MB');
    record('browser.ingest_10m.longest_main_thread_task', median(large.map((load) => load.longestTaskMs)), 'ms', '≤ 200 ms');
    // Cancel halfway through: the parse workers end, and the data worker keeps nothing of the file.
    await inFreshBrowser(async (browser) => {
      const { page, context } = await openEmpty(browser, server.url);
      const emptyMb = await workerHeapMb(browser);
      const emptyLiveMb = await workerLiveObjectsMb(browser);
      await loadFiles(page, [largePath]);
      await page.locator('.load-progress', { hasText: /[1-9][\d,]{6,} rows/ }).waitFor({ timeout: 120_000 });
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.waitForFunction(() => !document.querySelector('.load-progress'), null, { timeout: 60_000 });
      record('browser.cancel_10m.worker_heap_kept', (await workerHeapMb(browser)) - emptyMb, 'MB');
      // The heap's use counts pages the collector keeps for later; a snapshot counts what is still referenced.
      record('browser.cancel_10m.worker_live_objects_kept', (await workerLiveObjectsMb(browser)) - emptyLiveMb, 'MB', '≈ 0 MB');
      await context.close();
    });
  }

  await inFreshBrowser(async (browser) => {
    const { page } = await timeLoad(browser, server.url, [policePath]);
    await waitForMapIdle(page, 120_000);
    const computeMs = [];
    const drawnMs = [];
    for (let run = 0; run < 5; run++) {
      const before = await page.getByTestId('result-summary').innerText();
      const clickedAt = await page.evaluate(() => performance.now());
      await page.getByRole('checkbox', { name: 'Burglary', exact: true }).click();
      await page.waitForFunction((text) => document.querySelector('[data-testid="result-summary"]')?.textContent !== text, before);
      computeMs.push(Number(await page.getByTestId('compute-ms').innerText()));
      drawnMs.push((await drawnAfter(page, clickedAt)) - clickedAt);
    }
    record('browser.reaggregate_1m.filter_change_worker', median(computeMs), 'ms', '≤ 50 ms');
    // What the user waits for: the click until the map has drawn the new cells (the worker's answer, the mesh, the frame).
    record('browser.reaggregate_1m.filter_change_drawn', median(drawnMs), 'ms');
  });
} finally {
  server.stop();
}
console.log(JSON.stringify(figures));
