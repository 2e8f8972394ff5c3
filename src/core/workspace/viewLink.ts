import * as v from 'valibot';
import { monthIndexOf, parseMonthLabel } from '../ingest/dates';
import { isHotspotMethod, isWeighting, type AreaChoice } from '../vocabulary';
import { areaChoiceSchema, hoursSchema, resolutionSchema, weekdaysSchema } from './workspaceSchema';

/**
 * The shareable view: what is on screen, in the URL hash, never the data. Opening the link with
 * the same workspace reproduces the view. Categories travel by name, not by id. Every value read
 * from a link is checked with the bounds the saved workspace uses; what fails is ignored and named.
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

/** Web Mercator stops at ±85.05°; maplibre refuses latitudes beyond ±90 and zooms beyond 24. */
const MAX_LATITUDE = 85.0511;
const MAX_ZOOM = 24;
const MAX_CATEGORIES = 10_000;

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

const numbers = (text: string): number[] => text.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
const valid = (schema: v.GenericSchema, value: unknown): boolean => v.safeParse(schema, value).success;

/** Reads a link's hash; `ignored` names each part that was not valid (`res=7.5`), to tell the user. */
export function decodeView(hash: string, today = new Date()): { view: SharedView; ignored: string[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const view: SharedView = {};
  const ignored: string[] = [];
  const take = (key: string, accept: (text: string) => boolean) => {
    const text = params.get(key);
    if (text !== null && !accept(text)) ignored.push(`${key}=${text.length > 40 ? `${text.slice(0, 40)}…` : text}`);
  };
  take('map', (text) => {
    const parts = text.split('/').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
    const [zoom, lat, lng] = parts;
    if (parts.length !== 3 || !parts.every(Number.isFinite) || zoom < 0 || zoom > MAX_ZOOM || Math.abs(lat) > MAX_LATITUDE || Math.abs(lng) > 180) return false;
    Object.assign(view, { zoom, lat, lng });
    return true;
  });
  take('res', (text) => {
    const resolution = text.trim() === '' ? Number.NaN : Number(text);
    if (!valid(resolutionSchema, resolution)) return false;
    view.resolution = resolution;
    return true;
  });
  const thisMonth = monthIndexOf(today.getUTCFullYear(), today.getUTCMonth() + 1);
  const month = (text: string | null) => (text === null ? null : parseMonthLabel(text));
  const from = month(params.get('from'));
  const to = month(params.get('to'));
  const inOrder = from === null || to === null || from <= to;
  take('from', (text) => from !== null && from <= thisMonth && inOrder && Boolean((view.from = text.trim())));
  take('to', (text) => to !== null && to <= thisMonth && inOrder && Boolean((view.to = text.trim())));
  take('cat', (text) => {
    const categories = text === '' ? [] : text.split('|');
    if (categories.length > MAX_CATEGORIES) return false;
    view.categories = categories;
    return true;
  });
  take('mode', (text) => isHotspotMethod(text) && Boolean((view.method = text)));
  take('weight', (text) => isWeighting(text) && Boolean((view.weighting = text)));
  take('days', (text) => valid(weekdaysSchema, numbers(text)) && Boolean((view.weekdays = numbers(text))));
  take('hours', (text) => valid(hoursSchema, numbers(text)) && Boolean((view.hours = numbers(text))));
  const area = (choice: AreaChoice) => valid(areaChoiceSchema, choice) && Boolean((view.area = choice));
  take('area', (text) => text.lastIndexOf('@') > 0 && area({ kind: 'boundary', feature: text.slice(0, text.lastIndexOf('@')), layer: text.slice(text.lastIndexOf('@') + 1) }));
  take('lsoa', (text) => area({ kind: 'lsoa', prefix: text }));
  take('zone', (text) => area({ kind: 'zone', name: text }));
  return { view, ignored };
}
