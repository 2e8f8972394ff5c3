import type { StateCreator } from 'zustand';
import { registerPanelState } from './persistence';
import { rememberSourceBlob, storedSourceBlob } from './sourceFiles';
import { useAppStore, type AppState } from './store';

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
    await rememberSourceBlob(fingerprint, file);
    set({ basemap: { kind: 'file', name: file.name, fingerprint }, basemapFile: file });
  },
});

registerPanelState('basemap', {
  fields: (state) => [state.basemap],
  save: (state) => state.basemap,
  load: (value) => {
    const choice = value as BasemapChoice;
    if (choice?.kind !== 'file') {
      useAppStore.setState({ basemap: choice?.kind === 'plain' ? choice : { kind: 'online' } });
      return;
    }
    void storedSourceBlob(choice.fingerprint).then((blob) => {
      if (blob) useAppStore.setState({ basemap: choice, basemapFile: new File([blob], choice.name) });
      else useAppStore.getState().notify('error', `The offline basemap ${choice.name} is no longer stored in this browser; load it again.`);
    });
  },
});
