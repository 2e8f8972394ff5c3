import { categoryWithId } from '../core/dataset';
import { monthLabel, parseMonthLabel } from '../core/ingest/dates';
import { decodeView, encodeView, type SharedView } from '../core/workspace/viewLink';
import { loadedSourcesKey } from './sourcesSlice';
import { useAppStore } from './store';
import type { HotspotMethod, Weighting } from './viewSlice';

/** Keeps the URL hash in step with the view, and applies a hash that was opened. Data never goes in the URL. */
const categoryKey = (c: { family: string; name: string }) => `${c.family}/${c.name}`;
/** A link names the chosen categories only up to this many: 70,000 names would make a URL of megabytes. The workspace keeps any choice. */
const MAX_LINK_CATEGORIES = 200;

/** The view as a link; `withPosition` false leaves out where the map is (see startViewLink). */
export function currentViewLink(withPosition = true): string {
  const state = useAppStore.getState();
  const view: SharedView = {
    ...(withPosition ? (state.mapView ?? {}) : {}),
    resolution: state.view.resolution,
    from: state.view.monthFrom === null ? undefined : monthLabel(state.view.monthFrom),
    to: state.view.monthTo === null ? undefined : monthLabel(state.view.monthTo),
    categories:
      state.view.categories && state.view.categories.length <= MAX_LINK_CATEGORIES
        ? state.view.categories.map((id) => categoryWithId(state.categories, id)).filter((c) => c !== undefined).map(categoryKey)
        : undefined,
    method: state.view.method,
    weighting: state.view.weighting,
    weekdays: state.view.weekdays ?? undefined,
    hours: state.view.hours ?? undefined,
    area: state.view.area ?? undefined,
  };
  return encodeView(view);
}

/** Applies an opened link's view; parts that are not valid (or name categories not loaded) are ignored, and the user is told. */
export function applyViewLink(hash: string): void {
  const { view: shared, ignored } = decodeView(hash);
  const state = useAppStore.getState();
  const idByKey = new Map(state.categories.map((c) => [categoryKey(c), c.id]));
  const unknown = shared.categories?.filter((key) => !idByKey.has(key)) ?? [];
  if (unknown.length > 0) ignored.push(`categories not in this workspace: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}`);
  if (ignored.length > 0) state.notify('error', `Parts of the view link were not valid and were ignored: ${ignored.join('; ')}.`);
  if (Object.keys(shared).length === 0) return;
  state.setView({
    ...(shared.resolution !== undefined ? { resolution: shared.resolution } : {}),
    ...(shared.from ? { monthFrom: parseMonthLabel(shared.from) } : {}),
    ...(shared.to ? { monthTo: parseMonthLabel(shared.to) } : {}),
    // A link naming only categories this workspace lacks keeps the current choice rather than selecting nothing.
    ...(shared.categories && (shared.categories.length === 0 || unknown.length < shared.categories.length) ? { categories: shared.categories.map((key) => idByKey.get(key)).filter((id): id is number => id !== undefined) } : {}),
    ...(shared.method ? { method: shared.method as HotspotMethod } : {}),
    ...(shared.weighting ? { weighting: shared.weighting as Weighting } : {}),
    ...(shared.weekdays ? { weekdays: shared.weekdays } : {}),
    ...(shared.hours ? { hours: shared.hours } : {}),
    ...(shared.area ? { area: shared.area } : {}),
  });
  if (shared.lng !== undefined && shared.lat !== undefined && shared.zoom !== undefined) useAppStore.setState({ jumpTo: { lng: shared.lng, lat: shared.lat, zoom: shared.zoom } });
}

/** The URL is written at most this often while the view keeps changing (a pan, a drag of the month brush). */
const VIEW_LINK_EVERY_MS = 300;

/**
 * Writes the view into the URL as it changes: at once after a quiet spell, otherwise once the spell
 * since the last write is over, with the view as it is then. Where the map is goes in only once it
 * has framed the loaded sources (or been moved since they changed): a reload while a new file's map
 * is on its way, or just after it is framed, then opens on that file, not on the data before it.
 */
export function startViewLink(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let written = -Infinity;
  let framedFor = loadedSourcesKey(useAppStore.getState());
  const write = () => {
    timer = undefined;
    written = performance.now();
    history.replaceState(null, '', `#${currentViewLink(framedFor === loadedSourcesKey(useAppStore.getState()))}`);
  };
  // The view as it is now, a map framed before this started included.
  write();
  return useAppStore.subscribe((state, previous) => {
    if (state.mapView !== previous.mapView) framedFor = loadedSourcesKey(state);
    if (state.view === previous.view && state.mapView === previous.mapView && state.categories === previous.categories && state.sources === previous.sources) return;
    if (timer !== undefined) return;
    const wait = written + VIEW_LINK_EVERY_MS - performance.now();
    if (wait <= 0) write();
    else timer = setTimeout(write, wait);
  });
}
