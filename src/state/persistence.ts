import { del, get as idbGet, set as idbSet } from 'idb-keyval';
import type { CategoryInfo } from '../core/dataset';
import { referencedFiles, WORKSPACE_FORMAT, WORKSPACE_VERSION, type WorkspaceDocument } from '../core/workspace/workspaceFile';
import { panelsChanged, SAVED_PANELS } from './savedPanels';
import { setSaveWith, type StateChange } from './saveFirst';
import { fingerprintsIn, forgetUnusedFiles, holdFiles, setFileHolder } from './sourceFiles';
import { useAppStore, type AppState } from './store';
import { MAIN_SLOT } from './tabWorkspace';

/**
 * The workspace lives in this browser's IndexedDB: each tab's settings document under its own
 * autosave key and each loaded file's bytes under its fingerprint (see sourceFiles). It is written
 * a moment after every change, so a reload or a crash restores the work; nothing leaves the machine.
 */
const AUTOSAVE_KEY = 'workspace:autosave';
const NAMED_PREFIX = 'workspace:named:';
const NAMES_KEY = 'workspace:names';
const AUTOSAVE_DELAY_MS = 600;

let slot = MAIN_SLOT;
/** Files the last saved document of this tab referred to: the ones it may stop using. */
let heldFiles = new Set<string>();
let restoring = false;
/** Settles when the workspace being swapped in is in place: a change made meanwhile waits for it. */
let restored: Promise<void> = Promise.resolve();
let endRestoring = (): void => undefined;

export const autosaveKey = (): string => (slot === MAIN_SLOT ? AUTOSAVE_KEY : `${AUTOSAVE_KEY}:${slot}`);
const isDocumentKey = (key: string): boolean => key.startsWith(AUTOSAVE_KEY) || key.startsWith(NAMED_PREFIX);

export function takeSlot(claimed: string): void {
  slot = claimed;
  setFileHolder(claimed);
}

/** While a workspace is being swapped in, its intermediate states are not saved. */
export function setRestoring(value: boolean): void {
  if (value && !restoring) restored = new Promise((resolve) => (endRestoring = resolve));
  restoring = value;
  if (!value) endRestoring();
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
    panels: Object.fromEntries([...SAVED_PANELS].map(([key, panel]) => [key, panel.save(state)])),
  };
}

/** The files a restored workspace uses, before its first save (the ones it may later release). */
export function holdRestoredFiles(fingerprints: readonly string[]): void {
  heldFiles = new Set(fingerprints);
}

/** Every stored file the tab's work uses as it stands now. */
const filesInUse = (): string[] => referencedFiles(workspaceDocument(useAppStore.getState(), 'Autosave'));

/** The tab's writes, one at a time in order: each document is read from the state when its turn comes, and releases files by the one before. */
let writing: Promise<void> = Promise.resolve();
function inTurn(write: () => Promise<void>): Promise<void> {
  const done = writing.then(write);
  writing = done.catch(() => undefined);
  return done;
}

/** Writes this tab's workspace, after any write before it, then deletes the files it stopped using that nothing else uses. */
export function saveWorkspaceNow(): Promise<void> {
  return inTurn(async () => {
    const doc = workspaceDocument(useAppStore.getState(), 'Autosave');
    await idbSet(autosaveKey(), doc);
    const used = referencedFiles(doc);
    await holdFiles(used);
    const released = [...heldFiles].filter((fingerprint) => !used.includes(fingerprint));
    heldFiles = new Set(used);
    await forgetUnusedFiles(released, isDocumentKey, filesInUse);
  });
}

/** saveWorkspaceNow, telling the user when the browser refuses the write. */
function saveTellingFailure(): void {
  saveWorkspaceNow().catch((error: Error) => {
    useAppStore.getState().notify('error', `The workspace could not be saved in this browser: ${error.message}`);
  });
}

/**
 * Writes the workspace as it will be after a change, in turn with the other writes (see saveThenSet).
 * A change made while a workspace is swapped in (a zone added as the page restores) waits until the
 * swap is done, so it is saved, and then shown, on top of what was swapped in: saved before, the
 * swap would write over it; shown before, a reload would lose it.
 */
function saveWith(change: StateChange, made: () => void): Promise<void> {
  if (restoring) return restored.then(() => saveWith(change, made));
  return inTurn(async () => {
    try {
      const state = useAppStore.getState();
      await idbSet(autosaveKey(), workspaceDocument({ ...state, ...change(state) }, 'Autosave'));
    } finally {
      made();
    }
  });
}

export async function readAutosave(): Promise<unknown> {
  return idbGet<unknown>(autosaveKey());
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

export async function readNamedWorkspace(name: string): Promise<unknown> {
  return idbGet<unknown>(NAMED_PREFIX + name);
}

/** Forgets a kept workspace, and its files unless something else still uses them. */
export async function deleteNamedWorkspace(name: string): Promise<void> {
  const doc = await readNamedWorkspace(name).catch(() => undefined);
  await del(NAMED_PREFIX + name);
  await idbSet(NAMES_KEY, (await listNamedWorkspaces()).filter((n) => n !== name));
  await forgetUnusedFiles(fingerprintsIn(doc), isDocumentKey, filesInUse);
}

/** Writes the workspace a moment after each change (at once when files come or go), and when the page is being left with a change unsaved. */
export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    saveTellingFailure();
  };
  setSaveWith(saveWith);
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (restoring) return;
    if (state.view === previous.view && state.sources === previous.sources && state.harmWeights === previous.harmWeights && !panelsChanged(state, previous)) return;
    clearTimeout(timer);
    // A file loaded or removed is written at once: a reload a moment later must not lose it (an
    // offline basemap, often too big to store in a moment, is then named as not kept rather than
    // silently gone). So is what marks the synthetic sample (with the sample's zones and cameras,
    // which change with it), since an export's label depends on it.
    if (state.sources !== previous.sources || state.sample !== previous.sample || state.basemap !== previous.basemap) save();
    else timer = setTimeout(save, AUTOSAVE_DELAY_MS);
  });
  const flush = () => {
    if (timer === undefined) return;
    clearTimeout(timer);
    save();
  };
  window.addEventListener('pagehide', flush);
  return () => {
    clearTimeout(timer);
    window.removeEventListener('pagehide', flush);
    setSaveWith(null);
    unsubscribe();
  };
}
