import type { AppState } from './store';

/** A change to the store, computed from the state it applies to. */
export type StateChange = (state: AppState) => Partial<AppState>;

/** Writes the workspace as it will be after a change: set by the autosave while it runs. */
let saveWith: ((change: StateChange) => Promise<void>) | null = null;

export function setSaveWith(save: typeof saveWith): void {
  saveWith = save;
}

/**
 * Makes a change only once the workspace with that change is saved, so a file the user sees loaded
 * survives a reload or a crash the moment after. A failed write does not hold the change back: the
 * autosave that follows it reports the failure.
 */
export async function saveThenSet(set: (change: StateChange) => void, change: StateChange): Promise<void> {
  await saveWith?.(change).catch(() => undefined);
  set(change);
}

/** One change after another, as one: the second sees the state the first leaves. */
export function followedBy(first: StateChange, second: StateChange): StateChange {
  return (state) => {
    const done = first(state);
    return { ...done, ...second({ ...state, ...done }) };
  };
}
