import { cellToBoundary, cellToChildren, cellToParent, getBaseCellNumber, getRes0Cells, isPentagon, latLngToCell, originToDirectedEdges } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cellAtPlace, hexagonCorners } from '../../src/core/geo/h3Index';
import { H3Lattice } from '../../src/core/geo/h3Lattice';
import { pointOnGlobe, randomStream } from './randomPoints';

/** Points over the globe, then over Great Britain. */
function testPoints(random: () => number, count: number): [number, number][] {
  const points: [number, number][] = [];
  for (let n = 0; n < count; n++) points.push(pointOnGlobe(random));
  for (let n = 0; n < count; n++) points.push([49.9 + random() * 11, -8 + random() * 10]);
  return points;
}

describe('cellAtPlace', () => {
  it('names the cell h3-js names at every resolution, over the globe, and leaves only pentagons’ base cells and a few places to h3-js', () => {
    const random = randomStream(7);
    for (let resolution = 0; resolution <= 15; resolution++) {
      const lattice = new H3Lattice(resolution);
      let named = 0;
      let offPentagons = 0;
      for (const [lat, lng] of testPoints(random, 3000)) {
        if (!lattice.locate(lat, lng)) continue;
        const cell = latLngToCell(lat, lng, resolution);
        const own = cellAtPlace(lattice.face, lattice.i, lattice.j, resolution);
        if (own === null) {
          if (!isPentagon(cellToParent(cell, 0))) offPentagons++;
          continue;
        }
        expect(own, `${lat},${lng} at resolution ${resolution}`).toBe(cell);
        named++;
      }
      expect(named).toBeGreaterThan(5000);
      // The few places whose base cell could not be confirmed: near the edges of faces.
      expect(offPentagons).toBeLessThan(60);
    }
  });

  it('names every London cell itself: the app never asks h3-js there', () => {
    const random = randomStream(11);
    for (const resolution of [7, 8, 9, 10, 11, 12]) {
      const lattice = new H3Lattice(resolution);
      for (let n = 0; n < 5000; n++) {
        const [lat, lng] = [51.28 + random() * 0.42, -0.51 + random() * 0.84];
        if (!lattice.locate(lat, lng)) continue;
        expect(cellAtPlace(lattice.face, lattice.i, lattice.j, resolution)).toBe(latLngToCell(lat, lng, resolution));
      }
    }
  });

  it('leaves every pentagon’s base cell to h3-js', () => {
    const lattice = new H3Lattice(5);
    const pentagons = getRes0Cells().filter(isPentagon);
    expect(pentagons).toHaveLength(12);
    for (const base of pentagons) {
      // Children of the pentagon's base cell, near its centre and around it.
      for (const cell of cellToChildren(base, 2)) {
        const boundary = cellToBoundary(cell);
        const [lat, lng] = boundary[0].map((value, axis) => (value + boundary[2][axis]) / 2);
        if (!lattice.locate(lat, lng)) continue;
        if (getBaseCellNumber(latLngToCell(lat, lng, 5)) !== getBaseCellNumber(base)) continue;
        expect(cellAtPlace(lattice.face, lattice.i, lattice.j, 5)).toBeNull();
      }
    }
  });
});

describe('hexagonCorners', () => {
  it('gives the corners h3-js gives, in its order, within 1e-9 of a degree, at every resolution', () => {
    const random = randomStream(3);
    const lat = new Float64Array(6);
    const lng = new Float64Array(6);
    for (let resolution = 0; resolution <= 15; resolution++) {
      let read = 0;
      for (const [pointLat, pointLng] of testPoints(random, 1500)) {
        const cell = latLngToCell(pointLat, pointLng, resolution);
        if (!hexagonCorners(cell, lat, lng)) {
          // Left to h3-js: pentagons, and hexagons with a corner on or past an edge between faces.
          continue;
        }
        read++;
        const boundary = cellToBoundary(cell);
        expect(boundary, cell).toHaveLength(6);
        let worst = 0;
        boundary.forEach(([cornerLat, cornerLng], corner) => {
          const gap = Math.abs(cornerLng - lng[corner]);
          worst = Math.max(worst, Math.abs(cornerLat - lat[corner]), Math.min(gap, 360 - gap));
        });
        if (worst >= 1e-9) expect.fail(`${cell}: a corner ${worst}° from h3-js's`);
      }
      // Coarse hexagons are big enough that most reach near an edge between faces.
      if (resolution >= 3) expect(read).toBeGreaterThan(2000);
    }
  });

  it('leaves pentagons, hexagons with distortion corners on an edge between faces, and indexes that are not cells to h3-js', () => {
    const lat = new Float64Array(6);
    const lng = new Float64Array(6);
    for (const edge of originToDirectedEdges(latLngToCell(51.52, -0.08, 9))) expect(hexagonCorners(edge, lat, lng)).toBe(false);
    for (const base of getRes0Cells()) {
      for (const cell of cellToChildren(base, 3)) {
        const corners = cellToBoundary(cell).length;
        if (corners !== 6 || isPentagon(cell)) expect(hexagonCorners(cell, lat, lng), cell).toBe(false);
      }
    }
  });
});
