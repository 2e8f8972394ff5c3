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
  // Room for six triangles a cell; the rare cell with more corners (distortion vertices) grows it.
  let floats = new Float32Array(cells.length * 18 * (VERTEX_BYTES / 4));
  let bytes = new Uint8Array(floats.buffer);
  const [originLat, originLng] = cells.length > 0 ? cellToLatLng(cells[0]) : [0, 0];
  const originX = mercatorX(originLng);
  const originY = mercatorY(originLat);
  const colourCache = new Map<string, readonly number[]>();
  /** One cell's corners as offsets from the origin, x then y. */
  const ring = new Float64Array(2 * 10);
  let vertex = 0;
  const put = (x: number, y: number, rgba: readonly number[], mark: number, centre: number) => {
    floats[vertex * 4] = x;
    floats[vertex * 4 + 1] = y;
    const at = vertex * VERTEX_BYTES;
    bytes[at + VERTEX_LAYOUT.colour] = rgba[0];
    bytes[at + VERTEX_LAYOUT.colour + 1] = rgba[1];
    bytes[at + VERTEX_LAYOUT.colour + 2] = rgba[2];
    bytes[at + VERTEX_LAYOUT.colour + 3] = rgba[3];
    bytes[at + VERTEX_LAYOUT.mark] = mark;
    bytes[at + VERTEX_LAYOUT.centre] = centre;
    vertex++;
  };
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index];
    const colour = colours[index];
    let rgba = colourCache.get(colour);
    if (!rgba) colourCache.set(colour, (rgba = colourBytes(colour)));
    const markOf = marks?.[index];
    const mark = markOf ? MARK_CODE[markOf] : 0;
    const [lat, lng] = cellToLatLng(cell);
    const cx = mercatorX(lng) - originX;
    const cy = mercatorY(lat) - originY;
    const corners = cellToBoundary(cell);
    const n = corners.length;
    for (let i = 0; i < n; i++) {
      ring[2 * i] = mercatorX(corners[i][1]) - originX;
      ring[2 * i + 1] = mercatorY(corners[i][0]) - originY;
    }
    if ((vertex + 3 * n) * 4 > floats.length) {
      const grown = new Float32Array(Math.max(floats.length * 2, (vertex + 3 * n) * 4));
      grown.set(floats);
      floats = grown;
      bytes = new Uint8Array(grown.buffer);
    }
    for (let i = 0; i < n; i++) {
      const next = i + 1 < n ? i + 1 : 0;
      put(cx, cy, rgba, mark, 1);
      put(ring[2 * i], ring[2 * i + 1], rgba, mark, 0);
      put(ring[2 * next], ring[2 * next + 1], rgba, mark, 0);
    }
  }
  const vertices = vertex * VERTEX_BYTES === floats.buffer.byteLength ? floats.buffer : floats.buffer.slice(0, vertex * VERTEX_BYTES);
  return { originX, originY, vertexCount: vertex, vertices };
}
