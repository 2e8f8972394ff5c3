import { cellToBoundary, cellToLatLng, getPentagons, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cellMesh, colourBytes, MARK_CODE, VERTEX_BYTES, VERTEX_LAYOUT } from '../../src/core/hotspots/cellMesh';
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

  it('fans each hexagon into six triangles from its centre, in its colour and mark', () => {
    const cells = gridDisk(brent, 1);
    const colours = cells.map((_, i) => (i === 0 ? '#b2182b' : '#f0f0f0'));
    const mesh = cellMesh(cells, colours, cells.map((_, i) => (i === 0 ? 'hot' : i === 1 ? 'cold' : null)));
    expect(mesh.vertexCount).toBe(7 * 6 * 3);
    expect(mesh.vertices.byteLength).toBe(mesh.vertexCount * VERTEX_BYTES);
    // The first triangle: the first cell's centre, then its first two corners.
    const [lat, lng] = cellToLatLng(cells[0]);
    const corners = cellToBoundary(cells[0]);
    const first = [0, 1, 2].map((i) => vertex(mesh, i));
    expect(first.map((v) => v.centre)).toEqual([1, 0, 0]);
    expect(first[0].x).toBeCloseTo(mercatorX(lng), 12);
    expect(first[0].y).toBeCloseTo(mercatorY(lat), 12);
    expect(first[2].x).toBeCloseTo(mercatorX(corners[1][1]), 12);
    expect(first[2].y).toBeCloseTo(mercatorY(corners[1][0]), 12);
    expect(first[0].colour).toEqual([178, 24, 43, 255]);
    expect(first.every((v) => v.mark === MARK_CODE.hot)).toBe(true);
    // The last triangle closes the ring: from the sixth corner back to the first.
    const last = vertex(mesh, 17);
    expect(last.x).toBeCloseTo(mercatorX(corners[0][1]), 12);
    expect(vertex(mesh, 18).mark).toBe(MARK_CODE.cold);
    expect(vertex(mesh, 40).mark).toBe(0);
    expect(vertex(mesh, 40).colour).toEqual([240, 240, 240, 255]);
  });

  it('keeps every corner within a few millimetres across London, however far from the origin', () => {
    // From Brent to Bexley, about 30 km: float32 coordinates of the whole world would be metres out;
    // offsets stay within 5 mm, under a pixel at the map's deepest zoom (about 2 cm a pixel in London).
    const bexley = latLngToCell(51.44, 0.15, 9);
    const mesh = cellMesh([brent, bexley], ['#fd8d3c', '#fd8d3c']);
    const corners = cellToBoundary(bexley);
    corners.forEach(([lat, lng], i) => {
      const v = vertex(mesh, 18 + 3 * i + 1);
      expect(Math.abs(v.x - mercatorX(lng)) * metresPerMercatorUnit).toBeLessThan(0.005);
      expect(Math.abs(v.y - mercatorY(lat)) * metresPerMercatorUnit).toBeLessThan(0.005);
    });
  });

  it('gives a pentagon five triangles, a cell with distortion corners one per corner, and no cells an empty mesh', () => {
    const [pentagon8] = getPentagons(8);
    expect(cellToBoundary(pentagon8)).toHaveLength(5);
    expect(cellMesh([pentagon8], ['#fd8d3c']).vertexCount).toBe(15);
    // At res 9 the pentagons' edges cross icosahedron faces: h3 gives ten corners, so ten triangles.
    const [pentagon9] = getPentagons(9);
    expect(cellToBoundary(pentagon9)).toHaveLength(10);
    expect(cellMesh([pentagon9], ['#fd8d3c']).vertexCount).toBe(30);
    expect(cellMesh([], []).vertexCount).toBe(0);
  });
});
