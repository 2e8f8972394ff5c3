/// <reference lib="webworker" />
import { Dataset, packCategories, type IncidentSource, type SourceSummary } from '../core/dataset';
import { CoreError } from '../core/errors';
import { blobByteSource, ingestFile, type IngestProgress, type IngestResult } from '../core/ingest/ingestFile';
import { unpackZip, type ZipEntry } from '../core/ingest/zipArchive';
import type { ColumnMapping } from '../core/ingest/schema';
import { failureOf } from './failure';
import { latestEvery } from './latestEvery';
import { loadBatch } from './loadBatch';
import { cancelWhenAborted, mergeRead, newBatch, planParts, ProgressSum, queueParts, SPLIT_MIN_BYTES } from './loadParts';
import { PartPool } from './partPool';
import { cellsToOutline, forgetAnswers, handleQuery } from './queries';
import type { WorkerEvent, WorkerRequest } from './protocol';

/**
 * The data worker owns the big tables. It answers one request at a time, except `cancel`, which
 * flips the flag a running load checks between chunks.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const dataset = new Dataset();
const running = new Map<number, { aborted: boolean }>();
/**
 * The sample, parsed while the page is still starting: kept aside until the app asks for it, so a
 * restored workspace can skip it without it ever entering the dataset.
 */
const prepared = new Map<string, Promise<IncidentSource>>();

const post = (event: WorkerEvent): void => scope.postMessage(event);
/** The page hears a running request's progress at most this often (see latestEvery). */
const PROGRESS_EVERY_MS = 100;

/** A running request's progress and steps, sent to the page thinned to their latest (see latestEvery). */
interface Reports {
  progress: (progress: IngestProgress) => void;
  steps: (done: number, total: number) => void;
}

/**
 * Runs a request that Cancel can stop (its flag is `signal.aborted`) and that reports as it goes;
 * once it is answered, its flag is forgotten and a report still waiting is dropped.
 */
async function runCancellable(id: number, work: (signal: { aborted: boolean }, reports: Reports) => Promise<void>): Promise<void> {
  const signal = { aborted: false };
  running.set(id, signal);
  const progress = latestEvery((value: IngestProgress) => post({ type: 'progress', id, progress: value }), PROGRESS_EVERY_MS);
  const steps = latestEvery(({ done, total }: { done: number; total: number }) => post({ type: 'steps', id, done, total }), PROGRESS_EVERY_MS);
  try {
    await work(signal, { progress: progress.report, steps: (done, total) => steps.report({ done, total }) });
  } finally {
    progress.stop();
    steps.stop();
    running.delete(id);
  }
}

/** Parse workers, one per core: a big file is read in parts and a batch's files side by side. */
const pool = new PartPool(() => new Worker(new URL('./parseWorker.ts', import.meta.url), { type: 'module' }), Math.max(1, navigator.hardwareConcurrency || 1));

/** One file: a big one in parts in the parse workers, a small one here (a worker would cost more than it saves). */
async function loadFile(file: Blob, name: string, mapping: ColumnMapping | undefined, signal: { aborted: boolean }, onProgress: (progress: IngestProgress) => void): Promise<IngestResult> {
  if (file.size < SPLIT_MIN_BYTES || pool.size < 2) return ingestFile(dataset, blobByteSource(file, name), { mapping, signal, onProgress });
  const stopWatching = cancelWhenAborted(pool, signal);
  try {
    const plan = await planParts(pool, file, name, mapping);
    const parts = await queueParts(pool, newBatch(), file, name, mapping, plan, new ProgressSum(file.size, onProgress), 'file');
    return await mergeRead(dataset, file, name, parts, new Map(), { mapping, signal, onProgress });
  } finally {
    stopWatching();
  }
}

scope.onmessage = async (message: MessageEvent<WorkerRequest>) => {
  const request = message.data;
  if (request.type === 'cancel') {
    const signal = running.get(request.target);
    if (signal) signal.aborted = true;
    post({ type: 'result', id: request.id, value: null });
    return;
  }
  if (request.type === 'prepare-sample') {
    for (const file of request.files) {
      const source = fetch(file.url)
        .then((response) => {
          // An error page is not the sample's rows.
          if (!response.ok) throw new Error(`the server answered ${response.status}`);
          return response.blob();
        })
        .catch((error: unknown) => {
          throw new CoreError('BAD_INPUT', `The synthetic sample file ${file.name} could not be read (${error instanceof Error ? error.message : String(error)}).`);
        })
        .then((blob) => ingestFile(dataset, blobByteSource(blob, file.name), { mapping: file.mapping, detached: true }))
        .then((result) => {
          if (result.status !== 'loaded') throw new Error(`${file.name} needs a column mapping`);
          return result.source;
        });
      source.catch(() => undefined);
      prepared.set(file.name, source);
    }
    post({ type: 'result', id: request.id, value: null });
    return;
  }
  try {
    if (request.type === 'load-prepared') {
      // All in one answer, in the files' order: one round trip, and the categories of them all.
      const summaries: SourceSummary[] = [];
      const failures: string[] = [];
      for (const name of request.names) {
        const pending = prepared.get(name);
        prepared.delete(name);
        try {
          if (!pending) throw new CoreError('BAD_INPUT', `${name} was not prepared.`);
          const source = await pending;
          source.summary.id = dataset.allocateSourceId();
          dataset.addSource(source);
          summaries.push(source.summary);
        } catch (error) {
          failures.push(error instanceof Error ? error.message : String(error));
        }
      }
      forgetAnswers();
      post({ type: 'result', id: request.id, value: { summaries, failures, categories: packCategories(dataset.categories.list) } });
      return;
    }
    if (request.type === 'warm-parsers') {
      pool.warm();
      post({ type: 'result', id: request.id, value: null });
      return;
    }
    if (request.type === 'load') {
      await runCancellable(request.id, async (signal, reports) => {
        const result = await loadFile(request.file, request.name, request.mapping, signal, reports.progress);
        forgetAnswers();
        post({
          type: 'result',
          id: request.id,
          value: result.status === 'loaded' ? { status: 'loaded', summary: result.source.summary, categories: packCategories(dataset.categories.list) } : result,
        });
        // The new points' cells for the next map, while the page takes the answer and asks for it.
        dataset.extendCells();
      });
      return;
    }
    if (request.type === 'unpack-archive') {
      await runCancellable(request.id, async (signal, reports) => {
        const stopWatching = cancelWhenAborted(pool, signal);
        try {
          // The parse workers unpack it at once, each its own stretch of the archive: inflating is the slow part.
          const { file, name, forces } = request;
          const runs = { count: pool.size, unpack: (entries: ZipEntry[], onBytes: (done: number) => void) => pool.unpack({ file, name, entries }, onBytes) };
          post({ type: 'result', id: request.id, value: await unpackZip(file, name, { runs, onProgress: reports.steps, forces: forces ?? undefined }) });
        } catch (error) {
          // A stretch that failed leaves the others running: the workers are ended with it.
          pool.cancel();
          throw error;
        } finally {
          stopWatching();
        }
      });
      return;
    }
    if (request.type === 'load-batch') {
      await runCancellable(request.id, async (signal, reports) => {
        const result = await loadBatch(dataset, pool, request.files, signal, { progress: reports.progress, filesDone: reports.steps });
        forgetAnswers();
        post({ type: 'result', id: request.id, value: result });
      });
      return;
    }
    if (request.type === 'hotspots') {
      const cells = cellsToOutline(dataset, request.query);
      if (cells.length > 0) post({ type: 'cells', cells });
    }
    // Long queries (camera planning through buildings) report steps and stop on Cancel.
    await runCancellable(request.id, async (signal, reports) => {
      post({ type: 'result', id: request.id, value: await handleQuery(dataset, request, { signal, onProgress: reports.steps }) });
    });
  } catch (error) {
    post({ type: 'error', id: request.id, ...failureOf(error) });
  }
};
