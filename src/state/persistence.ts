import { del, get as idbGet, set as idbSet } from 'idb-keyval';
import type { CategoryInfo } from '../core/dataset';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION, type WorkspaceDocument } from '../core/workspace/workspaceFile';
import { useAppStore, type AppState } from './store';
import { forgetSourceBlobsExcept, storedSourceBlob } from './sourceFiles';
import { DEFAULT_VIEW, type ViewSettings } from './viewSlice';

/**
 * The workspace lives in this browser's IndexedDB: the settings document under one key and each
 * loaded file's bytes under its fingerprint. It is written a moment after every change, so a
 * reload or a crash restores the work; nothing leaves the machine.
 */
const AUTOSAVE_KEY = 'workspace:autosave';
const NAMED_PREFIX = 'workspace:named:';
const NAMES_KEY = 'workspace:names';
const AUTOSAVE_DELAY_MS = 600;

/**
 * Panels with state of their own say which store fields it lives in (compared by reference to
 * notice changes), how to save it as plain data, and how to restore it.
 */
interface PanelState {
  fields: (state: AppState) => readonly unknown[];
  save: (state: AppState) => unknown;
  load: (value: unknown) => void;
}

const panels = new Map<string, PanelState>();

export function registerPanelState(key: string, panel: PanelState): void {
  panels.set(key, panel);
}

const categoryKey = (category: CategoryInfo): string => `${category.family}/${category.name}`;

export function workspaceDocument(state: AppState, name = 'Workspace'): WorkspaceDocument {
  const categoryById = new Map(state.categories.map((c) => [c.id, c]));
  const harmWeights: Record<string, number> = {};
  for (const [id, weight] of Object.entries(state.harmWeights)) {
    const category = categoryById.get(Number(id));
    if (category) harmWeights[categoryKey(category)] = weight;
  }
  const { categories, hiddenSources, ...view } = state.view;
  return {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    name,
    savedAt: new Date().toISOString(),
    sources: state.sources.map((s) => ({ name: s.name, fingerprint: s.fingerprint, mapping: s.mapping, hidden: hiddenSources.includes(s.id) })),
    view,
    selectedCategories: categories === null ? null : categories.map((id) => categoryById.get(id)).filter((c): c is CategoryInfo => Boolean(c)).map(categoryKey),
    harmWeights,
    panels: Object.fromEntries([...panels].map(([key, panel]) => [key, panel.save(state)])),
  };
}

let restoring = false;

/** Replaces the current workspace with a saved one: reloads its files, then its settings. */
export async function applyWorkspace(doc: WorkspaceDocument, blobs: (fingerprint: string) => Promise<Blob | undefined>): Promise<void> {
  restoring = true;
  try {
    const store = useAppStore.getState();
    for (const source of [...store.sources]) await store.removeSource(source.id);
    const loaded: { id: number; hidden: boolean }[] = [];
    for (const entry of doc.sources) {
      const blob = await blobs(entry.fingerprint);
      if (!blob) {
        store.notify('error', `The data of ${entry.name} was not found in the workspace; load the file again.`);
        continue;
      }
      const summary = await store.loadFile(blob, entry.name, entry.mapping ?? undefined, true);
      if (summary) loaded.push({ id: summary.id, hidden: entry.hidden });
    }
    const { categories } = useAppStore.getState();
    const idByKey = new Map(categories.map((c) => [categoryKey(c), c.id]));
    const harmWeights: Record<number, number> = {};
    for (const [key, weight] of Object.entries(doc.harmWeights)) {
      const id = idByKey.get(key);
      if (id !== undefined) harmWeights[id] = weight;
    }
    const view: ViewSettings = {
      ...DEFAULT_VIEW,
      ...(doc.view as Partial<ViewSettings>),
      categories: doc.selectedCategories === null ? null : doc.selectedCategories.map((key) => idByKey.get(key)).filter((id): id is number => id !== undefined),
      hiddenSources: loaded.filter((s) => s.hidden).map((s) => s.id),
    };
    useAppStore.setState({ harmWeights });
    for (const [key, panel] of panels) if (doc.panels[key] !== undefined) panel.load(doc.panels[key]);
    useAppStore.getState().setView(view);
  } finally {
    restoring = false;
  }
}

/** Names of the workspaces kept in this browser, alphabetically. */
export async function listNamedWorkspaces(): Promise<string[]> {
  return ((await idbGet<string[]>(NAMES_KEY).catch(() => undefined)) ?? []).slice().sort((a, b) => a.localeCompare(b));
}

/** Keeps the current workspace in this browser under a name (its files are already stored). */
export async function saveNamedWorkspace(name: string): Promise<void> {
  await idbSet(NAMED_PREFIX + name, workspaceDocument(useAppStore.getState(), name));
  const names = new Set(await listNamedWorkspaces());
  names.add(name);
  await idbSet(NAMES_KEY, [...names]);
}

export async function openNamedWorkspace(name: string): Promise<void> {
  const doc = await idbGet<WorkspaceDocument>(NAMED_PREFIX + name);
  if (!doc) throw new Error(`The workspace "${name}" is no longer in this browser.`);
  await applyWorkspace(doc, storedSourceBlob);
}

export async function deleteNamedWorkspace(name: string): Promise<void> {
  await del(NAMED_PREFIX + name);
  await idbSet(NAMES_KEY, (await listNamedWorkspaces()).filter((n) => n !== name));
}

/** Restores the autosaved workspace, if there is one with data; false when there is nothing to restore. */
export async function restoreAutosave(): Promise<boolean> {
  const doc = await idbGet<WorkspaceDocument>(AUTOSAVE_KEY).catch(() => undefined);
  if (!doc || doc.sources.length === 0) return false;
  await applyWorkspace(doc, storedSourceBlob);
  useAppStore.getState().notify('info', 'Your last workspace was restored.');
  return true;
}

/** Writes the workspace a moment after each change, and drops stored files no source uses. */
export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = async () => {
    const state = useAppStore.getState();
    const doc = workspaceDocument(state, 'Autosave');
    await idbSet(AUTOSAVE_KEY, doc);
    // Files stay while the current workspace or any named one uses them.
    const used = new Set(doc.sources.map((s) => s.fingerprint));
    if (state.basemap.kind === 'file') used.add(state.basemap.fingerprint);
    for (const name of await listNamedWorkspaces()) {
      const named = await idbGet<WorkspaceDocument>(NAMED_PREFIX + name).catch(() => undefined);
      for (const source of named?.sources ?? []) used.add(source.fingerprint);
      for (const layer of (named?.panels.boundaries as { fingerprint: string }[] | undefined) ?? []) used.add(layer.fingerprint);
    }
    // Files loaded while this save awaited storage are in use too: never drop what is on screen.
    const now = useAppStore.getState();
    for (const source of now.sources) used.add(source.fingerprint);
    for (const layer of now.boundaryLayers) used.add(layer.fingerprint);
    if (!now.loading) await forgetSourceBlobsExcept(used);
  };
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (restoring || state.loading) return;
    if (state.view === previous.view && state.sources === previous.sources && state.harmWeights === previous.harmWeights && !panelsChanged(state, previous)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void save().catch((error: Error) => useAppStore.getState().notify('error', `The workspace could not be saved in this browser: ${error.message}`)), AUTOSAVE_DELAY_MS);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}

function panelsChanged(state: AppState, previous: AppState): boolean {
  for (const panel of panels.values()) {
    const now = panel.fields(state);
    const before = panel.fields(previous);
    if (now.some((value, i) => value !== before[i])) return true;
  }
  return false;
}
