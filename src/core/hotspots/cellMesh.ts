import { cellToBoundary, cellToLatLng } from 'h3-js';
import type { CellMark } from '../vocabulary';
import { mercatorX, mercatorY } from '../geo/webMercator';

/**
 * Hotspot cells as triangles for the GPU: each cell a fan from its centre to its corners, so the map
 * draws tens of thousands of cells in one call instead of cutting them into vector tiles first.
 *
 * Per vertex, VERTEX_BYTES bytes: the Web Mercator offset from the mesh's origin (two float32s;
 * offsets keep millimetre precision that absolute float32 coordinates would lose), the cell's colour
 * (RGBA bytes), its mark (MARK_CODE) and whether the vertex is the cell's centre (1) or a corner (0),
 * which the renderer uses to find cell edges.
 */
export interface CellMesh {
  /** Web Mercator (0–1 across the world) of the point every vertex is offset from. */
  originX: number;
  originY: number;
  vertexCount: number;
  vertices: ArrayBuffer;
}

export const VERTEX_BYTES = 16;
/** Byte offsets of the vertex fields. */
export const VERTEX_LAYOUT = { offset: 0, colour: 8, mark: 12, centre: 13 } as const;
/** A cell's mark as the renderer reads it: 0 none; 1 and 2 select the hot and cold pattern tiles. */
export const MARK_CODE: Readonly<Record<CellMark, number>> = { hot: 1, cold: 2 };

const HEX = /^#([\da-f]{2})([\da-f]{2})([\da-f]{2})$/i;
const RGBA = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)$/i;

/** A palette colour (`#rrggbb`, `rgb()` or `rgba()`) as RGBA bytes; any other form is a palette mistake. */
export function colourBytes(colour: string): [number, number, number, number] {
  const hex = HEX.exec(colour);
  if (hex) return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16), 255];
  const rgba = RGBA.exec(colour);
  if (rgba) return [Number(rgba[1]), Number(rgba[2]), Number(rgba[3]), Math.round(255 * (rgba[4] === undefined ? 1 : Number(rgba[4])))];
  throw new Error(`Unreadable map colour: ${colour}`);
}

/** The cells as a triangle mesh, each in its colour and with its mark. */
export function cellMesh(cells: readonly string[], colours: readonly string[], marks?: readonly (CellMark | null)[]): CellMesh {
  const corners = cells.map((cell) => cellToBoundary(cell));
  const vertexCount = corners.reduce((sum, ring) => sum + 3 * ring.length, 0);
  const vertices = new ArrayBuffer(vertexCount * VERTEX_BYTES);
  const floats = new Float32Array(vertices);
  const bytes = new Uint8Array(vertices);
  const [originLat, originLng] = cells.length > 0 ? cellToLatLng(cells[0]) : [0, 0];
  const originX = mercatorX(originLng);
  const originY = mercatorY(originLat);
  const colourCache = new Map<string, [number, number, number, number]>();
  let vertex = 0;
  const put = (x: number, y: number, rgba: readonly number[], mark: number, centre: number) => {
    floats[vertex * 4] = x;
    floats[vertex * 4 + 1] = y;
    const at = vertex * VERTEX_BYTES;
    bytes.set(rgba, at + VERTEX_LAYOUT.colour);
    bytes[at + VERTEX_LAYOUT.mark] = mark;
    bytes[at + VERTEX_LAYOUT.centre] = centre;
    vertex++;
  };
  cells.forEach((cell, index) => {
    const colour = colours[index];
    let rgba = colourCache.get(colour);
    if (!rgba) colourCache.set(colour, (rgba = colourBytes(colour)));
    const markOf = marks?.[index];
    const mark = markOf ? MARK_CODE[markOf] : 0;
    const [lat, lng] = cellToLatLng(cell);
    const cx = mercatorX(lng) - originX;
    const cy = mercatorY(lat) - originY;
    const ring = corners[index].map(([cornerLat, cornerLng]) => [mercatorX(cornerLng) - originX, mercatorY(cornerLat) - originY]);
    ring.forEach(([x, y], i) => {
      const [nextX, nextY] = ring[(i + 1) % ring.length];
      put(cx, cy, rgba, mark, 1);
      put(x, y, rgba, mark, 0);
      put(nextX, nextY, rgba, mark, 0);
    });
  });
  return { originX, originY, vertexCount, vertices };
}
