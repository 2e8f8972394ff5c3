import { basemapChoiceSchema, boundaryLayersSchema, buildingsSchema, cameraSchema, camerasPanelSchemas, consultationSchema, evaluationSchema, keepValid, triggerRuleSchema, zoneSchema } from '../core/workspace/panelSchemas';
import type * as v from 'valibot';
import { check } from '../core/workspace/schemaParts';
import type { Camera } from '../core/cameras/importCameras';
import { DEFAULT_JUSTIFICATION } from '../core/cameras/justification';
import { DEFAULT_TRIGGER_SETTINGS } from '../core/trigger/communityTrigger';
import type { Zone } from '../core/zones/zone';
import type { ZoneConsultation } from '../core/zones/consultation';
import type { InterventionEvaluation } from '../core/zones/evaluateIntervention';
import { allowed, type BasemapChoice } from './basemapSlice';
import { DEFAULT_PLAN_OPTIONS, type CamerasSlice } from './camerasSlice';
import { PRIORITY_RULE_KINDS, priorityRuleProblem, type PriorityRuleKind } from '../core/hotspots/priorityPlaces';
import { DEFAULT_PRIORITY, type PrioritySettings } from './prioritySlice';
import type { SampleProvenance } from './sampleSlice';
import { storedSourceBlob } from './sourceFiles';
import { useAppStore, type AppState } from './store';

/** What restoring a panel's saved value means: a change to the store, what was dropped, and work after it. */
export interface PanelRestore {
  change: Partial<AppState>;
  dropped: string[];
  after?: () => void;
}

/**
 * Panels with state of their own: which store fields it lives in (compared by reference to notice
 * changes), how to save it as plain data, and how to restore a saved value, checked against its
 * schema (undefined = not saved: the panel starts empty). Wired here, in one place.
 */
export interface PanelState {
  fields: (state: AppState) => readonly unknown[];
  save: (state: AppState) => unknown;
  restore: (value: unknown) => PanelRestore;
}

/**
 * The common restore: nothing saved (undefined, or null where null means none) gives `empty`; a value
 * its schema refuses gives `empty` and the reason; a valid value is handed to `restoreValid`.
 */
function restoreChecked<S extends v.GenericSchema>(value: unknown, panel: { name: string; schema: S; empty: Partial<AppState>; nullIsNone?: true }, restoreValid: (saved: v.InferOutput<S>) => PanelRestore): PanelRestore {
  if (value === undefined || (value === null && panel.nullIsNone)) return { change: panel.empty, dropped: [] };
  const checked = check(panel.schema, value, panel.name);
  return checked.ok ? restoreValid(checked.value) : { change: panel.empty, dropped: [checked.reason] };
}

type CamerasSaved = Pick<CamerasSlice, keyof typeof camerasPanelSchemas>;
const CAMERA_DEFAULTS: CamerasSaved = { justification: DEFAULT_JUSTIFICATION, planOptions: DEFAULT_PLAN_OPTIONS, plan: null, moves: null, candidateSites: [], excludedZones: [], mustCoverZones: [] };

const cameras: PanelState = {
  fields: (s) => [s.cameras, s.planOptions, s.plan, s.moves, s.candidateSites, s.excludedZones, s.mustCoverZones, s.justification],
  save: (s) => ({ cameras: s.cameras, planOptions: s.planOptions, plan: s.plan, moves: s.moves, candidateSites: s.candidateSites, excludedZones: s.excludedZones, mustCoverZones: s.mustCoverZones, justification: s.justification }),
  restore: (value) => {
    const saved = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    const kept = keepValid(saved.cameras, 'cameras', cameraSchema);
    const change: Partial<AppState> = { ...CAMERA_DEFAULTS, cameras: kept.kept as Camera[] };
    const dropped = [...kept.dropped];
    for (const [key, schema] of Object.entries(camerasPanelSchemas)) {
      if (saved[key] === undefined) continue;
      const field = check(schema, saved[key], `cameras panel ${key}`);
      if (field.ok) Object.assign(change, { [key]: key === 'planOptions' ? { ...DEFAULT_PLAN_OPTIONS, ...(field.value as object) } : field.value });
      else dropped.push(field.reason);
    }
    return { change, dropped };
  },
};

const zones: PanelState = {
  fields: (s) => [s.zones],
  save: (s) => s.zones,
  restore: (value) => {
    const kept = keepValid(value ?? [], 'zones', zoneSchema);
    return { change: { zones: kept.kept as Zone[], selectedZone: null, proposals: [], zoneUndo: [], zoneReport: null }, dropped: kept.dropped };
  },
};

/** Each zone's consultation record; records of zones no longer listed are not kept. */
const consultations: PanelState = {
  fields: (s) => [s.consultations, s.zones],
  save: (s) => s.consultations.filter((c) => s.zones.some((z) => z.id === c.zoneId)),
  restore: (value) => {
    const kept = keepValid(value ?? [], 'consultations', consultationSchema);
    return { change: { consultations: kept.kept as ZoneConsultation[] }, dropped: kept.dropped };
  },
};

const evaluation: PanelState = {
  fields: (s) => [s.evaluation],
  save: (s) => s.evaluation,
  restore: (value) => restoreChecked(value, { name: 'evaluation', schema: evaluationSchema, empty: { evaluation: null }, nullIsNone: true }, (saved) => ({ change: { evaluation: saved as unknown as InterventionEvaluation }, dropped: [] })),
};

const basemap: PanelState = {
  fields: (s) => [s.basemap],
  save: (s) => s.basemap,
  restore: (value) => {
    const online: Partial<AppState> = { basemap: allowed({ kind: 'online' }, useAppStore.getState().neverOnlineMaps), basemapFile: null };
    return restoreChecked(value, { name: 'basemap', schema: basemapChoiceSchema, empty: online }, (choice: BasemapChoice) => {
      if (choice.kind !== 'file') return { change: { basemap: allowed(choice, useAppStore.getState().neverOnlineMaps), basemapFile: null }, dropped: [] };
      return {
        change: online,
        dropped: [],
        after: () =>
          void storedSourceBlob(choice.fingerprint).then((blob) => {
            if (blob) useAppStore.setState({ basemap: choice, basemapFile: new File([blob], choice.name) });
            else useAppStore.getState().notify('error', `The offline basemap ${choice.name} is no longer stored in this browser; load it again.`);
          }),
      };
    });
  },
};

const buildings: PanelState = {
  fields: (s) => [s.buildings],
  save: (s) => s.buildings,
  // The worker gets the footprints when a plan first needs them.
  restore: (value) =>
    restoreChecked(value, { name: 'buildings', schema: buildingsSchema, empty: { buildings: null }, nullIsNone: true }, (saved) => ({
      change: { buildings: null },
      dropped: [],
      after: () =>
        void storedSourceBlob(saved.fingerprint).then((blob) => {
          if (blob) useAppStore.setState({ buildings: saved as AppState['buildings'] });
          else useAppStore.getState().notify('error', `The building footprints ${saved.name} are no longer stored in this browser; load them again.`);
        }),
    })),
};

const priority: PanelState = {
  fields: (s) => [s.priority],
  save: (s) => s.priority,
  restore: (value) => {
    if (value === undefined) return { change: { priority: DEFAULT_PRIORITY }, dropped: [] };
    const saved = (typeof value === 'object' && value !== null ? value : {}) as Partial<PrioritySettings>;
    const valid = PRIORITY_RULE_KINDS.includes(saved.kind as PriorityRuleKind) && typeof saved.value === 'number' && priorityRuleProblem(saved.kind as PriorityRuleKind, saved.value) === null;
    return valid ? { change: { priority: { kind: saved.kind as PriorityRuleKind, value: saved.value as number } }, dropped: [] } : { change: { priority: DEFAULT_PRIORITY }, dropped: ['priority: not a valid rule'] };
  },
};

/** The Community Trigger radar's threshold, period and distance. */
const trigger: PanelState = {
  fields: (s) => [s.triggerRule],
  save: (s) => s.triggerRule,
  restore: (value) => restoreChecked(value, { name: 'trigger', schema: triggerRuleSchema, empty: { triggerRule: DEFAULT_TRIGGER_SETTINGS } }, (triggerRule) => ({ change: { triggerRule }, dropped: [] })),
};

/** Boundary files (study areas, reference layers): read again from this browser's stored copy. */
const boundaries: PanelState = {
  fields: (s) => [s.boundaryLayers],
  save: (s) => s.boundaryLayers.map(({ name, fingerprint, shown }) => ({ name, fingerprint, shown })),
  restore: (value) =>
    restoreChecked(value, { name: 'boundaries', schema: boundaryLayersSchema, empty: { boundaryLayers: [] } }, (entries) => ({
      change: { boundaryLayers: [] },
      dropped: [],
      after: () =>
        void (async () => {
          for (const entry of entries) {
            const blob = await storedSourceBlob(entry.fingerprint);
            if (!blob) {
              useAppStore.getState().notify('error', `The boundary file ${entry.name} is no longer stored in this browser; load it again.`);
              continue;
            }
            await useAppStore.getState().loadBoundaryFile(blob, entry.name);
            useAppStore.getState().setLayerShown(entry.name, entry.shown);
          }
        })(),
    })),
};

/** Which parts of what is loaded are the app's own synthetic sample (by provenance). */
const sample: PanelState = {
  fields: (s) => [s.sample],
  save: (s) => s.sample,
  restore: (value) => {
    const saved = (typeof value === 'object' && value !== null ? value : {}) as Partial<SampleProvenance>;
    const strings = (list: unknown): string[] => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []);
    return { change: { sample: { fingerprints: strings(saved.fingerprints), zoneIds: strings(saved.zoneIds), cameraIds: strings(saved.cameraIds), kept: saved.kept === true } }, dropped: [] };
  },
};

export const SAVED_PANELS: ReadonlyMap<string, PanelState> = new Map([
  ['priority', priority],
  ['sample', sample],
  ['buildings', buildings],
  ['cameras', cameras],
  ['zones', zones],
  ['consultations', consultations],
  ['evaluation', evaluation],
  ['basemap', basemap],
  ['boundaries', boundaries],
  ['trigger', trigger],
]);

export function panelsChanged(state: AppState, previous: AppState): boolean {
  for (const panel of SAVED_PANELS.values()) {
    const before = panel.fields(previous);
    if (panel.fields(state).some((value, i) => value !== before[i])) return true;
  }
  return false;
}
