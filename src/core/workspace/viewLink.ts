import type { AreaChoice } from '../hotspots/areaFilter';

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
  /** The study area by name: a boundary file's feature, an LSOA name prefix or a zone. */
  area?: AreaChoice;
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
  if (view.area?.kind === 'boundary') params.set('area', `${view.area.feature}@${view.area.layer}`);
  if (view.area?.kind === 'lsoa') params.set('lsoa', view.area.prefix);
  if (view.area?.kind === 'zone') params.set('zone', view.area.name);
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
  const area = params.get('area');
  const at = area?.lastIndexOf('@') ?? -1;
  if (area && at > 0) view.area = { kind: 'boundary', feature: area.slice(0, at), layer: area.slice(at + 1) };
  else if (params.get('lsoa')) view.area = { kind: 'lsoa', prefix: params.get('lsoa')! };
  else if (params.get('zone')) view.area = { kind: 'zone', name: params.get('zone')! };
  return Object.fromEntries(Object.entries(view).filter(([, v]) => v !== undefined)) as SharedView;
}
