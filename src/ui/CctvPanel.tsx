import { useEffect, useMemo, useState } from 'react';
import { plannedCameraId } from '../core/cameras/cameraSites';
import { cameraFeatures } from '../core/cameras/cameraFeatures';
import { describeExact } from '../core/coverage/exact';
import { cameraPlanCsv, movesCsv } from '../core/coverage/planCameras';
import { planChanges, type AnsweredPlan } from '../core/coverage/planQuery';
import { exportNote } from '../state/sampleSlice';
import { useAppStore } from '../state/store';
import { areaLabel } from '../core/vocabulary';
import { CameraListPanel } from './CameraListPanel';
import { BuildingsControls, BuildingsEffect, PlanSteps } from './BuildingsControls';
import { ColumnHeads, RowActions } from './controls';
import { CameraImportButton } from './CameraImport';
import { downloadFile } from './download';
import { formatNumber, formatPercent } from './format';

function NumberField({ label, value, min, max, step, onChange }: { label: string; value: number; min: number; max: number; step: number; onChange: (v: number) => void }) {
  return (
    <label>
      {label}
      <input type="number" value={value} min={min} max={max} step={step} onChange={(e) => Number.isFinite(e.target.valueAsNumber) && onChange(Math.min(max, Math.max(min, e.target.valueAsNumber)))} />
    </label>
  );
}

/** The cameras on the ground, to add, move and delete by hand (the next click on the map places one). */
function CameraList() {
  const cameras = useAppStore((state) => state.cameras);
  const edit = useAppStore((state) => state.cameraEdit);
  const mapCentre = useAppStore((state) => state.mapView);
  const { setCameraEdit, removeCamera } = useAppStore.getState();
  useEffect(() => {
    if (!edit) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setCameraEdit(null);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [edit, setCameraEdit]);
  return (
    <details className="camera-list">
      <summary className="small">Edit cameras by hand</summary>
      {edit ? (
        <p className="small" role="status">
          Click on the map to {edit.mode === 'add' ? `place the new ${edit.kind === 'fixed' ? 'fixed' : 're-deployable'} camera` : `move ${edit.id}`} (Escape cancels), or move the map so the cross is on the place and{' '}
          <button type="button" className="link" disabled={!mapCentre} onClick={() => mapCentre && useAppStore.getState().placeCamera(mapCentre.lat, mapCentre.lng)}>
            place it at the map centre
          </button>
          .{' '}
          <button type="button" className="link" onClick={() => setCameraEdit(null)}>
            Cancel
          </button>
        </p>
      ) : (
        <div className="row tight">
          <button type="button" onClick={() => setCameraEdit({ mode: 'add', kind: 'fixed' })}>
            Add fixed camera
          </button>
          <button type="button" onClick={() => setCameraEdit({ mode: 'add', kind: 'redeployable' })}>
            Add re-deployable
          </button>
        </div>
      )}
      <table className="compact">
        <tbody>
          {cameras.map((camera) => (
            <tr key={camera.id}>
              <td>
                {camera.id} <span className="muted small">{camera.kind === 'fixed' ? 'fixed' : 're-deployable'}</span>
              </td>
              <RowActions
                actions={[
                  { label: 'Move', ariaLabel: `Move ${camera.id}`, onClick: () => setCameraEdit({ mode: 'move', id: camera.id }) },
                  { label: 'Delete', ariaLabel: `Delete ${camera.id}`, onClick: () => removeCamera(camera.id) },
                ]}
              />
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Zones that constrain the plan: places new cameras may not go, and places to cover first. */
function ZoneRoles() {
  const zones = useAppStore((state) => state.zones);
  const excluded = useAppStore((state) => state.excludedZones);
  const mustCover = useAppStore((state) => state.mustCoverZones);
  const toggle = useAppStore.getState().toggleZoneRole;
  if (zones.length === 0) return null;
  return (
    <details className="zone-roles">
      <summary className="small">Zones: keep cameras out, or cover first ({excluded.length + mustCover.length} set)</summary>
      <table className="compact">
        <ColumnHeads text={['Zone', 'Keep out', 'Cover first']} />
        <tbody>
          {zones.map((zone) => (
            <tr key={zone.id}>
              <td>{zone.name}</td>
              <td>
                <input type="checkbox" aria-label={`Keep new cameras out of ${zone.name}`} checked={excluded.includes(zone.id)} onChange={() => toggle('excludedZones', zone.id)} />
              </td>
              <td>
                <input type="checkbox" aria-label={`Cover ${zone.name} first`} checked={mustCover.includes(zone.id)} onChange={() => toggle('mustCoverZones', zone.id)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Settings changed since the plan shown was made: its figures, circles and exports stay its own until it is made again. */
function PlanChanges({ plan }: { plan: AnsweredPlan }) {
  const options = useAppStore((state) => state.planOptions);
  const cameras = useAppStore((state) => state.cameras);
  const map = useAppStore((state) => state.hotspots?.query ?? null);
  // Compared only when the plan or a setting changes: the map's query may list tens of thousands of categories.
  const changes = useMemo(() => planChanges(plan.query, { options, cameras, map }), [plan, options, cameras, map]);
  if (changes.length === 0) return null;
  return (
    <p className="note small" role="status">
      This plan was made before these changes: {changes.join('; ')}. Its figures, circles and exports are for its own settings; plan again to use the new ones.
    </p>
  );
}

/** Where should the next re-deployable cameras go, and which should move? */
export function CctvPanel() {
  const cameras = useAppStore((state) => state.cameras);
  const options = useAppStore((state) => state.planOptions);
  const plan = useAppStore((state) => state.plan);
  const moves = useAppStore((state) => state.moves);
  const planning = useAppStore((state) => state.planning);
  const hasData = useAppStore((state) => state.hotspots !== null);
  const candidateSites = useAppStore((state) => state.candidateSites);
  const { setCandidateSites, setPlanOptions, planCameras, solveExactly, suggestMoves } = useAppStore.getState();
  const [maxMoves, setMaxMoves] = useState(3);
  const fixed = cameras.filter((c) => c.kind === 'fixed').length;
  const areaName = useAppStore((state) => (state.view.area ? areaLabel(state.view.area) : ''));

  const exportGeoJson = () => {
    if (!plan) return;
    const planned = plan.planned.map((c) => ({ id: plannedCameraId(c.rank), name: c.topLocation, kind: 'redeployable' as const, role: 'planned' as const, lat: c.lat, lng: c.lng, radiusM: plan.query.options.radiusM, directionDeg: null, fovDeg: null }));
    const { points } = cameraFeatures(planned, plan.query.options.radiusM);
    const note = exportNote(useAppStore.getState());
    const labelled = note === null ? points : { ...points, features: points.features.map((f) => ({ ...f, properties: { ...f.properties, data_note: note } })) };
    downloadFile(JSON.stringify(labelled), 'camera-plan.geojson', 'application/geo+json');
  };

  return (
    <details className="panel">
      <summary>CCTV planner</summary>
      <p className="muted small">
        {cameras.length} cameras on the ground: {fixed} fixed, {cameras.length - fixed} re-deployable.{' '}
        <CameraImportButton />
      </p>
      <div className="row">
        <NumberField label="Number of cameras" value={options.cameras} min={1} max={100} step={1} onChange={(cameras) => setPlanOptions({ cameras })} />
        <NumberField label="Coverage radius (m)" value={options.radiusM} min={10} max={500} step={10} onChange={(radiusM) => setPlanOptions({ radiusM })} />
      </div>
      <div className="row">
        <NumberField label="Minimum spacing (m)" value={options.minSpacingM} min={0} max={1000} step={10} onChange={(minSpacingM) => setPlanOptions({ minSpacingM })} />
        <label className="checkbox">
          <input type="checkbox" checked={options.edgeFactor < 1} onChange={(e) => setPlanOptions({ edgeFactor: e.target.checked ? 0.5 : 1 })} />
          Weaker at the edge
        </label>
      </div>
      <p className="muted small">
        {candidateSites.length > 0 ? `${candidateSites.length} candidate sites loaded.` : 'Candidate sites: the centres of the incident cells (H3 res 11).'}{' '}
        <CameraImportButton asCandidates />
        {candidateSites.length > 0 && (
          <button type="button" className="link" onClick={() => setCandidateSites([])}>
            Clear
          </button>
        )}
      </p>
      <CameraList />
      <ZoneRoles />
      <BuildingsControls />
      <button type="button" className="primary" disabled={!hasData || planning} onClick={() => void planCameras()}>
        Plan cameras
      </button>
      <PlanSteps />
      {plan && (
        <div className="plan-result" aria-live="polite">
          <p className="coverage-summary">
            Fixed cameras cover {formatPercent(plan.summary.shareFixedOnly)} of demand; with the {plan.planned.length} planned cameras,{' '}
            <strong>{formatPercent(plan.summary.shareWithPlan)}</strong> (+{formatNumber(plan.summary.coveredByPlan)} incidents). Re-deployables where they stand add {formatNumber(plan.summary.coveredByRedeployableNow)}. {formatNumber(plan.summary.overlapDemand)} incidents are seen by two or more cameras.
          </p>
          <PlanChanges plan={plan} />
          <p className="muted small">
            {plan.method === 'exact' ? (plan.exact?.optimal ? 'Exact optimum (HiGHS)' : 'Best exact-solver solution at the time limit (HiGHS)') : 'Greedy (lazy evaluation)'} over {formatNumber(plan.candidates)} candidate sites and {formatNumber(plan.demandCells)} demand cells (H3 res 11).
          </p>
          <BuildingsEffect plan={plan} />
          {plan.exact && (
            <p className="exact-summary">
              {describeExact(plan.exact)}
            </p>
          )}
          <table className="compact">
            <ColumnHeads text={['#', 'Near']} numbers={['Gain']} />
            <tbody>
              {plan.planned.map((c) => (
                <tr key={c.rank}>
                  <td>{c.rank}</td>
                  <td title={`${c.lat.toFixed(5)}, ${c.lng.toFixed(5)} · E ${c.easting} N ${c.northing}`}>{c.topLocation || `${c.lat.toFixed(4)}, ${c.lng.toFixed(4)}`}</td>
                  <td className="num">+{formatNumber(c.marginalGain)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row tight">
            <button type="button" disabled={planning} onClick={() => void solveExactly()}>
              Solve exactly
            </button>
            <button type="button" onClick={() => downloadFile(cameraPlanCsv(plan, areaName, exportNote(useAppStore.getState())), 'camera-plan.csv', 'text/csv')}>
              Export plan CSV
            </button>
            <button type="button" className="link" onClick={exportGeoJson}>
              GeoJSON
            </button>
          </div>
          {cameras.length - fixed > 0 && (
            <div className="row tight">
              <NumberField label="Moves" value={maxMoves} min={1} max={20} step={1} onChange={setMaxMoves} />
              <button type="button" disabled={planning} onClick={() => void suggestMoves(maxMoves)}>
                Suggest moves
              </button>
            </div>
          )}
          {moves && (
            <ul className="moves">
              {moves.moves.length === 0 && <li>No move of a re-deployable camera gains coverage.</li>}
              {moves.moves.map((m) => (
                <li key={`${m.cameraId}-${m.toSite}`}>
                  Move {m.cameraId} to {m.toLocation || `${m.toLat.toFixed(4)}, ${m.toLng.toFixed(4)}`}: +{formatNumber(m.gain)} incidents covered (+{m.gainPct.toFixed(0)}%)
                </li>
              ))}
            </ul>
          )}
          {moves && moves.moves.length > 0 && (
            <button type="button" className="link" onClick={() => downloadFile(movesCsv(moves.moves, areaName), 'camera-moves.csv', 'text/csv')}>
              Export moves CSV
            </button>
          )}
        </div>
      )}
      <CameraListPanel />
    </details>
  );
}
