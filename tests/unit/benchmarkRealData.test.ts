import { cellToLatLng, getHexagonAreaAvg, latLngToCell, polygonToCells } from 'h3-js';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/core/dataset';
import { accuracyReport, BENCHMARK_SHARES } from '../../src/core/hotspots/accuracyReport';
import { NO_FILTER } from '../../src/core/hotspots/filter';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { memorySource } from './memorySource';
import { BOROUGHS, brentMetRows, hasRealData, SKIP_MESSAGE } from './realData';

if (!hasRealData) console.warn(SKIP_MESSAGE);

const RESOLUTION = 9;
const BANDWIDTH_M = 250;
const month = (label: string) => Number(label.slice(0, 4)) * 12 + Number(label.slice(5, 7)) - 1;

interface Incident {
  month: number;
  lat: number;
  lng: number;
}

/** Brent burglary incidents with coordinates, exact duplicates (same Crime ID and line) dropped, read without the app's code. */
function brentIncidents(): { incidents: Incident[]; files: { name: string; text: string }[] } {
  const incidents: Incident[] = [];
  const files: { name: string; text: string }[] = [];
  for (const { path, header, brent, counted } of brentMetRows()) {
    files.push({ name: path.split('/').pop()!, text: Papa.unparse([header, ...brent], { newline: '\n' }) + '\n' });
    for (const row of counted) incidents.push({ month: month(row[1]), lat: Number(row[5]), lng: Number(row[4]) });
  }
  return { incidents, files };
}

/** Great-circle distance in metres (haversine): a different formula from the app's local plane. */
function haversineM(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
}

/** Hit rate and PAI of the top `share` of cells by score, cells tied at the cut-off sharing the last places. */
function score(scores: number[], test: number[], share: number): { hitRate: number; pai: number } {
  const n = scores.length;
  const places = Math.max(1, Math.round(share * n));
  const ranked = scores.map((s, i) => ({ s, t: test[i] })).filter((c) => c.s > 0).sort((a, b) => b.s - a.s);
  const total = test.reduce((a, b) => a + b, 0);
  let hits = 0;
  let used: number;
  if (ranked.length <= places) {
    for (const c of ranked) hits += c.t;
    used = ranked.length;
  } else {
    const cutoff = ranked[places - 1].s;
    const above = ranked.filter((c) => c.s > cutoff);
    const tied = ranked.filter((c) => c.s === cutoff);
    for (const c of above) hits += c.t;
    for (const c of tied) hits += (c.t * (places - above.length)) / tied.length;
    used = places;
  }
  return { hitRate: hits / total, pai: hits / total / (used / n) };
}

describe.skipIf(!hasRealData)('prediction benchmark on Brent burglary (real police.uk data)', () => {
  it('matches an independent computation of training count and KDE rankings, 2022 → 2023-01..06', async () => {
    const { incidents, files } = brentIncidents();
    const dataset = new Dataset();
    for (const file of files) await ingestFile(dataset, memorySource(file.name, file.text));
    const brent = (JSON.parse(readFileSync(BOROUGHS, 'utf8')) as GeoJSON.FeatureCollection).features.find((f) => f.properties?.NAME === 'Brent')!.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
    const train: [number, number] = [month('2022-01'), month('2022-12')];
    const test: [number, number] = [month('2023-01'), month('2023-06')];
    const report = accuracyReport(dataset, { filter: NO_FILTER, resolution: RESOLUTION, harmWeights: {}, train, test, rolling: false, kdeBandwidthM: BANDWIDTH_M, k: 1, studyArea: { kind: 'boundary', name: 'Brent', geometry: brent } });

    // Independent: study cells from the boundary, counts per cell, KDE summed point by point.
    const polygons = brent.type === 'Polygon' ? [brent.coordinates] : brent.coordinates;
    const study = [...new Set(polygons.flatMap((rings) => polygonToCells(rings, RESOLUTION, true)))].sort();
    const position = new Map(study.map((c, i) => [c, i]));
    const trainCounts = new Array<number>(study.length).fill(0);
    const testCounts = new Array<number>(study.length).fill(0);
    const kde = new Array<number>(study.length).fill(0);
    const centres = study.map((c) => cellToLatLng(c));
    for (const incident of incidents) {
      const i = position.get(latLngToCell(incident.lat, incident.lng, RESOLUTION));
      if (incident.month >= train[0] && incident.month <= train[1]) {
        if (i !== undefined) trainCounts[i]++;
        centres.forEach(([lat, lng], c) => {
          if (Math.abs(lat - incident.lat) > 0.003) return;
          const d = haversineM(incident.lat, incident.lng, lat, lng);
          if (d < BANDWIDTH_M) kde[c] += (1 - (d / BANDWIDTH_M) ** 2) ** 2;
        });
      } else if (incident.month >= test[0] && incident.month <= test[1] && i !== undefined) testCounts[i]++;
    }
    expect(report.folds[0].studyCells).toBe(study.length);
    expect(report.folds[0].testIncidents).toBe(testCounts.reduce((a, b) => a + b, 0));
    const row = (method: string) => report.rows.find((r) => r.method === method)!;
    BENCHMARK_SHARES.forEach((share, s) => {
      const byCount = score(trainCounts, testCounts, share);
      expect(row('count').scores[s].hitRate).toBeCloseTo(byCount.hitRate, 10);
      expect(row('count').scores[s].pai).toBeCloseTo(byCount.pai, 8);
      // Distances differ slightly between haversine and the app's local plane: a near-tie may swap one cell.
      const byKde = score(kde, testCounts, share);
      expect(Math.abs(row('kde').scores[s].hitRate - byKde.hitRate)).toBeLessThan(0.005);
      expect(Math.abs(row('kde').scores[s].pai / byKde.pai - 1)).toBeLessThan(0.02);
    });
    expect(report.cellAreaKm2).toBeCloseTo(getHexagonAreaAvg(RESOLUTION, 'km2'), 12);
    for (const r of report.rows) expect(r.problem).toBeUndefined();
    expect(report.best).not.toBeNull();
    console.info(report.rows.map((r) => `${r.method}: PAI ${r.scores.map((x) => x.pai.toFixed(2)).join(' / ')}`).join('\n'));
  }, 120_000);
});
