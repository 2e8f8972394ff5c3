/// <reference lib="webworker" />
import { boundariesFromGeoJson } from '../core/geo/boundaries';
import { LooksLikeBngError } from '../core/geo/crs';
import { mapListedGeometries, packGeometry } from '../core/geo/packedGeometry';
import { zonesFromGeoJson, zonesFromShapefileZip, type AreaImportOptions } from '../core/zones/importZones';

/**
 * Reads zone and boundary files off the main thread: a 40 MB GeoJSON takes seconds to parse and
 * check, and the page must keep answering meanwhile. The last parsed file is kept, so choosing
 * another name field does not parse it again.
 */
export interface GeometryRequest {
  id: number;
  file: Blob;
  /** Identifies the file (name, size, modification time) for the cache. */
  key: string;
  fileName: string;
  kind: 'zones' | 'boundaries' | 'shapefile';
  options: AreaImportOptions;
}

export type GeometryResponse = { id: number; result: unknown } | { id: number; error: { message: string; bngExtent?: LooksLikeBngError['extent'] } };

const scope = self as unknown as DedicatedWorkerGlobalScope;
let cached: { key: string; value: unknown } | null = null;

async function parsed(request: GeometryRequest): Promise<unknown> {
  if (cached?.key !== request.key) {
    const value = request.kind === 'shapefile' ? await request.file.arrayBuffer() : JSON.parse(await request.file.text());
    cached = { key: request.key, value };
  }
  return cached.value;
}

scope.onmessage = async (message: MessageEvent<GeometryRequest>) => {
  const request = message.data;
  try {
    const value = await parsed(request);
    const result =
      request.kind === 'shapefile' ? await zonesFromShapefileZip(value as ArrayBuffer, request.fileName, request.options)
      : request.kind === 'zones' ? zonesFromGeoJson(value, request.fileName, request.options)
      : boundariesFromGeoJson(value, request.fileName, request.options);
    const buffers = mapListedGeometries(result, packGeometry);
    scope.postMessage({ id: request.id, result } satisfies GeometryResponse, buffers);
  } catch (error) {
    const text = error instanceof SyntaxError ? `${request.fileName} is not valid GeoJSON.` : error instanceof Error ? error.message : String(error);
    scope.postMessage({ id: request.id, error: { message: text, bngExtent: error instanceof LooksLikeBngError ? error.extent : undefined } } satisfies GeometryResponse);
  }
};
