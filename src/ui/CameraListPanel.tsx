import { cameraListCsv, cameraListGeoJson } from '../core/cameras/cameraListExport';
import { cameraCardsAndPatrol } from '../state/cameraCards';
import { useAppStore } from '../state/store';
import { useBusyAction } from './controls';
import { downloadFile } from './download';

/**
 * The control room's camera list: every camera with where it stands and where the plan puts it,
 * what its view holds, and its justification (purpose, review dates, DPIA reference).
 */
export function CameraListPanel() {
  const justification = useAppStore((state) => state.justification);
  const hasData = useAppStore((state) => state.hotspots !== null);
  const count = useAppStore((state) => state.cameras.length + (state.plan?.planned.length ?? 0));
  const setJustification = useAppStore((state) => state.setJustification);
  const [busy, run] = useBusyAction('The camera list could not be made: ');
  const months = (value: number) => Math.min(60, Math.max(1, Math.round(value)));

  const exportList = (format: 'csv' | 'geojson') =>
    run(async () => {
      const today = new Date().toISOString().slice(0, 10);
      const { cards } = await cameraCardsAndPatrol(useAppStore.getState(), null, today);
      if (format === 'csv') downloadFile(cameraListCsv(cards), `camera-list_${today}.csv`, 'text/csv');
      else downloadFile(JSON.stringify(cameraListGeoJson(cards)), `camera-list_${today}.geojson`, 'application/geo+json');
    });

  return (
    <details className="camera-register">
      <summary className="small">Camera list and justification ({count} cameras)</summary>
      <div className="row">
        <label>
          Review re-deployable every (months)
          <input type="number" min={1} max={60} step={1} value={justification.reviewMonthsRedeployable} onChange={(e) => Number.isFinite(e.target.valueAsNumber) && setJustification({ reviewMonthsRedeployable: months(e.target.valueAsNumber) })} />
        </label>
        <label>
          Review fixed every (months)
          <input type="number" min={1} max={60} step={1} value={justification.reviewMonthsFixed} onChange={(e) => Number.isFinite(e.target.valueAsNumber) && setJustification({ reviewMonthsFixed: months(e.target.valueAsNumber) })} />
        </label>
      </div>
      <label>
        DPIA reference
        <input type="text" value={justification.dpiaReference} placeholder="e.g. DPIA-CCTV-2025-04" onChange={(e) => setJustification({ dpiaReference: e.target.value })} />
      </label>
      <label>
        Purpose (blank: each camera's own, from what it sees)
        <input type="text" value={justification.purpose} placeholder="e.g. To prevent and detect anti-social behaviour" onChange={(e) => setJustification({ purpose: e.target.value })} />
      </label>
      <div className="row tight">
        <button type="button" disabled={!hasData || busy || count === 0} onClick={() => void exportList('csv')}>
          Camera list CSV
        </button>
        <button type="button" disabled={!hasData || busy || count === 0} onClick={() => void exportList('geojson')}>
          Camera list GeoJSON
        </button>
      </div>
    </details>
  );
}
