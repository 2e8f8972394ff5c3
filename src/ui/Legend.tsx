import { useClassification } from '../state/classification';
import { areaLabel } from '../state/areasSlice';
import { useAppStore } from '../state/store';
import { effectiveCategories } from '../state/resultsSlice';
import { CELL_AREA_LABEL } from './cellAreas';
import { formatMonth } from './format';
import { describeView } from '../state/describe';

/** What the colours mean: classes with their value ranges, the unit, the grid, the period. */
export function Legend() {
  const classification = useClassification();
  const view = useAppStore((state) => state.view);
  const categories = useAppStore((state) => state.categories);
  const profile = useAppStore((state) => state.hotspots?.profile);
  if (!classification) return null;
  const selected = effectiveCategories({ view, categories });
  const subject = `${selected.length === 1 ? categories.find((c) => c.id === selected[0])?.name : `${selected.length} categories`}${view.area ? ` in ${areaLabel(view.area)}` : ''}`;
  const from = view.monthFrom ?? profile?.monthFrom;
  const to = view.monthTo ?? (profile ? profile.monthFrom + profile.monthCounts.length - 1 : undefined);
  return (
    <section className="legend" aria-label="Legend">
      <h2>{classification.title ? `${subject}: ${classification.title}` : subject}</h2>
      <div className="muted small">
        {classification.unit}
        {!classification.areas && ` · H3 res ${view.resolution} (${CELL_AREA_LABEL[view.resolution]})`}
        {from !== undefined && to !== undefined && ` · ${formatMonth(from)} – ${formatMonth(to)}`}
      </div>
      <ul>
        {classification.legend.map((entry) => (
          <li key={entry.label}>
            <span className="swatch" style={{ background: entry.colour }} />
            {entry.label}
            {entry.count !== undefined && <span className="count">{entry.count}</span>}
          </li>
        ))}
      </ul>
      {view.area && <div className="small" data-testid="legend-area">{describeView(useAppStore.getState()).areaNote}</div>}
      {classification.problem && <p className="error-text small" role="alert">{classification.areas || view.method === 'areas' ? 'Counts by area' : 'Gi*'} not shown: {classification.problem}</p>}
    </section>
  );
}
