import { useMemo, useState } from 'react';
import { accuracyCsv, BENCHMARK_SHARES, DEFAULT_KDE_BANDWIDTH_M, type AccuracyReport } from '../core/hotspots/accuracyReport';
import { BENCHMARK_METHOD_LABEL, type BenchmarkMethod } from '../core/hotspots/benchmarkMethods';
import { monthLabel } from '../core/ingest/dates';
import { PROSPECTIVE_MAX_WEEKS, PROSPECTIVE_RADIUS_M } from '../core/stats/pointKernels';
import { effectiveFilter, hotspotQuery } from '../state/resultsSlice';
import { exportNote } from '../state/sampleSlice';
import { useAppStore } from '../state/store';
import { dataWorker } from '../state/worker';
import { downloadFile } from './download';
import { MonthSelect, Select, useBusyAction } from './controls';
import { formatNumber, formatPercent } from './format';
import { LineChart } from './LineChart';

const COLOURS: Record<BenchmarkMethod, string> = { 'last-month': '#ff7f00', count: '#e31a1c', harm: '#6a3d9a', kde: '#33a02c', prospective: '#b15928', gistar: '#1f78b4' };
const SHARE_OPTIONS = BENCHMARK_SHARES.map((share) => ({ value: share, label: `${share * 100}% of the study area` }));

/** Which hotspot method would have predicted the test months best: hit rate, PAI, PEI and RRI per method at 1, 3 and 5% of the area. */
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
  const [rolling, setRolling] = useState(false);
  const [bandwidthM, setBandwidthM] = useState(DEFAULT_KDE_BANDWIDTH_M);
  const [shown, setShown] = useState<number>(BENCHMARK_SHARES[0]);
  const [report, setReport] = useState<AccuracyReport | null>(null);
  const [busy, run] = useBusyAction();
  if (months.length < 2) return null;

  const compute = () =>
    run(async () => {
      const state = useAppStore.getState();
      const base = hotspotQuery(state);
      const next = await dataWorker.call('accuracy', { query: {
          filter: { ...effectiveFilter(state), monthFrom: null, monthTo: null },
          resolution: base.resolution,
          harmWeights: base.harmWeights,
          train: [trainFrom, trainTo],
          test: [testFrom, testTo],
          rolling,
          kdeBandwidthM: bandwidthM,
          k: state.view.giK,
          studyArea: state.view.studyArea,
        },
      }).promise;
      setReport(next);
    });

  const shareIndex = BENCHMARK_SHARES.findIndex((s) => s === shown);
  const fold = report?.folds[report.folds.length - 1];
  return (
    <details className="panel">
      <summary>Prediction benchmark</summary>
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
          KDE bandwidth (m)
          <input type="number" min={50} max={2000} step={50} value={bandwidthM} onChange={(e) => setBandwidthM(Math.max(50, Number(e.target.value) || DEFAULT_KDE_BANDWIDTH_M))} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={rolling} onChange={(e) => setRolling(e.target.checked)} /> Rolling: forecast each test month from the months before it
        </label>
      </div>
      <button type="button" disabled={busy} onClick={() => void compute()}>
        Run benchmark
      </button>
      {report && fold && (
        <div className="benchmark-result" aria-live="polite">
          <p className="small">
            {report.best ? (
              <>
                Best: <strong className="benchmark-best">{BENCHMARK_METHOD_LABEL[report.best]}</strong> (highest mean PAI over 1, 3 and 5% of the area).
              </>
            ) : (
              'No method could be scored.'
            )}
          </p>
          <p className="muted small">
            {report.folds.length > 1 ? `Averaged over ${report.folds.length} test months. ` : ''}Study area fixed from the training months: {formatNumber(fold.studyCells)} cells ({formatNumber(fold.studyCells * report.cellAreaKm2)} km²). Test incidents scored:{' '}
            {formatNumber(fold.testIncidents)}
            {fold.testOutside > 0 ? `; ${formatNumber(fold.testOutside)} fell outside the study area and are not scored` : ''}.
          </p>
          <Select label="Scores at" value={shown} options={SHARE_OPTIONS} onChange={setShown} />
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">Method</th>
                <th scope="col" className="num">Hit rate</th>
                <th scope="col" className="num">PAI</th>
                <th scope="col" className="num">PEI</th>
                <th scope="col" className="num">RRI</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => {
                const s = row.scores[shareIndex];
                return (
                  <tr key={row.method}>
                    <th scope="row">
                      {BENCHMARK_METHOD_LABEL[row.method]}
                      {row.method === report.best && <strong> (best)</strong>}
                    </th>
                    {row.problem || !s ? (
                      <td colSpan={4} className="muted">
                        {row.problem}
                      </td>
                    ) : (
                      <>
                        <td className="num">{formatPercent(s.hitRate)}</td>
                        <td className="num">{s.pai.toFixed(2)}</td>
                        <td className="num">{s.pei.toFixed(2)}</td>
                        <td className="num">{s.rri === null ? '–' : s.rri.toFixed(2)}</td>
                      </>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="muted small">
            Hit rate n/N; PAI = (n/N)/(a/A) (Chainey et al. 2008); PEI = n/n*, n* the most any cells of the same area held (Hunt 2016); RRI = (n_test/n_train)/(N_test/N_train) (Levine 2008), 1 = no better than the whole area. Cells tied at the cut-off share
            the last places. KDE: quartic kernel, bandwidth {report.query.kdeBandwidthM} m. Prospective: incidents within {PROSPECTIVE_RADIUS_M} m and {PROSPECTIVE_MAX_WEEKS} weeks, weight 1/(1 + d/50 m) × 1/(1 + weeks).
          </p>
          <LineChart
            title={`Hit rate against share of the study area (test ${monthLabel(fold.test[0])}${fold.test[1] !== fold.test[0] ? `–${monthLabel(fold.test[1])}` : ''})`}
            xLabel="share of area"
            yLabel="hit rate"
            width={270}
            height={180}
            series={report.curves.map((c) => ({ label: BENCHMARK_METHOD_LABEL[c.method], colour: COLOURS[c.method], xs: c.points.map((p) => p.areaShare), ys: c.points.map((p) => p.hitRate) }))}
          />
          <button type="button" className="link" onClick={() => downloadFile(accuracyCsv(report, exportNote(useAppStore.getState())), `benchmark_${monthLabel(trainFrom)}_${monthLabel(testTo)}.csv`, 'text/csv')}>
            Download benchmark CSV
          </button>
        </div>
      )}
    </details>
  );
}
