import { useMemo, useState, type ReactNode } from 'react';
import type { CategoryInfo } from '../core/dataset';
import { formatInteger } from './format';

/** Up to this many categories every one gets its own control; beyond it, a search box and its matches. */
export const MAX_LISTED_CATEGORIES = 300;
/** Matches shown at once in a long list. */
const SHOWN_MATCHES = 50;

export interface CategorySearch {
  /** The categories to draw controls for, by name. */
  shown: CategoryInfo[];
  /** The search box, or null when the list is short enough to show whole. */
  box: ReactNode;
}

/**
 * A short list is shown whole, by name. A long one (a council extract with thousands of free-text
 * categories) shows a search box and at most SHOWN_MATCHES matches, so the page never draws (or
 * sorts) thousands of controls; every category is still kept, counted and selectable.
 */
export function useCategorySearch(categories: readonly CategoryInfo[], label: string): CategorySearch {
  const [query, setQuery] = useState('');
  const long = categories.length > MAX_LISTED_CATEGORIES;
  const needle = query.trim().toLowerCase();
  const shown = useMemo(() => {
    if (!long) return [...categories].sort(byName);
    const matches: CategoryInfo[] = [];
    if (needle === '') return matches;
    for (const category of categories) {
      if (!category.name.toLowerCase().includes(needle)) continue;
      matches.push(category);
      if (matches.length === SHOWN_MATCHES) break;
    }
    return matches.sort(byName);
  }, [categories, long, needle]);
  if (!long) return { shown, box: null };
  const box = (
    <div className="category-search">
      <label>
        {label}
        <input type="search" value={query} placeholder="Type part of a name" onChange={(e) => setQuery(e.target.value)} />
      </label>
      <p className="muted small" role="status">
        {formatInteger(categories.length)} categories, too many to list:{' '}
        {needle === '' ? 'type part of a name to find one.' : shown.length < SHOWN_MATCHES ? `${formatInteger(shown.length)} found.` : `the first ${SHOWN_MATCHES} found.`}
      </p>
    </div>
  );
  return { shown, box };
}

const byName = (a: CategoryInfo, b: CategoryInfo): number => a.name.localeCompare(b.name);
