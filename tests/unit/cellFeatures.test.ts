import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cellLayer, cellLayerDataUrl, cellPolygon, robustExtent } from '../../src/core/hotspots/cellFeatures';

const brent = latLngToCell(51.5588, -0.2817, 9);
const twiceSignedArea = (ring: number[][]) => ring.slice(1).reduce((sum, [x, y], i) => sum + ring[i][0] * y - x * ring[i][1], 0);

describe('cell features', () => {
  it('outlines a cell as a closed counter-clockwise ring of six corners', () => {
    const [ring] = cellPolygon(brent).coordinates;
    expect(ring).toHaveLength(7);
    expect(ring[6]).toEqual(ring[0]);
    expect(twiceSignedArea(ring)).toBeGreaterThan(0);
  });

  it('gives each cell its properties from columns, in the cells’ order', () => {
    const cells = gridDisk(brent, 1);
    const layer = cellLayer(cells, { h3: cells, count: cells.map((_, i) => i * 10) });
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

  it('writes a data URL that fetch reads back as the layer, with nothing a URL would misread', async () => {
    const cells = gridDisk(brent, 1);
    const columns = { h3: cells, colour: cells.map(() => '#fd8d3c'), name: cells.map((_, i) => `50% of Kilburn/Willesden ${i} — café`) };
    const url = cellLayerDataUrl(cells, columns);
    const body = url.slice('data:application/geo+json,'.length);
    expect(body).not.toMatch(/[#/]|:\/\//);
    const read = await (await fetch(url)).json();
    expect(read.features[2].properties).toEqual({ h3: cells[2], colour: '#fd8d3c', name: '50% of Kilburn/Willesden 2 — café' });
    // Corners to a micro-degree: within 0.1 m of h3's own.
    const exact = cellLayer(cells, columns).features[2].geometry.coordinates[0];
    read.features[2].geometry.coordinates[0].forEach(([lng, lat]: number[], i: number) => {
      expect(Math.abs(lng - exact[i][0])).toBeLessThanOrEqual(5e-7);
      expect(Math.abs(lat - exact[i][1])).toBeLessThanOrEqual(5e-7);
    });
  });
});
