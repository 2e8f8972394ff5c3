import { join } from 'node:path';
import { nodeByteSource } from '../src/cli/nodeByteSource';
import { Dataset } from '../src/core/dataset';
import { ingestFile } from '../src/core/ingest/ingestFile';
import { record } from './figures';
import { ensurePoliceFile } from './policeFile';

/**
 * A ~1 GB police.uk-shaped file streamed through the same ingest: time, and the peak resident
 * memory sampled during the load (the file is never held as one string).
 */
export async function benchLargeFile(workDir: string): Promise<void> {
  const path = join(workDir, 'police-4_6m-met.csv');
  const bytes = await ensurePoliceFile(path, 4_600_000);
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const result = await ingestFile(new Dataset(), await nodeByteSource(path), { onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)) });
  const ms = performance.now() - started;
  clearInterval(timer);
  const rows = result.status === 'loaded' ? result.source.summary.rowsRead : 0;
  record('large_file.size', bytes / 1_073_741_824, 'GB');
  record('large_file.rows', rows, 'rows');
  record('large_file.ingest', ms / 1000, 's');
  record('large_file.peak_rss_growth', (peak - baseline) / 1_048_576, 'MB');
}
