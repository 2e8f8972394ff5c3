import { monthInWords } from '../core/ingest/dates';
import { useClassification } from '../state/classification';
import { areaCountsStatus } from '../state/areasSlice';
import { useAppStore } from '../state/store';
import { describeView, shownPeriod } from '../state/describe';
import { CELL_AREA_LABEL } from './cellAreas';

/** What the colours mean: classes with their value ranges, the unit, the grid, the period. */
export function Legend() {
  const classification = useClassification();
  const hotspots = useAppStore((state) => state.hotspots);
  const categories = useAppStore((state) => state.categories);
  const sources = useAppStore((state) => state.sources);
  // A map of areas is complete once its areas are counted too.
  const computing = useAppStore((state) => state.computing || areaCountsStatus(state) === 'counting');
  if (!classification || !hotspots) return null;
  // Everything here describes the result drawn (its query), not the settings being edited.
  const { subject, area, areaNote } = describeView({ hotspots, categories, sources });
  const { resolution, method } = hotspots.query;
  const period = shownPeriod(hotspots);
  const coarserTables = hotspots.coarserTables;
  // Until the new map arrives the old one stays drawn; the legend says it is being replaced.
  const updating = computing && (
    <p className="small updating" role="status">
      Updating the map for the new settings…
    </p>
  );
  const coarserNotes = coarserTables.map((table) => (
    <p key={table.name} className="small note">
      {table.name} is not shown: it holds counts per H3 res {table.resolution} cell, which cannot be split into finer cells. Choose res {table.resolution} or coarser to include it.
    </p>
  ));
  // Counts by area colour polygons, not cells: an empty cell list there is not "no incidents".
  if (classification.cells.length === 0 && method.kind !== 'areas') {
    return (
      <section className="legend" aria-label="Legend" aria-busy={computing}>
        <h2>{subject}</h2>
        {updating}
        {coarserNotes.length > 0 ? coarserNotes : <p className="small">No incidents match the current filters: choose other categories, months or sources.</p>}
      </section>
    );
  }
  return (
    <section className="legend" aria-label="Legend" aria-busy={computing}>
      <h2>{classification.title ? `${subject}: ${classification.title}` : subject}</h2>
      {updating}
      <div className="muted small">
        {classification.unit}
        {!classification.areas && ` · H3 res ${resolution} (${CELL_AREA_LABEL[resolution]})`}
        {period && ` · ${monthInWords(period.from)} – ${monthInWords(period.to)}`}
      </div>
      <ul>
        {classification.legend.map((entry) => (
          <li key={entry.label}>
            <span className={entry.mark ? `swatch mark-${entry.mark}` : 'swatch'} style={{ backgroundColor: entry.colour }} />
            {entry.label}
            {entry.count !== undefined && <span className="count">{entry.count}</span>}
          </li>
        ))}
      </ul>
      {coarserNotes}
      {area && <div className="small" data-testid="legend-area">{areaNote}</div>}
      {classification.problem && <p className="error-text small" role="alert">{classification.areas || method.kind === 'areas' ? 'Counts by area' : 'Gi*'} not shown: {classification.problem}</p>}
    </section>
  );
}
