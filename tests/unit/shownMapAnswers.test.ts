import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AreaCounts } from '../../src/core/hotspots/areaCounts';
import type { HotspotQuery, HotspotResult } from '../../src/core/hotspots/computeHotspots';

// The data worker, answering only when a test says so: the state can change while it works.
const asked: { name: string; request: { map: HotspotQuery }; answer: (value: unknown) => void }[] = [];
vi.mock('../../src/state/worker', () => ({
  dataWorker: {
    call: (name: string, request: { map: HotspotQuery }) => {
      let answer: (value: unknown) => void = () => undefined;
      const promise = new Promise((resolve) => (answer = resolve));
      asked.push({ name, request, answer });
      return { id: asked.length, promise };
    },
  },
}));
vi.mock('idb-keyval', () => ({ get: async () => undefined, set: async () => undefined, setMany: async () => undefined, del: async () => undefined, keys: async () => [] }));
vi.stubGlobal('window', { addEventListener: () => undefined, removeEventListener: () => undefined });

const { useAppStore } = await import('../../src/state/store');
const { areaCountsStatus, shownAreaCounts } = await import('../../src/state/areasSlice');
const { awaitingMap } = await import('../../src/state/resultsSlice');

/** 2023-01 as the app numbers months (year × 12 + month − 1). */
const JAN_2023 = 2023 * 12;

/** A drawn map of the first six months of 2023 (or those given) at a resolution, by a method. */
function result(resolution: number, method: 'count' | 'areas', months = 6): HotspotResult {
  const query: HotspotQuery = {
    filter: { monthFrom: JAN_2023, monthTo: JAN_2023 + months - 1, categories: null, sources: null, weekdays: null, hours: null, area: null },
    resolution, harmWeights: {}, weighting: 'count', harmScheme: 'none', topN: 10, method: { kind: method },
  };
  return { query, profile: { monthFrom: JAN_2023, monthCounts: new Array(months).fill(1) }, area: { name: null, outside: 0 } } as unknown as HotspotResult;
}

const wardCounts = { layer: 'wards.geojson', areas: [], unassigned: 0, total: 0 } as AreaCounts;

beforeEach(() => {
  asked.length = 0;
  useAppStore.setState({ hotspots: null, areaCounts: null, boundaryLayers: [] });
});

describe('answers about the map on screen', () => {
  it('names an exported table from the map it was written from, though another map is drawn before the worker answers', async () => {
    const first = result(9, 'count');
    useAppStore.setState({ hotspots: first });
    const exported = useAppStore.getState().exportHotspots('csv');
    useAppStore.setState({ hotspots: result(10, 'count', 3) });
    expect(asked[0].request.map).toBe(first.query);
    asked[0].answer('h3,count\r\n');
    expect(await exported).toEqual({ fileName: 'hotspots_counts_2023-01_2023-06_res9.csv', text: 'h3,count\r\n' });
  });

  it("drops a pinned cell's breakdown that arrives after its map was replaced", async () => {
    useAppStore.setState({ hotspots: result(9, 'count'), pinnedCell: null, breakdown: null });
    const pinning = useAppStore.getState().pinCell('89195da4a2fffff');
    useAppStore.setState({ hotspots: result(9, 'count', 3) });
    asked[0].answer({ cell: '89195da4a2fffff', total: 12 });
    await pinning;
    expect(useAppStore.getState().breakdown).toBeNull();
    expect(useAppStore.getState().pinnedCell).toBe('89195da4a2fffff');
  });

  it('shows counts by area only for the map they were counted for, and says the map is updating meanwhile', async () => {
    const layer = { name: 'wards.geojson', fingerprint: 'w1', features: [], shown: true };
    const state = useAppStore.getState();
    useAppStore.setState({ boundaryLayers: [layer], view: { ...state.view, countsLayer: layer.name }, hotspots: result(9, 'areas') });
    const firstCounting = useAppStore.getState().refreshAreaCounts();
    expect(areaCountsStatus(useAppStore.getState())).toBe('counting');

    // A new map is drawn and counted before the first one's counts arrive: they are not shown for
    // it, and, arriving last, do not put aside the new map's own.
    const second = result(9, 'areas', 3);
    useAppStore.setState({ hotspots: second });
    const secondCounting = useAppStore.getState().refreshAreaCounts();
    expect(asked[1].request.map).toBe(second.query);
    const secondCounts = { ...wardCounts, total: 3 };
    asked[1].answer(secondCounts);
    await secondCounting;
    asked[0].answer(wardCounts);
    await firstCounting;
    expect(shownAreaCounts(useAppStore.getState())).toBe(secondCounts);
    expect(areaCountsStatus(useAppStore.getState())).toBe('shown');

    // Without a loaded layer to count by there is nothing to wait for.
    useAppStore.setState({ boundaryLayers: [] });
    expect(areaCountsStatus(useAppStore.getState())).toBe('no-layer');
  });

  it('says a map is on its way while one is computed, or while loaded data has none yet, so the map is not reported idle before it is drawn', () => {
    const source = { id: 1 } as unknown as ReturnType<typeof useAppStore.getState>['sources'][number];
    expect(awaitingMap({ computing: false, sources: [], hotspots: null })).toBe(false);
    expect(awaitingMap({ computing: false, sources: [source], hotspots: null })).toBe(true);
    expect(awaitingMap({ computing: true, sources: [source], hotspots: result(9, 'count') })).toBe(true);
    expect(awaitingMap({ computing: false, sources: [source], hotspots: result(9, 'count') })).toBe(false);
  });
});
