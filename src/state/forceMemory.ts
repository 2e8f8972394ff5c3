/** The police forces the user last chose to load from files holding several, kept in this browser only: next month's archive of every force is asked about the same way. */
const STORAGE_KEY = 'hotspot-planner:forces:v1';

/** The forces chosen last time (police.uk ids); none when nothing was kept or what was kept is not a list of ids. */
export function rememberedForces(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(stored) && stored.every((force) => typeof force === 'string') ? stored : [];
  } catch {
    return [];
  }
}

export function rememberForces(forces: readonly string[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(forces));
  } catch {
    // Storage full or blocked: the next archive is asked about with every force ticked.
  }
}
