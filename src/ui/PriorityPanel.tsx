import { useMemo, useState } from 'react';
import { concentrationCurve, priorityPlaceRecords, priorityPlacesCsv, priorityPlacesGeoJson, priorityRuleProblem, type PriorityRuleKind } from '../core/hotspots/priorityPlaces';
import { withDataNote } from '../core/provenance';
import { reductionArithmetic } from '../core/stats/evaluation';
import { usePriorityPlaces } from '../state/prioritySlice';
import { exportNote } from '../state/sampleSlice';
import { shownWeighting } from '../state/resultsSlice';
import { useAppStore } from '../state/store';
import { Select } from './controls';
import { downloadFile } from './download';
import { formatNumber, formatPercent } from './format';
import { LineChart } from './LineChart';

const RULES: { kind: PriorityRuleKind; label: string; unit: string; initial: number }[] = [
  { kind: 'topN', label: 'Top N cells', unit: 'cells', initial: 25 },
  { kind: 'areaShare', label: 'Top % of area', unit: '% of cells', initial: 5 },
  { kind: 'incidentShare', label: 'Cells holding % of incidents', unit: '% of incidents', initial: 25 },
  { kind: 'cellPai', label: 'Cell PAI at least', unit: '× average', initial: 5 },
];
const RULE_OPTIONS = RULES.map((r) => ({ value: r.kind, label: r.label }));

/** Priority places: which cells to work in (outlined on the map), what share of the problem they hold, and what a cut there is worth. */
export function PriorityPanel() {
  const hotspots = useAppStore((state) => state.hotspots);
  const weighting = useAppStore(shownWeighting);
  const priority = useAppStore((state) => state.priority);
  const setPriority = useAppStore((state) => state.setPriority);
  const places = usePriorityPlaces();
  // What the user typed, kept even when it is not a usable value, so the message can say why.
  const [typed, setTyped] = useState<string | null>(null);
  const problem = typed === null ? null : priorityRuleProblem(priority.kind, typed.trim() === '' ? NaN : Number(typed));
  // The curve is drawn only while the panel is open: computed then, not with every new map.
  const [open, setOpen] = useState(false);
  const curve = useMemo(() => (places && open ? concentrationCurve(places.values, places.total) : null), [places, open]);
  if (!hotspots) return null;
  const rule = RULES.find((r) => r.kind === priority.kind)!;
  const inside = places ? places.chosen.reduce((sum, i) => sum + places.values[i], 0) : 0;
  const share = places && places.total > 0 ? inside / places.total : 0;
  const cellCount = places?.values.length ?? 0;
  const records = () => {
    const state = useAppStore.getState();
    return places ? withDataNote(priorityPlaceRecords(hotspots.aggregate.cells, places.values, places.chosen, shownWeighting(state)), exportNote(state)) : [];
  };
  return (
    <details className="panel" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Priority places</summary>
      <div className="row">
        <Select<PriorityRuleKind>
          label="Rule"
          value={priority.kind}
          options={RULE_OPTIONS}
          onChange={(kind) => {
            setTyped(null);
            setPriority({ kind, value: RULES.find((r) => r.kind === kind)!.initial });
          }}
        />
        <label>
          Value ({rule.unit})
          <input
            type="number"
            min={priority.kind === 'topN' ? 1 : 0}
            max={priority.kind === 'areaShare' || priority.kind === 'incidentShare' ? 100 : undefined}
            step="any"
            aria-invalid={problem !== null}
            value={typed ?? String(priority.value)}
            onChange={(e) => {
              setTyped(e.target.value);
              const value = e.target.value.trim() === '' ? NaN : Number(e.target.value);
              if (priorityRuleProblem(priority.kind, value) === null) setPriority({ kind: priority.kind, value });
            }}
          />
        </label>
      </div>
      {problem ? (
        <p className="error-text small" role="alert">
          {problem} The cells below are still those of {rule.label.toLowerCase()} = {formatNumber(priority.value)}.
        </p>
      ) : null}
      {places && (
        <>
          <p className="priority-summary">
            {places.chosen.length} of {cellCount} cells ({formatPercent(cellCount > 0 ? places.chosen.length / cellCount : 0)} of the cells with incidents) hold <strong>{formatPercent(share)}</strong> of the {weighting === 'harm' ? 'harm' : 'incidents'} shown.
          </p>
          <p className="muted small">These cells are outlined on the map.</p>
          <ul className="small">
            {reductionArithmetic(share).map((r) => (
              <li key={r.reduction}>
                A {formatPercent(r.reduction)} cut in these {places.chosen.length} cells = {formatNumber(r.overall * 100)}% fewer overall.
              </li>
            ))}
          </ul>
          <div className="row tight">
            <button type="button" disabled={places.chosen.length === 0} onClick={() => downloadFile(priorityPlacesCsv(records()), 'priority-places.csv', 'text/csv')}>
              Export priority places CSV
            </button>
            <button type="button" disabled={places.chosen.length === 0} onClick={() => downloadFile(JSON.stringify(priorityPlacesGeoJson(records())), 'priority-places.geojson', 'application/geo+json')}>
              GeoJSON
            </button>
          </div>
        </>
      )}
      {curve && <LineChart title="Concentration: share of incidents against share of cells, busiest first" xLabel="share of cells" yLabel="share of incidents" width={270} height={160} series={[{ label: 'concentration', colour: '#e31a1c', xs: curve.xs, ys: curve.ys }]} />}
    </details>
  );
}
