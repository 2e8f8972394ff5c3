import { create } from 'zustand';
import { createResultsSlice, type ResultsSlice } from './resultsSlice';
import { createSourcesSlice, type SourcesSlice } from './sourcesSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';
import { createWeightsSlice, type WeightsSlice } from './weightsSlice';

export type AppState = SourcesSlice & ViewSlice & ResultsSlice & WeightsSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createSourcesSlice(...args),
  ...createViewSlice(...args),
  ...createResultsSlice(...args),
  ...createWeightsSlice(...args),
}));
