/// <reference lib="webworker" />
import { readPart, readsAsCsv, transferablesOf } from '../core/ingest/filePart';
import { blobByteSource } from '../core/ingest/ingestFile';
import { CoreError } from '../core/errors';
import type { PartJob, PartReply } from './partPool';

/**
 * A parse worker: reads one part of a CSV file at a time into typed columns and its own small
 * tables, and hands them to the data worker, which merges them (see PartPool, mergeParts).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: PartReply, transfer: Transferable[] = []): void => scope.postMessage(reply, transfer);

scope.onmessage = async (message: MessageEvent<{ id: number; job: PartJob }>) => {
  const { id, job } = message.data;
  try {
    const file = blobByteSource(job.file, job.name);
    if (job.range.from === 0 && !readsAsCsv(await file.read(0, 64))) return post({ type: 'part', id, result: { status: 'not-csv' } });
    const result = await readPart(file, job.range, { mapping: job.mapping, onProgress: (progress) => post({ type: 'progress', id, progress }) }, job.known);
    post({ type: 'part', id, result }, result.status === 'parsed' ? transferablesOf(result) : []);
  } catch (error) {
    post({ type: 'error', id, code: error instanceof CoreError ? error.code : null, message: error instanceof Error ? error.message : String(error) });
  }
};
