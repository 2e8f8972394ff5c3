import { packCategories, type Dataset } from '../core/dataset';
import type { IngestProgress } from '../core/ingest/ingestFile';
import { failureOf } from './failure';
import type { PartRemap } from '../core/ingest/mergeParts';
import { cancelWhenAborted, mergeRead, newBatch, planParts, ProgressSum, queueParts, type PartPlan } from './loadParts';
import type { PartPool } from './partPool';
import type { BatchFileResult, BatchResult } from './protocol';

export interface BatchReport {
  /** Bytes and rows over the whole batch. */
  progress: (progress: IngestProgress) => void;
  /** Files finished, counted in the order given. */
  filesDone: (done: number, total: number) => void;
}

/**
 * Reads a batch of files into the dataset as one pipeline: every file is queued to the parse
 * workers at once, and each is merged in the order given as soon as it and those before it are
 * read, so ids come out as if the files were read one after another. The main thread hears
 * progress and, at the end, one answer with every file's summary. Cancel keeps the files merged
 * before it, in order.
 */
export async function loadBatch(dataset: Dataset, pool: PartPool, files: readonly { file: Blob; name: string }[], signal: { aborted: boolean }, report: BatchReport): Promise<BatchResult> {
  const progress = new ProgressSum(files.reduce((total, { file }) => total + file.size, 0), report.progress);
  const results: BatchFileResult[] = files.map(() => ({ status: 'not-read' }));
  const stopWatching = cancelWhenAborted(pool, signal);
  const batch = newBatch();
  const remaps = new Map<string, PartRemap>();
  // Every file's plan first, then every part queued in file order (see queueParts).
  const plans: (PartPlan | Error)[] = [];
  for (const { file, name } of files) plans.push(await planParts(pool, file, name, undefined).catch((error: Error) => error));
  const reading = files.map(({ file, name }, index) => {
    const plan = plans[index];
    const parts = plan instanceof Error ? Promise.reject(plan) : queueParts(pool, batch, file, name, undefined, plan, progress, `${index}`);
    parts.catch(() => undefined);
    return parts;
  });
  let cancelled = false;
  try {
    for (const [index, { file, name }] of files.entries()) {
      try {
        const result = await mergeRead(dataset, file, name, await reading[index], remaps, { signal });
        dataset.extendCells();
        results[index] = result.status === 'loaded' ? { status: 'loaded', summary: result.source.summary } : { status: 'needs-mapping' };
        progress.finish(`${index}:`, file.size, result.status === 'loaded' ? result.source.summary.rowsRead : 0);
      } catch (error) {
        const failure = failureOf(error);
        if (failure.code === 'CANCELLED' || signal.aborted) {
          cancelled = true;
          break;
        }
        results[index] = { status: 'failed', message: failure.message };
        progress.finish(`${index}:`, file.size, 0);
      }
      report.filesDone(index + 1, files.length);
    }
  } finally {
    stopWatching();
    if (cancelled) pool.cancel();
  }
  return { results, categories: packCategories(dataset.categories.list), cancelled };
}
