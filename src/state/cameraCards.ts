import { cameraSites } from '../core/cameras/cameraSites';
import { cameraCards, type CameraCard } from '../core/cameras/justification';
import type { Bounds } from '../core/geo/webMercator';
import type { PatrolWindows } from '../core/hotspots/patrolWindows';
import { cameraReach } from './camerasSlice';
import { describeView } from './describe';
import { shownMap } from './resultsSlice';
import type { AppState } from './store';
import { dataWorker } from './worker';

/** What demand is counted in, in words, for tables and cards. */
export const demandUnit = (state: AppState): string => ((state.plan?.query.options.basis ?? state.hotspots?.query.weighting) === 'harm' ? 'harm' : 'incidents');

/**
 * Every camera's card (positions now and planned, what its view holds, review dates) and the
 * patrol windows of `area`, answered by the data worker for the current filter.
 */
export async function cameraCardsAndPatrol(state: AppState, area: Bounds | null, today: string): Promise<{ cards: CameraCard[]; patrol: PatrolWindows }> {
  const sites = cameraSites(state.cameras, state.plan, state.moves?.moves ?? [], cameraReach(state));
  const specifications = sites.map((s) => ({ ...s.proposed, radiusM: s.radiusM, directionDeg: s.directionDeg, fovDeg: s.fovDeg }));
  const facts = await dataWorker.call('briefing-facts', { map: shownMap(state), sites: specifications, area }).promise;
  const cards = cameraCards(sites, facts.demand, state.justification, { today, period: describeView(state).period, unit: demandUnit(state) });
  return { cards, patrol: facts.patrol };
}
