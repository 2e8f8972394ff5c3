import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { Dataset } from '../src/core/dataset';
import { boundariesFromGeoJson } from '../src/core/geo/boundaries';
import { NO_FILTER, selectRows } from '../src/core/hotspots/filter';
import { pointMembership } from '../src/core/zones/pointsInZones';
import { mulberry32 } from '../scripts/mulberry32.mjs';
import { record, timeMs } from './figures';

const BOROUGHS = join(process.cwd(), '..', 'shared', 'data', 'boundaries', 'london_boroughs_wgs84.geojson');

/** Brent from the real boroughs file when it is beside the project, else a wobbly outline of Brent's size and corner count. */
function brent(): { geometry: Polygon | MultiPolygon; source: string } {
  if (existsSync(BOROUGHS)) {
    const found = boundariesFromGeoJson(JSON.parse(readFileSync(BOROUGHS, 'utf8')), 'boroughs').boundaries.find((b) => b.name === 'Brent');
    if (found) return { geometry: found.geometry, source: 'Brent, 1,338 corners' };
  }
  const ring = Array.from({ length: 1338 }, (_, i) => {
    const angle = (2 * Math.PI * i) / 1338;
    const r = 0.045 * (1 + 0.15 * Math.sin(angle * 23));
    return [-0.27 + r * 1.6 * Math.cos(angle), 51.56 + r * Math.sin(angle)];
  });
  return { geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] }, source: 'synthetic 1,338-corner borough' };
}

/**
 * The study area test: 1 M distinct points spread over Greater London against one borough (what
 * the data worker does once per area), and selectRows on the 1 M-row dataset with the area set.
 */
export async function benchStudyArea(dataset: Dataset): Promise<void> {
  const { geometry, source } = brent();
  console.log(`# study area: ${source}`);
  const random = mulberry32(11);
  const points = new Dataset();
  for (let i = 0; i < 1_000_000; i++) points.points.idAt(51.28 + random() * 0.42, -0.51 + random() * 0.84);
  let inside = 0;
  record('study_area_1m_points.point_in_polygon', await timeMs(5, () => (inside = pointMembership(points, geometry).reduce((a, b) => a + b, 0))), 'ms', '≤ 300 ms');
  record('study_area_1m_points.inside', inside, 'points');
  const area = { kind: 'polygon' as const, name: 'Brent', geometry };
  record('study_area_select_1m_rows.first', await timeMs(1, () => selectRows(dataset, { ...NO_FILTER, area: { ...area, name: 'first' } })), 'ms');
  record('study_area_select_1m_rows.filter_change', await timeMs(5, () => selectRows(dataset, { ...NO_FILTER, area })), 'ms');
}
