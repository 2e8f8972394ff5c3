import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cellFeatureCollection, cellPolygon, robustExtent } from '../../src/core/hotspots/cellFeatures';

const brent = latLngToCell(51.5588, -0.2817, 9);
const twiceSignedArea = (ring: number[][]) => ring.slice(1).reduce((sum, [x, y], i) => sum + ring[i][0] * y - x * ring[i][1], 0);

describe('cell features', () => {
  it('outlines a cell as a closed counter-clockwise ring of six corners', () => {
    const [ring] = cellPolygon(brent).coordinates;
    expect(ring).toHaveLength(7);
    expect(ring[6]).toEqual(ring[0]);
    expect(twiceSignedArea(ring)).toBeGreaterThan(0);
  });

  it('gives each cell its properties, in the cells’ order', () => {
    const cells = gridDisk(brent, 1);
    const layer = cellFeatureCollection(cells, (i) => ({ h3: cells[i], count: i * 10 }));
    expect(layer.features.map((feature) => feature.id)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(layer.features[3].properties).toEqual({ h3: cells[3], count: 30 });
  });

  it('frames the cells without the outer 1% once there are 100 or more', () => {
    expect(robustExtent([])).toBeNull();
    // Three cells: their centres' extent exactly.
    const three = [brent, latLngToCell(51.53, -0.25, 9), latLngToCell(51.57, -0.2, 9)];
    const lats = three.map((cell) => cellToLatLng(cell)[0]);
    const lngs = three.map((cell) => cellToLatLng(cell)[1]);
    expect(robustExtent(three)).toEqual({ west: Math.min(...lngs), south: Math.min(...lats), east: Math.max(...lngs), north: Math.max(...lats) });
    // 217 cells in Brent and 2 in Edinburgh (219 cells: floor(2.19) = 2 trimmed on each side): the
    // frame stays on Brent, whose northernmost centre is its north edge.
    const local = gridDisk(brent, 8);
    const edinburgh = [latLngToCell(55.95, -3.19, 9), latLngToCell(55.96, -3.2, 9)];
    const extent = robustExtent([...local, ...edinburgh])!;
    expect(local.length + edinburgh.length).toBe(219);
    expect(extent.north).toBe(Math.max(...local.map((cell) => cellToLatLng(cell)[0])));
    expect(extent.west).toBeGreaterThan(-0.4);
  });
});
