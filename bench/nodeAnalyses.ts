import { gridDisk, latLngToCell } from 'h3-js';
import { buildCoverageMatrix, localPlane } from '../src/core/coverage/coverageMatrix';
import { exactPlacement } from '../src/core/coverage/exact';
import { greedyPlacement } from '../src/core/coverage/greedy';
import type { Dataset } from '../src/core/dataset';
import { NO_FILTER, selectRows } from '../src/core/hotspots/filter';
import { emergingHotspots } from '../src/core/stats/emerging';
import { giStar } from '../src/core/stats/gistar';
import { buildNeighbourIndex } from '../src/core/stats/neighbours';
import { pointMembership } from '../src/core/zones/pointsInZones';
import { zoneStatistics } from '../src/core/zones/zoneStatistics';
import type { Zone } from '../src/core/zones/zone';
import { record, timeMs } from './figures';
import { mulberry32 } from '../scripts/mulberry32.mjs';

/** Statistics, coverage and zone figures in node: the same core the data worker runs. */
export async function benchAnalyses(dataset: Dataset): Promise<void> {
  const random = mulberry32(7);
  // ~20,000 res-9 cells: a disk of 81 rings.
  const cells = gridDisk(latLngToCell(51.5, -0.12, 9), 81);
  const values = Float64Array.from(cells, () => Math.floor(random() ** 3 * 40));
  record('gistar.cells', cells.length, 'cells');
  record('gistar_20k.neighbour_index_k1', await timeMs(5, () => buildNeighbourIndex(cells, 1)), 'ms');
  const neighbours = buildNeighbourIndex(cells, 1);
  record('gistar_20k.statistic_k1', await timeMs(7, () => giStar(values, neighbours)), 'ms', '≤ 50 ms');
  const cube = Array.from({ length: 24 }, () => Float64Array.from(cells, () => Math.floor(random() ** 3 * 10)));
  record('emerging_20k_x_24.total', await timeMs(3, () => emergingHotspots(cube, neighbours)), 'ms');

  // Coverage: 20,000 demand points and 5,000 candidates in a 6 km square; 20 cameras at 100 m.
  const square = (n: number) => ({ lat: Array.from({ length: n }, () => 51.52 + random() * 0.054), lng: Array.from({ length: n }, () => -0.3 + random() * 0.086) });
  const demand = square(20_000);
  const weight = Float64Array.from({ length: 20_000 }, () => 1 + Math.floor(random() ** 4 * 20));
  const sites = square(5_000);
  const plane = localPlane(demand);
  let matrix = buildCoverageMatrix(demand, sites, { radiusM: 100, edgeFactor: 1 }, plane);
  record('greedy_20_of_5000_on_20k.matrix', await timeMs(3, () => (matrix = buildCoverageMatrix(demand, sites, { radiusM: 100, edgeFactor: 1 }, plane))), 'ms');
  const input = { matrix, weight, alreadyCovered: new Float32Array(20_000), p: 20, siteLat: sites.lat, siteLng: sites.lng, plane, minSpacingM: 0 };
  record('greedy_20_of_5000_on_20k.placement', await timeMs(5, () => greedyPlacement(input)), 'ms', '≤ 100 ms');

  const smallDemand = square(2_000);
  const smallSites = square(300);
  const smallPlane = localPlane(smallDemand);
  const small = { matrix: buildCoverageMatrix(smallDemand, smallSites, { radiusM: 150, edgeFactor: 1 }, smallPlane), weight: Float64Array.from({ length: 2_000 }, () => 1 + Math.floor(random() * 5)), alreadyCovered: new Float32Array(2_000), p: 10, siteLat: smallSites.lat, siteLng: smallSites.lng, plane: smallPlane, minSpacingM: 0 };
  await exactPlacement(small); // load the solver once
  let exact = await exactPlacement(small);
  record('exact_10_of_300_on_2000.solve', await timeMs(3, async () => (exact = await exactPlacement(small))), 'ms', '≤ 5000 ms, gap 0');
  record('exact_10_of_300_on_2000.greedy_gap', exact.gapPct, '%');
  record('exact_10_of_300_on_2000.status_optimal', exact.status === 'Optimal' ? 1 : 0, 'bool');

  // Zone statistics: 10 zones over the 1 M-row dataset (point in polygon on its distinct points).
  const zones: Zone[] = Array.from({ length: 10 }, (_, z) => {
    const lng = -0.4 + z * 0.06;
    const lat = 51.4 + (z % 3) * 0.08;
    return { id: `z${z}`, name: `Zone ${z}`, orderRef: '', startDate: '2024-07-01', endDate: '', prohibitions: [], geometry: { type: 'Polygon', coordinates: [[[lng, lat], [lng + 0.04, lat], [lng + 0.05, lat + 0.03], [lng + 0.02, lat + 0.05], [lng - 0.01, lat + 0.03], [lng, lat]]] } };
  });
  const selection = selectRows(dataset, NO_FILTER);
  let membership: Uint8Array[] = [];
  const membershipMs = await timeMs(3, () => (membership = zones.map((zone) => pointMembership(dataset, zone.geometry))));
  const statsMs = await timeMs(3, () => zoneStatistics(dataset, selection, zones, membership, { areaHa: 150_000, monthFrom: 2024 * 12, months: 12 }));
  record('zones_10_on_1m.point_in_polygon', membershipMs, 'ms');
  record('zones_10_on_1m.statistics', statsMs, 'ms');
  record('zones_10_on_1m.total', membershipMs + statsMs, 'ms', '≤ 300 ms');
}
