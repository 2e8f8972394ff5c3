import { useMemo, useState } from 'react';
import { ACCURACY_METHOD_LABEL, accuracyCsv, type AccuracyReport } from '../core/hotspots/accuracyReport';
import { monthLabel } from '../core/ingest/dates';
import { effectiveFilter, hotspotQuery } from '../state/resultsSlice';
import { useAppStore } from '../state/store';
import { describeView } from '../state/describe';
import { dataWorker } from '../state/worker';
import { downloadFile } from './download';
import { MonthSelect, useBusyAction } from './controls';
import { formatNumber, formatPercent } from './format';
import { LineChart } from './LineChart';

const COLOURS = { count: '#e31a1c', harm: '#6a3d9a', gistar: '#1f78b4' } as const;

/** Would last period's hotspot map have caught this period's incidents? PAI, RRI and the hit-rate curve per method. */
export function AccuracyPanel() {
  const sources = useAppStore((state) => state.sources);
  const months = useMemo(() => {
    const mins = sources.map((s) => s.monthMin).filter((m): m is number => m !== null);
    const maxs = sources.map((s) => s.monthMax).filter((m): m is number => m !== null);
    if (mins.length === 0) return [];
    const first = Math.min(...mins);
    return Array.from({ length: Math.max(...maxs) - first + 1 }, (_, i) => first + i);
  }, [sources]);
  const half = Math.floor(months.length / 2);
  const [choice, setChoice] = useState<{ trainFrom?: number; trainTo?: number; testFrom?: number; testTo?: number }>({});
  const trainFrom = choice.trainFrom ?? months[0];
  const trainTo = choice.trainTo ?? months[Math.max(0, half - 1)];
  const testFrom = choice.testFrom ?? months[half];
  const testTo = choice.testTo ?? months[months.length - 1];
  const [sharePercent, setSharePercent] = useState(5);
  const [alpha, setAlpha] = useState(0.5);
  const [report, setReport] = useState<AccuracyReport | null>(null);
  const [busy, run] = useBusyAction();
  if (months.length < 2) return null;

  const compute = () =>
    run(async () => {
      const state = useAppStore.getState();
      const base = hotspotQuery(state);
      const next = await dataWorker.call<'accuracy'>({
        type: 'accuracy',
        query: {
          filter: { ...effectiveFilter(state), monthFrom: null, monthTo: null },
          resolution: base.resolution,
          harmWeights: base.harmWeights,
          train: [trainFrom, trainTo],
          test: [testFrom, testTo],
          areaShare: sharePercent / 100,
          alpha,
          k: state.view.giK,
          studyArea: state.view.studyArea,
        },
      }).promise;
      setReport(next);
    });

  return (
    <details className="panel">
      <summary>Predictive accuracy</summary>
      <div className="row">
        <MonthSelect label="Train from" value={trainFrom} months={months} onChange={(m) => setChoice((c) => ({ ...c, trainFrom: m }))} />
        <MonthSelect label="Train to" value={trainTo} months={months} onChange={(m) => setChoice((c) => ({ ...c, trainTo: m }))} />
      </div>
      <div className="row">
        <MonthSelect label="Test from" value={testFrom} months={months} onChange={(m) => setChoice((c) => ({ ...c, testFrom: m }))} />
        <MonthSelect label="Test to" value={testTo} months={months} onChange={(m) => setChoice((c) => ({ ...c, testTo: m }))} />
      </div>
      <div className="row">
        <label>
          Hotspot area (% of study area)
          <input type="number" min={0.5} max={50} step={0.5} value={sharePercent} onChange={(e) => setSharePercent(Number(e.target.value))} />
        </label>
        <label>
          PPAI α {alpha.toFixed(2)}
          <input type="range" min={0} max={1} step={0.05} value={alpha} onChange={(e) => setAlpha(Number(e.target.value))} />
        </label>
      </div>
      <button type="button" disabled={busy} onClick={() => void compute()}>
        Compute accuracy
      </button>
      {report && (
        <div className="accuracy-result" aria-live="polite">
          <p className="muted small">
            Train {formatNumber(report.trainIncidents)} incidents, test {formatNumber(report.testIncidents)}; study area {report.studyCells} cells ({formatNumber(report.studyAreaKm2)} km²).
          </p>
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">Method</th>
                <th scope="col" className="num">Hit rate</th>
                <th scope="col" className="num">PAI</th>
                <th scope="col" className="num">PPAI</th>
                <th scope="col" className="num">RRI</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr key={row.method}>
                  <td>
                    {ACCURACY_METHOD_LABEL[row.method]}
                    {row.method === report.best && <strong> (best)</strong>}
                  </td>
                  {row.problem ? (
                    <td colSpan={4} className="muted">
                      {row.problem}
                    </td>
                  ) : (
                    <>
                      <td className="num">{formatPercent(row.hitRate)}</td>
                      <td className="num">{row.pai.toFixed(2)}</td>
                      <td className="num">{row.ppai.toFixed(2)}</td>
                      <td className="num">{row.rri.toFixed(2)}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small">
            Stability of the top cells by count between the periods: {report.stability.remained} stayed, {report.stability.left} left, {report.stability.entered} entered (Jaccard overlap{' '}
            {report.stability.jaccard.toFixed(2)}).
          </p>
          <LineChart
            title="Hit rate against share of the study area, per method"
            xLabel="share of area"
            yLabel="hit rate"
            width={270}
            height={180}
            series={report.curves.map((c) => ({ label: c.method, colour: COLOURS[c.method], xs: c.points.map((p) => p.areaShare), ys: c.points.map((p) => p.hitRate) }))}
          />
          <button type="button" className="link" onClick={() => downloadFile(accuracyCsv(report, { train: `${monthLabel(trainFrom)}..${monthLabel(trainTo)}`, test: `${monthLabel(testFrom)}..${monthLabel(testTo)}` }, describeView(useAppStore.getState()).area ?? ''), `accuracy_${monthLabel(trainFrom)}_${monthLabel(testTo)}.csv`, 'text/csv')}>
            Export accuracy CSV
          </button>
        </div>
      )}
    </details>
  );
}
