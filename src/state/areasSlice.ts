import type { StateCreator } from 'zustand';
import { boundariesFromGeoJson, type BoundaryImport, type NamedBoundary } from '../core/geo/boundaries';
import type { AreaFilter } from '../core/hotspots/areaFilter';
import { areaLabel, type AreaChoice } from '../core/vocabulary';
import type { AreaCounts } from '../core/hotspots/areaCounts';
import type { HotspotQuery } from '../core/hotspots/computeHotspots';
import { dataWorker } from './worker';
import { identifyFile } from '../core/ingest/contentHash';
import { blobByteSource } from '../core/ingest/ingestFile';
import { featuresFromShapefileZip } from '../core/zones/importZones';
import { insideArea, prepareArea } from '../core/zones/pointsInZones';
import { fileFormat, readAreasInWorker } from '../worker/geometryClient';
import { saveThenSet } from './saveFirst';
import { keepLoadedFile } from './sourceFiles';
import type { AppState } from './store';

/** A loaded boundary file (boroughs, wards, LSOAs): a study area to choose from and a reference layer to show. */
export interface BoundaryLayer {
  /** The file's name, which also names the layer. */
  name: string;
  fingerprint: string;
  features: NamedBoundary[];
  /** Shown on the map as labelled outlines. */
  shown: boolean;
}

export type { AreaChoice };

export interface AreasSlice {
  boundaryLayers: BoundaryLayer[];
  /** A boundary layer whose next map click chooses the study area. */
  pickingFrom: string | null;
  loadBoundaryFile: (file: Blob, name: string) => Promise<void>;
  setLayerShown: (name: string, shown: boolean) => void;
  removeBoundaryLayer: (name: string) => void;
  setPickingFrom: (layer: string | null) => void;
  /** Incidents per polygon of the chosen layer, when the map shows counts by area, with the map they count for (null counts: counting it failed, with a notice). */
  areaCounts: { map: HotspotQuery; counts: AreaCounts | null } | null;
  refreshAreaCounts: () => Promise<void>;
  /** Chooses the feature of the picking layer under a map click as the study area. */
  pickAreaAt: (lng: number, lat: number) => void;
}

/** What the study area is called on legends, titles and exports. */
/**
 * The study area as the worker needs it. A chosen area whose boundary is not loaded (yet) selects
 * nothing and says so, rather than quietly falling back to everywhere.
 */
export function resolveArea(state: Pick<AppState, 'view' | 'boundaryLayers' | 'zones'>): AreaFilter | null {
  const choice = state.view.area;
  if (!choice) return null;
  if (choice.kind === 'lsoa') return { kind: 'lsoa', name: areaLabel(choice), prefix: choice.prefix };
  const geometry =
    choice.kind === 'boundary'
      ? state.boundaryLayers.find((layer) => layer.name === choice.layer)?.features.find((f) => f.name === choice.feature)?.geometry
      : state.zones.find((zone) => zone.name === choice.name)?.geometry;
  if (!geometry) return { kind: 'polygon', name: `${areaLabel(choice)} (not loaded)`, geometry: { type: 'MultiPolygon', coordinates: [] } };
  return { kind: 'polygon', name: areaLabel(choice), geometry };
}

/** The counts by area of the map on screen; null while they are counted for it, or when it is not a map of areas. */
export function shownAreaCounts(state: Pick<AppState, 'areaCounts' | 'hotspots'>): AreaCounts | null {
  return state.areaCounts && state.areaCounts.map === state.hotspots?.query ? state.areaCounts.counts : null;
}

/** Where the counts of a map of areas are: shown, being counted for it, failed, or without a loaded layer to count by. */
export type AreaCountsStatus = 'shown' | 'counting' | 'failed' | 'no-layer' | 'not-areas';

export function areaCountsStatus(state: Pick<AppState, 'areaCounts' | 'hotspots' | 'boundaryLayers' | 'view'>): AreaCountsStatus {
  if (state.hotspots?.query.method.kind !== 'areas') return 'not-areas';
  if (!state.boundaryLayers.some((layer) => layer.name === state.view.countsLayer)) return 'no-layer';
  if (state.areaCounts?.map !== state.hotspots.query) return 'counting';
  return state.areaCounts.counts ? 'shown' : 'failed';
}

/** Why the chosen study area cannot be used, or null when it can. */
export function areaProblem(state: Pick<AppState, 'view' | 'boundaryLayers' | 'zones'>): string | null {
  const choice = state.view.area;
  if (choice?.kind === 'boundary' && !state.boundaryLayers.some((l) => l.name === choice.layer && l.features.some((f) => f.name === choice.feature))) {
    return `The study area ${choice.feature} comes from ${choice.layer}, which is not loaded: load that boundary file again, or choose another area. Nothing is shown meanwhile.`;
  }
  if (choice?.kind === 'zone' && !state.zones.some((z) => z.name === choice.name)) return `The study area is the zone "${choice.name}", which no longer exists: choose another area.`;
  return null;
}

/** A boundary file read as zones are (declared coordinate systems, repairs); GeoJSON off the main thread. */
async function readBoundaries(file: Blob, name: string): Promise<BoundaryImport> {
  if ((await fileFormat('boundaries', file, name)) === 'shapefile-zip') return boundariesFromGeoJson(await featuresFromShapefileZip(await file.arrayBuffer(), name), name);
  return readAreasInWorker<BoundaryImport>(file instanceof File ? file : new File([file], name), 'boundaries', {});
}

export const createAreasSlice: StateCreator<AppState, [], [], AreasSlice> = (set, get) => ({
  boundaryLayers: [],
  pickingFrom: null,
  areaCounts: null,
  refreshAreaCounts: async () => {
    const { view, boundaryLayers, hotspots } = get();
    const layer = boundaryLayers.find((l) => l.name === view.countsLayer);
    if (!hotspots || hotspots.query.method.kind !== 'areas' || !layer) {
      set({ areaCounts: null });
      return;
    }
    // Counts for a map replaced meanwhile are not kept: the newer map's own counts follow.
    const keep = (counts: AreaCounts | null) => get().hotspots === hotspots && set({ areaCounts: { map: hotspots.query, counts } });
    try {
      keep(await dataWorker.call('area-counts', { map: hotspots.query, layer: layer.name, key: layer.fingerprint, features: layer.features }).promise);
    } catch (error) {
      keep(null);
      get().notify('error', error instanceof Error ? error.message : String(error));
    }
  },
  loadBoundaryFile: async (file, name) => {
    try {
      const { boundaries: features, problems } = await readBoundaries(file, name);
      const fingerprint = await identifyFile(blobByteSource(file, name));
      const shown = get().boundaryLayers.find((l) => l.name === name)?.shown ?? features.length > 1;
      // Stored and saved before it is shown: a reload the moment the layer appears must find it.
      await keepLoadedFile(name, fingerprint, file, (text) => get().notify('error', text));
      await saveThenSet(set, (state) => ({ boundaryLayers: [...state.boundaryLayers.filter((l) => l.name !== name), { name, fingerprint, features, shown }] }));
      const skipped = problems.length > 0 ? ` Read with notes: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` and ${problems.length - 3} more` : ''}.` : '';
      get().notify('info', `${name}: ${features.length} area${features.length === 1 ? '' : 's'} to choose a study area from.${skipped}`);
      const { area, countsLayer } = get().view;
      if (area?.kind === 'boundary' && area.layer === name) get().refreshHotspots();
      else if (countsLayer === name) void get().refreshAreaCounts();
    } catch (error) {
      get().notify('error', error instanceof Error ? error.message : String(error));
    }
  },
  setLayerShown: (name, shown) => set((state) => ({ boundaryLayers: state.boundaryLayers.map((l) => (l.name === name ? { ...l, shown } : l)) })),
  removeBoundaryLayer: (name) => {
    set((state) => ({ boundaryLayers: state.boundaryLayers.filter((l) => l.name !== name) }));
    const area = get().view.area;
    if (area?.kind === 'boundary' && area.layer === name) get().setView({ area: null });
  },
  setPickingFrom: (layer) => set({ pickingFrom: layer }),
  pickAreaAt: (lng, lat) => {
    const layer = get().boundaryLayers.find((l) => l.name === get().pickingFrom);
    set({ pickingFrom: null });
    const feature = layer?.features.find((f) => insideArea(prepareArea(f.geometry), lng, lat));
    if (!layer || !feature) {
      get().notify('info', 'No area of that boundary file there: click inside one of its outlines.');
      return;
    }
    get().setView({ area: { kind: 'boundary', layer: layer.name, feature: feature.name } });
  },
});
