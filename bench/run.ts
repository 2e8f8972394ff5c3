/**
 * `npm run bench`: speed and memory figures (medians; never asserted in tests).
 * Prints `name: value unit` per figure and writes bench-results.json.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveFigures } from './figures';
import { benchIngestNode, benchReaggregateNode } from './nodeCore';
import { ensurePoliceFile } from './policeFile';

const workDir = join(tmpdir(), 'hotspot-planner-bench');
mkdirSync(workDir, { recursive: true });
const policePath = join(workDir, 'police-1m.csv');
const bytes = await ensurePoliceFile(policePath, 1_000_000);
console.log(`# 1,000,000-row police.uk file: ${(bytes / 1_048_576).toFixed(0)} MB at ${policePath}`);

const dataset = await benchIngestNode(policePath, bytes);
await benchReaggregateNode(dataset);

saveFigures(join(process.cwd(), 'bench-results.json'));
