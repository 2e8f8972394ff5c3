import type { Polygon } from 'geojson';
import { buildCoverageMatrix, buildCoverageMatrixInSteps, localPlane } from '../src/core/coverage/coverageMatrix';
import { buildingsFromFile } from '../src/core/buildings/importBuildings';
import { lineOfSight } from '../src/core/visibility/planVisibility';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { record, timeMs, type Figure } from './figures';
import { mulberry32 } from '../scripts/mulberry32.mjs';

const M = 1 / 111_320;

/** `count` footprints 12–20 m across, turned a little, on a 30 m grid (streets between), around a point in Brent. */
export function generatedFootprints(count: number, random: () => number, lat0 = 51.55, lng0 = -0.25): Polygon[] {
  const side = Math.ceil(Math.sqrt(count));
  const cos = Math.cos((lat0 * Math.PI) / 180);
  const footprints: Polygon[] = [];
  for (let i = 0; i < count; i++) {
    const cx = (i % side) * 30 - (side * 30) / 2;
    const cy = Math.floor(i / side) * 30 - (side * 30) / 2;
    const [w, h, turn] = [12 + random() * 8, 12 + random() * 8, (random() - 0.5) * 0.4];
    const corners = [[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]].map(([x, y]) => {
      const [e, n] = [cx + x * Math.cos(turn) - y * Math.sin(turn), cy + x * Math.sin(turn) + y * Math.cos(turn)];
      return [lng0 + (e * M) / cos, lat0 + n * M];
    });
    footprints.push({ type: 'Polygon', coordinates: [[...corners, corners[0]]] });
  }
  return footprints;
}

/** 300 candidate sites × 50,000 footprints: line of sight to 20,000 demand points within 100 m. */
export async function benchVisibility(): Promise<void> {
  const random = mulberry32(11);
  const footprints = generatedFootprints(50_000, random);
  // The footprints span about 6.7 km; demand and sites fall anywhere in the middle 5 km.
  const square = (n: number) => ({ lat: Array.from({ length: n }, () => 51.55 + (random() - 0.5) * 5000 * M), lng: Array.from({ length: n }, () => -0.25 + ((random() - 0.5) * 5000 * M) / Math.cos((51.55 * Math.PI) / 180)) });
  const demand = square(20_000);
  const sites = square(300);
  const plane = localPlane(demand);
  const options = { radiusM: 100, edgeFactor: 1 };
  record('visibility_300_x_50k.prepare_footprints', await timeMs(3, () => lineOfSight(footprints, plane)), 'ms');
  const sight = lineOfSight(footprints, plane).sightFrom;
  let inside = 0;
  let through = 0;
  const matrixMs = await timeMs(3, async () => {
    const matrix = await buildCoverageMatrixInSteps(demand, sites, options, plane, sight, {});
    inside = matrix.insideBuildings.length;
    through = matrix.demand.length;
  });
  record('visibility_300_x_50k.matrix_through_buildings', matrixMs, 'ms');
  record('visibility_300_x_50k.total', await timeMs(3, () => buildCoverageMatrixInSteps(demand, sites, options, plane, lineOfSight(footprints, plane).sightFrom, {})), 'ms', '≤ 5000 ms');
  const geojson = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: footprints.map((geometry) => ({ type: 'Feature', properties: { building: 'yes' }, geometry })) }));
  record('buildings_50k.import_geojson', await timeMs(1, () => buildingsFromFile(geojson.buffer as ArrayBuffer, 'buildings.geojson')), 'ms');
  if (existsSync(join(process.cwd(), 'dist', 'index.html'))) {
    // The same footprints and sites through the app: loaded in the planner, one plan in the data worker.
    const buildingsPath = join(tmpdir(), 'hotspot-planner-bench-buildings.geojson');
    const sitesPath = join(tmpdir(), 'hotspot-planner-bench-sites.csv');
    writeFileSync(buildingsPath, geojson);
    writeFileSync(sitesPath, ['id,latitude,longitude', ...sites.lat.map((lat, i) => `S${i + 1},${lat.toFixed(6)},${sites.lng[i].toFixed(6)}`)].join('\n'));
    const output = execFileSync(process.execPath, [join(process.cwd(), 'bench', 'browserVisibility.mjs'), buildingsPath, sitesPath], { encoding: 'utf8', maxBuffer: 1 << 24, timeout: 900_000 });
    for (const figure of JSON.parse(output.trim().split('\n').pop() ?? '[]') as Figure[]) record(figure.name, figure.value, figure.unit, figure.target);
  }
  const open = buildCoverageMatrix(demand, sites, options, plane).demand.length;
  record('visibility_300_x_50k.sites_inside_buildings', inside, 'sites');
  record('visibility_300_x_50k.pairs_seen_share', through / Math.max(1, open), 'of radius-only pairs');
}

if (process.argv[1]?.endsWith('visibility.ts')) await benchVisibility();
