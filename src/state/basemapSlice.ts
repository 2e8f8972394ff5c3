import type { StateCreator } from 'zustand';
import { rememberSourceBlob } from './sourceFiles';
import type { AppState } from './store';

/** The basemap: online tiles, an offline .pmtiles file the user loaded, or a plain background. */
export type BasemapChoice = { kind: 'online' } | { kind: 'plain' } | { kind: 'file'; name: string; fingerprint: string };

export interface BasemapSlice {
  basemap: BasemapChoice;
  basemapFile: File | null;
  setBasemap: (choice: BasemapChoice) => void;
  loadBasemapFile: (file: File) => Promise<void>;
}

export const createBasemapSlice: StateCreator<AppState, [], [], BasemapSlice> = (set) => ({
  basemap: { kind: 'online' },
  basemapFile: null,
  setBasemap: (basemap) => set({ basemap }),
  loadBasemapFile: async (file) => {
    // Kept with the workspace's files, so the offline basemap is there after a reload.
    const fingerprint = `basemap:${file.name}:${file.size}`;
    set({ basemap: { kind: 'file', name: file.name, fingerprint }, basemapFile: file });
    await rememberSourceBlob(fingerprint, file);
  },
});
