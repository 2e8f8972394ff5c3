/// <reference lib="webworker" />
import { Dataset } from '../core/dataset';
import { readPart, withHeadRequested, type PartTables } from '../core/ingest/filePart';
import { readsAsCsv, transferablesOf } from '../core/ingest/partPlan';
import { blobByteSource, type ByteSource } from '../core/ingest/ingestFile';
import { CoreError } from '../core/errors';
import { unpackEntries } from '../core/ingest/zipArchive';
import { latestEvery } from './latestEvery';
import type { PartJob, PartReply, PoolJob, UnpackJob } from './partPool';

/**
 * A parse worker: reads one part of a CSV file at a time into typed columns and its own small
 * tables, and hands them to the data worker, which merges them (see PartPool, mergeParts); or
 * unpacks a stretch of a ZIP archive's entries.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: PartReply, transfer: Transferable[] = []): void => scope.postMessage(reply, transfer);
/** This worker's tables for the batch being read, named uniquely across workers. */
const worker = Math.random().toString(36).slice(2);
let tables: { batch: number; shared: PartTables } | null = null;
let generation = 0;

/** Parts are read one after another in the order they arrive (the next one may arrive while one is read). */
let reading = Promise.resolve();
scope.onmessage = ({ data: { id, job } }: MessageEvent<{ id: number; job: PoolJob }>) => {
  if (job.kind === 'unpack') {
    reading = reading.then(() => unpackStretch(id, job));
    return;
  }
  // Its first bytes are asked for now, while the part before it is parsed.
  const file = withHeadRequested(blobByteSource(job.file, job.name), job.range.from);
  reading = reading.then(() => readOne(id, job, file));
};

/** Progress of an unpack reaches the data worker at most this often. */
const UNPACK_PROGRESS_MS = 50;

async function unpackStretch(id: number, job: UnpackJob): Promise<void> {
  const progress = latestEvery((done: number) => post({ type: 'progress', id, progress: done }), UNPACK_PROGRESS_MS);
  try {
    const entries = await unpackEntries(job.file, job.name, job.entries, { onProgress: progress.report });
    progress.stop();
    post({ type: 'done', id, result: entries });
  } catch (error) {
    progress.stop();
    failed(id, error);
  }
}

function failed(id: number, error: unknown): void {
  post({ type: 'error', id, code: error instanceof CoreError ? error.code : null, message: error instanceof Error ? error.message : String(error) });
}

async function readOne(id: number, job: PartJob, file: ByteSource): Promise<void> {
  try {
    if (job.range.from === 0 && !readsAsCsv(await file.read(0, 64))) return post({ type: 'done', id, result: { status: 'not-csv' } });
    if (tables?.batch !== job.batch) tables = { batch: job.batch, shared: { dataset: new Dataset(), name: `${worker}-${++generation}` } };
    const result = await readPart(file, job.range, { mapping: job.mapping, onProgress: (progress) => post({ type: 'progress', id, progress }) }, job.known, tables.shared);
    // A part that was not read leaves entries no merge will see: the next part starts new tables.
    if (result.status !== 'parsed') tables = null;
    post({ type: 'done', id, result }, result.status === 'parsed' ? transferablesOf(result) : []);
  } catch (error) {
    tables = null;
    failed(id, error);
  }
}
