import type { StateCreator } from 'zustand';
import type { CategoryInfo } from '../core/dataset';
import { HARM_SCHEMES, harmWeight } from '../core/stats/harm';
import type { AppState } from './store';

/** Harm weights the user has edited, per category id; the others follow the chosen scheme. */
export interface WeightsSlice {
  harmWeights: Record<number, number>;
  setHarmWeight: (categoryId: number, weight: number) => void;
  resetHarmWeights: () => void;
}

/** The weight in force for a category: the user's edit, else the scheme's (police.uk) or 1 (council). */
export function effectiveHarmWeight(state: Pick<AppState, 'harmWeights' | 'view'>, category: CategoryInfo): number {
  const edited = state.harmWeights[category.id];
  if (edited !== undefined) return edited;
  const scheme = HARM_SCHEMES.find((s) => s.id === state.view.harmScheme) ?? HARM_SCHEMES[0];
  return category.family === 'police.uk' ? harmWeight(scheme, category.name) : 1;
}

export function effectiveHarmWeights(state: Pick<AppState, 'harmWeights' | 'view' | 'categories'>): Record<number, number> {
  return Object.fromEntries(state.categories.map((category) => [category.id, effectiveHarmWeight(state, category)]));
}

export const createWeightsSlice: StateCreator<AppState, [], [], WeightsSlice> = (set, get) => ({
  harmWeights: {},
  setHarmWeight: (categoryId, weight) => {
    set((state) => ({ harmWeights: { ...state.harmWeights, [categoryId]: weight } }));
    get().refreshHotspots();
  },
  resetHarmWeights: () => {
    set({ harmWeights: {} });
    get().refreshHotspots();
  },
});
