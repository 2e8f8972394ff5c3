import type { StateCreator } from 'zustand';
import type { Camera } from '../core/cameras/importCameras';
import type { ColumnMapping } from '../core/ingest/schema';
import { syntheticNote, type SyntheticParts } from '../core/provenance';
import type { Zone } from '../core/zones/zone';
import { fileNamesInWords } from './fileNames';
import { followedBy, setWhenStored, type StateChange } from './saveFirst';
import { settleSelection } from './selection';
import { storedSourceBlob } from './sourceFiles';
import type { AppState } from './store';
import { dataWorker } from './worker';

/**
 * What of the app's own synthetic sample is loaded, by provenance: the fingerprints of the sample
 * files the app opened, and the ids its zones and cameras were given. A user's file is never
 * synthetic because of its name.
 */
export interface SampleProvenance {
  fingerprints: string[];
  zoneIds: string[];
  cameraIds: string[];
  /** The user brought the sample back after it was replaced: later files are added beside it. */
  kept: boolean;
}

export interface SampleSlice {
  sample: SampleProvenance;
  /** Records parts of the sample as they are opened. */
  markSample: (parts: Partial<Omit<SampleProvenance, 'kept'>>) => void;
  /**
   * What a file the user loaded brought (its rows, zones or cameras) enters the state once the
   * file's bytes (`stored`, when kept apart from the workspace) and the workspace with it are saved,
   * so a reload at once keeps it (see setWhenStored), and the map is asked again if the data changed. The user's first file replaces the whole synthetic sample (sources, zones,
   * cameras, plan) in the same step, with an Undo.
   */
  addFromFile: (fileNames: readonly string[], change: StateChange, stored?: { bytes: Promise<unknown>; size: number }) => Promise<void>;
}

const NO_SAMPLE: SampleProvenance = { fingerprints: [], zoneIds: [], cameraIds: [], kept: false };

/** How much synthetic data is present now. */
export function syntheticParts(state: Pick<AppState, 'sample' | 'sources' | 'zones' | 'cameras'>): SyntheticParts {
  const fingerprints = new Set(state.sample.fingerprints);
  return {
    sources: state.sources.filter((s) => fingerprints.has(s.fingerprint)).length,
    zones: state.zones.filter((z) => state.sample.zoneIds.includes(z.id)).length,
    cameras: state.cameras.filter((c) => state.sample.cameraIds.includes(c.id)).length,
  };
}

/** The label every export carries while synthetic data is present; null when there is none. */
export function exportNote(state: AppState): string | null {
  return syntheticNote(syntheticParts(state));
}

interface RemovedSample {
  files: { name: string; mapping: ColumnMapping | null; blob: Blob | undefined }[];
  zones: Zone[];
  cameras: Camera[];
  plan: AppState['plan'];
}

export const createSampleSlice: StateCreator<AppState, [], [], SampleSlice> = (set, get) => {
  /** What taking the sample out means now: what Undo brings back (read before anything is released) and the change; null when there is none to replace. */
  const sampleReplacement = async (): Promise<{ removed: RemovedSample; sourceIds: number[]; change: StateChange } | null> => {
    const state = get();
    if (state.sample.kept) return null;
    const fingerprints = new Set(state.sample.fingerprints);
    const sources = state.sources.filter((s) => fingerprints.has(s.fingerprint));
    const zoneIds = new Set(state.sample.zoneIds);
    const cameraIds = new Set(state.sample.cameraIds);
    const removed: RemovedSample = {
      files: await Promise.all(sources.map(async (s) => ({ name: s.name, mapping: s.mapping, blob: await storedSourceBlob(s.fingerprint) }))),
      zones: state.zones.filter((z) => zoneIds.has(z.id)),
      cameras: state.cameras.filter((c) => cameraIds.has(c.id)),
      plan: state.plan,
    };
    if (sources.length + removed.zones.length + removed.cameras.length === 0) return null;
    const sourceIds = new Set(sources.map((s) => s.id));
    const change: StateChange = (current) => ({
      sources: current.sources.filter((s) => !sourceIds.has(s.id)),
      // The map no longer answers for the loaded data (as when a source is removed).
      ...(sourceIds.size > 0 ? { hotspots: null } : {}),
      zones: current.zones.filter((z) => !zoneIds.has(z.id)),
      cameras: current.cameras.filter((c) => !cameraIds.has(c.id)),
      selectedZone: current.selectedZone !== null && zoneIds.has(current.selectedZone) ? null : current.selectedZone,
      excludedZones: current.excludedZones.filter((id) => !zoneIds.has(id)),
      mustCoverZones: current.mustCoverZones.filter((id) => !zoneIds.has(id)),
      plan: null,
      moves: null,
      evaluation: null,
      sample: NO_SAMPLE,
    });
    return { removed, sourceIds: [...sourceIds], change };
  };

  const restore = async (removed: RemovedSample) => {
    const fingerprints: string[] = [];
    for (const file of removed.files) {
      if (!file.blob) continue;
      const summary = await get().loadFile(file.blob, file.name, file.mapping ?? undefined, true);
      if (summary) fingerprints.push(summary.fingerprint);
    }
    set((state) => ({
      zones: [...state.zones, ...removed.zones.filter((z) => !state.zones.some((x) => x.id === z.id))],
      cameras: [...state.cameras, ...removed.cameras.filter((c) => !state.cameras.some((x) => x.id === c.id))],
      plan: state.plan ?? removed.plan,
      sample: { fingerprints, zoneIds: removed.zones.map((z) => z.id), cameraIds: removed.cameras.map((c) => c.id), kept: true },
    }));
    void get().refreshZoneReport();
    get().notify('info', 'The synthetic sample is back beside your data; every export labels it as synthetic.');
  };

  return {
    sample: NO_SAMPLE,
    markSample: (parts) =>
      set((state) => ({
        sample: {
          ...state.sample,
          fingerprints: [...state.sample.fingerprints, ...(parts.fingerprints ?? [])],
          zoneIds: [...state.sample.zoneIds, ...(parts.zoneIds ?? [])],
          cameraIds: [...state.sample.cameraIds, ...(parts.cameraIds ?? [])],
        },
      })),
    addFromFile: async (fileNames, change, stored = { bytes: Promise.resolve(), size: 0 }) => {
      const replacement = await sampleReplacement();
      const whole = replacement ? followedBy(replacement.change, change) : change;
      const sourcesBefore = get().sources;
      await setWhenStored(set, whole, stored.bytes, stored.size);
      if (get().sources !== sourcesBefore) get().refreshHotspots();
      if (!replacement) return;
      const { removed, sourceIds } = replacement;
      // The sample's tables are freed once the state no longer names them (the map asks by source id).
      for (const sourceId of sourceIds) void dataWorker.call('remove-source', { sourceId }).promise.catch(() => undefined);
      void get().refreshZoneReport();
      settleSelection(get());
      const parts = [[sourceIds.length, 'data file'], [removed.zones.length, 'zone'], [removed.cameras.length, 'camera']]
        .filter(([count]) => count !== 0)
        .map(([count, noun]) => `${count} ${noun}${count === 1 ? '' : 's'}`)
        .join(', ');
      get().notify('info', `${fileNamesInWords(fileNames)} ${fileNames.length === 1 ? 'replaces' : 'replace'} the synthetic sample (${parts} removed).`, { label: 'Undo', run: () => void restore(removed) });
    },
  };
};
