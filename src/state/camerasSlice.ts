import type { StateCreator } from 'zustand';
import { addCameras, type Camera } from '../core/cameras/importCameras';
import { DEFAULT_JUSTIFICATION, type JustificationSettings } from '../core/cameras/justification';
import type { CandidateSite, PlanOptions } from '../core/coverage/planCameras';
import type { AnsweredMoves, AnsweredPlan } from '../core/coverage/planQuery';
import { WorkerError } from '../worker/client';
import { requestPlan } from './buildingsSlice';
import { shownMap } from './resultsSlice';
import type { AppState } from './store';

/** Cameras on the ground, the placement settings, and the latest plan. */
export interface CamerasSlice {
  cameras: Camera[];
  planOptions: PlanOptions;
  plan: AnsweredPlan | null;
  moves: AnsweredMoves | null;
  planning: boolean;
  /** Zones (by id) new cameras must stay out of, and zones whose incidents are covered first. */
  excludedZones: string[];
  /** Imported candidate sites; empty = place cameras at incident cells. */
  candidateSites: CandidateSite[];
  setCandidateSites: (sites: CandidateSite[]) => void;
  mustCoverZones: string[];
  toggleZoneRole: (role: 'excludedZones' | 'mustCoverZones', id: string) => void;
  /** A camera being placed by hand: a new one of a kind, or an existing one being moved; the next map click places it. */
  cameraEdit: { mode: 'add'; kind: Camera['kind'] } | { mode: 'move'; id: string } | null;
  setCameraEdit: (edit: CamerasSlice['cameraEdit']) => void;
  placeCamera: (lat: number, lng: number) => void;
  removeCamera: (id: string) => void;
  setCameras: (cameras: Camera[]) => void;
  /** Cameras read from a file the user loaded, added to or replacing the list: saved before they are shown; the first file replaces the sample (see addFromFile). */
  importCameras: (cameras: Camera[], mode: 'add' | 'replace', fileName: string) => Promise<void>;
  setPlanOptions: (change: Partial<PlanOptions>) => void;
  planCameras: () => Promise<void>;
  solveExactly: () => Promise<void>;
  suggestMoves: (maxMoves: number) => Promise<void>;
  /** Review intervals, DPIA reference and purpose for the cameras' justification cards. */
  justification: JustificationSettings;
  setJustification: (change: Partial<JustificationSettings>) => void;
}

/** The reach drawn, counted and exported for cameras without their own: the plan's while one is shown, else the setting. */
export function cameraReach(state: Pick<AppState, 'plan' | 'planOptions'>): number {
  return state.plan?.query.options.radiusM ?? state.planOptions.radiusM;
}

/** The plan on screen: an exact solve or moves answer its question, whatever the settings say now. */
function shownPlan(state: Pick<AppState, 'plan'>): AnsweredPlan {
  if (!state.plan) throw new Error('Plan cameras first.');
  return state.plan;
}

export const DEFAULT_PLAN_OPTIONS: PlanOptions = { cameras: 8, radiusM: 100, minSpacingM: 0, edgeFactor: 1, basis: 'count' };

export const createCamerasSlice: StateCreator<AppState, [], [], CamerasSlice> = (set, get) => {
  const run = async (work: () => Promise<void>) => {
    set({ planning: true });
    try {
      await work();
    } catch (error) {
      // Cancel is the user's own choice: said plainly, not as a fault.
      get().notify(error instanceof WorkerError && error.code === 'CANCELLED' ? 'info' : 'error', error instanceof Error ? error.message : String(error));
    } finally {
      set({ planning: false });
    }
  };
  return {
    cameras: [],
    planOptions: DEFAULT_PLAN_OPTIONS,
    plan: null,
    moves: null,
    planning: false,
    excludedZones: [],
    candidateSites: [],
    setCandidateSites: (candidateSites) => set({ candidateSites, plan: null, moves: null }),
    mustCoverZones: [],
    cameraEdit: null,
    justification: DEFAULT_JUSTIFICATION,
    setJustification: (change) => set((state) => ({ justification: { ...state.justification, ...change } })),
    setCameraEdit: (cameraEdit) => set({ cameraEdit }),
    placeCamera: (lat, lng) => {
      const edit = get().cameraEdit;
      if (!edit) return;
      if (edit.mode === 'move') {
        set((state) => ({ cameras: state.cameras.map((c) => (c.id === edit.id ? { ...c, lat, lng } : c)), cameraEdit: null, plan: null, moves: null }));
        return;
      }
      const prefix = edit.kind === 'fixed' ? 'FX-NEW' : 'RD-NEW';
      const number = get().cameras.filter((c) => c.id.startsWith(prefix)).length + 1;
      const camera: Camera = { id: `${prefix}-${number}`, name: 'Placed by hand', kind: edit.kind, lat, lng, radiusM: null, directionDeg: null, fovDeg: null };
      set((state) => ({ cameras: [...state.cameras, camera], cameraEdit: null, plan: null, moves: null }));
    },
    removeCamera: (id) => {
      const index = get().cameras.findIndex((c) => c.id === id);
      if (index < 0) return;
      const removed = get().cameras[index];
      set((state) => ({ cameras: state.cameras.filter((c) => c.id !== id), plan: null, moves: null }));
      get().notify('info', `Camera ${id} deleted.`, {
        label: 'Undo',
        run: () => set((state) => (state.cameras.some((c) => c.id === id) ? {} : { cameras: [...state.cameras.slice(0, index), removed, ...state.cameras.slice(index)], plan: null, moves: null })),
      });
    },
    toggleZoneRole: (role, id) => set((state) => ({ [role]: state[role].includes(id) ? state[role].filter((z) => z !== id) : [...state[role], id] })),
    setCameras: (cameras) => set({ cameras, plan: null, moves: null }),
    importCameras: (cameras, mode, fileName) => get().addFromFile([fileName], (state) => ({ cameras: mode === 'add' ? addCameras(state.cameras, cameras) : cameras, plan: null, moves: null })),
    setPlanOptions: (change) => set((state) => ({ planOptions: { ...state.planOptions, ...change } })),
    planCameras: () =>
      run(async () => {
        const state = get();
        const areas = (ids: string[]) => state.zones.filter((z) => ids.includes(z.id)).map((z) => z.geometry);
        const map = shownMap(state);
        const options = { ...state.planOptions, basis: map.weighting, excludedAreas: areas(state.excludedZones), mustCoverAreas: areas(state.mustCoverZones), candidateSites: state.candidateSites };
        const plan = await requestPlan('plan-cameras', { query: { map, cameras: state.cameras, options, buildings: state.buildings?.fingerprint } });
        set({ plan, moves: null });
      }),
    solveExactly: () =>
      run(async () => {
        const plan = await requestPlan('plan-exact', { query: shownPlan(get()).query });
        set({ plan });
      }),
    suggestMoves: (maxMoves) =>
      run(async () => {
        const moves = await requestPlan('plan-moves', { query: shownPlan(get()).query, maxMoves });
        set({ moves });
      }),
  };
};
