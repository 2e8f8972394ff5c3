import { CoreError, type CoreErrorCode } from '../core/errors';
import type { IngestProgress } from '../core/ingest/ingestFile';
import type { PartLayout, PartRange, PartResult } from '../core/ingest/filePart';
import type { ColumnMapping } from '../core/ingest/schema';

/** A part of a file for a parse worker to read (see readPart). */
export interface PartJob {
  file: Blob;
  name: string;
  range: PartRange;
  mapping?: ColumnMapping;
  /** For parts after the first line: the layout the first line gave. */
  known?: PartLayout;
}

export type PartReply =
  | { type: 'progress'; id: number; progress: IngestProgress }
  | { type: 'part'; id: number; result: PartResult | { status: 'not-csv' } }
  /** `code` is a CoreError's (null for anything else): the error is raised again in the data worker as it was. */
  | { type: 'error'; id: number; code: CoreErrorCode | null; message: string };

export type PartOutcome = PartResult | { status: 'not-csv' };

interface Running {
  resolve: (result: PartOutcome) => void;
  reject: (error: Error) => void;
  onProgress: (progress: IngestProgress) => void;
}

/**
 * Parse workers owned by the data worker, one per core: parts of files are queued and each worker
 * reads one at a time, so a batch of files or the parts of one big file are read at once. Cancel
 * ends the workers (and frees what they held); the next load starts new ones.
 */
export class PartPool {
  private workers: { worker: Worker; busy: number | null }[] = [];
  private readonly queue: { id: number; job: PartJob }[] = [];
  private readonly running = new Map<number, Running>();
  private nextId = 1;

  constructor(
    private readonly createWorker: () => Worker,
    readonly size: number,
  ) {}

  read(job: PartJob, onProgress: (progress: IngestProgress) => void): Promise<PartOutcome> {
    const id = this.nextId++;
    const promise = new Promise<PartOutcome>((resolve, reject) => this.running.set(id, { resolve, reject, onProgress }));
    this.queue.push({ id, job });
    this.dispatch();
    return promise;
  }

  /** Stops every part: queued and running ones fail as cancelled, and the workers are ended. */
  cancel(): void {
    for (const { worker } of this.workers) worker.terminate();
    this.workers = [];
    this.queue.length = 0;
    for (const entry of this.running.values()) entry.reject(new CoreError('CANCELLED', 'Loading was cancelled.'));
    this.running.clear();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.workers.find((entry) => entry.busy === null);
      if (!slot && this.workers.length < this.size) slot = this.startWorker();
      if (!slot) return;
      const { id, job } = this.queue.shift()!;
      slot.busy = id;
      slot.worker.postMessage({ id, job });
    }
  }

  private startWorker(): { worker: Worker; busy: number | null } {
    const slot = { worker: this.createWorker(), busy: null as number | null };
    slot.worker.onmessage = (message: MessageEvent<PartReply>) => {
      const reply = message.data;
      const entry = this.running.get(reply.id);
      if (!entry) return;
      if (reply.type === 'progress') return entry.onProgress(reply.progress);
      this.running.delete(reply.id);
      slot.busy = null;
      if (reply.type === 'part') entry.resolve(reply.result);
      else entry.reject(reply.code ? new CoreError(reply.code, reply.message) : new Error(reply.message));
      this.dispatch();
    };
    slot.worker.onerror = (event) => {
      event.preventDefault();
      const id = slot.busy;
      this.workers = this.workers.filter((entry) => entry !== slot);
      slot.worker.terminate();
      if (id !== null) {
        this.running.get(id)?.reject(new Error(`A parse worker stopped: ${event.message || 'unknown error'}.`));
        this.running.delete(id);
      }
      this.dispatch();
    };
    this.workers.push(slot);
    return slot;
  }
}
