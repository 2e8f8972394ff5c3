import { CoreError, type CoreErrorCode } from '../core/errors';
import type { IngestProgress } from '../core/ingest/ingestFile';
import type { PartLayout, PartRange, PartResult } from '../core/ingest/filePart';
import type { ColumnMapping } from '../core/ingest/schema';
import type { UnpackedEntry, ZipEntry } from '../core/ingest/zipArchive';

/** A part of a file for a parse worker to read (see readPart). */
export interface PartJob {
  /** Parts of one batch share a worker's tables (see PartTables). */
  batch: number;
  file: Blob;
  name: string;
  range: PartRange;
  mapping?: ColumnMapping;
  /** For parts after the first line: the layout the first line gave. */
  known?: PartLayout;
}

/** A stretch of a ZIP archive's entries for a parse worker to unpack (see unpackEntries). */
export interface UnpackJob {
  file: Blob;
  name: string;
  entries: ZipEntry[];
}

export type PoolJob = ({ kind: 'part' } & PartJob) | ({ kind: 'unpack' } & UnpackJob);

/** Progress is an IngestProgress for a part, and the compressed bytes read for an unpack. */
export type PartReply =
  | { type: 'progress'; id: number; progress: IngestProgress | number }
  | { type: 'done'; id: number; result: PartOutcome | UnpackedEntry[] }
  /** `code` is a CoreError's (null for anything else): the error is raised again in the data worker as it was. */
  | { type: 'error'; id: number; code: CoreErrorCode | null; message: string };

export type PartOutcome = PartResult | { status: 'not-csv' };

interface Running {
  resolve: (result: PartOutcome | UnpackedEntry[]) => void;
  reject: (error: Error) => void;
  onProgress: (progress: IngestProgress | number) => void;
}

/** Parts sent to a worker ahead of the one it is reading, so it never waits for the data worker between parts. */
const PARTS_IN_FLIGHT = 2;

interface Slot {
  worker: Worker;
  /** Ids of the parts sent to it and not yet answered, in the order it reads them. */
  parts: Set<number>;
}

/**
 * Parse workers owned by the data worker, one per core: parts of files are queued and each worker
 * reads them one after another in queue order, so a batch of files or the parts of one big file
 * are read at once; the stretches of a ZIP archive are unpacked at once likewise. Cancel ends the
 * workers (and frees what they held); the next load starts new ones.
 */
export class PartPool {
  private workers: Slot[] = [];
  private readonly queue: { id: number; job: PoolJob }[] = [];
  private readonly running = new Map<number, Running>();
  private nextId = 1;

  constructor(
    private readonly createWorker: () => Worker,
    readonly size: number,
  ) {}

  read(job: PartJob, onProgress: (progress: IngestProgress) => void): Promise<PartOutcome> {
    return this.run({ kind: 'part', ...job }, onProgress as Running['onProgress']) as Promise<PartOutcome>;
  }

  /** The job's entries unpacked, in its order; `onBytes` hears the compressed bytes read so far. */
  unpack(job: UnpackJob, onBytes: (done: number) => void): Promise<UnpackedEntry[]> {
    return this.run({ kind: 'unpack', ...job }, onBytes as Running['onProgress']) as Promise<UnpackedEntry[]>;
  }

  private run(job: PoolJob, onProgress: Running['onProgress']): Promise<PartOutcome | UnpackedEntry[]> {
    const id = this.nextId++;
    const promise = new Promise<PartOutcome | UnpackedEntry[]>((resolve, reject) => this.running.set(id, { resolve, reject, onProgress }));
    this.queue.push({ id, job });
    this.dispatch();
    return promise;
  }

  /** Starts the workers before they are needed, so the first file read does not wait for them. */
  warm(): void {
    while (this.workers.length < this.size) this.startWorker();
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
      const idle = this.workers.find((entry) => entry.parts.size === 0);
      const slot = idle ?? (this.workers.length < this.size ? this.startWorker() : this.workers.find((entry) => entry.parts.size < PARTS_IN_FLIGHT));
      if (!slot) return;
      const { id, job } = this.queue.shift()!;
      slot.parts.add(id);
      slot.worker.postMessage({ id, job });
    }
  }

  private startWorker(): Slot {
    const slot: Slot = { worker: this.createWorker(), parts: new Set() };
    slot.worker.onmessage = (message: MessageEvent<PartReply>) => {
      const reply = message.data;
      const entry = this.running.get(reply.id);
      if (!entry) return;
      if (reply.type === 'progress') return entry.onProgress(reply.progress);
      this.running.delete(reply.id);
      slot.parts.delete(reply.id);
      if (reply.type === 'done') entry.resolve(reply.result);
      else entry.reject(reply.code ? new CoreError(reply.code, reply.message) : new Error(reply.message));
      this.dispatch();
    };
    slot.worker.onerror = (event) => {
      event.preventDefault();
      this.workers = this.workers.filter((entry) => entry !== slot);
      slot.worker.terminate();
      for (const id of slot.parts) {
        this.running.get(id)?.reject(new Error(`A parse worker stopped: ${event.message || 'unknown error'}.`));
        this.running.delete(id);
      }
      this.dispatch();
    };
    this.workers.push(slot);
    return slot;
  }
}
