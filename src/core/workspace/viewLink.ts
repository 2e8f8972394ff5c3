/**
 * The shareable view: what is on screen, in the URL hash, never the data. Opening the link with
 * the same workspace reproduces the view. Categories travel by name, not by id.
 */
export interface SharedView {
  lng?: number;
  lat?: number;
  zoom?: number;
  resolution?: number;
  from?: string;
  to?: string;
  categories?: string[];
  method?: string;
  weighting?: string;
  weekdays?: number[];
  hours?: number[];
}

const numberList = (text: string | null): number[] | undefined => (text ? text.split(',').map(Number).filter(Number.isFinite) : undefined);
const number = (text: string | null): number | undefined => (text !== null && text !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined);

export function encodeView(view: SharedView): string {
  const params = new URLSearchParams();
  if (view.lng !== undefined && view.lat !== undefined && view.zoom !== undefined) params.set('map', `${view.zoom.toFixed(2)}/${view.lat.toFixed(5)}/${view.lng.toFixed(5)}`);
  if (view.resolution !== undefined) params.set('res', String(view.resolution));
  if (view.from) params.set('from', view.from);
  if (view.to) params.set('to', view.to);
  if (view.categories) params.set('cat', view.categories.join('|'));
  if (view.method) params.set('mode', view.method);
  if (view.weighting) params.set('weight', view.weighting);
  if (view.weekdays) params.set('days', view.weekdays.join(','));
  if (view.hours) params.set('hours', view.hours.join(','));
  return params.toString();
}

export function decodeView(hash: string): SharedView {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const view: SharedView = {};
  const map = params.get('map')?.split('/').map(Number);
  if (map && map.length === 3 && map.every(Number.isFinite)) [view.zoom, view.lat, view.lng] = map;
  view.resolution = number(params.get('res'));
  view.from = params.get('from') ?? undefined;
  view.to = params.get('to') ?? undefined;
  const categories = params.get('cat');
  view.categories = categories === null ? undefined : categories === '' ? [] : categories.split('|');
  view.method = params.get('mode') ?? undefined;
  view.weighting = params.get('weight') ?? undefined;
  view.weekdays = numberList(params.get('days'));
  view.hours = numberList(params.get('hours'));
  return Object.fromEntries(Object.entries(view).filter(([, v]) => v !== undefined)) as SharedView;
}
