import { cellToBoundary, cellToLatLng, getPentagons, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cellFans, cellMesh, colourBytes, MARK_CODE, outlineAhead, VERTEX_BYTES, VERTEX_LAYOUT } from '../../src/core/hotspots/cellMesh';
import { mercatorX, mercatorY } from '../../src/core/geo/webMercator';

const brent = latLngToCell(51.5588, -0.2817, 9);
/** The world is 40,075 km round at the equator; at London's latitude a Mercator unit is cos(51.5°) of that. */
const metresPerMercatorUnit = 40_075_016.7 * Math.cos((51.5 * Math.PI) / 180);

function vertex(mesh: ReturnType<typeof cellMesh>, index: number) {
  const floats = new Float32Array(mesh.vertices, index * VERTEX_BYTES, 2);
  const bytes = new Uint8Array(mesh.vertices, index * VERTEX_BYTES, VERTEX_BYTES);
  return { x: mesh.originX + floats[0], y: mesh.originY + floats[1], colour: [...bytes.subarray(VERTEX_LAYOUT.colour, VERTEX_LAYOUT.colour + 4)], mark: bytes[VERTEX_LAYOUT.mark], centre: bytes[VERTEX_LAYOUT.centre] };
}

describe('cell mesh', () => {
  it('reads the palette’s colour forms as RGBA bytes and refuses any other', () => {
    expect(colourBytes('#fd8d3c')).toEqual([253, 141, 60, 255]);
    expect(colourBytes('#B2182B')).toEqual([178, 24, 43, 255]);
    // 0.35 × 255 = 89.25, rounded to 89.
    expect(colourBytes('rgba(190, 190, 190, 0.35)')).toEqual([190, 190, 190, 89]);
    expect(colourBytes('rgb(1,2,3)')).toEqual([1, 2, 3, 255]);
    expect(() => colourBytes('orange')).toThrow(/Unreadable map colour: orange/);
  });

  it('stores each cell’s centre and corners once, fanned into six triangles from the centre and four between the corners', () => {
    const cells = gridDisk(brent, 1);
    const colours = cells.map((_, i) => (i === 0 ? '#b2182b' : '#f0f0f0'));
    const mesh = cellMesh(cells, colours, cells.map((_, i) => (i === 0 ? 'hot' : i === 1 ? 'cold' : null)));
    expect(mesh.vertexCount).toBe(7 * 7);
    expect(mesh.vertices.byteLength).toBe(mesh.vertexCount * VERTEX_BYTES);
    expect(mesh.fanIndexCount).toBe(7 * 6 * 3);
    expect(mesh.cornerIndexCount).toBe(7 * 4 * 3);
    expect(mesh.indices.byteLength).toBe((mesh.fanIndexCount + mesh.cornerIndexCount) * 4);
    const indices = new Uint32Array(mesh.indices);
    // The first cell: its centre, then its six corners in h3's order.
    const [lat, lng] = cellToLatLng(cells[0]);
    const corners = cellToBoundary(cells[0]);
    const first = [0, 1, 2, 3, 4, 5, 6].map((i) => vertex(mesh, i));
    expect(first.map((v) => v.centre)).toEqual([1, 0, 0, 0, 0, 0, 0]);
    // The centre is the mean of the six corners as projected, within 1e-9 of the world's width (4 cm) of h3's centre.
    const meanOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(first[0].x).toBeCloseTo(meanOf(corners.map(([, cornerLng]) => mercatorX(cornerLng))), 12);
    expect(first[0].y).toBeCloseTo(meanOf(corners.map(([cornerLat]) => mercatorY(cornerLat))), 12);
    expect(Math.abs(first[0].x - mercatorX(lng))).toBeLessThan(1e-9);
    expect(Math.abs(first[0].y - mercatorY(lat))).toBeLessThan(1e-9);
    expect(first[2].x).toBeCloseTo(mercatorX(corners[1][1]), 12);
    expect(first[2].y).toBeCloseTo(mercatorY(corners[1][0]), 12);
    expect(first[0].colour).toEqual([178, 24, 43, 255]);
    expect(first.every((v) => v.mark === MARK_CODE.hot)).toBe(true);
    // Its fan: centre to each pair of neighbouring corners, the last closing the ring.
    expect([...indices.subarray(0, 18)]).toEqual([0, 1, 2, 0, 2, 3, 0, 3, 4, 0, 4, 5, 0, 5, 6, 0, 6, 1]);
    // The second cell's fan starts at its own centre.
    expect([...indices.subarray(18, 21)]).toEqual([7, 8, 9]);
    // Corners only: from the first corner to each later pair, never the centre.
    expect([...indices.subarray(mesh.fanIndexCount, mesh.fanIndexCount + 12)]).toEqual([1, 2, 3, 1, 3, 4, 1, 4, 5, 1, 5, 6]);
    expect(vertex(mesh, 7).mark).toBe(MARK_CODE.cold);
    expect(vertex(mesh, 40).mark).toBe(0);
    expect(vertex(mesh, 40).colour).toEqual([240, 240, 240, 255]);
  });

  it('covers each cell’s area exactly with either set of triangles', () => {
    const cells = gridDisk(brent, 1);
    const mesh = cellMesh(cells, cells.map(() => '#fd8d3c'));
    const indices = new Uint32Array(mesh.indices);
    const area = (from: number, to: number) => {
      let total = 0;
      for (let i = from; i < to; i += 3) {
        const [a, b, c] = [indices[i], indices[i + 1], indices[i + 2]].map((k) => vertex(mesh, k));
        total += Math.abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
      }
      return total;
    };
    const fans = area(0, mesh.fanIndexCount);
    expect(area(mesh.fanIndexCount, mesh.fanIndexCount + mesh.cornerIndexCount) / fans).toBeCloseTo(1, 9);
  });

  it('keeps every corner within a few millimetres across London, however far from the origin', () => {
    // From Brent to Bexley, about 30 km: float32 coordinates of the whole world would be metres out;
    // offsets stay within 5 mm, under a pixel at the map's deepest zoom (about 2 cm a pixel in London).
    const bexley = latLngToCell(51.44, 0.15, 9);
    const mesh = cellMesh([brent, bexley], ['#fd8d3c', '#fd8d3c']);
    const corners = cellToBoundary(bexley);
    corners.forEach(([lat, lng], i) => {
      const v = vertex(mesh, 7 + 1 + i);
      expect(Math.abs(v.x - mercatorX(lng)) * metresPerMercatorUnit).toBeLessThan(0.005);
      expect(Math.abs(v.y - mercatorY(lat)) * metresPerMercatorUnit).toBeLessThan(0.005);
    });
  });

  it('gives the same corners when the cells come again, in another order and among new ones (as after a filter change)', () => {
    const ring = gridDisk(brent, 3);
    const cornersOf = (mesh: ReturnType<typeof cellMesh>, cellIndex: number, count: number) => Array.from({ length: count }, (_, i) => vertex(mesh, new Uint32Array(mesh.cellStarts)[cellIndex] + 1 + i));
    cellMesh(ring.slice(0, 20), ring.slice(0, 20).map(() => '#fd8d3c'));
    const again = [...ring].reverse();
    const mesh = cellMesh(again, again.map(() => '#fd8d3c'));
    again.forEach((cell, cellIndex) => {
      const expected = cellToBoundary(cell);
      cornersOf(mesh, cellIndex, expected.length).forEach((v, i) => {
        expect(Math.abs(v.x - mercatorX(expected[i][1])) * metresPerMercatorUnit).toBeLessThan(0.005);
        expect(Math.abs(v.y - mercatorY(expected[i][0])) * metresPerMercatorUnit).toBeLessThan(0.005);
      });
    });
  });

  it('builds a mesh from cells outlined ahead with their own corners', () => {
    const disk = gridDisk(latLngToCell(51.52, -0.08, 10), 40);
    outlineAhead(disk);
    const mesh = cellMesh(disk, disk.map(() => '#fd8d3c'));
    expect(mesh.vertexCount).toBe(7 * disk.length);
    const starts = new Uint32Array(mesh.cellStarts);
    disk.forEach((cell, cellIndex) => {
      cellToBoundary(cell).forEach(([lat, lng], i) => {
        const v = vertex(mesh, starts[cellIndex] + 1 + i);
        expect(Math.abs(v.x - mercatorX(lng)) * metresPerMercatorUnit).toBeLessThan(0.005);
        expect(Math.abs(v.y - mercatorY(lat)) * metresPerMercatorUnit).toBeLessThan(0.005);
      });
    });
  });

  it('keeps corners right when it has held so many cells that it starts afresh, in the middle of a mesh', () => {
    const disk = gridDisk(brent, 259);
    expect(disk.length).toBeGreaterThan(200_000);
    const mesh = cellMesh(disk, disk.map(() => '#fd8d3c'));
    const starts = new Uint32Array(mesh.cellStarts);
    for (const cellIndex of [0, 199_999, 200_000, disk.length - 1]) {
      cellToBoundary(disk[cellIndex]).forEach(([lat, lng], i) => {
        const v = vertex(mesh, starts[cellIndex] + 1 + i);
        expect(Math.abs(v.x - mercatorX(lng)) * metresPerMercatorUnit).toBeLessThan(0.005);
        expect(Math.abs(v.y - mercatorY(lat)) * metresPerMercatorUnit).toBeLessThan(0.005);
      });
    }
  });

  it('gives a pentagon five triangles, a cell with distortion corners one per corner, and no cells an empty mesh', () => {
    const [pentagon8] = getPentagons(8);
    expect(cellToBoundary(pentagon8)).toHaveLength(5);
    const five = cellMesh([pentagon8], ['#fd8d3c']);
    expect([five.vertexCount, five.fanIndexCount, five.cornerIndexCount]).toEqual([6, 15, 9]);
    // At res 9 the pentagons' edges cross icosahedron faces: h3 gives ten corners, so ten triangles.
    const [pentagon9] = getPentagons(9);
    expect(cellToBoundary(pentagon9)).toHaveLength(10);
    const ten = cellMesh([pentagon9], ['#fd8d3c']);
    expect([ten.vertexCount, ten.fanIndexCount, ten.cornerIndexCount]).toEqual([11, 30, 24]);
    const none = cellMesh([], []);
    expect([none.vertexCount, none.fanIndexCount, none.cornerIndexCount, none.indices.byteLength]).toEqual([0, 0, 0, 0]);
  });

  it('gives the fans of chosen cells again, for outlining them: a hexagon’s six triangles from its centre, a pentagon’s five', () => {
    const [pentagon] = getPentagons(8);
    const mesh = cellMesh([brent, pentagon, gridDisk(brent, 1)[1]], ['#fd8d3c', '#fd8d3c', '#fd8d3c']);
    // Vertices: the hexagon 0–6, the pentagon 7–12 (centre 7), the second hexagon 13–19.
    expect([...new Uint32Array(mesh.cellStarts)]).toEqual([0, 7, 13, 20]);
    expect([...cellFans(mesh, [1])]).toEqual([7, 8, 9, 7, 9, 10, 7, 10, 11, 7, 11, 12, 7, 12, 8]);
    const both = cellFans(mesh, [2, 0]);
    expect([...both.subarray(0, 6)]).toEqual([13, 14, 15, 13, 15, 16]);
    expect([...both.subarray(18)]).toEqual([...new Uint32Array(mesh.indices, 0, 18)]);
    expect(cellFans(mesh, [])).toHaveLength(0);
  });
});
