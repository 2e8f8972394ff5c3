import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/state/worker', () => ({ dataWorker: { call: () => ({ id: 0, promise: new Promise(() => undefined) }) } }));
vi.mock('idb-keyval', () => ({ get: async () => undefined, set: async () => undefined, setMany: async () => undefined, del: async () => undefined, keys: async () => [] }));
vi.stubGlobal('window', { addEventListener: () => undefined, removeEventListener: () => undefined });
const written: string[] = [];
vi.stubGlobal('history', { replaceState: (_state: unknown, _title: string, url: string) => written.push(url) });

const { useAppStore } = await import('../../src/state/store');
const { startViewLink } = await import('../../src/state/viewLink');

/** The map's centre longitude in the last URL written; null when it names no position. */
const lastLng = () => {
  const map = new URLSearchParams(written[written.length - 1].slice(1)).get('map');
  return map === null ? null : Number(map.split('/')[2]);
};
/** A loaded source as the state lists it (only its id matters here). */
const source = (id: number) => ({ id, name: `${id}.csv` }) as unknown as ReturnType<typeof useAppStore.getState>['sources'][number];

afterEach(() => vi.useRealTimers());

describe('the view written into the URL', () => {
  it('is written at once after a quiet spell, so a reload straight after a file is framed opens on it; changes close together are written once, as they end', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const stop = startViewLink();
    // The view as it is at start, before the map has framed anything: no position.
    expect(written).toHaveLength(1);
    expect(lastLng()).toBeNull();
    vi.advanceTimersByTime(5000);
    // The sample framed.
    useAppStore.getState().setMapView({ lng: -0.26, lat: 51.56, zoom: 11.7 });
    expect(written).toHaveLength(2);
    expect(lastLng()).toBe(-0.26);
    vi.advanceTimersByTime(5000);
    // A loaded file framed: in the URL before any timer runs.
    useAppStore.getState().setMapView({ lng: -0.09, lat: 51.52, zoom: 13.5 });
    expect(written).toHaveLength(3);
    expect(lastLng()).toBe(-0.09);
    // A pan straight after: moves within the spell are written once, at its end, as the view then is.
    useAppStore.getState().setMapView({ lng: -0.1, lat: 51.52, zoom: 13.5 });
    useAppStore.getState().setMapView({ lng: -0.11, lat: 51.52, zoom: 13.5 });
    expect(written).toHaveLength(3);
    vi.advanceTimersByTime(300);
    expect(written).toHaveLength(4);
    expect(lastLng()).toBe(-0.11);
    vi.advanceTimersByTime(5000);
    expect(written).toHaveLength(4);
    stop();
  });

  it('names no position from when the loaded sources change until the map frames them (or is moved), so a reload meanwhile frames the new data', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    useAppStore.setState({ sources: [source(1)], mapView: { lng: -0.26, lat: 51.56, zoom: 11.7 } });
    const stop = startViewLink();
    // The map framed these sources before the link started: their position is written at once.
    expect(lastLng()).toBe(-0.26);
    written.length = 0;
    vi.advanceTimersByTime(5000);
    // A new file's card appears: the map still shows the data before it.
    useAppStore.setState({ sources: [source(2)] });
    expect(written).toHaveLength(1);
    expect(lastLng()).toBeNull();
    // Other changes before it is framed keep the position out.
    vi.advanceTimersByTime(5000);
    useAppStore.getState().setView({ opacity: 0.5 });
    expect(lastLng()).toBeNull();
    // Framed: the position is back, at once after a quiet spell.
    vi.advanceTimersByTime(5000);
    useAppStore.getState().setMapView({ lng: -0.09, lat: 51.52, zoom: 13.5 });
    expect(lastLng()).toBe(-0.09);
    // The same sources listed again (a summary updated) keep it.
    vi.advanceTimersByTime(5000);
    useAppStore.setState({ sources: [source(2)] });
    expect(lastLng()).toBe(-0.09);
    stop();
  });
});
