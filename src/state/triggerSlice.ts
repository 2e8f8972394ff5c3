import type { StateCreator } from 'zustand';
import { DEFAULT_TRIGGER_SETTINGS, type TriggerRule } from '../core/trigger/communityTrigger';
import type { TriggerReport } from '../core/trigger/triggerReport';
import { effectiveFilter } from './resultsSlice';
import type { AppState } from './store';
import { dataWorker } from './worker';

/** The Community Trigger radar: its rule (saved with the workspace) and its latest report. */
export interface TriggerSlice {
  triggerRule: TriggerRule;
  triggerReport: TriggerReport | null;
  /** The radar runs, and its groups are drawn, while its panel is open. */
  triggerShown: boolean;
  setTriggerRule: (rule: TriggerRule) => void;
  showTrigger: (shown: boolean) => void;
  refreshTrigger: () => void;
}

/** Only the newest request's answer is shown; older ones that arrive late are dropped. */
let latestRequest = 0;

export const createTriggerSlice: StateCreator<AppState, [], [], TriggerSlice> = (set, get) => ({
  triggerRule: DEFAULT_TRIGGER_SETTINGS,
  triggerReport: null,
  triggerShown: false,
  setTriggerRule: (triggerRule) => set({ triggerRule }),
  showTrigger: (triggerShown) => set({ triggerShown }),

  refreshTrigger: () => {
    const state = get();
    if (!state.triggerShown || state.sources.length === 0) {
      latestRequest = 0;
      set({ triggerReport: null });
      return;
    }
    // The sources shown and the study area, as for the map; categories and months do not narrow the radar.
    const { sources, area } = effectiveFilter(state);
    const { id, promise } = dataWorker.call('community-trigger', { query: { ...state.triggerRule, sources, area: area ?? null } });
    latestRequest = id;
    promise
      .then((triggerReport) => {
        if (id === latestRequest) set({ triggerReport });
      })
      .catch((error: Error) => {
        if (id === latestRequest) get().notify('error', error.message);
      });
  },
});
