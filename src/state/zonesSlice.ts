import type { StateCreator } from 'zustand';
import type { ProposalOptions, ProposedZone } from '../core/zones/proposeZones';
import type { Zone } from '../core/zones/zone';
import type { ZoneReport } from '../core/zones/zoneReport';
import type { InterventionEvaluation } from '../core/zones/evaluateIntervention';
import type { ZoneConsultation } from '../core/zones/consultation';
import { shownMap } from './resultsSlice';
import type { AppState } from './store';
import { dataWorker } from './worker';

/** PSPO zones: the list, the one selected, their statistics, proposals, and a polygon being drawn. */
export interface ZonesSlice {
  zones: Zone[];
  selectedZone: string | null;
  zoneReport: ZoneReport | null;
  proposals: ProposedZone[];
  /** Vertices ([lng, lat]) of the zone being drawn, or null when not drawing. */
  draft: [number, number][] | null;
  /** Vertices taken back with undo, for redo. */
  draftRedo: [number, number][];
  /** Earlier outlines of edited zones and deleted zones (with their place in the list), newest last, for undo. */
  zoneUndo: ZoneUndoStep[];
  undoZoneEdit: () => void;
  /** The latest intervention evaluation, for the map (its ring) and the briefing. */
  evaluation: InterventionEvaluation | null;
  setEvaluation: (evaluation: InterventionEvaluation | null) => void;
  /** The council's consultation record and renewal decision date per zone (kept with the workspace). */
  consultations: ZoneConsultation[];
  setConsultation: (consultation: ZoneConsultation) => void;
  /** Adds zones with fresh ids, and returns the ids. */
  addZones: (zones: Zone[]) => string[];
  /** Zones read from a file the user loaded: saved before they are shown; the first file replaces the sample (see addFromFile). */
  importZones: (zones: Zone[], fileName: string) => Promise<void>;
  updateZone: (id: string, change: Partial<Zone>) => void;
  removeZone: (id: string) => void;
  selectZone: (id: string | null) => void;
  refreshZoneReport: () => Promise<void>;
  proposeZones: (minBin: number, options: ProposalOptions) => Promise<void>;
  acceptProposal: (index: number) => void;
  startDrawing: () => void;
  addVertex: (lngLat: [number, number]) => void;
  undoVertex: () => void;
  redoVertex: () => void;
  finishDrawing: () => void;
  cancelDrawing: () => void;
}

/** A reshape (the outline before it), or a deletion (the zone, its place in the list, and the notice offering Undo). */
export type ZoneUndoStep = { id: string; geometry: Zone['geometry'] } | { id: string; deleted: Zone; index: number; noticeId: number };

/** Steps of undo kept per session. */
const UNDO_STEPS = 50;

let zoneCounter = 0;
const newZoneId = () => `zone-${Date.now().toString(36)}-${zoneCounter++}`;
const withNewIds = (zones: readonly Zone[]): Zone[] => zones.map((z) => ({ ...z, id: newZoneId() }));

export const createZonesSlice: StateCreator<AppState, [], [], ZonesSlice> = (set, get) => ({
  zones: [],
  selectedZone: null,
  zoneReport: null,
  proposals: [],
  draft: null,
  draftRedo: [],
  evaluation: null,
  zoneUndo: [],
  undoZoneEdit: () => {
    const last = get().zoneUndo[get().zoneUndo.length - 1];
    if (!last) return;
    if ('deleted' in last) {
      get().dismissNotice(last.noticeId);
      set((state) => ({ zones: [...state.zones.slice(0, last.index), last.deleted, ...state.zones.slice(last.index)], selectedZone: last.id, zoneUndo: state.zoneUndo.slice(0, -1) }));
      get().notify('info', `${last.deleted.name} is back.`);
    } else {
      set((state) => ({ zones: state.zones.map((z) => (z.id === last.id ? { ...z, geometry: last.geometry } : z)), zoneUndo: state.zoneUndo.slice(0, -1) }));
    }
    void get().refreshZoneReport();
  },
  setEvaluation: (evaluation) => set({ evaluation }),
  consultations: [],
  setConsultation: (consultation) => set((state) => ({ consultations: [...state.consultations.filter((c) => c.zoneId !== consultation.zoneId), consultation] })),
  addZones: (zones) => {
    const added = withNewIds(zones);
    set((state) => ({ zones: [...state.zones, ...added] }));
    void get().refreshZoneReport();
    return added.map((z) => z.id);
  },
  importZones: async (zones, fileName) => {
    const added = withNewIds(zones);
    await get().addFromFile([fileName], (state) => ({ zones: [...state.zones, ...added] }));
    void get().refreshZoneReport();
  },
  updateZone: (id, change) => {
    const before = get().zones.find((z) => z.id === id);
    if (before && change.geometry) set((state) => ({ zoneUndo: [...state.zoneUndo.slice(1 - UNDO_STEPS), { id, geometry: before.geometry }] }));
    set((state) => ({ zones: state.zones.map((z) => (z.id === id ? { ...z, ...change } : z)) }));
    const area = get().view.area;
    // A zone that is the study area scopes everything: reshaping or renaming it changes every number.
    if (area?.kind === 'zone' && before && area.name === before.name) {
      if (change.name !== undefined && change.name !== before.name) get().setView({ area: { kind: 'zone', name: change.name } });
      else if (change.geometry) get().refreshHotspots();
    }
    if ('startDate' in change || 'geometry' in change) void get().refreshZoneReport();
  },
  removeZone: (id) => {
    const index = get().zones.findIndex((z) => z.id === id);
    if (index < 0) return;
    const deleted = get().zones[index];
    set((state) => ({ zones: state.zones.filter((z) => z.id !== id), selectedZone: state.selectedZone === id ? null : state.selectedZone }));
    void get().refreshZoneReport();
    const noticeId = get().notify('info', `${deleted.name} deleted (Ctrl+Z in the zones panel also undoes).`, {
      label: 'Undo',
      run: () => {
        // Undo this deletion, wherever it now is in the undo list.
        const step = get().zoneUndo.find((s) => 'deleted' in s && s.id === id);
        if (!step) return;
        set((state) => ({ zoneUndo: [...state.zoneUndo.filter((s) => s !== step), step] }));
        get().undoZoneEdit();
      },
    });
    set((state) => ({ zoneUndo: [...state.zoneUndo.slice(1 - UNDO_STEPS), { id, deleted, index, noticeId }] }));
  },
  selectZone: (id) => set({ selectedZone: id }),
  refreshZoneReport: async () => {
    const { zones, hotspots } = get();
    if (zones.length === 0 || !hotspots) {
      set({ zoneReport: null });
      return;
    }
    try {
      const zoneReport = await dataWorker.call('zone-report', { map: hotspots.query, zones }).promise;
      if (get().hotspots === hotspots) set({ zoneReport });
    } catch (error) {
      // An answer about a map that has since changed (e.g. its sources were removed meanwhile) is dropped.
      if (get().hotspots === hotspots) get().notify('error', error instanceof Error ? error.message : String(error));
    }
  },
  proposeZones: async (minBin, options) => {
    try {
      const proposals = await dataWorker.call('propose-zones', { map: shownMap(get()), minBin, options }).promise;
      set({ proposals });
      if (proposals.length === 0) get().notify('info', 'No group of hot cells is large enough to propose as a zone; lower the minimum size or the confidence.');
    } catch (error) {
      get().notify('error', error instanceof Error ? error.message : String(error));
    }
  },
  acceptProposal: (index) => {
    const proposal = get().proposals[index];
    if (!proposal) return;
    get().addZones([{ id: '', name: `Proposed zone ${get().zones.length + 1}`, orderRef: '', startDate: '', endDate: '', prohibitions: [], geometry: proposal.geometry }]);
    set((state) => ({ proposals: state.proposals.filter((_, i) => i !== index), selectedZone: state.zones[state.zones.length - 1]?.id ?? null }));
  },
  startDrawing: () => set({ draft: [], draftRedo: [] }),
  addVertex: (lngLat) => set((state) => (state.draft ? { draft: [...state.draft, lngLat], draftRedo: [] } : {})),
  undoVertex: () => set((state) => (state.draft && state.draft.length > 0 ? { draft: state.draft.slice(0, -1), draftRedo: [...state.draftRedo, state.draft[state.draft.length - 1]] } : {})),
  redoVertex: () => set((state) => (state.draft && state.draftRedo.length > 0 ? { draft: [...state.draft, state.draftRedo[state.draftRedo.length - 1]], draftRedo: state.draftRedo.slice(0, -1) } : {})),
  finishDrawing: () => {
    const draft = get().draft;
    if (!draft || draft.length < 3) {
      get().notify('error', 'A zone needs at least three corners: click on the map to add them.');
      return;
    }
    set({ draft: null, draftRedo: [] });
    get().addZones([{ id: '', name: `Drawn zone ${get().zones.length + 1}`, orderRef: '', startDate: '', endDate: '', prohibitions: [], geometry: { type: 'Polygon', coordinates: [[...draft, draft[0]]] } }]);
    set((state) => ({ selectedZone: state.zones[state.zones.length - 1]?.id ?? null }));
  },
  cancelDrawing: () => set({ draft: null, draftRedo: [] }),
});
