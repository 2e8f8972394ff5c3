import { monthLabel, parseMonthLabel } from '../core/ingest/dates';
import { decodeView, encodeView, type SharedView } from '../core/workspace/viewLink';
import { useAppStore } from './store';
import type { HotspotMethod, Weighting } from './viewSlice';

/** Keeps the URL hash in step with the view, and applies a hash that was opened. Data never goes in the URL. */
const categoryKey = (c: { family: string; name: string }) => `${c.family}/${c.name}`;

export function currentViewLink(): string {
  const state = useAppStore.getState();
  const byId = new Map(state.categories.map((c) => [c.id, c]));
  const view: SharedView = {
    ...(state.mapView ?? {}),
    resolution: state.view.resolution,
    from: state.view.monthFrom === null ? undefined : monthLabel(state.view.monthFrom),
    to: state.view.monthTo === null ? undefined : monthLabel(state.view.monthTo),
    categories: state.view.categories?.map((id) => byId.get(id)).filter((c) => c !== undefined).map(categoryKey),
    method: state.view.method,
    weighting: state.view.weighting,
    weekdays: state.view.weekdays ?? undefined,
    hours: state.view.hours ?? undefined,
    area: state.view.area ?? undefined,
  };
  return encodeView(view);
}

export function applyViewLink(hash: string): void {
  const shared = decodeView(hash);
  if (Object.keys(shared).length === 0) return;
  const state = useAppStore.getState();
  const idByKey = new Map(state.categories.map((c) => [categoryKey(c), c.id]));
  state.setView({
    ...(shared.resolution !== undefined && shared.resolution >= 7 && shared.resolution <= 11 ? { resolution: shared.resolution } : {}),
    ...(shared.from ? { monthFrom: parseMonthLabel(shared.from) } : {}),
    ...(shared.to ? { monthTo: parseMonthLabel(shared.to) } : {}),
    ...(shared.categories ? { categories: shared.categories.map((key) => idByKey.get(key)).filter((id): id is number => id !== undefined) } : {}),
    ...(shared.method && ['count', 'gistar', 'emerging', 'areas'].includes(shared.method) ? { method: shared.method as HotspotMethod } : {}),
    ...(shared.weighting && ['count', 'harm'].includes(shared.weighting) ? { weighting: shared.weighting as Weighting } : {}),
    ...(shared.weekdays ? { weekdays: shared.weekdays } : {}),
    ...(shared.hours ? { hours: shared.hours } : {}),
    ...(shared.area ? { area: shared.area } : {}),
  });
  if (shared.lng !== undefined && shared.lat !== undefined && shared.zoom !== undefined) useAppStore.setState({ jumpTo: { lng: shared.lng, lat: shared.lat, zoom: shared.zoom } });
}

export function startViewLink(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return useAppStore.subscribe((state, previous) => {
    if (state.view === previous.view && state.mapView === previous.mapView && state.categories === previous.categories) return;
    clearTimeout(timer);
    timer = setTimeout(() => history.replaceState(null, '', `#${currentViewLink()}`), 300);
  });
}
