import { nodeByteSource } from '../src/cli/nodeByteSource';
import { Dataset } from '../src/core/dataset';
import { aggregateCells } from '../src/core/hotspots/aggregate';
import { computeHotspots } from '../src/core/hotspots/computeHotspots';
import { NO_FILTER, selectRows } from '../src/core/hotspots/filter';
import { ingestFile } from '../src/core/ingest/ingestFile';
import { record, timeMs } from './figures';

/** Ingest and aggregation of the 1 M-row file in node: the core alone, single thread. */
export async function benchIngestNode(path: string, bytes: number): Promise<Dataset> {
  // Typed columns live in ArrayBuffers, outside the JS heap proper: count both.
  const heapWithBuffers = () => {
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  };
  global.gc?.();
  const heapBefore = heapWithBuffers();
  const dataset = new Dataset();
  const started = performance.now();
  const result = await ingestFile(dataset, await nodeByteSource(path));
  const parseMs = performance.now() - started;
  if (result.status !== 'loaded') throw new Error('benchmark file did not load');
  const rows = result.source.summary.rowsRead;
  const cellStarted = performance.now();
  aggregateCells(dataset, selectRows(dataset, NO_FILTER), 9);
  const firstAggregateMs = performance.now() - cellStarted;
  global.gc?.();
  const heapAfter = heapWithBuffers();
  record('node.ingest_1m.parse_load', parseMs, 'ms');
  record('node.ingest_1m.rows_per_s', (rows / parseMs) * 1000, 'rows/s');
  record('node.ingest_1m.mb_per_s', (bytes / 1_048_576 / parseMs) * 1000, 'MB/s');
  record('node.ingest_1m.first_res9_table', firstAggregateMs, 'ms');
  record('node.ingest_1m.total_to_res9', parseMs + firstAggregateMs, 'ms', '≤ 2500 ms (browser)');
  record('node.ingest_1m.heap_retained', (heapAfter - heapBefore) / 1_048_576, 'MB', '≤ 200 MB');
  return dataset;
}

export async function benchReaggregateNode(dataset: Dataset): Promise<void> {
  const asb = dataset.categories.list.find((c) => c.name === 'Anti-social behaviour')!.id;
  let toggle = false;
  const ms = await timeMs(7, () => {
    toggle = !toggle;
    const categories = toggle ? [asb] : dataset.categories.list.map((c) => c.id);
    computeHotspots(dataset, { filter: { ...NO_FILTER, categories }, resolution: 9, harmWeights: {}, weighting: 'count', harmScheme: '', topN: 20, method: { kind: 'count' } });
  });
  record('node.reaggregate_1m.filter_change', ms, 'ms', '≤ 100 ms');
}
