import { useMemo, useState, type ReactNode } from 'react';
import type { CategoryInfo } from '../core/dataset';
import { formatInteger } from './format';

/** Up to this many categories every one gets its own control; beyond it, a search box and its matches. */
export const MAX_LISTED_CATEGORIES = 300;
/** Matches shown at once in a long list (the most frequent first when nothing is typed). */
const SHOWN_MATCHES = 50;

export interface CategorySearch {
  /** The categories to draw controls for. */
  shown: CategoryInfo[];
  /** The search box, or null when the list is short enough to show whole. */
  box: ReactNode;
}

/**
 * A short list is shown whole, by name. A long one (a council extract with thousands of free-text
 * categories) shows a search box and at most SHOWN_MATCHES matches, so the page never draws
 * thousands of controls; every category is still kept, counted and selectable.
 */
export function useCategorySearch(categories: readonly CategoryInfo[], counts: ReadonlyMap<number, number> | null, label: string): CategorySearch {
  const [query, setQuery] = useState('');
  const long = categories.length > MAX_LISTED_CATEGORIES;
  const byName = useMemo(() => (long ? [] : [...categories].sort((a, b) => a.name.localeCompare(b.name))), [categories, long]);
  const shown = useMemo(() => {
    if (!long) return byName;
    const needle = query.trim().toLowerCase();
    const matches = needle === '' ? categories : categories.filter((c) => c.name.toLowerCase().includes(needle));
    return mostFrequent(matches, (c) => counts?.get(c.id) ?? 0, SHOWN_MATCHES);
  }, [long, byName, categories, counts, query]);
  if (!long) return { shown, box: null };
  const box = (
    <div className="category-search">
      <label>
        {label}
        <input type="search" value={query} placeholder="Type part of a name" onChange={(e) => setQuery(e.target.value)} />
      </label>
      <p className="muted small" role="status">
        {formatInteger(categories.length)} categories, too many to list: showing {shown.length < SHOWN_MATCHES ? formatInteger(shown.length) : `the first ${SHOWN_MATCHES}`} {query.trim() ? 'matches' : 'by count'}.
      </p>
    </div>
  );
  return { shown, box };
}

/** The `n` categories with the highest counts, in one pass (sorting 70,000 names would block the page). */
function mostFrequent(categories: readonly CategoryInfo[], count: (category: CategoryInfo) => number, n: number): CategoryInfo[] {
  const top: CategoryInfo[] = [];
  for (const category of categories) {
    if (top.length === n && count(category) <= count(top[n - 1])) continue;
    let at = top.length;
    while (at > 0 && count(top[at - 1]) < count(category)) at--;
    top.splice(at, 0, category);
    if (top.length > n) top.pop();
  }
  return top;
}
