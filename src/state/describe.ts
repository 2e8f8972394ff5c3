import { monthLabel } from '../core/ingest/dates';
import { HARM_SCHEMES } from '../core/stats/harm';
import { areaLabel } from '../core/vocabulary';
import { effectiveCategories } from './resultsSlice';
import type { AppState } from './store';

/** Plain-language description of what the map shows, for figure titles, file names and reports. */
export interface ViewDescription {
  period: string;
  periodSlug: string;
  subject: string;
  filters: string;
  resolution: number;
  /** The study area's name, or null for everywhere; with what it leaves out, for reports. */
  area: string | null;
  areaNote: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthName = (m: number): string => `${MONTHS[m % 12]} ${Math.floor(m / 12)}`;

/** The months the map shows, or null when the result holds none (nothing matches the filters). */
export function shownPeriod(view: Pick<AppState['view'], 'monthFrom' | 'monthTo'>, profile: { monthFrom: number; monthCounts: ArrayLike<number> } | undefined): { from: number; to: number } | null {
  if (!profile || profile.monthCounts.length === 0) return null;
  return { from: view.monthFrom ?? profile.monthFrom, to: view.monthTo ?? profile.monthFrom + profile.monthCounts.length - 1 };
}

export function describeView(state: AppState): ViewDescription {
  const period = shownPeriod(state.view, state.hotspots?.profile);
  const selected = new Set(effectiveCategories(state));
  const names = state.categories.filter((c) => selected.has(c.id)).map((c) => c.name);
  const area = state.view.area ? areaLabel(state.view.area) : null;
  const categories = names.length === 0 ? 'No categories' : names.length <= 3 ? names.join(', ') : `${names.length} categories`;
  const subject = area ? `${categories} in ${area}` : categories;
  const outside = state.hotspots?.area.outside ?? 0;
  const parts = [`H3 res ${state.view.resolution}`, state.view.method === 'gistar' ? 'Gi* hot spots' : 'counts', state.view.weighting === 'harm' ? `harm-weighted (${HARM_SCHEMES.find((s) => s.id === state.view.harmScheme)?.label ?? ''})` : 'one per incident'];
  if (state.view.weekdays) parts.push(`${state.view.weekdays.length} weekdays`);
  if (state.view.hours) parts.push(`${state.view.hours.length} hours of the day`);
  const hidden = state.view.hiddenSources.length;
  parts.push(`${state.sources.length - hidden} of ${state.sources.length} sources`);
  return {
    period: period ? `${monthName(period.from)} – ${monthName(period.to)}` : 'no months with data',
    periodSlug: `${area ? `${area.replace(/[^0-9A-Za-z]+/g, '-')}_` : ''}${period ? `${monthLabel(period.from)}_${monthLabel(period.to)}` : 'no-data'}`,
    subject,
    filters: parts.join(' · '),
    resolution: state.view.resolution,
    area,
    areaNote: area ? `Study area: ${area} (${new Intl.NumberFormat('en-GB').format(outside)} incidents outside it not shown)` : 'Study area: everywhere in the loaded data',
  };
}
