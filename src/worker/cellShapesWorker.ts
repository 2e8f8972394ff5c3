/// <reference lib="webworker" />
import { cellLayerDataUrl, robustExtent, type CellColumns } from '../core/hotspots/cellFeatures';
import type { Bounds } from '../core/geo/webMercator';

/**
 * Builds the hotspot layer's GeoJSON off the main thread: tens of thousands of hexagons take
 * a few hundred milliseconds to outline, serialise and hand to the map, which would freeze the page.
 * The answer is a data URL, which the map's own worker fetches and parses itself (it would send a
 * blob: URL back to the page to fetch, and copy the parsed features across on the page's time).
 */
export interface CellShapesRequest {
  id: number;
  cells: string[];
  columns: CellColumns;
}

export type CellShapesResponse = { id: number; url: string; extent: Bounds | null } | { id: number; error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = ({ data: { id, cells, columns } }: MessageEvent<CellShapesRequest>) => {
  try {
    scope.postMessage({ id, url: cellLayerDataUrl(cells, columns), extent: robustExtent(cells) } satisfies CellShapesResponse);
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies CellShapesResponse);
  }
};
