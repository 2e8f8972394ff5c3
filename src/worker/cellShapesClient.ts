import type { CellMesh } from '../core/hotspots/cellMesh';
import type { CellMark } from '../core/vocabulary';
import type { CellShapesRequest, CellShapesResponse } from './cellShapesWorker';

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (mesh: CellMesh) => void; reject: (error: Error) => void }>();

function start(): Worker {
  const created = new Worker(new URL('./cellShapesWorker.ts', import.meta.url), { type: 'module' });
  created.onmessage = ({ data }: MessageEvent<CellShapesResponse>) => {
    const call = waiting.get(data.id);
    waiting.delete(data.id);
    if ('error' in data) call?.reject(new Error(data.error));
    else call?.resolve(data.mesh);
  };
  created.onerror = (event) => {
    event.preventDefault();
    created.terminate();
    worker = null;
    for (const call of waiting.values()) call.reject(new Error(event.message || 'The cell outline worker stopped.'));
    waiting.clear();
  };
  return created;
}

/** Starts the worker before it is needed, so the first large map does not wait for it to load. */
export function warmCellShapes(): void {
  worker ??= start();
}

/** Cells about to be mapped, outlined in the worker ahead of their mesh. */
export function outlineCellsAhead(cells: string[]): void {
  worker ??= start();
  worker.postMessage({ ahead: cells } satisfies CellShapesRequest);
}

/** The cells' mesh in their colours and marks, built in a worker. */
export function cellShapes(cells: string[], colours: string[], marks?: (CellMark | null)[]): Promise<CellMesh> {
  worker ??= start();
  const id = nextId++;
  const promise = new Promise<CellMesh>((resolve, reject) => waiting.set(id, { resolve, reject }));
  worker.postMessage({ id, cells, colours, marks } satisfies CellShapesRequest);
  return promise;
}
