import { useMemo } from 'react';
import type { SourceSummary } from '../core/dataset';
import { useAppStore } from '../state/store';
import { effectiveCategories } from '../state/resultsSlice';
import { useCategorySearch } from './categorySearch';
import { dataMonths } from '../state/selection';
import { MonthSelect, Select } from './controls';
import { formatInteger } from './format';

export const RESOLUTIONS = [
  { value: 7, label: '7 · district (edge 1.4 km)' },
  { value: 8, label: '8 · borough overview (edge 531 m)' },
  { value: 9, label: '9 · neighbourhood (edge 201 m)' },
  { value: 10, label: '10 · street level (edge 76 m)' },
  { value: 11, label: '11 · address level (edge 29 m)' },
];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const HOUR_BANDS = [
  { label: 'Night 00–06', hours: [0, 1, 2, 3, 4, 5] },
  { label: 'Morning 06–12', hours: [6, 7, 8, 9, 10, 11] },
  { label: 'Afternoon 12–18', hours: [12, 13, 14, 15, 16, 17] },
  { label: 'Evening 18–24', hours: [18, 19, 20, 21, 22, 23] },
];

function MonthRange() {
  const sources = useAppStore((state) => state.sources);
  const view = useAppStore((state) => state.view);
  const setView = useAppStore((state) => state.setView);
  const range = dataMonths(sources);
  if (!range) return null;
  const { first, last } = range;
  const months = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const from = view.monthFrom ?? first;
  const to = view.monthTo ?? last;
  return (
    <div className="row">
      <MonthSelect label="From month" value={from} months={months} onChange={(m) => setView({ monthFrom: m, monthTo: Math.max(m, to) })} />
      <MonthSelect label="To month" value={to} months={months} onChange={(m) => setView({ monthTo: m, monthFrom: Math.min(m, from) })} />
    </div>
  );
}

/** Accepted rows per category id over all sources. */
function categoryTotals(sources: readonly SourceSummary[], categoryCount: number): Float64Array {
  const totals = new Float64Array(categoryCount);
  for (const source of sources) source.categoryCounts.forEach((count, id) => (totals[id] += count));
  return totals;
}

function Categories() {
  const categories = useAppStore((state) => state.categories);
  const sources = useAppStore((state) => state.sources);
  const view = useAppStore((state) => state.view);
  const setView = useAppStore((state) => state.setView);
  const counts = useMemo(() => categoryTotals(sources, categories.length), [sources, categories.length]);
  const present = useMemo(() => categories.filter((c) => counts[c.id] > 0), [categories, counts]);
  const { shown, box } = useCategorySearch(present, 'Find a category');
  const selected = new Set(effectiveCategories({ view, categories, sources }));
  // police.uk first, then council: a fixed order, whichever file the worker happened to read first.
  const families = (['police.uk', 'council'] as const).filter((family) => shown.some((c) => c.family === family));
  const toggle = (id: number) => setView({ categories: selected.has(id) ? [...selected].filter((x) => x !== id) : [...selected, id] });
  return (
    <fieldset className="categories">
      <legend>Categories</legend>
      <div className="row tight">
        <button type="button" className="link" onClick={() => setView({ categories: categories.map((c) => c.id) })}>
          Select all
        </button>
        <button type="button" className="link" onClick={() => setView({ categories: [] })}>
          Select none
        </button>
      </div>
      {box}
      {families.map((family) => (
        <div key={family} className="category-family">
          <div className="family-name">{family === 'police.uk' ? 'police.uk crime types' : 'Council categories'}</div>
          {shown
            .filter((c) => c.family === family)
            .map((category) => (
              <label key={category.id} className="checkbox">
                <input type="checkbox" aria-label={category.name} checked={selected.has(category.id)} onChange={() => toggle(category.id)} />
                <span>{category.name}</span>
                <span className="count">{formatInteger(counts[category.id])}</span>
              </label>
            ))}
        </div>
      ))}
    </fieldset>
  );
}

function TimeBands() {
  const hasTimes = useAppStore((state) => state.sources.some((s) => s.hasTimes));
  const weekdays = useAppStore((state) => state.view.weekdays);
  const hours = useAppStore((state) => state.view.hours);
  const setView = useAppStore((state) => state.setView);
  if (!hasTimes) return null;
  const dayOn = (d: number) => weekdays === null || weekdays.includes(d);
  const bandOn = (band: number[]) => hours === null || band.every((h) => hours.includes(h));
  const toggleDay = (d: number) => {
    const next = dayOn(d) ? (weekdays ?? [0, 1, 2, 3, 4, 5, 6]).filter((x) => x !== d) : [...(weekdays ?? []), d];
    setView({ weekdays: next.length === 7 ? null : next });
  };
  const toggleBand = (band: number[]) => {
    const current = hours ?? Array.from({ length: 24 }, (_, h) => h);
    const next = bandOn(band) ? current.filter((h) => !band.includes(h)) : [...current, ...band];
    setView({ hours: next.length === 24 ? null : next });
  };
  return (
    <fieldset>
      <legend>When (sources with times)</legend>
      <div className="chips">
        {WEEKDAYS.map((day, d) => (
          <label key={day} className="chip">
            <input type="checkbox" checked={dayOn(d)} onChange={() => toggleDay(d)} />
            {day}
          </label>
        ))}
      </div>
      <div className="chips">
        {HOUR_BANDS.map((band) => (
          <label key={band.label} className="chip">
            <input type="checkbox" checked={bandOn(band.hours)} onChange={() => toggleBand(band.hours)} />
            {band.label}
          </label>
        ))}
      </div>
      <p className="muted small">police.uk rows have no time of day and are not affected.</p>
    </fieldset>
  );
}

export function FiltersPanel() {
  const resolution = useAppStore((state) => state.view.resolution);
  const setView = useAppStore((state) => state.setView);
  return (
    <details open className="panel">
      <summary>Filters</summary>
      <Select label="H3 resolution" value={resolution} options={RESOLUTIONS} onChange={(value) => setView({ resolution: value })} />
      <MonthRange />
      <Categories />
      <TimeBands />
    </details>
  );
}
