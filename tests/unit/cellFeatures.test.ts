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

  it('frames positions without the outer 1% once there are 100 or more', () => {
    expect(robustExtent(new Float64Array(0), new Float64Array(0))).toBeNull();
    // Three positions: their extent exactly.
    expect(robustExtent(Float64Array.of(51.57, 51.5, 51.53), Float64Array.of(-0.25, -0.3, -0.2))).toEqual({ west: -0.3, south: 51.5, east: -0.2, north: 51.57 });
    // 217 positions in Brent and 2 in Edinburgh (219: floor(2.19) = 2 trimmed on each side): the
    // frame stays on Brent, whose northernmost position is its north edge.
    const local = gridDisk(brent, 8).map((cell) => cellToLatLng(cell));
    const extent = robustExtent(Float64Array.from([...local.map(([lat]) => lat), 55.95, 55.96]), Float64Array.from([...local.map(([, lng]) => lng), -3.19, -3.2]))!;
    expect(local.length + 2).toBe(219);
    expect(extent.north).toBe(Math.max(...local.map(([lat]) => lat)));
    expect(extent.west).toBeGreaterThan(-0.4);
  });
});
