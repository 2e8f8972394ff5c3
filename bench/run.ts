/**
 * `npm run bench`: speed and memory figures (medians; never asserted in tests).
 * Prints `name: value unit` per figure and writes bench-results.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { record, saveFigures, type Figure } from './figures';
import { benchLargeFile } from './largeFile';
import { benchAnalyses } from './nodeAnalyses';
import { benchVisibility } from './visibility';
import { benchIngestNode, benchReaggregateNode } from './nodeCore';
import { benchPrediction } from './predictionBench';
import { ensureMonthlyZip, ensurePoliceFile } from './policeFile';
import { benchStudyArea } from './studyArea';
import { benchWarehouseTable } from './warehouseTable';

const workDir = join(tmpdir(), 'hotspot-planner-bench');
mkdirSync(workDir, { recursive: true });
const policePath = join(workDir, 'police-1m-met.csv');
const monthlyDir = join(workDir, 'police-1m-met-monthly');
const bytes = await ensurePoliceFile(policePath, 1_000_000, monthlyDir);
const largePath = join(workDir, 'police-10m-met.csv');
console.log(`# 1,000,000-row police.uk file: ${(bytes / 1e6).toFixed(1)} MB (${(bytes / 1_048_576).toFixed(0)} MiB) at ${policePath}, and the same rows as monthly files in ${monthlyDir}`);

// `npm run bench -- --browser` runs the browser half alone.
if (!process.argv.includes('--browser')) {
  const dataset = await benchIngestNode(policePath, bytes);
  await benchReaggregateNode(dataset);
  await benchAnalyses(dataset);
  await benchStudyArea(dataset);
  await benchPrediction();
  await benchVisibility();
  await benchWarehouseTable(workDir);
  await benchLargeFile(workDir);
}

// The browser half needs the built app (dist/, or the build E2E_DIST names) and Chromium; it reports its figures as one JSON line.
if (existsSync(join(process.env.E2E_DIST ?? join(process.cwd(), 'dist'), 'index.html'))) {
  const zipPath = join(workDir, 'police-1m-met-monthly.zip');
  console.log(`# the monthly files as one ZIP: ${(ensureMonthlyZip(monthlyDir, zipPath) / 1e6).toFixed(1)} MB at ${zipPath}`);
  const largeBytes = await ensurePoliceFile(largePath, 10_000_000);
  console.log(`# 10,000,000-row police.uk file: ${(largeBytes / 1e9).toFixed(2)} GB (${(largeBytes / 1_073_741_824).toFixed(2)} GiB) at ${largePath}`);
  const output = execFileSync(process.execPath, [join(process.cwd(), 'bench', 'browser.mjs'), policePath, monthlyDir, largePath, zipPath], { encoding: 'utf8', maxBuffer: 1 << 24, timeout: 1_800_000, stdio: ['ignore', 'pipe', 'inherit'] });
  const lastLine = output.trim().split('\n').pop() ?? '[]';
  for (const figure of JSON.parse(lastLine) as Figure[]) record(figure.name, figure.value, figure.unit, figure.target);
} else {
  console.log('# dist/ missing: run `npm run build` for the browser figures');
}

saveFigures(join(process.cwd(), 'bench-results.json'));
