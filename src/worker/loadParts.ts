import type { Dataset } from '../core/dataset';
import type { ParsedPart, PartLayout, PartRange } from '../core/ingest/filePart';
import { partRanges, splittableLayout } from '../core/ingest/partPlan';
import { blobByteSource, ingestFile, type IngestOptions, type IngestProgress, type IngestResult } from '../core/ingest/ingestFile';
import { mergeParts, type PartRemap } from '../core/ingest/mergeParts';
import type { ColumnMapping } from '../core/ingest/schema';
import type { PartOutcome, PartPool } from './partPool';

/** Below this a file is read whole by one worker: cutting it would cost more than it saves. */
export const SPLIT_MIN_BYTES = 32 << 20;

/** Bytes and rows read so far by each of several running parts, summed for one progress line. */
export class ProgressSum {
  private readonly parts = new Map<string, { bytesRead: number; rows: number }>();
  private readonly started = performance.now();
  bytesDone = 0;
  rowsDone = 0;

  constructor(
    private readonly bytesTotal: number,
    private readonly report: (progress: IngestProgress) => void,
  ) {}

  update(key: string, progress: { bytesRead: number; rows: number }): void {
    this.parts.set(key, progress);
    let bytesRead = this.bytesDone;
    let rows = this.rowsDone;
    for (const part of this.parts.values()) {
      bytesRead += part.bytesRead;
      rows += part.rows;
    }
    this.report({ bytesRead: Math.min(bytesRead, this.bytesTotal), bytesTotal: this.bytesTotal, rows, elapsedMs: performance.now() - this.started });
  }

  /** A file is merged: its bytes and rows count as done, and its parts' running figures are dropped. */
  finish(prefix: string, bytes: number, rows: number): void {
    for (const key of [...this.parts.keys()]) if (key.startsWith(prefix)) this.parts.delete(key);
    this.bytesDone += bytes;
    this.rowsDone += rows;
  }
}

/** How a file is read: its byte ranges, and the first line's layout when it is cut in parts. */
export interface PartPlan {
  ranges: PartRange[];
  layout: PartLayout | null;
}

/** A big police.uk or mapped CSV in one part per worker, anything else whole. */
export async function planParts(pool: PartPool, file: Blob, name: string, mapping: ColumnMapping | undefined): Promise<PartPlan> {
  const layout = file.size >= SPLIT_MIN_BYTES && pool.size > 1 ? await splittableLayout(blobByteSource(file, name), mapping) : null;
  return { ranges: layout ? partRanges(file.size, pool.size) : [{ from: 0, to: file.size }], layout };
}

let batches = 0;

/** A new batch: parse workers start new tables for it, shared by the parts they read in it. */
export function newBatch(): number {
  return ++batches;
}

/**
 * Queues a file's parts to the parse workers. Parts are queued in the order they are merged, so
 * each worker reads its parts in that order (its tables grow in the order the merge expects).
 */
export function queueParts(pool: PartPool, batch: number, file: Blob, name: string, mapping: ColumnMapping | undefined, plan: PartPlan, progress: ProgressSum, key: string): Promise<PartOutcome[]> {
  const { ranges, layout } = plan;
  return Promise.all(ranges.map((range, k) => pool.read({ batch, file, name, range, mapping, known: k > 0 && layout ? layout : undefined }, (p) => progress.update(`${key}:${k}`, p))));
}

/**
 * The file's parts into the dataset as one source. A file the workers do not read (Parquet,
 * GeoJSON) or one cut inside a quoted line break is read here, whole, by the same core code.
 */
export async function mergeRead(dataset: Dataset, file: Blob, name: string, outcomes: PartOutcome[], remaps: Map<string, PartRemap>, options: IngestOptions): Promise<IngestResult> {
  const source = blobByteSource(file, name);
  const [first] = outcomes;
  if (first.status === 'needs-mapping') return first;
  const merged = first.status === 'not-csv' ? null : await mergeParts(dataset, source, outcomes as ParsedPart[], remaps);
  if (!merged) return ingestFile(dataset, source, options);
  dataset.addSource(merged);
  return { status: 'loaded', source: merged };
}

/** Ends the pool's work when the load is cancelled (the flag is set by the data worker's `cancel`). */
export function cancelWhenAborted(pool: PartPool, signal: { aborted: boolean }): () => void {
  const timer = setInterval(() => {
    if (signal.aborted) pool.cancel();
  }, 50);
  return () => clearInterval(timer);
}
