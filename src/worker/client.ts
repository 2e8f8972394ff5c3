import type { IngestProgress } from '../core/ingest/ingestFile';
import type { MessageName, MessageParams, MessageResult, WorkerEvent } from './protocol';

/** A worker error carried to the main thread: the code for logs, the message for the user. */
export class WorkerError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'WorkerError';
  }
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; onProgress?: (progress: IngestProgress) => void; onSteps?: (done: number, total: number) => void };

/**
 * Promise-based calls into the data worker. If the worker dies, every pending call fails with a
 * message, and the next call starts a fresh worker (its data is reloaded from the saved workspace).
 */
export class DataWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  onCrash: ((message: string) => void) | null = null;
  /** Hears cells found for a map being counted, before its answer. */
  onCells: ((cells: string[]) => void) | null = null;

  constructor(private readonly createWorker: () => Worker) {}

  call<K extends MessageName>(type: K, params: MessageParams<K>, onProgress?: (progress: IngestProgress) => void, onSteps?: (done: number, total: number) => void): { id: number; promise: Promise<MessageResult<K>> } {
    const id = this.nextId++;
    const promise = new Promise<MessageResult<K>>((resolve, reject) => {
      // The worker answers a `K` message with `MessageResult<K>`: the one place its answer is typed.
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress, onSteps });
    });
    this.ensureWorker().postMessage({ ...params, type, id });
    return { id, promise };
  }

  cancel(target: number): void {
    this.call('cancel', { target });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (message: MessageEvent<WorkerEvent>) => this.receive(message.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.crash(`The data worker stopped: ${event.message || 'unknown error'}.`);
    };
    this.worker = worker;
    return worker;
  }

  private receive(event: WorkerEvent): void {
    if (event.type === 'cells') {
      this.onCells?.(event.cells);
      return;
    }
    const entry = this.pending.get(event.id);
    if (!entry) return;
    if (event.type === 'progress') {
      entry.onProgress?.(event.progress);
      return;
    }
    if (event.type === 'steps') {
      entry.onSteps?.(event.done, event.total);
      return;
    }
    this.pending.delete(event.id);
    if (event.type === 'result') entry.resolve(event.value);
    else entry.reject(new WorkerError(event.code, event.message));
  }

  private crash(message: string): void {
    this.worker?.terminate();
    this.worker = null;
    for (const entry of this.pending.values()) entry.reject(new WorkerError('WORKER_CRASHED', message));
    this.pending.clear();
    this.onCrash?.(message);
  }
}
