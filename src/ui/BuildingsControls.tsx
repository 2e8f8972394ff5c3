import { describeBuildings } from '../core/buildings/importBuildings';
import type { CameraPlan } from '../core/coverage/planCameras';
import { useAppStore } from '../state/store';
import { FileButton } from './controls';
import { downloadFile } from './download';
import { formatInteger, formatPercent } from './format';

/** Building footprints for the camera plan: load, the import summary, and the switch that makes walls block the view. */
export function BuildingsControls() {
  const buildings = useAppStore((state) => state.buildings);
  const loading = useAppStore((state) => state.buildingsLoading);
  const useBuildings = useAppStore((state) => state.planOptions.useBuildings ?? false);
  const { loadBuildings, clearBuildings, setPlanOptions } = useAppStore.getState();
  return (
    <div className="buildings">
      <p className="muted small">
        {buildings ? describeBuildings(buildings.summary) : 'No building footprints: cameras see their whole radius.'}{' '}
        <FileButton label={loading ? 'Loading buildings…' : 'Load buildings…'} className="link" accept=".geojson,.json,.zip" ariaLabel="Load building footprints" onFile={(file) => void loadBuildings(file)} />
        {buildings && (
          <button type="button" className="link" onClick={clearBuildings}>
            Clear
          </button>
        )}
      </p>
      {buildings && buildings.summary.problems.length > 0 && (
        <details className="small">
          <summary>Repaired or skipped ({formatInteger(buildings.summary.problems.length)})</summary>
          <ul>
            {buildings.summary.problems.slice(0, 50).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </details>
      )}
      {buildings && (
        <label className="checkbox">
          <input type="checkbox" checked={useBuildings} onChange={(e) => setPlanOptions({ useBuildings: e.target.checked })} />
          Buildings block the view
        </label>
      )}
    </div>
  );
}

/** Progress while lines of sight are checked, with Cancel. */
export function PlanSteps() {
  const steps = useAppStore((state) => state.planSteps);
  if (!steps) return null;
  return (
    <p className="small plan-steps" role="status">
      Checking lines of sight: {formatInteger(steps.done)} of {formatInteger(steps.total)} sites…{' '}
      <button type="button" onClick={useAppStore.getState().cancelPlanning}>
        Cancel
      </button>
    </p>
  );
}

/** What the buildings take away: the same cameras with and without them, and who stands inside one. */
export function BuildingsEffect({ plan }: { plan: CameraPlan }) {
  const effect = plan.buildings;
  if (!effect) return null;
  return (
    <div className="buildings-effect">
      <p>
        Without buildings: {formatPercent(effect.shareWithoutBuildings)} covered; with buildings: <strong>{formatPercent(effect.shareWithBuildings)}</strong> (fixed and planned cameras, {formatInteger(effect.footprints)} footprints).
      </p>
      {effect.candidateSitesInside > 0 && <p className="small">{formatInteger(effect.candidateSitesInside)} candidate sites stand inside a building footprint and were not used.</p>}
      {effect.camerasInside.length > 0 && <p className="small">Inside a building footprint, counted as seeing nothing: {effect.camerasInside.join(', ')}.</p>}
      <p className="muted small">
        A demand cell counts as covered when its centre is in a camera's line of sight. Viewsheds are on the map; click a camera to pick out its own.{' '}
        {plan.viewsheds && (
          <button type="button" className="link" onClick={() => downloadFile(JSON.stringify(plan.viewsheds), 'camera-viewsheds.geojson', 'application/geo+json')}>
            Viewsheds GeoJSON
          </button>
        )}
      </p>
    </div>
  );
}
