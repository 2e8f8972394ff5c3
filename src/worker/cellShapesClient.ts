import type { CellColumns } from '../core/hotspots/cellFeatures';
import type { Bounds } from '../core/geo/webMercator';
import type { CellShapesRequest, CellShapesResponse } from './cellShapesWorker';

export interface CellShapes {
  /** The cells as a GeoJSON data URL, for the map to read in its own worker. */
  url: string;
  extent: Bounds | null;
}

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (shapes: CellShapes) => void; reject: (error: Error) => void }>();

function start(): Worker {
  const created = new Worker(new URL('./cellShapesWorker.ts', import.meta.url), { type: 'module' });
  created.onmessage = ({ data }: MessageEvent<CellShapesResponse>) => {
    const call = waiting.get(data.id);
    waiting.delete(data.id);
    if ('error' in data) call?.reject(new Error(data.error));
    else call?.resolve({ url: data.url, extent: data.extent });
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

/** The cells as GeoJSON with the given property columns, and their extent, built in a worker. */
export function cellShapes(cells: string[], columns: CellColumns): Promise<CellShapes> {
  worker ??= start();
  const id = nextId++;
  const promise = new Promise<CellShapes>((resolve, reject) => waiting.set(id, { resolve, reject }));
  worker.postMessage({ id, cells, columns } satisfies CellShapesRequest);
  return promise;
}
