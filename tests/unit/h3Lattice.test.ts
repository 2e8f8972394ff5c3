import { cellToBoundary, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/core/dataset';
import { H3Lattice, LatticeIds } from '../../src/core/geo/h3Lattice';
import { DEGREES, pointOnGlobe, randomStream } from './randomPoints';

/** The middle of the great-circle arc between two vertices: on a cell's edge, as exactly as doubles allow. */
function edgeMiddle([lat0, lng0]: number[], [lat1, lng1]: number[]): [number, number] {
  const vector = ([lat, lng]: number[]) => [Math.cos(lat / DEGREES) * Math.cos(lng / DEGREES), Math.cos(lat / DEGREES) * Math.sin(lng / DEGREES), Math.sin(lat / DEGREES)];
  const [a, b] = [vector([lat0, lng0]), vector([lat1, lng1])];
  const [x, y, z] = [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
  return [Math.atan2(z, Math.hypot(x, y)) * DEGREES, Math.atan2(y, x) * DEGREES];
}

/** Points over the globe, over London, and on the edges and corners of London's cells at `resolution`. */
function testPoints(resolution: number, random: () => number): { points: [number, number][]; onEdges: number } {
  const points: [number, number][] = [];
  for (let n = 0; n < 8000; n++) points.push(pointOnGlobe(random));
  for (let n = 0; n < 8000; n++) points.push([51.28 + random() * 0.42, -0.51 + random() * 0.84]);
  for (let n = 0; n < 400; n++) {
    const boundary = cellToBoundary(latLngToCell(51.28 + random() * 0.42, -0.51 + random() * 0.84, resolution));
    boundary.forEach((vertex, v) => points.push(vertex, edgeMiddle(vertex, boundary[(v + 1) % boundary.length])));
  }
  return { points, onEdges: points.length - 16000 };
}

describe('H3Lattice', () => {
  it('finds points at the same place only when h3-js puts them in the same cell, at every resolution', () => {
    const random = randomStream(18);
    for (let resolution = 0; resolution <= 15; resolution++) {
      const lattice = new H3Lattice(resolution);
      const cellOfKey = new Map<string, string>();
      const { points, onEdges } = testPoints(resolution, random);
      let keyless = 0;
      for (const [lat, lng] of points) {
        if (!lattice.locate(lat, lng)) {
          keyless++;
          continue;
        }
        const key = `${lattice.face} ${lattice.i} ${lattice.j}`;
        const cell = latLngToCell(lat, lng, resolution);
        const known = cellOfKey.get(key) ?? cell;
        expect(known, `${lat},${lng} at resolution ${resolution}`).toBe(cell);
        cellOfKey.set(key, cell);
      }
      // Only points on or within a rounding error of an edge are left to h3-js: at most the corners
      // and edge middles, and none of the 16,000 others but by rare chance.
      expect(keyless).toBeLessThanOrEqual(onEdges + 16);
    }
  });

  it('leaves a point exactly on an edge between two faces to h3-js', () => {
    // Face 0's and face 4's centres (H3 v4, faceijk.c) are equally far from their middle.
    const [lat, lng] = edgeMiddle([0.80358264971899 * DEGREES, 1.2483974196173961 * DEGREES], [0.49171542819877384 * DEGREES, 0.40198820291130694 * DEGREES]);
    expect(new H3Lattice(9).locate(lat, lng)).toBe(false);
  });
});

describe('LatticeIds', () => {
  it('gives back each id set, -1 for places never set, through its growth, on every face and either side of each axis', () => {
    const random = randomStream(5);
    const ids = new LatticeIds();
    const expected = new Map<string, number>();
    for (let n = 0; n < 50_000; n++) {
      const [face, i, j] = [Math.floor(random() * 20), Math.floor((random() - 0.5) * 2 ** 24), Math.floor((random() - 0.5) * 2 ** 24)];
      ids.set(face, i, j, n);
      expected.set(`${face} ${i} ${j}`, n);
    }
    for (const [place, id] of expected) {
      const [face, i, j] = place.split(' ').map(Number);
      expect(ids.get(face, i, j)).toBe(id);
    }
    expect(ids.get(0, 2 ** 23 - 1, -(2 ** 23))).toBe(-1);
  });
});

describe('Dataset.cellsAt', () => {
  it("puts each point in h3-js's cell, on edges and corners too", () => {
    const dataset = new Dataset();
    for (const [lat, lng] of testPoints(9, randomStream(9)).points) dataset.points.idAt(lat, lng);
    for (const resolution of [7, 9, 11]) {
      const { cells, cellOfPoint } = dataset.cellsAt(resolution);
      const { lat, lng } = dataset.points;
      for (let point = 0; point < dataset.points.count; point++) expect(cells[cellOfPoint[point]]).toBe(latLngToCell(lat.get(point), lng.get(point), resolution));
    }
  });
});
