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
