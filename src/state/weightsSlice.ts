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

const schemeOf = (view: AppState['view']) => HARM_SCHEMES.find((s) => s.id === view.harmScheme) ?? HARM_SCHEMES[0];

/** The weight in force for a category: the user's edit, else the scheme's (police.uk) or 1 (council). */
export function effectiveHarmWeight(state: Pick<AppState, 'harmWeights' | 'view'>, category: CategoryInfo, scheme = schemeOf(state.view)): number {
  const edited = state.harmWeights[category.id];
  if (edited !== undefined) return edited;
  return category.family === 'police.uk' ? harmWeight(scheme, category.name) : 1;
}

/** Weights other than 1 only: the worker weighs a missing category 1, and a file may hold tens of thousands of categories. */
export function effectiveHarmWeights(state: Pick<AppState, 'harmWeights' | 'view' | 'categories'>): Record<number, number> {
  const scheme = schemeOf(state.view);
  const weights: Record<number, number> = {};
  for (const category of state.categories) {
    const weight = effectiveHarmWeight(state, category, scheme);
    if (weight !== 1) weights[category.id] = weight;
  }
  return weights;
}

/** The harm scheme in force, as legends and exports name it. */
export function harmSchemeLabel(state: Pick<AppState, 'harmWeights' | 'view'>): string {
  const edited = Object.keys(state.harmWeights).length;
  return `${schemeOf(state.view).label}${edited > 0 ? `, ${edited} weight${edited === 1 ? '' : 's'} edited` : ''}`;
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
