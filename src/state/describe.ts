import type { HotspotResult } from '../core/hotspots/computeHotspots';
import { monthInWords, monthLabel } from '../core/ingest/dates';
import { METHOD_WORDS, WEIGHTING_WORDS } from '../core/vocabulary';
import type { AppState } from './store';

/**
 * Plain-language description of the map drawn, for legends, figure titles, file names and
 * reports. It reads the query the result answers, never the settings being edited, so no label
 * can describe a map other than the one on screen.
 */
export interface ViewDescription {
  /** "Burglary in Brent: Gi* hot and cold spots". */
  title: string;
  period: string;
  periodSlug: string;
  /** File-name stem: method, study area, period and resolution. */
  fileStem: string;
  subject: string;
  filters: string;
  resolution: number;
  /** The study area's name, or null for everywhere; with what it leaves out, for reports. */
  area: string | null;
  areaNote: string;
}

const slug = (text: string): string => text.replace(/[^0-9A-Za-z]+/g, '-').replace(/^-|-$/g, '');

/** The months a result shows, or null when it holds none (nothing matches the filters). */
export function shownPeriod(result: Pick<HotspotResult, 'query' | 'profile'> | null | undefined): { from: number; to: number } | null {
  if (!result || result.profile.monthCounts.length === 0) return null;
  const { filter } = result.query;
  const { monthFrom, monthCounts } = result.profile;
  return { from: filter.monthFrom ?? monthFrom, to: filter.monthTo ?? monthFrom + monthCounts.length - 1 };
}

/** The categories of a map in words: one to three by name, more by number. */
export function categoriesInWords(result: Pick<HotspotResult, 'query'>, categories: AppState['categories']): string {
  const selected = new Set(result.query.filter.categories ?? categories.map((c) => c.id));
  const names = categories.filter((c) => selected.has(c.id)).map((c) => c.name);
  return names.length === 0 ? 'No categories' : names.length <= 3 ? names.join(', ') : `${names.length} categories`;
}

export function describeView(state: Pick<AppState, 'hotspots' | 'categories' | 'sources'>): ViewDescription {
  const result = state.hotspots;
  if (!result) {
    return { title: 'No map yet', period: 'no months with data', periodSlug: 'no-data', fileStem: 'no-data', subject: 'No data loaded', filters: '', resolution: 0, area: null, areaNote: 'Study area: everywhere in the loaded data' };
  }
  const { query } = result;
  const period = shownPeriod(result);
  const area = query.filter.area?.name ?? null;
  const categories = categoriesInWords(result, state.categories);
  const subject = area ? `${categories} in ${area}` : categories;
  const method = METHOD_WORDS[query.method.kind].title;
  const weighting = query.weighting === 'harm' ? `${WEIGHTING_WORDS.harm.unit} (${query.harmScheme})` : WEIGHTING_WORDS.count.unit;
  const parts = [`H3 res ${query.resolution}`, method, weighting];
  if (query.filter.weekdays) parts.push(`${query.filter.weekdays.length} weekdays`);
  if (query.filter.hours) parts.push(`${query.filter.hours.length} hours of the day`);
  const shownSources = query.filter.sources?.length ?? state.sources.length;
  parts.push(`${shownSources} of ${state.sources.length} sources`);
  const periodSlug = `${area ? `${slug(area)}_` : ''}${period ? `${monthLabel(period.from)}_${monthLabel(period.to)}` : 'no-data'}`;
  return {
    title: `${subject}: ${method}`,
    period: period ? `${monthInWords(period.from)} – ${monthInWords(period.to)}` : 'no months with data',
    periodSlug,
    fileStem: `${slug(method).toLowerCase()}_${periodSlug}_res${query.resolution}`,
    subject,
    filters: parts.join(' · '),
    resolution: query.resolution,
    area,
    areaNote: area ? `Study area: ${area} (${new Intl.NumberFormat('en-GB').format(result.area.outside)} incidents outside it not shown)` : 'Study area: everywhere in the loaded data',
  };
}
