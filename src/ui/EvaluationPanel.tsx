import { useMemo, useState } from 'react';
import { evaluationCsv, type Intervention } from '../core/zones/evaluateIntervention';
import { camerasCoverage } from '../core/cameras/cameraCoverage';
import { monthIndexOf, monthLabel, monthInWords } from '../core/ingest/dates';
import { exportNote } from '../state/sampleSlice';
import { cameraReach } from '../state/camerasSlice';
import { shownMap } from '../state/resultsSlice';
import { useAppStore } from '../state/store';
import { dataWorker } from '../state/worker';
import { Select } from './controls';
import { areaLabel } from '../core/vocabulary';
import { downloadFile, fileSafe } from './download';
import { formatNumber } from './format';
import { LineChart } from './LineChart';

const CAVEAT =
  'What this design cannot show: that the two areas would have moved in parallel without the intervention (parallel trends), that an unusually bad "before" period would not have eased anyway (regression to the mean), or seasonal swings when the periods differ in season. Read the chart before the numbers.';

/** Did it work? A zone as the intervention, a control, a displacement ring, and the Weighted Displacement Difference. */
export function EvaluationPanel() {
  const zones = useAppStore((state) => state.zones);
  const notify = useAppStore((state) => state.notify);
  const [zoneId, setZoneId] = useState('');
  const [start, setStart] = useState('');
  const [control, setControl] = useState('rest');
  const [months, setMonths] = useState(12);
  const [ring, setRing] = useState<[number, number]>([100, 300]);
  const result = useAppStore((state) => state.evaluation);
  const comparison = result?.controlComparison;
  const setResult = useAppStore((state) => state.setEvaluation);
  const cameras = useAppStore((state) => state.cameras);
  const plan = useAppStore((state) => state.plan);
  const radiusM = useAppStore(cameraReach);
  const [busy, setBusy] = useState(false);
  const areaName = useAppStore((state) => (state.view.area ? areaLabel(state.view.area) : null));
  // Interventions: any zone (drawn ones included), or the area the cameras cover (joined when evaluated).
  const coverage = useMemo(() => (cameras.length > 0 || plan ? camerasCoverage(cameras, plan, radiusM) : null), [cameras, plan, radiusM]);
  const candidates: Intervention[] = [...zones.map(({ id, name, startDate, geometry }) => ({ id, name, startDate, area: () => geometry })), ...(coverage ? [coverage] : [])];
  const zone = candidates.find((z) => z.id === zoneId) ?? candidates[0];
  if (!zone) return null;
  const startText = start || zone.startDate.slice(0, 7);

  const run = async () => {
    const match = /^(\d{4})-(\d{2})/.exec(startText);
    if (!match) {
      notify('error', 'Choose the month the intervention started.');
      return;
    }
    const area = zone.area();
    if (!area) {
      notify('error', `${zone.name} has no area to evaluate.`);
      return;
    }
    setBusy(true);
    try {
      const other = zones.find((z) => z.id === control);
      const evaluation = await dataWorker.call('evaluate', { map: shownMap(useAppStore.getState()), query: { name: zone.name, area, startMonth: monthIndexOf(Number(match[1]), Number(match[2])), monthsEachSide: months, bufferInnerM: ring[0], bufferOuterM: ring[1], control: other ? other.geometry : null, ...(other ? { controlName: other.name } : {}) },
      }).promise;
      setResult(evaluation);
    } catch (error) {
      notify('error', error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const xs = result ? result.series.treated.map((_, m) => m - result.months) : [];
  return (
    <details className="panel">
      <summary>Did it work?</summary>
      <Select label="Intervention area" value={zone.id} options={candidates.map((z) => ({ value: z.id, label: z.name }))} onChange={setZoneId} />
      <div className="row">
        <label>
          Started (month)
          <input type="month" value={startText} onChange={(e) => setStart(e.target.value)} />
        </label>
        <label>
          Months each side
          <input type="number" min={1} max={36} value={months} onChange={(e) => setMonths(Math.max(1, e.target.valueAsNumber || 12))} />
        </label>
      </div>
      <Select
        label="Control"
        value={control}
        options={[{ value: 'rest', label: `The rest of ${areaName ?? 'the data'} (outside the area and its ring)` }, ...zones.filter((z) => z.id !== zone.id).map((z) => ({ value: z.id, label: z.name }))]}
        onChange={setControl}
      />
      <div className="row">
        <label>
          Ring from (m)
          <input type="number" min={0} max={1000} step={50} value={ring[0]} onChange={(e) => setRing([Math.max(0, e.target.valueAsNumber || 0), ring[1]])} />
        </label>
        <label>
          to (m)
          <input type="number" min={50} max={2000} step={50} value={ring[1]} onChange={(e) => setRing([ring[0], Math.max(ring[0] + 50, e.target.valueAsNumber || 300)])} />
        </label>
      </div>
      <button type="button" disabled={busy} onClick={() => void run()}>
        Evaluate
      </button>
      {result && comparison && (
        <div className="evaluation-result" aria-live="polite">
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col" className="num">Before</th>
                <th scope="col" className="num">After</th>
              </tr>
            </thead>
            <tbody>
              {(['treated', 'buffer', 'control'] as const).map((key) => (
                <tr key={key}>
                  <td>{key === 'treated' ? 'Intervention' : key === 'buffer' ? `Ring ${ring[0]}–${ring[1]} m` : 'Control'}</td>
                  <td className="num">{formatNumber(result[key].before)}</td>
                  <td className="num">{formatNumber(result[key].after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="evaluation-headline">
            Relative effect <strong>{result.effect.relativeEffect === null ? 'n/a' : result.effect.relativeEffect.toFixed(2)}</strong>
            {result.effect.relativeEffect !== null && ` (${result.effect.relativeEffect < 1 ? `${formatNumber((1 - result.effect.relativeEffect) * 100)}% fewer` : `${formatNumber((result.effect.relativeEffect - 1) * 100)}% more`} than the control's trend predicts)`}; expected after{' '}
            {result.effect.expectedAfter === null ? 'n/a' : formatNumber(result.effect.expectedAfter)}, observed {formatNumber(result.treated.after)}.
          </p>
          <p className="wdd-verdict">
            WDD {formatNumber(result.wdd.wdd)} (SE {result.wdd.se.toFixed(1)}, z {result.wdd.z.toFixed(2)}, one-tailed p {result.wdd.pOneTailed.toFixed(3)}, 95% CI {formatNumber(result.wdd.low95)} to {formatNumber(result.wdd.high95)}). Ring:{' '}
            <strong>{result.wdd.verdict}</strong>.
          </p>
          <p className="small">
            {result.months} months each side of {monthInWords(result.startMonth)}.{' '}
            {comparison.comparable
              ? `Difference in differences ${formatNumber(result.effect.did)} (raw counts; the control is of comparable size).`
              : `Raw difference in differences not shown: the control's "before" count is ${comparison.scale === null ? 'zero' : `${formatNumber(1 / comparison.scale)} times`} the area's, so its own change would swamp it; the relative effect and the WDD scale the control to the area.`}
          </p>
          <LineChart
            title={`Monthly incidents in the intervention area and the control, months from the start (0 = ${monthInWords(result.startMonth)})`}
            xLabel={`months from ${monthLabel(result.startMonth)}`}
            yLabel="incidents"
            width={270}
            height={170}
            series={[
              { label: 'intervention', colour: '#e31a1c', xs, ys: result.series.treated },
              { label: 'ring', colour: '#ff7f00', xs, ys: result.series.buffer },
              comparison.comparable || comparison.scale === null
                ? { label: 'control', colour: '#1f78b4', xs, ys: result.series.control }
                : { label: `control scaled to the area (× ${comparison.scale.toPrecision(2)})`, colour: '#1f78b4', xs, ys: result.series.control.map((v) => v * comparison.scale!) },
            ]}
          />
          <p className="muted small">{CAVEAT}</p>
          <button type="button" className="link" onClick={() => downloadFile(evaluationCsv(result, areaName ?? '', exportNote(useAppStore.getState())), `evaluation_${fileSafe(result.name)}.csv`, 'text/csv')}>
            Export evaluation CSV
          </button>
        </div>
      )}
    </details>
  );
}
