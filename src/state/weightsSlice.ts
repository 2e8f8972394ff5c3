import type { StateCreator } from 'zustand';
import type { AppState } from './store';

/** Harm weight per category id (editable); unset categories weigh 1. */
export interface WeightsSlice {
  harmWeights: Record<number, number>;
  setHarmWeight: (categoryId: number, weight: number) => void;
}

export const createWeightsSlice: StateCreator<AppState, [], [], WeightsSlice> = (set, get) => ({
  harmWeights: {},
  setHarmWeight: (categoryId, weight) => {
    set((state) => ({ harmWeights: { ...state.harmWeights, [categoryId]: weight } }));
    get().refreshHotspots();
  },
});
