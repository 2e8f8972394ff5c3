import type { StateCreator } from 'zustand';
import { describeBuildings, type BuildingsSummary } from '../core/buildings/importBuildings';
import { WorkerError } from '../worker/client';
import type { MessageParams, MessageResult } from '../worker/protocol';
import { saveThenSet } from './saveFirst';
import { keepLoadedFile, storedSourceBlob } from './sourceFiles';
import { useAppStore, type AppState } from './store';
import { dataWorker } from './worker';

/** Building footprints (the file is kept with the workspace's files; the worker holds the geometry), and the camera whose viewshed is picked on the map. */
export interface BuildingsSlice {
  buildings: { name: string; fingerprint: string; summary: BuildingsSummary } | null;
  buildingsLoading: boolean;
  loadBuildings: (file: File) => Promise<void>;
  clearBuildings: () => void;
  /** Lines of sight checked so far while planning through buildings; Cancel stops it. */
  planSteps: { requestId: number; done: number; total: number } | null;
  cancelPlanning: () => void;
  selectedCamera: string | null;
  selectCamera: (id: string | null) => void;
}

async function sendToWorker(blob: Blob, name: string, fingerprint: string): Promise<BuildingsSummary> {
  return dataWorker.call('load-buildings', { file: blob, name, key: fingerprint }).promise;
}

export const createBuildingsSlice: StateCreator<AppState, [], [], BuildingsSlice> = (set, get) => ({
  buildings: null,
  buildingsLoading: false,
  loadBuildings: async (file) => {
    set({ buildingsLoading: true });
    try {
      const fingerprint = `buildings:${file.name}:${file.size}`;
      const summary = await sendToWorker(file, file.name, fingerprint);
      await keepLoadedFile(file.name, fingerprint, file, (text) => get().notify('error', text));
      await saveThenSet(set, (state) => ({ buildings: { name: file.name, fingerprint, summary }, planOptions: { ...state.planOptions, useBuildings: true }, plan: null, moves: null }));
      get().notify(summary.problems.length > 0 ? 'error' : 'info', `${describeBuildings(summary)}${summary.problems.length > 0 ? ` ${summary.problems.slice(0, 3).join('; ')}${summary.problems.length > 3 ? '; …' : ''}.` : ''}`);
    } catch (error) {
      get().notify('error', error instanceof Error ? error.message : String(error));
    } finally {
      set({ buildingsLoading: false });
    }
  },
  clearBuildings: () => {
    void dataWorker.call('clear-buildings', {}).promise;
    set((state) => ({ buildings: null, planOptions: { ...state.planOptions, useBuildings: false }, plan: null, moves: null }));
  },
  planSteps: null,
  cancelPlanning: () => {
    const steps = get().planSteps;
    if (steps) dataWorker.cancel(steps.requestId);
  },
  selectedCamera: null,
  selectCamera: (selectedCamera) => set({ selectedCamera }),
});

/**
 * Asks a camera-plan question, through the buildings when the plan uses them: steps are shown as
 * they come, and a worker that no longer holds the footprints (it restarted) gets them again from
 * the stored file.
 */
export async function requestPlan<K extends 'plan-cameras' | 'plan-exact' | 'plan-moves'>(type: K, params: MessageParams<K>): Promise<MessageResult<K>> {
  const { buildings } = useAppStore.getState();
  const send = (): Promise<MessageResult<K>> => {
    const call: { id: number; promise: Promise<MessageResult<K>> } = dataWorker.call(type, params, undefined, (done, total) => useAppStore.setState({ planSteps: { requestId: call.id, done, total } }));
    return call.promise;
  };
  try {
    return await send();
  } catch (error) {
    if (!(error instanceof WorkerError && error.code === 'BUILDINGS_MISSING' && buildings)) throw error;
    const blob = await storedSourceBlob(buildings.fingerprint);
    if (!blob) throw new Error(`The building footprints ${buildings.name} are no longer stored in this browser; load them again.`, { cause: error });
    await sendToWorker(blob, buildings.name, buildings.fingerprint);
    return await send();
  } finally {
    useAppStore.setState({ planSteps: null });
  }
}
