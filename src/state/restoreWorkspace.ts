import { unpackCategories, type SourceSummary } from '../core/dataset';
import { CoreError } from '../core/errors';
import { salvageWorkspaceDocument } from '../core/workspace/salvage';
import { basemapFingerprint, layerFiles, type WorkspaceDocument, type WorkspaceSource } from '../core/workspace/workspaceFile';
import { holdRestoredFiles, readAutosave, readNamedWorkspace, saveWorkspaceNow, setRestoring, takeSlot } from './persistence';
import { SAVED_PANELS } from './savedPanels';
import { rememberSourceBlobs, storedSourceBlob } from './sourceFiles';
import { useAppStore, type AppState } from './store';
import { claimWorkspaceSlot } from './tabWorkspace';
import { DEFAULT_VIEW, type ViewSettings } from './viewSlice';
import { dataWorker } from './worker';

/** A workspace file must come back whole; one kept in this browser comes back as far as it can, saying what did not. */
export type RestoreMode = 'file' | 'browser';

export interface RestoreOutcome {
  /** Files that did not come back, each with the reason. */
  notKept: string[];
  /** Saved values that failed their checks and were dropped, each named. */
  dropped: string[];
}

type Loaded = { entry: WorkspaceSource; summary: SourceSummary; blob: Blob };

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const categoryKey = (c: { family: string; name: string }): string => `${c.family}/${c.name}`;

async function loadEntry(entry: WorkspaceSource, blob: Blob): Promise<{ summary: SourceSummary; categories: AppState['categories'] }> {
  const { id, promise } = dataWorker.call('load', { file: blob, name: entry.name, mapping: entry.mapping ?? undefined }, (progress) =>
    useAppStore.setState((state) => ({ loading: state.loading && { ...state.loading, progress } })),
  );
  useAppStore.setState({ loading: { requestId: id, fileName: entry.name, progress: null } });
  try {
    const result = await promise;
    if (result.status !== 'loaded') throw new CoreError('BAD_MAPPING', 'it needs a column mapping that was not saved');
    return { summary: result.summary, categories: unpackCategories(result.categories, useAppStore.getState().categories) };
  } finally {
    useAppStore.setState({ loading: null });
  }
}

async function removeFromWorker(ids: readonly number[]): Promise<void> {
  for (const sourceId of ids) await dataWorker.call('remove-source', { sourceId }).promise.catch(() => undefined);
}

/**
 * Replaces the current workspace with a saved one, checked first and swapped whole: its files are
 * read into the data worker beside the current ones; only when that worked (for a file: all of
 * them) are the old sources dropped and the new settings applied in one step, then saved at once.
 * A refused workspace file leaves the current work as it was.
 */
export async function applyWorkspace(doc: WorkspaceDocument, blobs: (fingerprint: string) => Promise<Blob | undefined>, mode: RestoreMode): Promise<RestoreOutcome> {
  setRestoring(true);
  try {
    const panels = [...SAVED_PANELS].map(([key, panel]) => panel.restore(doc.panels[key]));
    const outcome: RestoreOutcome = { notKept: [], dropped: panels.flatMap((p) => p.dropped) };
    if (mode === 'file' && outcome.dropped.length > 0) throw new CoreError('BAD_INPUT', `This workspace file is damaged: ${outcome.dropped[0]}. Nothing was changed.`);
    const loaded: Loaded[] = [];
    let categories = useAppStore.getState().categories;
    try {
      for (const entry of doc.sources) {
        const blob = await blobs(entry.fingerprint);
        if (!blob) {
          if (mode === 'file') throw new CoreError('BAD_INPUT', `This workspace was not opened (your current work is unchanged): the data of ${entry.name} is missing.`);
          outcome.notKept.push(`${entry.name} (its data is no longer stored in this browser)`);
          continue;
        }
        try {
          const result = await loadEntry(entry, blob);
          loaded.push({ entry, summary: result.summary, blob });
          categories = result.categories;
        } catch (error) {
          if (mode === 'file') throw new CoreError('BAD_INPUT', `This workspace was not opened (your current work is unchanged): ${entry.name} could not be read: ${message(error)}`);
          outcome.notKept.push(`${entry.name} (${message(error)})`);
        }
      }
    } catch (error) {
      await removeFromWorker(loaded.map((l) => l.summary.id));
      throw error;
    }

    // After a worker crash the old ids mean nothing to the new worker and may equal new ones: never remove those.
    const newIds = new Set(loaded.map((l) => l.summary.id));
    await removeFromWorker(useAppStore.getState().sources.map((s) => s.id).filter((id) => !newIds.has(id)));
    const idByKey = new Map(categories.map((c) => [categoryKey(c), c.id]));
    const harmWeights: Record<number, number> = {};
    for (const [key, weight] of Object.entries(doc.harmWeights)) {
      const id = idByKey.get(key);
      if (id !== undefined) harmWeights[id] = weight;
    }
    const view: ViewSettings = {
      ...DEFAULT_VIEW,
      ...doc.view,
      categories: doc.selectedCategories === null ? null : doc.selectedCategories.map((key) => idByKey.get(key)).filter((id): id is number => id !== undefined),
      hiddenSources: loaded.filter((l) => l.entry.hidden).map((l) => l.summary.id),
    };
    const sources = loaded.map((l) => l.summary);
    const restored: Partial<AppState> = Object.assign({}, ...panels.map((p) => p.change));
    // A file saved under an older identity is known by its identity now, also as part of the sample.
    const identityNow = new Map(loaded.map((l) => [l.entry.fingerprint, l.summary.fingerprint]));
    if (restored.sample) restored.sample = { ...restored.sample, fingerprints: restored.sample.fingerprints.map((f) => identityNow.get(f) ?? f) };
    useAppStore.setState({ sources, categories, harmWeights, view, hotspots: null, breakdown: null, pinnedCell: null, ...restored });
    useAppStore.getState().refreshHotspots();

    // Files whose identity is new here (a workspace file, or one saved under an older identity) are stored now.
    const store = loaded.filter((l) => mode === 'file' || l.summary.fingerprint !== l.entry.fingerprint).map((l) => ({ name: l.summary.name, fingerprint: l.summary.fingerprint, blob: l.blob }));
    // A workspace file brings its basemap, footprints and boundary files: stored before the panels read them.
    const basemap = basemapFingerprint(doc);
    const attached = mode !== 'file' ? [] : [...(basemap ? [{ name: 'the offline basemap', fingerprint: basemap }] : []), ...layerFiles(doc)];
    for (const { name, fingerprint } of attached) {
      const blob = await blobs(fingerprint);
      if (blob) store.push({ name, fingerprint, blob });
    }
    const stored = rememberSourceBlobs(store).catch((error: unknown) => outcome.notKept.push(...store.map(({ name }) => `${name} (loaded, but this browser refused to store it: ${message(error)}; it will need loading again after a reload)`)));
    for (const panel of panels) panel.after?.();
    await stored;
    // Files that did not load stay stored: this tab does not release what it could not use.
    holdRestoredFiles(loaded.map((l) => l.entry.fingerprint));
    await saveWorkspaceNow();
    return outcome;
  } finally {
    setRestoring(false);
  }
}

/** Tells the user, in one lasting notice each, which files did not come back and which values were dropped. */
export function reportRestore(outcome: RestoreOutcome, what: string): void {
  const { notify } = useAppStore.getState();
  if (outcome.notKept.length > 0) notify('error', `${outcome.notKept.length} ${outcome.notKept.length === 1 ? 'file' : 'files'} of ${what} did not come back, so their months and places are missing, not zero: ${outcome.notKept.join('; ')}.`);
  if (outcome.dropped.length > 0) notify('error', `Some saved values of ${what} were invalid and were dropped: ${outcome.dropped.join('; ')}.`);
}

/** This tab's workspace slot and what was saved in it, read once. */
let saved: Promise<{ otherTabOpen: boolean; raw: unknown }> | null = null;

/**
 * Starts reading the saved workspace. The page calls it before it draws, so the browser's storage
 * works while the page starts rather than after.
 */
export function readSavedWorkspace(): Promise<{ otherTabOpen: boolean; raw: unknown }> {
  saved ??= claimWorkspaceSlot().then(async (claimed) => {
    takeSlot(claimed.slot);
    return { otherTabOpen: claimed.otherTabOpen, raw: await readAutosave().catch(() => undefined) };
  });
  return saved;
}

/** Takes this tab's workspace slot and restores what it holds; false when there is nothing to restore. */
export async function restoreAutosave(): Promise<boolean> {
  const { notify } = useAppStore.getState();
  const { otherTabOpen, raw } = await readSavedWorkspace();
  if (otherTabOpen) notify('info', 'Your workspace is open in another tab, so this tab has a workspace of its own; both are kept.');
  if (raw === undefined) return false;
  const salvaged = salvageWorkspaceDocument(raw);
  if (!salvaged) {
    notify('error', 'The workspace saved in this browser could not be read, so the app starts without it.');
    return false;
  }
  if (salvaged.doc.sources.length === 0 && salvaged.dropped.length === 0) return false;
  try {
    const outcome = await applyWorkspace(salvaged.doc, storedSourceBlob, 'browser');
    outcome.dropped.unshift(...salvaged.dropped);
    reportRestore(outcome, 'your last workspace');
  } catch (error) {
    notify('error', `Your last workspace could not be restored: ${message(error)}`);
    return false;
  }
  notify('info', 'Your last workspace was restored.');
  return true;
}

export async function openNamedWorkspace(name: string): Promise<void> {
  const salvaged = salvageWorkspaceDocument(await readNamedWorkspace(name));
  if (!salvaged) throw new Error(`The workspace "${name}" is no longer in this browser, or cannot be read.`);
  const outcome = await applyWorkspace(salvaged.doc, storedSourceBlob, 'browser');
  outcome.dropped.unshift(...salvaged.dropped);
  reportRestore(outcome, `"${name}"`);
}
