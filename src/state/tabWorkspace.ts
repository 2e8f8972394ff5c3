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

/**
 * Takes a slot's lock and keeps it until the page goes, or until the returned function lets it go;
 * null when another tab holds it.
 */
function holdLock(slot: string, waitMs: number): Promise<(() => void) | null> {
  return new Promise((resolve) => {
    const signal = waitMs > 0 ? AbortSignal.timeout(waitMs) : undefined;
    navigator.locks
      .request(LOCK_PREFIX + slot, waitMs > 0 ? { signal } : { ifAvailable: true }, (lock) => {
        if (!lock) return resolve(null);
        // Held while this promise is pending: for the life of the page, unless let go.
        return new Promise<void>((release) => resolve(release));
      })
      .catch(() => resolve(null));
  });
}

export async function claimWorkspaceSlot(): Promise<ClaimedSlot> {
  if (!navigator.locks) return { slot: MAIN_SLOT, otherTabOpen: false };
  const previous = sessionStorage.getItem(SLOT_SESSION_KEY);
  // The likeliest slot (this tab's before a reload, else the main one) is asked for while the list
  // of slots is read: each takes the browser a while, and the page waits for both.
  const likeliest = previous ?? MAIN_SLOT;
  const [stored, likeliestLock] = await Promise.all([idbGet<string[]>(SLOTS_KEY).catch(() => undefined), holdLock(likeliest, previous ? RELOAD_WAIT_MS : 0)]);
  const known = stored ?? [MAIN_SLOT];
  // The slot to open: this tab's before a reload, else the most recently used one no tab holds.
  const first = previous && known.includes(previous) ? previous : known[0];
  let otherTabOpen = false;
  let slot: string | null = null;
  if (first === likeliest) {
    if (likeliestLock) slot = likeliest;
    else otherTabOpen = true; // a duplicated tab, or a second one: the first keeps the slot
  } else likeliestLock?.();
  // Most recently used first (the list is kept in that order).
  for (const candidate of known) {
    if (slot) break;
    if (candidate === first && first === likeliest) continue;
    if (await holdLock(candidate, 0)) slot = candidate;
    else otherTabOpen = true;
  }
  slot ??= await newSlot();
  sessionStorage.setItem(SLOT_SESSION_KEY, slot);
  // The order of use is kept for the next tab; the page need not wait for it.
  void idbSet(SLOTS_KEY, [slot, ...known.filter((s) => s !== slot)]).catch(() => undefined);
  return { slot, otherTabOpen };
}

async function newSlot(): Promise<string> {
  for (;;) {
    const slot = crypto.randomUUID();
    if (await holdLock(slot, 0)) return slot;
  }
}
