import type { SourceSummary } from '../core/dataset';
import type { AppState } from './store';
import type { ViewSettings } from './viewSlice';

/** Categories that occur in the loaded sources (the worker's registry also remembers removed ones). */
export function presentCategoryIds(sources: readonly Pick<SourceSummary, 'categoryCounts'>[]): Set<number> {
  const present = new Set<number>();
  for (const source of sources) for (const [id, count] of Object.entries(source.categoryCounts)) if (count > 0) present.add(Number(id));
  return present;
}

/** First and last month of the loaded data, or null when it has no months. */
export function dataMonths(sources: readonly Pick<SourceSummary, 'monthMin' | 'monthMax'>[]): { first: number; last: number } | null {
  const mins = sources.map((s) => s.monthMin).filter((m): m is number => m !== null);
  const maxs = sources.map((s) => s.monthMax).filter((m): m is number => m !== null);
  return mins.length === 0 ? null : { first: Math.min(...mins), last: Math.max(...maxs) };
}

/**
 * When the chosen categories or months are no longer in the loaded data (the sample was replaced
 * by burglary files, say), the view falls back to all of the new data rather than showing an empty
 * map. Returns the change and what to tell the user, or null when the selection still fits.
 */
export function vanishedSelectionFallback(view: Pick<ViewSettings, 'categories' | 'monthFrom' | 'monthTo'>, sources: readonly SourceSummary[]): { change: Partial<ViewSettings>; message: string } | null {
  if (sources.length === 0) return null;
  const change: Partial<ViewSettings> = {};
  const said: string[] = [];
  const present = presentCategoryIds(sources);
  if (view.categories && view.categories.length > 0 && !view.categories.some((id) => present.has(id))) {
    change.categories = [...present].sort((a, b) => a - b);
    said.push('the chosen categories are not in the loaded data, so all its categories are shown');
  }
  const months = dataMonths(sources);
  if (months && (view.monthFrom !== null || view.monthTo !== null)) {
    const from = view.monthFrom ?? months.first;
    const to = view.monthTo ?? months.last;
    if (to < months.first || from > months.last) {
      change.monthFrom = null;
      change.monthTo = null;
      said.push('the chosen months are not in the loaded data, so all its months are shown');
    }
  }
  if (said.length === 0) return null;
  const message = said.join('; ');
  return { change, message: `${message[0].toUpperCase()}${message.slice(1)}.` };
}

/** Applies the fallback to the current state, with a notice. */
export function settleSelection(state: AppState): void {
  const fallback = vanishedSelectionFallback(state.view, state.sources);
  if (!fallback) return;
  state.setView(fallback.change);
  state.notify('info', fallback.message);
}
