import { useClassification } from '../state/classification';
import { areaLabel } from '../core/vocabulary';
import { useAppStore } from '../state/store';
import { shownPeriod } from '../state/describe';
import { effectiveCategories } from '../state/resultsSlice';
import { CELL_AREA_LABEL } from './cellAreas';
import { formatMonth } from './format';
import { describeView } from '../state/describe';

/** What the colours mean: classes with their value ranges, the unit, the grid, the period. */
export function Legend() {
  const classification = useClassification();
  const view = useAppStore((state) => state.view);
  const categories = useAppStore((state) => state.categories);
  const sources = useAppStore((state) => state.sources);
  const profile = useAppStore((state) => state.hotspots?.profile);
  const coarserTables = useAppStore((state) => state.hotspots?.coarserTables);
  if (!classification) return null;
  const selected = effectiveCategories({ view, categories, sources });
  const subject = `${(selected.length === 1 ? categories.find((c) => c.id === selected[0])?.name : undefined) ?? `${selected.length} categories`}${view.area ? ` in ${areaLabel(view.area)}` : ''}`;
  const period = shownPeriod(view, profile);
  const coarserNotes = coarserTables?.map((table) => (
    <p key={table.name} className="small note">
      {table.name} is not shown: it holds counts per H3 res {table.resolution} cell, which cannot be split into finer cells. Choose res {table.resolution} or coarser to include it.
    </p>
  ));
  // Counts by area colour polygons, not cells: an empty cell list there is not "no incidents".
  if (classification.cells.length === 0 && view.method !== 'areas') {
    return (
      <section className="legend" aria-label="Legend">
        <h2>{subject}</h2>
        {coarserNotes && coarserNotes.length > 0 ? coarserNotes : <p className="small">No incidents match the current filters: choose other categories, months or sources.</p>}
      </section>
    );
  }
  return (
    <section className="legend" aria-label="Legend">
      <h2>{classification.title ? `${subject}: ${classification.title}` : subject}</h2>
      <div className="muted small">
        {classification.unit}
        {!classification.areas && ` · H3 res ${view.resolution} (${CELL_AREA_LABEL[view.resolution]})`}
        {period && ` · ${formatMonth(period.from)} – ${formatMonth(period.to)}`}
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
      {coarserNotes}
      {view.area && <div className="small" data-testid="legend-area">{describeView(useAppStore.getState()).areaNote}</div>}
      {classification.problem && <p className="error-text small" role="alert">{classification.areas || view.method === 'areas' ? 'Counts by area' : 'Gi*'} not shown: {classification.problem}</p>}
    </section>
  );
}
