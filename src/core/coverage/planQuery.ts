import type { Camera } from '../cameras/importCameras';
import type { HotspotQuery } from '../hotspots/computeHotspots';
import type { CameraPlan, MoveSuggestion, PlanOptions } from './planCameras';

/**
 * What a camera plan answers: the map whose incidents are the demand, the cameras on the ground,
 * the placement settings (radius, candidates, must-cover and excluded areas) and the building
 * footprints used, by file identity. Figures, circles and exports of a plan read these, never the
 * settings as they are now.
 */
export interface PlanQuery {
  map: HotspotQuery;
  cameras: Camera[];
  options: PlanOptions;
  buildings?: string;
}

export type AnsweredPlan = CameraPlan & { query: PlanQuery };

export interface AnsweredMoves {
  moves: MoveSuggestion[];
  before: number;
  after: number;
  query: PlanQuery;
}

/**
 * What differs between the settings a plan answered and the settings now, in words; empty when
 * the plan still answers them. The plan's figures stay those of its own settings until it is made
 * again, and the panel says so.
 */
export function planChanges(query: PlanQuery, now: { options: PlanOptions; cameras: readonly Camera[]; map: HotspotQuery | null }): string[] {
  const changes: string[] = [];
  const was = query.options;
  const is = now.options;
  if (was.radiusM !== is.radiusM) changes.push(`reach ${was.radiusM} m → ${is.radiusM} m`);
  if (was.cameras !== is.cameras) changes.push(`cameras to place ${was.cameras} → ${is.cameras}`);
  if (was.minSpacingM !== is.minSpacingM) changes.push(`spacing ${was.minSpacingM} m → ${is.minSpacingM} m`);
  if (was.edgeFactor !== is.edgeFactor) changes.push(is.edgeFactor < 1 ? 'weaker at the edge' : 'even to the edge');
  if (Boolean(was.useBuildings) !== Boolean(is.useBuildings)) changes.push(is.useBuildings ? 'through buildings' : 'without buildings');
  if (JSON.stringify(query.cameras) !== JSON.stringify(now.cameras)) changes.push('cameras on the ground');
  if (now.map && JSON.stringify(query.map) !== JSON.stringify(now.map)) changes.push('the map’s filters');
  return changes;
}
