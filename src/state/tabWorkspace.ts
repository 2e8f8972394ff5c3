import { get as idbGet, set as idbSet } from 'idb-keyval';

/**
 * Each open tab works in its own autosaved workspace (a slot), held with a Web Lock for the life
 * of the page, so two tabs never overwrite each other. A reload takes the same slot back (its id
 * is in sessionStorage); a new tab takes the most recent slot no tab holds, else a new one.
 */
const SLOT_SESSION_KEY = 'hotspot-planner:workspace-slot';
const SLOTS_KEY = 'workspace:slots';
const LOCK_PREFIX = 'hotspot-planner-workspace:';
/** The first slot keeps the original autosave key, so workspaces saved before slots existed come back. */
export const MAIN_SLOT = 'main';
/** How long a reload waits for its previous page to let go of the slot. */
const RELOAD_WAIT_MS = 3000;

export interface ClaimedSlot {
  slot: string;
  /** Another tab holds a workspace this tab would otherwise have opened. */
  otherTabOpen: boolean;
}

/** Takes a slot's lock and keeps it until the page goes; false when another tab holds it. */
function holdLock(slot: string, waitMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const signal = waitMs > 0 ? AbortSignal.timeout(waitMs) : undefined;
    navigator.locks
      .request(LOCK_PREFIX + slot, waitMs > 0 ? { signal } : { ifAvailable: true }, (lock) => {
        resolve(lock !== null);
        // Held while the page lives: the promise never settles.
        return lock ? new Promise<never>(() => undefined) : undefined;
      })
      .catch(() => resolve(false));
  });
}

export async function claimWorkspaceSlot(): Promise<ClaimedSlot> {
  if (!navigator.locks) return { slot: MAIN_SLOT, otherTabOpen: false };
  const known = (await idbGet<string[]>(SLOTS_KEY).catch(() => undefined)) ?? [MAIN_SLOT];
  const previous = sessionStorage.getItem(SLOT_SESSION_KEY);
  let otherTabOpen = false;
  let slot: string | null = null;
  if (previous && known.includes(previous)) {
    if (await holdLock(previous, RELOAD_WAIT_MS)) slot = previous;
    else otherTabOpen = true; // a duplicated tab: the original keeps the slot
  }
  // Most recently used first (the list is kept in that order).
  for (const candidate of known) {
    if (slot) break;
    if (await holdLock(candidate, 0)) slot = candidate;
    else otherTabOpen = true;
  }
  slot ??= await newSlot();
  sessionStorage.setItem(SLOT_SESSION_KEY, slot);
  await idbSet(SLOTS_KEY, [slot, ...known.filter((s) => s !== slot)]).catch(() => undefined);
  return { slot, otherTabOpen };
}

async function newSlot(): Promise<string> {
  for (;;) {
    const slot = crypto.randomUUID();
    if (await holdLock(slot, 0)) return slot;
  }
}
