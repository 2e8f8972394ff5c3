import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Zone } from '../../src/core/zones/zone';

// The browser's IndexedDB, as idb-keyval reaches it, held in memory.
const stored = new Map<string, unknown>();
/** Set to make the next write fail, as a full disk or a refusing browser does. */
let refuseNextWrite = false;
vi.mock('idb-keyval', () => ({
  get: async (key: string) => stored.get(key),
  set: async (key: string, value: unknown) => {
    if (refuseNextWrite) {
      refuseNextWrite = false;
      throw new Error('QuotaExceededError');
    }
    stored.set(key, value);
  },
  setMany: async (entries: [string, unknown][]) => entries.forEach(([key, value]) => stored.set(key, value)),
  del: async (key: string) => void stored.delete(key),
  keys: async () => [...stored.keys()],
}));
vi.stubGlobal('window', { addEventListener: () => undefined, removeEventListener: () => undefined });

// The store first, as the app loads it (its slices and persistence import each other).
const { useAppStore } = await import('../../src/state/store');
const { autosaveKey, saveWorkspaceNow, setRestoring, startAutosave } = await import('../../src/state/persistence');
const { autosaveToStart, saveThenSet } = await import('../../src/state/saveFirst');

const zone = { id: 'zone-added', name: 'Church Road PSPO', startDate: '2024-01-01', geometry: { type: 'Polygon', coordinates: [[[-0.25, 51.54], [-0.24, 51.54], [-0.24, 51.55], [-0.25, 51.54]]] } } as unknown as Zone;
/** Lets the writes asked for so far finish (no write of its own, which would save the state anyway). */
const writesDone = () => new Promise((resolve) => setTimeout(resolve, 20));
const savedText = () => JSON.stringify(stored.get(autosaveKey()) ?? null);

/** Adds a zone the way a loaded zones file does: saved first, then shown. */
const addZone = (id: string, name: string) => saveThenSet(useAppStore.setState, (state) => ({ zones: [...state.zones, { ...zone, id, name }] }));
const zoneIds = () => useAppStore.getState().zones.map((z) => z.id);

describe('a change saved before it is shown', () => {
  let stop: () => void = () => undefined;
  beforeEach(() => stored.clear());
  afterEach(() => stop());

  describe('a zone added while a workspace is restored', () => {
    it('made while a workspace is swapped in, waits for the swap, then is saved on top of it, then shown', async () => {
      stop = startAutosave();
      setRestoring(true);
      const added = addZone('zone-added', 'Church Road PSPO');
      await writesDone();
      expect(zoneIds()).not.toContain('zone-added');
      expect(savedText()).not.toContain('Church Road PSPO');
      // The swap puts the saved workspace's zones in place, as applyWorkspace does.
      useAppStore.setState({ zones: [{ ...zone, id: 'zone-restored', name: 'Harlesden PSPO' }] });
      setRestoring(false);
      await added;
      expect(zoneIds()).toEqual(['zone-restored', 'zone-added']);
      expect(savedText()).toContain('Church Road PSPO');
      expect(savedText()).toContain('Harlesden PSPO');
    });

    it('made while the page restores the last workspace, waits for the autosave to start, is saved, then shown', async () => {
      autosaveToStart();
      const added = addZone('zone-early', 'High Road PSPO');
      await writesDone();
      expect(zoneIds()).not.toContain('zone-early');
      stop = startAutosave();
      await added;
      expect(zoneIds()).toContain('zone-early');
      expect(savedText()).toContain('High Road PSPO');
    });
  });

  it('is made before the next write starts, so a save queued behind it keeps it', async () => {
    stop = startAutosave();
    const added = addZone('zone-queued', 'Neasden PSPO');
    const next = saveWorkspaceNow();
    await Promise.all([added, next]);
    expect(savedText()).toContain('Neasden PSPO');
  });

  it('is still made when the write fails (the autosave after it reports the failure)', async () => {
    stop = startAutosave();
    refuseNextWrite = true;
    await addZone('zone-unwritten', 'Wembley PSPO');
    expect(zoneIds()).toContain('zone-unwritten');
  });
});

describe('a notice', () => {
  it('is not shown twice while the same words are showing, but is again once dismissed', () => {
    const { notify, dismissNotice } = useAppStore.getState();
    const text = 'Basemap unavailable (offline or blocked).';
    const first = notify('error', text);
    expect(notify('error', text)).toBe(first);
    expect(useAppStore.getState().notices.filter((n) => n.text === text)).toHaveLength(1);
    dismissNotice(first);
    expect(notify('error', text)).not.toBe(first);
    expect(useAppStore.getState().notices.filter((n) => n.text === text)).toHaveLength(1);
  });
});
