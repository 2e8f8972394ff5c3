import type { StateCreator } from 'zustand';
import type { StudyArea } from '../core/hotspots/hotspotStatistics';
import type { HarmScheme } from '../core/stats/harm';
import type { AreaChoice } from './areasSlice';
import type { AppState } from './store';
import type { ClassBreaks, HotspotMethod, Weighting } from '../core/vocabulary';

export type { ClassBreaks, HotspotMethod, Weighting };

/** What the user is looking at: filters and map settings. Plain data, so a workspace can save it. */
export interface ViewSettings {
  resolution: number;
  monthFrom: number | null;
  monthTo: number | null;
  /** Selected category ids; null = not chosen yet (the default picks ASB when present). */
  categories: number[] | null;
  /** Excluded source ids (new sources are included by default). */
  hiddenSources: number[];
  weekdays: number[] | null;
  hours: number[] | null;
  classBreaks: ClassBreaks;
  classCount: number;
  opacity: number;
  method: HotspotMethod;
  weighting: Weighting;
  /** Gi* neighbourhood: rings of cells around each cell. */
  giK: number;
  fdr: boolean;
  /** Gi* cells when there is no polygon study area: the data's cells and rings around them. */
  studyArea: StudyArea;
  /** The study area every analysis is scoped to; null = everywhere. */
  area: AreaChoice | null;
  /** The boundary layer whose polygons the "counts by area" map counts in. */
  countsLayer: string | null;
  /** Counts by area shown per hectare rather than as totals. */
  perHectare: boolean;
  /** Default harm weights; edits per category override them. */
  harmScheme: HarmScheme['id'];
  /** The earlier period of a comparison; null = the same length just before the chosen period. */
  compareFrom: number | null;
  compareTo: number | null;
  /** Percent changes are shown only where the earlier period has at least this many. */
  minChangeCount: number;
  topN: number;
}

export const DEFAULT_VIEW: ViewSettings = {
  resolution: 9,
  monthFrom: null,
  monthTo: null,
  categories: null,
  hiddenSources: [],
  weekdays: null,
  hours: null,
  classBreaks: 'quantile',
  classCount: 5,
  opacity: 0.75,
  method: 'count',
  weighting: 'count',
  giK: 1,
  fdr: true,
  studyArea: { kind: 'ring', ringK: 1 },
  area: null,
  countsLayer: null,
  perHectare: false,
  harmScheme: 'cchi',
  compareFrom: null,
  compareTo: null,
  minChangeCount: 5,
  topN: 20,
};

/** Settings that change the worker's answer; the others only restyle the map. */
const DATA_SETTINGS: readonly (keyof ViewSettings)[] = ['resolution', 'monthFrom', 'monthTo', 'categories', 'hiddenSources', 'weekdays', 'hours', 'method', 'weighting', 'giK', 'fdr', 'studyArea', 'area', 'countsLayer', 'harmScheme', 'compareFrom', 'compareTo', 'minChangeCount', 'topN'];

export interface MapPosition {
  lng: number;
  lat: number;
  zoom: number;
}

export interface ViewSlice {
  view: ViewSettings;
  /** Where the map is looking (for the view link); the map reports it. */
  mapView: MapPosition | null;
  /** A position the map should jump to (from an opened view link). */
  jumpTo: MapPosition | null;
  setView: (change: Partial<ViewSettings>) => void;
  setMapView: (position: MapPosition) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set, get) => ({
  view: DEFAULT_VIEW,
  mapView: null,
  jumpTo: null,
  setMapView: (position) => set({ mapView: position }),
  setView: (change) => {
    set((state) => ({ view: { ...state.view, ...change } }));
    if (DATA_SETTINGS.some((key) => key in change)) get().refreshHotspots();
  },
});
