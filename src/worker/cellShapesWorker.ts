/// <reference lib="webworker" />
import { cellMesh, outlineAhead, type CellMesh } from '../core/hotspots/cellMesh';
import { gridOf } from '../core/geo/h3Index';
import type { CellMark } from '../core/vocabulary';

/**
 * Builds the hotspot map's mesh off the main thread: tens of thousands of cells take a hundred
 * milliseconds or more to outline, which would freeze the page. The vertices come back by transfer.
 */
export type CellShapesRequest =
  | { id: number; cells: string[]; colours: string[]; marks?: (CellMark | null)[] }
  /** Cells about to be mapped, to outline before their mesh is asked for (see outlineAhead): no answer. */
  | { ahead: string[] };

export type CellShapesResponse = { id: number; mesh: CellMesh } | { id: number; error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

// The worker starts while the page is idle, well before the first big map: its grid is made then.
gridOf();

scope.onmessage = ({ data }: MessageEvent<CellShapesRequest>) => {
  if ('ahead' in data) return outlineAhead(data.ahead);
  const { id, cells, colours, marks } = data;
  try {
    const mesh = cellMesh(cells, colours, marks);
    scope.postMessage({ id, mesh } satisfies CellShapesResponse, [mesh.vertices, mesh.indices, mesh.cellStarts]);
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies CellShapesResponse);
  }
};
