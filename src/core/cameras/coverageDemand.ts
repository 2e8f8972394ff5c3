import { cellToLatLng } from 'h3-js';
import type { Dataset } from '../dataset';
import { buildCoverageMatrix } from '../coverage/coverageMatrix';
import { DEMAND_RESOLUTION } from '../coverage/planCameras';
import { aggregateCells } from '../hotspots/aggregate';
import { topLabelsByCell } from '../hotspots/cellBreakdown';
import type { SourceSelection } from '../hotspots/filter';

export interface SiteSpecification {
  lat: number;
  lng: number;
  radiusM: number;
  directionDeg: number | null;
  fovDeg: number | null;
}

/** What a camera's view holds over the period: the pressing need behind it, in numbers. */
export interface SiteDemand {
  incidents: number;
  harm: number;
  /** The busiest place and commonest category inside its view, in the data's words ('' when empty). */
  topLocation: string;
  topCategory: string;
}

/**
 * Incidents and harm inside each site's view (whole, no edge decay: the card counts what the
 * camera can see), at the planner's demand resolution so the numbers match the plan's.
 */
export function coverageDemand(dataset: Dataset, selection: readonly SourceSelection[], harmWeights: ArrayLike<number>, sites: readonly SiteSpecification[]): SiteDemand[] {
  const aggregate = aggregateCells(dataset, selection, DEMAND_RESOLUTION, harmWeights);
  const centres = aggregate.cells.map((cell) => cellToLatLng(cell));
  const matrix = buildCoverageMatrix(
    { lat: centres.map(([lat]) => lat), lng: centres.map(([, lng]) => lng) },
    { lat: sites.map((s) => s.lat), lng: sites.map((s) => s.lng), radiusM: sites.map((s) => s.radiusM), directionDeg: sites.map((s) => s.directionDeg ?? NaN), fovDeg: sites.map((s) => s.fovDeg ?? NaN) },
    { radiusM: 100, edgeFactor: 1 },
  );
  const seen = [...new Set(matrix.demand)];
  const labels = topLabelsByCell(dataset, selection, DEMAND_RESOLUTION, seen.map((i) => aggregate.cells[i]));
  const labelIndex = new Map(seen.map((cell, k) => [cell, k]));
  return sites.map((_, s) => {
    const result: SiteDemand = { incidents: 0, harm: 0, topLocation: '', topCategory: '' };
    let busiest = -1;
    for (let e = matrix.offsets[s]; e < matrix.offsets[s + 1]; e++) {
      const i = matrix.demand[e];
      result.incidents += aggregate.counts[i];
      result.harm += aggregate.harm[i];
      const k = labelIndex.get(i) ?? -1;
      if (aggregate.counts[i] > busiest && k >= 0 && labels.topLocation[k]) {
        busiest = aggregate.counts[i];
        result.topLocation = labels.topLocation[k];
        result.topCategory = labels.topCategory[k];
      }
    }
    return result;
  });
}
