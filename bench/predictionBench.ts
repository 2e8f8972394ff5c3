import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { Dataset } from '../src/core/dataset';
import { accuracyReport, DEFAULT_KDE_BANDWIDTH_M, type AccuracyQuery } from '../src/core/hotspots/accuracyReport';
import { NO_FILTER } from '../src/core/hotspots/filter';
import { ingestFile } from '../src/core/ingest/ingestFile';
import { record, timeMs } from './figures';

const SHARED = join(process.cwd(), '..', 'shared', 'data');
const MET_DIR = join(SHARED, 'police-uk', 'met-burglary-2022-2023');
const BOROUGHS = join(SHARED, 'boundaries', 'london_boroughs_wgs84.geojson');

/**
 * The prediction benchmark (six methods, three area shares) on one borough: Brent burglary from the
 * real Met extract, trained on 2022 and tested on 2023 — once as a whole year, and rolling month by
 * month (12 forecasts, each from the 12 months before).
 */
export async function benchPrediction(): Promise<void> {
  if (!existsSync(MET_DIR) || !existsSync(BOROUGHS)) {
    console.log(`# prediction benchmark skipped: ${MET_DIR} not found`);
    return;
  }
  const dataset = new Dataset();
  for (const name of readdirSync(MET_DIR).filter((f) => f.endsWith('.csv')).sort()) {
    const [header, ...rows] = Papa.parse<string[]>(readFileSync(join(MET_DIR, name), 'utf8'), { skipEmptyLines: true }).data;
    const text = Papa.unparse([header, ...rows.filter((r) => r[8]?.startsWith('Brent '))], { newline: '\n' });
    const bytes = new TextEncoder().encode(text);
    await ingestFile(dataset, { name, size: bytes.length, read: async (offset, length) => bytes.slice(offset, offset + length) });
  }
  const brent = (JSON.parse(readFileSync(BOROUGHS, 'utf8')) as GeoJSON.FeatureCollection).features.find((f) => f.properties?.NAME === 'Brent')!.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
  const query: AccuracyQuery = { filter: NO_FILTER, resolution: 9, harmWeights: {}, train: [2022 * 12, 2022 * 12 + 11], test: [2023 * 12, 2023 * 12 + 11], rolling: false, kdeBandwidthM: DEFAULT_KDE_BANDWIDTH_M, k: 1, studyArea: { kind: 'boundary', name: 'Brent', geometry: brent } };
  record('prediction_benchmark_brent.incidents', dataset.sources.reduce((a, s) => a + s.summary.accepted, 0), 'rows');
  record('prediction_benchmark_brent.year', await timeMs(3, () => accuracyReport(dataset, query)), 'ms', '≤ 2000 ms');
  record('prediction_benchmark_brent.rolling_12_months', await timeMs(3, () => accuracyReport(dataset, { ...query, rolling: true })), 'ms', '≤ 2000 ms');
}

if (process.argv[1]?.endsWith('predictionBench.ts')) await benchPrediction();
