import type { StateCreator } from 'zustand';
import type { CellBreakdown } from '../core/hotspots/cellBreakdown';
import type { HotspotQuery, HotspotResult } from '../core/hotspots/computeHotspots';
import type { IncidentFilter } from '../core/hotspots/filter';
import type { GiStarOptions } from '../core/hotspots/hotspotStatistics';
import type { AppState } from './store';
import { resolveArea } from './areasSlice';
import { exportNote } from './sampleSlice';
import { presentCategoryIds } from './selection';
import { effectiveHarmWeights } from './weightsSlice';
import { dataWorker } from './worker';

export interface ResultsSlice {
  hotspots: HotspotResult | null;
  computing: boolean;
  pinnedCell: string | null;
  breakdown: CellBreakdown | null;
  /** A cell the map should fly to (set by the table; the map clears nothing, it just follows). */
  focusCell: { cell: string; at: number } | null;
  refreshHotspots: () => void;
  pinCell: (cell: string | null) => Promise<void>;
  focusOn: (cell: string) => void;
  exportHotspots: (format: 'csv' | 'geojson') => Promise<string>;
}

export const ASB_CATEGORY = 'Anti-social behaviour';

/** The categories in force: the user's choice, else anti-social behaviour when loaded, else all loaded ones. */
export function effectiveCategories(state: Pick<AppState, 'view' | 'categories' | 'sources'>): number[] {
  if (state.view.categories) return state.view.categories;
  const present = presentCategoryIds(state.sources);
  const loaded = state.categories.filter((category) => present.has(category.id));
  const asb = loaded.filter((category) => category.name === ASB_CATEGORY);
  return (asb.length > 0 ? asb : loaded).map((category) => category.id);
}

export function effectiveFilter(state: Pick<AppState, 'view' | 'categories' | 'sources' | 'boundaryLayers' | 'zones'>): IncidentFilter {
  const { view } = state;
  const hidden = new Set(view.hiddenSources);
  return {
    monthFrom: view.monthFrom,
    monthTo: view.monthTo,
    categories: effectiveCategories(state),
    sources: state.sources.filter((source) => !hidden.has(source.id)).map((source) => source.id),
    weekdays: view.weekdays,
    hours: view.hours,
    area: resolveArea(state),
  };
}

function statisticsOptions(state: AppState): GiStarOptions {
  return { k: state.view.giK, fdr: state.view.fdr, studyArea: state.view.studyArea, basis: state.view.weighting };
}

export function hotspotQuery(state: AppState): HotspotQuery {
  return {
    filter: effectiveFilter(state),
    resolution: state.view.resolution,
    harmWeights: effectiveHarmWeights(state),
    rankBy: state.view.weighting,
    topN: state.view.topN,
    giStar: state.view.method === 'gistar' ? statisticsOptions(state) : undefined,
    emerging: state.view.method === 'emerging' ? statisticsOptions(state) : undefined,
    change:
      state.view.method === 'change'
        ? {
            earlier: state.view.compareFrom !== null && state.view.compareTo !== null ? [state.view.compareFrom, state.view.compareTo] : null,
            later: null,
            minCount: state.view.minChangeCount,
            basis: state.view.weighting,
          }
        : undefined,
  };
}

/** Only the newest request's answer is shown; older ones that arrive late are dropped. */
let latestRequest = 0;

export const createResultsSlice: StateCreator<AppState, [], [], ResultsSlice> = (set, get) => ({
  hotspots: null,
  computing: false,
  pinnedCell: null,
  breakdown: null,
  focusCell: null,

  refreshHotspots: () => {
    const state = get();
    if (state.sources.length === 0) {
      // An answer still on its way was asked for data that is gone now.
      latestRequest = 0;
      set({ hotspots: null, breakdown: null, pinnedCell: null });
      return;
    }
    const { id, promise } = dataWorker.call<'hotspots'>({ type: 'hotspots', query: hotspotQuery(state) });
    latestRequest = id;
    set({ computing: true });
    promise
      .then((hotspots) => {
        if (id !== latestRequest) return;
        set({ hotspots, computing: false });
        void get().refreshZoneReport();
        void get().refreshAreaCounts();
        const pinned = get().pinnedCell;
        if (pinned) void get().pinCell(pinned);
      })
      .catch((error: Error) => {
        if (id !== latestRequest) return;
        set({ computing: false });
        get().notify('error', error.message);
      });
  },

  pinCell: async (cell) => {
    set({ pinnedCell: cell, breakdown: cell === null ? null : get().breakdown });
    if (cell === null) return;
    const breakdown = await dataWorker.call<'cell-breakdown'>({ type: 'cell-breakdown', cell }).promise;
    if (get().pinnedCell === cell) set({ breakdown });
  },

  focusOn: (cell) => set({ focusCell: { cell, at: Date.now() } }),

  exportHotspots: (format) => dataWorker.call<'export-hotspots'>({ type: 'export-hotspots', format, note: exportNote(get()) }).promise,
});
