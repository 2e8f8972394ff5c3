import { CoreError } from '../core/errors';
import { LooksLikeBngError } from '../core/geo/crs';
import { FORMAT_HEAD_BYTES, formatFor, type GeometryFormat, type GeometryPurpose } from '../core/geo/geometryFormat';
import { mapListedGeometries, unpackGeometry } from '../core/geo/packedGeometry';
import type { AreaImportOptions } from '../core/zones/importZones';
import type { GeometryRequest, GeometryResponse } from './geometryWorker';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

function start(): Worker {
  const created = new Worker(new URL('./geometryWorker.ts', import.meta.url), { type: 'module' });
  created.onmessage = (message: MessageEvent<GeometryResponse>) => {
    const call = pending.get(message.data.id);
    pending.delete(message.data.id);
    if (!call) return;
    if ('result' in message.data) {
      mapListedGeometries(message.data.result, unpackGeometry);
      call.resolve(message.data.result);
    }
    else if (message.data.error.bngExtent) call.reject(new LooksLikeBngError(fileNameOf(message.data.error.message), message.data.error.bngExtent));
    else call.reject(new CoreError('BAD_GEOMETRY', message.data.error.message));
  };
  return created;
}

/** The file name a LooksLikeBngError message starts with (it is rebuilt on this side of the worker). */
const fileNameOf = (message: string) => message.slice(0, message.indexOf(' declares no coordinate system'));

/** Which reader a file goes to for a purpose, from its first bytes (a refusal names what it found). */
export async function fileFormat(purpose: GeometryPurpose, file: Blob, name: string): Promise<GeometryFormat> {
  return formatFor(purpose, name, new Uint8Array(await file.slice(0, FORMAT_HEAD_BYTES).arrayBuffer()));
}

/** Reads a zones or boundary file in the geometry worker. */
export function readAreasInWorker<R>(file: File, kind: GeometryRequest['kind'], options: AreaImportOptions): Promise<R> {
  worker ??= start();
  const id = nextId++;
  const request: GeometryRequest = { id, file, key: `${file.name}|${file.size}|${file.lastModified}`, fileName: file.name, kind, options };
  return new Promise<R>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    worker!.postMessage(request);
  });
}

/** Stops a read in progress: the worker is ended (a fresh one starts for the next file). */
export function cancelAreaReads(): void {
  worker?.terminate();
  worker = null;
  for (const call of pending.values()) call.reject(new CoreError('CANCELLED', 'Reading the file was cancelled.'));
  pending.clear();
}
