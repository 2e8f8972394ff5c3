import type { StateCreator } from 'zustand';
import type { CellBreakdown } from '../core/hotspots/cellBreakdown';
import type { HotspotQuery, HotspotResult, MethodQuery } from '../core/hotspots/computeHotspots';
import type { IncidentFilter } from '../core/hotspots/filter';
import type { HotspotMethod, Weighting } from '../core/vocabulary';
import type { AppState } from './store';
import { resolveArea } from './areasSlice';
import { describeView } from './describe';
import { exportNote } from './sampleSlice';
import { presentCategoryIds } from './selection';
import { effectiveHarmWeights, harmSchemeLabel } from './weightsSlice';
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
  /** The map on screen as a table, and a file name describing that same map. */
  exportHotspots: (format: 'csv' | 'geojson') => Promise<{ fileName: string; text: string }>;
}

export const ASB_CATEGORY = 'Anti-social behaviour';

/** A map for the loaded data and current settings is on its way: the one drawn, if any, is not it. */
export function awaitingMap(state: Pick<AppState, 'computing' | 'sources' | 'hotspots'>): boolean {
  return state.computing || (state.sources.length > 0 && state.hotspots === null);
}

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

function methodQuery({ view }: AppState): MethodQuery {
  const statistics = { k: view.giK, fdr: view.fdr, studyArea: view.studyArea };
  switch (view.method) {
    case 'gistar':
    case 'emerging':
      return { kind: view.method, statistics };
    case 'change':
      return { kind: 'change', earlier: view.compareFrom !== null && view.compareTo !== null ? [view.compareFrom, view.compareTo] : null, later: null, minCount: view.minChangeCount };
    case 'count':
    case 'areas':
      return { kind: view.method };
  }
}

export function hotspotQuery(state: AppState): HotspotQuery {
  return {
    filter: effectiveFilter(state),
    resolution: state.view.resolution,
    harmWeights: effectiveHarmWeights(state),
    weighting: state.view.weighting,
    harmScheme: harmSchemeLabel(state),
    topN: state.view.topN,
    method: methodQuery(state),
  };
}

/** The query of the map on screen: questions about the map (a cell, an export, zones) ask about it, not the settings being edited. */
export function shownMap(state: Pick<AppState, 'hotspots'>): HotspotQuery {
  if (!state.hotspots) throw new Error('There is no hotspot map yet: load data first.');
  return state.hotspots.query;
}

/** The weighting and method of the map drawn (the settings' until a first map is drawn), for tables and panels beside it. */
export const shownWeighting = (state: Pick<AppState, 'hotspots' | 'view'>): Weighting => state.hotspots?.query.weighting ?? state.view.weighting;
export const shownMethod = (state: Pick<AppState, 'hotspots' | 'view'>): HotspotMethod => state.hotspots?.query.method.kind ?? state.view.method;

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
      set({ hotspots: null, computing: false, breakdown: null, pinnedCell: null });
      return;
    }
    const { id, promise } = dataWorker.call('hotspots', { query: hotspotQuery(state) });
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
    const map = shownMap(get());
    const breakdown = await dataWorker.call('cell-breakdown', { map, cell }).promise;
    // A breakdown for a map replaced meanwhile is dropped: the new map pins the cell again.
    if (get().pinnedCell === cell && get().hotspots?.query === map) set({ breakdown });
  },

  focusOn: (cell) => set({ focusCell: { cell, at: Date.now() } }),

  exportHotspots: async (format) => {
    // Named and written from one state: a map drawn while the worker writes must not rename this one.
    const state = get();
    const fileName = `${hotspotsFileStem(state)}.${format}`;
    return { fileName, text: await dataWorker.call('export-hotspots', { map: shownMap(state), format, note: exportNote(state) }).promise };
  },
});

/** How files exported from the map on screen are named: method, study area, period and resolution. */
export const hotspotsFileStem = (state: Pick<AppState, 'hotspots' | 'categories' | 'sources'>): string => `hotspots_${describeView(state).fileStem}`;
