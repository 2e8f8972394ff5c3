import { create } from 'zustand';
import { createAreasSlice, type AreasSlice } from './areasSlice';
import { createBasemapSlice, type BasemapSlice } from './basemapSlice';
import { createBuildingsSlice, type BuildingsSlice } from './buildingsSlice';
import { createCamerasSlice, type CamerasSlice } from './camerasSlice';
import { createPrioritySlice, type PrioritySlice } from './prioritySlice';
import { createResultsSlice, type ResultsSlice } from './resultsSlice';
import { createSampleSlice, type SampleSlice } from './sampleSlice';
import { createSourcesSlice, type SourcesSlice } from './sourcesSlice';
import { createTriggerSlice, type TriggerSlice } from './triggerSlice';
import { createViewSlice, type ViewSlice } from './viewSlice';
import { createWeightsSlice, type WeightsSlice } from './weightsSlice';
import { createZonesSlice, type ZonesSlice } from './zonesSlice';

export type AppState = SourcesSlice & ViewSlice & ResultsSlice & WeightsSlice & CamerasSlice & ZonesSlice & BasemapSlice & BuildingsSlice & SampleSlice & PrioritySlice & AreasSlice & TriggerSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createSourcesSlice(...args),
  ...createViewSlice(...args),
  ...createResultsSlice(...args),
  ...createWeightsSlice(...args),
  ...createCamerasSlice(...args),
  ...createZonesSlice(...args),
  ...createBasemapSlice(...args),
  ...createBuildingsSlice(...args),
  ...createSampleSlice(...args),
  ...createPrioritySlice(...args),
  ...createAreasSlice(...args),
  ...createTriggerSlice(...args),
}));
