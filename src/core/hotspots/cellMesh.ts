import { cellToBoundary, cellToLatLng } from 'h3-js';
import type { CellMark } from '../vocabulary';
import { hexagonCorners } from '../geo/h3Index';
import { mercatorX, mercatorY } from '../geo/webMercator';

/**
 * Hotspot cells as triangles for the GPU: each cell a fan from its centre to its corners, so the map
 * draws tens of thousands of cells in one call instead of cutting them into vector tiles first.
 * Each vertex is stored once and the triangles name theirs by index: a hexagon is 7 vertices, not
 * 18. Two sets of triangles share them: the fans, whose centres the renderer needs to find cell
 * edges, and, for when edges are not drawn, each cell cut between its corners only (four triangles
 * for a hexagon, not six): a software-rendered frame of tens of thousands of cells costs about the
 * number of triangles drawn.
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
  /** Three vertex indices (Uint32) a triangle: the fans' `fanIndexCount`, then the corners-only triangles' `cornerIndexCount`. */
  indices: ArrayBuffer;
  fanIndexCount: number;
  cornerIndexCount: number;
  /** Each cell's first (centre) vertex (Uint32), then `vertexCount`: cell i has corners from start + 1 to the next start. */
  cellStarts: ArrayBuffer;
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

/**
 * Each cell's corners in Web Mercator (x, y pairs), kept from mesh to mesh: a filter or period
 * change colours mostly the same cells again, and finding their corners is most of a mesh's time.
 * One growing array holds them all (a small array a cell made the first mesh a third slower), and
 * past `MOST_CELLS` cells it starts afresh, so memory stays bounded.
 */
class CornerStore {
  /** Per cell: where its corners start in `coordinates`, times 16, plus their number (at most ten). */
  private readonly found = new Map<string, number>();
  coordinates = new Float64Array(1 << 16);
  private used = 0;

  /** The cell's corners: their start in `coordinates` × 16 + their number. */
  corners(cell: string): number {
    const known = this.found.get(cell);
    if (known !== undefined) return known;
    if (this.found.size >= MOST_CELLS) {
      this.found.clear();
      this.used = 0;
    }
    let count = HEXAGON_CORNERS;
    if (!hexagonCorners(cell, cornerLat, cornerLng)) {
      const boundary = cellToBoundary(cell);
      count = boundary.length;
      boundary.forEach(([lat, lng], corner) => {
        cornerLat[corner] = lat;
        cornerLng[corner] = lng;
      });
    }
    if (this.used + 2 * count > this.coordinates.length) {
      const larger = new Float64Array(this.coordinates.length * 2);
      larger.set(this.coordinates);
      this.coordinates = larger;
    }
    const start = this.used;
    for (let corner = 0; corner < count; corner++) {
      this.coordinates[this.used++] = mercatorX(cornerLng[corner]);
      this.coordinates[this.used++] = mercatorY(cornerLat[corner]);
    }
    const packed = start * 16 + count;
    this.found.set(cell, packed);
    return packed;
  }
}

/** The most cells whose corners are kept; outlining more ahead of a mesh would push out what it needs. */
export const MOST_CELLS = 200_000;
const HEXAGON_CORNERS = 6;
/** A cell's corners in degrees (h3 gives at most ten). */
const cornerLat = new Float64Array(10);
const cornerLng = new Float64Array(10);
/** Made at first use: a module that only reads MOST_CELLS does not hold its memory. */
let cornerStore: CornerStore | null = null;

/**
 * Finds the cells' corners before their mesh is asked for: the map's cells are known as soon as its
 * points' cells are, while the map is still being counted, so the mesh then finds them kept.
 */
export function outlineAhead(cells: readonly string[]): void {
  cornerStore ??= new CornerStore();
  for (const cell of cells) cornerStore.corners(cell);
}

/** The cells as a triangle mesh, each in its colour and with its mark. */
export function cellMesh(cells: readonly string[], colours: readonly string[], marks?: readonly (CellMark | null)[]): CellMesh {
  const store = (cornerStore ??= new CornerStore());
  // Room for a hexagon's seven vertices and six plus four triangles a cell; the rare cell with more
  // corners (distortion vertices) grows them.
  let floats = new Float32Array(cells.length * 7 * (VERTEX_BYTES / 4));
  let bytes = new Uint8Array(floats.buffer);
  let fans = new Uint32Array(cells.length * 18);
  let cornersOnly = new Uint32Array(cells.length * 12);
  const cellStarts = new Uint32Array(cells.length + 1);
  const [originLat, originLng] = cells.length > 0 ? cellToLatLng(cells[0]) : [0, 0];
  const originX = mercatorX(originLng);
  const originY = mercatorY(originLat);
  const colourCache = new Map<string, readonly number[]>();
  // A cell's corners, projected (h3 gives at most ten).
  const cornerX = new Float64Array(10);
  const cornerY = new Float64Array(10);
  let vertex = 0;
  let fanIndex = 0;
  let cornerIndex = 0;
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
  for (let cellIndex = 0; cellIndex < cells.length; cellIndex++) {
    const cell = cells[cellIndex];
    const colour = colours[cellIndex];
    let rgba = colourCache.get(colour);
    if (!rgba) colourCache.set(colour, (rgba = colourBytes(colour)));
    const markOf = marks?.[cellIndex];
    const mark = markOf ? MARK_CODE[markOf] : 0;
    const packed = store.corners(cell);
    const n = packed % 16;
    const first = (packed - n) / 16;
    const coordinates = store.coordinates;
    if ((vertex + 1 + n) * 4 > floats.length) {
      floats = grown(floats, (vertex + 1 + n) * 4);
      bytes = new Uint8Array(floats.buffer);
    }
    if (fanIndex + 3 * n > fans.length) fans = grown(fans, fanIndex + 3 * n);
    if (cornerIndex + 3 * n > cornersOnly.length) cornersOnly = grown(cornersOnly, cornerIndex + 3 * n);
    const centre = vertex;
    cellStarts[cellIndex] = centre;
    // The centre is the mean of the corners as drawn: inside the convex cell, millimetres from
    // h3's centre, and without a second h3 call a cell.
    let sumX = 0;
    let sumY = 0;
    for (let i = 0; i < n; i++) {
      cornerX[i] = coordinates[first + 2 * i] - originX;
      cornerY[i] = coordinates[first + 2 * i + 1] - originY;
      sumX += cornerX[i];
      sumY += cornerY[i];
    }
    put(sumX / n, sumY / n, rgba, mark, 1);
    for (let i = 0; i < n; i++) put(cornerX[i], cornerY[i], rgba, mark, 0);
    fanIndex = writeFan(fans, fanIndex, centre, n);
    // A cell is convex, so a fan from its first corner covers it.
    for (let i = 2; i < n; i++) {
      cornersOnly[cornerIndex++] = centre + 1;
      cornersOnly[cornerIndex++] = centre + i;
      cornersOnly[cornerIndex++] = centre + 1 + i;
    }
  }
  const indices = new Uint32Array(fanIndex + cornerIndex);
  indices.set(fans.subarray(0, fanIndex));
  indices.set(cornersOnly.subarray(0, cornerIndex), fanIndex);
  cellStarts[cells.length] = vertex;
  const vertices = vertex * VERTEX_BYTES === floats.buffer.byteLength ? floats.buffer : floats.buffer.slice(0, vertex * VERTEX_BYTES);
  return { originX, originY, vertexCount: vertex, vertices, indices: indices.buffer, fanIndexCount: fanIndex, cornerIndexCount: cornerIndex, cellStarts: cellStarts.buffer };
}

/**
 * The fans of some of a mesh's cells (by their index in the cells it was built from), for drawing
 * just those again, e.g. outlined: the renderer finds their rims from the fans' centres.
 */
export function cellFans(mesh: CellMesh, cellIndices: readonly number[]): Uint32Array {
  const starts = new Uint32Array(mesh.cellStarts);
  let length = 0;
  for (const cell of cellIndices) length += 3 * (starts[cell + 1] - starts[cell] - 1);
  const fans = new Uint32Array(length);
  let at = 0;
  for (const cell of cellIndices) at = writeFan(fans, at, starts[cell], starts[cell + 1] - starts[cell] - 1);
  return fans;
}

/** Writes a cell's fan at `at` (a triangle from its centre to each pair of neighbouring corners); returns the index after it. */
function writeFan(target: Uint32Array, at: number, centre: number, corners: number): number {
  for (let i = 0; i < corners; i++) {
    target[at++] = centre;
    target[at++] = centre + 1 + i;
    target[at++] = centre + 1 + (i + 1 < corners ? i + 1 : 0);
  }
  return at;
}

/** `array`'s values in a larger array of its kind, with room for at least `needed`. */
function grown<T extends Float32Array<ArrayBuffer> | Uint32Array<ArrayBuffer>>(array: T, needed: number): T {
  const larger = new (array.constructor as new (length: number) => T)(Math.max(array.length * 2, needed));
  larger.set(array);
  return larger;
}
