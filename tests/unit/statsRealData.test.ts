import { gridDisk, latLngToCell, polygonToCells } from 'h3-js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { nodeByteSource } from '../../src/cli/nodeByteSource';
import { Dataset } from '../../src/core/dataset';
import { aggregateCells } from '../../src/core/hotspots/aggregate';
import { NO_FILTER, selectRows } from '../../src/core/hotspots/filter';
import { giStarHotspots } from '../../src/core/hotspots/hotspotStatistics';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { predictiveAccuracy } from '../../src/core/stats/accuracy';
import { BOROUGHS, brentMetRows, hasRealData, SKIP_MESSAGE } from './realData';

if (!hasRealData) console.warn(SKIP_MESSAGE);

const RESOLUTION = 9;

/** Brent burglary rows with coordinates, exact duplicates dropped, counted per cell and year, without the app's code. */
function independentCounts(): { y2022: Map<string, number>; y2023: Map<string, number>; rowsByFile: Map<string, string[][]> } {
  const y2022 = new Map<string, number>();
  const y2023 = new Map<string, number>();
  const rowsByFile = new Map<string, string[][]>();
  for (const { path, header, brent, counted } of brentMetRows()) {
    rowsByFile.set(path, [header, ...brent]);
    for (const row of counted) {
      const cell = latLngToCell(Number(row[5]), Number(row[4]), RESOLUTION);
      const target = row[1].startsWith('2022') ? y2022 : y2023;
      target.set(cell, (target.get(cell) ?? 0) + 1);
    }
  }
  return { y2022, y2023, rowsByFile };
}

/** Abramowitz & Stegun 26.2.17 normal tail (|error| < 7.5e-8): a different formula from the app's. */
function twoSidedP(z: number): number {
  const x = Math.abs(z);
  const t = 1 / (1 + 0.2316419 * x);
  const density = Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  const tail = density * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return 2 * tail;
}

describe.skipIf(!hasRealData)('Gi* and PAI on Brent burglary 2022-2023 (real police.uk data)', () => {
  it('matches an independent computation of Gi* bins and of PAI for 2022 → 2023', async () => {
    const { y2022, y2023, rowsByFile } = independentCounts();
    // The app loads the Brent rows as files, as a user would after filtering them out of the Met extract.
    const dir = mkdtempSync(join(tmpdir(), 'brent-'));
    const dataset = new Dataset();
    for (const [path, rows] of rowsByFile) {
      const brentPath = join(dir, path.split('/').pop()!);
      writeFileSync(brentPath, Papa.unparse(rows, { newline: '\n' }) + '\n');
      await ingestFile(dataset, await nodeByteSource(brentPath));
    }
    const borough = (JSON.parse(readFileSync(BOROUGHS, 'utf8')) as GeoJSON.FeatureCollection).features.find((f) => f.properties?.NAME === 'Brent')!;
    const geometry = borough.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;

    const aggregate = aggregateCells(dataset, selectRows(dataset, { ...NO_FILTER, monthFrom: 2022 * 12, monthTo: 2022 * 12 + 11 }), RESOLUTION);
    const gi = giStarHotspots(aggregate, { k: 1, fdr: true, studyArea: { kind: 'boundary', name: 'Brent', geometry }, basis: 'count' });

    // Independent: study cells, values, Gi* from its definition, p from another formula, BH by hand.
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const study = [...new Set(polygons.flatMap((rings) => polygonToCells(rings, RESOLUTION, true)))].sort();
    expect(gi.cells).toEqual(study);
    const values = study.map((c) => y2022.get(c) ?? 0);
    expect([...gi.values]).toEqual(values);
    const n = study.length;
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / n);
    const inStudy = new Map(study.map((c, i) => [c, i]));
    const z = study.map((cell) => {
      const neighbours = gridDisk(cell, 1).filter((c) => inStudy.has(c));
      const local = neighbours.reduce((a, c) => a + values[inStudy.get(c)!], 0);
      const w = neighbours.length;
      return (local - mean * w) / (sd * Math.sqrt((n * w - w * w) / (n - 1)));
    });
    const p = z.map(twoSidedP);
    const bh = (q: number) => {
      const sorted = [...p].sort((a, b) => a - b);
      let threshold = 0;
      sorted.forEach((value, i) => {
        if (value <= ((i + 1) / n) * q) threshold = value;
      });
      return threshold;
    };
    const [t99, t95, t90] = [bh(0.01), bh(0.05), bh(0.1)];
    const bins = z.map((value, i) => Math.sign(value) * (p[i] <= t99 && t99 > 0 ? 3 : p[i] <= t95 && t95 > 0 ? 2 : p[i] <= t90 && t90 > 0 ? 1 : 0) || 0);
    z.forEach((value, i) => expect(gi.z[i]).toBeCloseTo(value, 9));
    expect([...gi.bin]).toEqual(bins);
    expect(bins.filter((b) => b === 3).length).toBeGreaterThan(0);

    // PAI: top 5% of the borough's cells by 2022 count, scored on 2023; cells tied at the cut-off
    // share the places left (each counts places left / cells tied).
    const accuracy = predictiveAccuracy({ trainScores: values, trainCounts: values, testCounts: study.map((c) => y2023.get(c) ?? 0), cellAreaKm2: 0.105 }, 0.05);
    const take = Math.round(0.05 * n);
    const sorted = [...values].sort((a, b) => b - a);
    const cutoff = sorted[take - 1];
    const above = values.filter((v) => v > cutoff).length;
    const tied = values.filter((v) => v === cutoff).length;
    const test = study.map((c) => y2023.get(c) ?? 0);
    const testTotal = test.reduce((a, b) => a + b, 0);
    const inside = values.reduce((a, v, i) => a + (v > cutoff ? test[i] : v === cutoff ? (test[i] * (take - above)) / tied : 0), 0);
    const hit = inside / testTotal;
    expect(accuracy.hitRate).toBeCloseTo(hit, 12);
    expect(accuracy.pai).toBeCloseTo(hit / (take / n), 10);
    expect(accuracy.pai).toBeGreaterThan(1);
  });
});
