import type { AppState } from './store';

/**
 * Loaded files up to this many bytes in all are stored, and the workspace naming them saved, before
 * they are shown, so a reload the moment one appears finds it (a few milliseconds for a month of
 * police.uk rows). Bigger loads are shown while they are stored, so a million rows do not wait for
 * storage; a reload in that moment names them as not kept.
 */
export const STORED_BEFORE_SHOWN_MAX_BYTES = 32 << 20;

/** A change to the store, computed from the state it applies to. */
export type StateChange = (state: AppState) => Partial<AppState>;

/**
 * Writes the workspace as it will be after a change, then calls `made` (written or not) before any
 * other write starts, so none is computed from the state without the change: set by the autosave
 * while it runs.
 */
let saveWith: ((change: StateChange, made: () => void) => Promise<void>) | null = null;

/** Settles when the autosave starts, while the page restores the last workspace (see autosaveToStart). */
let autosaveStarting: Promise<void> | null = null;
let autosaveStarted = (): void => undefined;

export function setSaveWith(save: typeof saveWith): void {
  saveWith = save;
  if (!save) return;
  autosaveStarting = null;
  autosaveStarted();
}

/**
 * The page is restoring the last workspace and starts the autosave after it: a change made
 * meanwhile (a file loaded, a zone added) waits for the autosave, so it too is saved before it is
 * shown, and is made on top of what was restored rather than written over by it.
 */
export function autosaveToStart(): void {
  autosaveStarting ??= new Promise((resolve) => (autosaveStarted = resolve));
}

/**
 * Makes a change only once the workspace with that change is saved, so a file the user sees loaded
 * survives a reload or a crash the moment after. A failed write does not hold the change back: the
 * autosave that follows it reports the failure. With no autosave running or to come (a unit test),
 * the change is made at once.
 */
export async function saveThenSet(set: (change: StateChange) => void, change: StateChange): Promise<void> {
  if (!saveWith && autosaveStarting) await autosaveStarting;
  if (saveWith) await saveWith(change, () => set(change)).catch(() => undefined);
  else set(change);
}

/**
 * Makes the change a loaded file brings once its bytes are stored (`stored`) and the workspace with
 * the change is saved; a load over STORED_BEFORE_SHOWN_MAX_BYTES at once, while it is stored.
 */
export async function setWhenStored(set: (change: StateChange) => void, change: StateChange, stored: Promise<unknown>, bytes: number): Promise<void> {
  if (bytes > STORED_BEFORE_SHOWN_MAX_BYTES) return set(change);
  await stored;
  await saveThenSet(set, change);
}

/** One change after another, as one: the second sees the state the first leaves. */
export function followedBy(first: StateChange, second: StateChange): StateChange {
  return (state) => {
    const done = first(state);
    return { ...done, ...second({ ...state, ...done }) };
  };
}
