import { describe, expect, it } from 'vitest';
import { DataWorkerClient, WorkerError } from '../../src/worker/client';
import type { WorkerEvent } from '../../src/worker/protocol';

/** A stand-in for the data worker: records what it is sent and answers when told. */
class FakeWorker {
  sent: Record<string, unknown>[] = [];
  onmessage: ((message: { data: WorkerEvent }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault: () => void }) => void) | null = null;
  terminated = false;
  postMessage(message: Record<string, unknown>) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(event: WorkerEvent) {
    this.onmessage?.({ data: event });
  }
}

function client() {
  const workers: FakeWorker[] = [];
  const data = new DataWorkerClient(() => {
    workers.push(new FakeWorker());
    return workers.at(-1) as unknown as Worker;
  });
  return { data, workers };
}

describe('data worker client', () => {
  it('posts the message name, its id and its parameters, and resolves with the answer to that id', async () => {
    const { data, workers } = client();
    const first = data.call('find-places', { query: 'High Road', limit: 3 });
    const second = data.call('rejected-rows', { sourceIds: [2] });
    expect(workers[0].sent).toEqual([
      { type: 'find-places', id: first.id, query: 'High Road', limit: 3 },
      { type: 'rejected-rows', id: second.id, sourceIds: [2] },
    ]);
    workers[0].answer({ type: 'result', id: second.id, value: 'line,reason\n' });
    workers[0].answer({ type: 'result', id: first.id, value: [] });
    expect(await second.promise).toBe('line,reason\n');
    expect(await first.promise).toEqual([]);
  });

  it('passes progress and steps to the call that asked, and errors with their code', async () => {
    const { data, workers } = client();
    const steps: number[][] = [];
    const call = data.call('clear-buildings', {}, undefined, (done, total) => steps.push([done, total]));
    workers[0].answer({ type: 'steps', id: call.id, done: 1, total: 4 });
    workers[0].answer({ type: 'error', id: call.id, code: 'CANCELLED', message: 'Cancelled.' });
    await expect(call.promise).rejects.toMatchObject({ code: 'CANCELLED', message: 'Cancelled.' });
    expect(steps).toEqual([[1, 4]]);
  });

  it('hands cells found for a map being counted to whoever hears them, leaving the call waiting for its answer', async () => {
    const { data, workers } = client();
    const heard: string[][] = [];
    data.onCells = (cells) => heard.push(cells);
    const call = data.call('clear-buildings', {});
    workers[0].answer({ type: 'cells', cells: ['89195da49a3ffff'] });
    workers[0].answer({ type: 'result', id: call.id, value: null });
    await expect(call.promise).resolves.toBeNull();
    expect(heard).toEqual([['89195da49a3ffff']]);
  });

  it('when the worker dies, fails every pending call with a message and starts a fresh worker on the next call', async () => {
    const { data, workers } = client();
    const crashes: string[] = [];
    data.onCrash = (message) => crashes.push(message);
    const pending = data.call('identify', { file: new Blob(['x']) });
    workers[0].onerror?.({ message: 'out of memory', preventDefault: () => undefined });
    await expect(pending.promise).rejects.toBeInstanceOf(WorkerError);
    expect(crashes).toEqual(['The data worker stopped: out of memory.']);
    expect(workers[0].terminated).toBe(true);
    data.call('identify', { file: new Blob(['x']) });
    expect(workers).toHaveLength(2);
  });
});
