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

/** Writes the workspace as it will be after a change: set by the autosave while it runs. */
let saveWith: ((change: StateChange) => Promise<void>) | null = null;

/** A change was made before the autosave started (a file loaded while the page restores the last workspace): it saves at once when it starts. */
let madeBeforeAutosave = false;

export function setSaveWith(save: typeof saveWith): void {
  saveWith = save;
}

/** Whether a change was made before the autosave started; asking forgets it. */
export function changedBeforeAutosave(): boolean {
  const made = madeBeforeAutosave;
  madeBeforeAutosave = false;
  return made;
}

/**
 * Makes a change only once the workspace with that change is saved, so a file the user sees loaded
 * survives a reload or a crash the moment after. A failed write does not hold the change back: the
 * autosave that follows it reports the failure.
 */
export async function saveThenSet(set: (change: StateChange) => void, change: StateChange): Promise<void> {
  if (saveWith) await saveWith(change).catch(() => undefined);
  else madeBeforeAutosave = true;
  set(change);
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
