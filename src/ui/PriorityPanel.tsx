import { useMemo, useState } from 'react';
import { priorityCells, reductionArithmetic, type PriorityRule } from '../core/stats/evaluation';
import { useAppStore } from '../state/store';
import { formatNumber, formatPercent } from './format';
import { LineChart } from './LineChart';

type RuleKind = PriorityRule['kind'];
const RULES: { kind: RuleKind; label: string; unit: string; initial: number }[] = [
  { kind: 'topN', label: 'Top N cells', unit: 'cells', initial: 25 },
  { kind: 'areaShare', label: 'Top % of area', unit: '% of cells', initial: 5 },
  { kind: 'incidentShare', label: 'Cells holding % of incidents', unit: '% of incidents', initial: 25 },
  { kind: 'cellPai', label: 'Cell PAI at least', unit: '× average', initial: 5 },
];

function ruleOf(kind: RuleKind, value: number): PriorityRule {
  if (kind === 'topN') return { kind, n: Math.round(value) };
  if (kind === 'cellPai') return { kind, threshold: value };
  return { kind, share: value / 100 };
}

/** Priority places: which cells to work in, what share of the problem they hold, and what a cut there is worth. */
export function PriorityPanel() {
  const hotspots = useAppStore((state) => state.hotspots);
  const weighting = useAppStore((state) => state.view.weighting);
  const [kind, setKind] = useState<RuleKind>('topN');
  const [value, setValue] = useState(25);
  const summary = useMemo(() => {
    if (!hotspots) return null;
    const values = weighting === 'harm' ? hotspots.aggregate.harm : hotspots.aggregate.counts;
    const chosen = priorityCells(values, ruleOf(kind, value));
    const total = weighting === 'harm' ? hotspots.aggregate.totalHarm : hotspots.aggregate.totalCount;
    const inside = chosen.reduce((sum, i) => sum + values[i], 0);
    const sorted = Float64Array.from(values).sort().reverse();
    const xs: number[] = [0];
    const ys: number[] = [0];
    let running = 0;
    sorted.forEach((v, i) => {
      running += v;
      if (i % Math.max(1, Math.floor(sorted.length / 60)) === 0 || i === sorted.length - 1) {
        xs.push((i + 1) / sorted.length);
        ys.push(total > 0 ? running / total : 0);
      }
    });
    return { cells: chosen.length, of: values.length, share: total > 0 ? inside / total : 0, xs, ys };
  }, [hotspots, weighting, kind, value]);
  if (!summary) return null;
  const rule = RULES.find((r) => r.kind === kind)!;
  return (
    <details className="panel">
      <summary>Priority places</summary>
      <div className="row">
        <label>
          Rule
          <select value={kind} onChange={(e) => { const next = RULES.find((r) => r.kind === e.target.value)!; setKind(next.kind); setValue(next.initial); }}>
            {RULES.map((r) => (
              <option key={r.kind} value={r.kind}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Value ({rule.unit})
          <input type="number" min={0} step="any" value={value} onChange={(e) => Number.isFinite(e.target.valueAsNumber) && setValue(e.target.valueAsNumber)} />
        </label>
      </div>
      <p className="priority-summary">
        {summary.cells} of {summary.of} cells ({formatPercent(summary.of > 0 ? summary.cells / summary.of : 0)} of the cells with incidents) hold <strong>{formatPercent(summary.share)}</strong> of the {weighting === 'harm' ? 'harm' : 'incidents'} shown.
      </p>
      <ul className="small">
        {reductionArithmetic(summary.share).map((r) => (
          <li key={r.reduction}>
            A {formatPercent(r.reduction)} cut in these {summary.cells} cells = {formatNumber(r.overall * 100)}% fewer overall.
          </li>
        ))}
      </ul>
      <LineChart title="Concentration: share of incidents against share of cells, busiest first" xLabel="share of cells" yLabel="share of incidents" width={270} height={160} series={[{ label: 'concentration', colour: '#e31a1c', xs: summary.xs, ys: summary.ys }]} />
    </details>
  );
}
