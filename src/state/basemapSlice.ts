import type { StateCreator } from 'zustand';
import { neverOnlineMapsSetting, onlineMapsForbiddenHere, saveNeverOnlineMapsSetting } from './onlineMaps';
import { setWhenStored } from './saveFirst';
import { keepLoadedFile } from './sourceFiles';
import type { AppState } from './store';

/** The basemap: online tiles, an offline .pmtiles file the user loaded, or a plain background. */
export type BasemapChoice = { kind: 'online' } | { kind: 'plain' } | { kind: 'file'; name: string; fingerprint: string };

export interface BasemapSlice {
  basemap: BasemapChoice;
  basemapFile: File | null;
  /** This browser refuses online maps altogether (locked-down networks). */
  neverOnlineMaps: boolean;
  setNeverOnlineMaps: (never: boolean) => void;
  setBasemap: (choice: BasemapChoice) => void;
  loadBasemapFile: (file: File) => Promise<void>;
}

/** The choice as it may be used here: online becomes plain where online maps are refused. */
export const allowed = (choice: BasemapChoice, neverOnline: boolean): BasemapChoice => (neverOnline && choice.kind === 'online' ? { kind: 'plain' } : choice);

export const createBasemapSlice: StateCreator<AppState, [], [], BasemapSlice> = (set, get) => ({
  basemap: allowed({ kind: 'online' }, neverOnlineMapsSetting()),
  basemapFile: null,
  neverOnlineMaps: neverOnlineMapsSetting(),
  setNeverOnlineMaps: (never) => {
    saveNeverOnlineMapsSetting(never);
    set({ neverOnlineMaps: never, basemap: allowed(get().basemap, never) });
    if (!never && onlineMapsForbiddenHere()) get().notify('info', 'Online maps are allowed again from the next reload of this page.');
  },
  setBasemap: (basemap) => set({ basemap: allowed(basemap, get().neverOnlineMaps) }),
  loadBasemapFile: async (file) => {
    // Kept with the workspace's files, so the offline basemap is there after a reload: stored first
    // unless it is big (a city's tiles can be gigabytes), as loaded data files are.
    const fingerprint = `basemap:${file.name}:${file.size}`;
    const chosen = { basemap: { kind: 'file', name: file.name, fingerprint }, basemapFile: file } as const;
    const stored = keepLoadedFile(file.name, fingerprint, file, (text) => get().notify('error', text));
    await setWhenStored(set, () => chosen, stored, file.size);
  },
});
