/// <reference lib="webworker" />
import { cellMesh, type CellMesh } from '../core/hotspots/cellMesh';
import type { CellMark } from '../core/vocabulary';

/**
 * Builds the hotspot map's mesh off the main thread: tens of thousands of cells take a hundred
 * milliseconds or more to outline, which would freeze the page. The vertices come back by transfer.
 */
export interface CellShapesRequest {
  id: number;
  cells: string[];
  colours: string[];
  marks?: (CellMark | null)[];
}

export type CellShapesResponse = { id: number; mesh: CellMesh } | { id: number; error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = ({ data: { id, cells, colours, marks } }: MessageEvent<CellShapesRequest>) => {
  try {
    const mesh = cellMesh(cells, colours, marks);
    scope.postMessage({ id, mesh } satisfies CellShapesResponse, [mesh.vertices, mesh.indices, mesh.cellStarts]);
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies CellShapesResponse);
  }
};
