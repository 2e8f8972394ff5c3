import { useEffect, useState } from 'react';
import { zoneEvidenceCsv, zonesToGeoJson, zonesToKml } from '../core/zones/exportZones';
import { exportNote } from '../state/sampleSlice';
import { useAppStore } from '../state/store';
import { describeView } from '../state/describe';
import { renewalReminders, todayIso } from '../state/renewals';
import { Field } from './controls';
import { ZoneImportButton } from './ZoneImport';
import { downloadFile } from './download';
import { formatInteger, formatNumber, formatPercent } from './format';

function DrawControls() {
  const draft = useAppStore((state) => state.draft);
  const { startDrawing, undoVertex, redoVertex, finishDrawing, cancelDrawing } = useAppStore.getState();
  useEffect(() => {
    if (!draft) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
      if (event.key === 'Enter') finishDrawing();
      else if (event.key === 'Escape') cancelDrawing();
      else if (event.key === 'Backspace' || ((event.ctrlKey || event.metaKey) && event.key === 'z')) undoVertex();
      else if ((event.ctrlKey || event.metaKey) && event.key === 'y') redoVertex();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [draft, finishDrawing, cancelDrawing, undoVertex, redoVertex]);
  const mapCentre = useAppStore((state) => state.mapView);
  if (!draft) return <button type="button" onClick={startDrawing}>Draw zone</button>;
  return (
    <div className="draw-controls" role="group" aria-label="Drawing a zone">
      <p className="small">Click the corners on the map ({draft.length} so far). Enter finishes, Backspace undoes, Escape cancels. Without a pointer: move the map (focus it, then the arrow keys) so the cross is on the corner, and add it here.</p>
      <div className="row tight">
        <button type="button" onClick={() => mapCentre && useAppStore.getState().addVertex([mapCentre.lng, mapCentre.lat])} disabled={!mapCentre}>
          Add corner at the map centre
        </button>
        <button type="button" onClick={undoVertex} disabled={draft.length === 0}>Undo</button>
        <button type="button" onClick={redoVertex}>Redo</button>
        <button type="button" className="primary" onClick={finishDrawing}>Finish zone</button>
        <button type="button" onClick={cancelDrawing}>Cancel</button>
      </div>
    </div>
  );
}

function ZoneEditor() {
  const zone = useAppStore((state) => state.zones.find((z) => z.id === state.selectedZone));
  const { updateZone, removeZone, undoZoneEdit } = useAppStore.getState();
  const canUndo = useAppStore((state) => state.zoneUndo.some((u) => u.id === state.selectedZone));
  if (!zone) return null;
  return (
    <fieldset className="zone-editor">
      <legend>Selected zone</legend>
      <Field label="Zone name" value={zone.name} onChange={(name) => updateZone(zone.id, { name })} />
      <Field label="Order reference" value={zone.orderRef} onChange={(orderRef) => updateZone(zone.id, { orderRef })} />
      <div className="row">
        <Field label="Start date" type="date" value={zone.startDate} onChange={(startDate) => updateZone(zone.id, { startDate })} />
        <Field label="End date" type="date" value={zone.endDate} onChange={(endDate) => updateZone(zone.id, { endDate })} />
      </div>
      <label>
        Prohibitions (one per line)
        <textarea rows={4} value={zone.prohibitions.join('\n')} onChange={(e) => updateZone(zone.id, { prohibitions: e.target.value.split('\n') })} />
      </label>
      <p className="muted small">Drag the white corner handles on the map (or focus one and use the arrow keys) to reshape the zone.</p>
      <div className="row tight">
        <button type="button" disabled={!canUndo} onClick={undoZoneEdit}>
          Undo shape edit
        </button>
        <button type="button" onClick={() => removeZone(zone.id)}>
          Delete zone
        </button>
      </div>
    </fieldset>
  );
}

/** Ctrl+Z (Cmd+Z) undoes the last zone reshape or deletion; while drawing, it takes back a corner instead (DrawControls). */
function useZoneUndoKey() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target;
      if (!(event.ctrlKey || event.metaKey) || event.key !== 'z' || event.shiftKey) return;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
      const { draft, zoneUndo, undoZoneEdit } = useAppStore.getState();
      if (draft || zoneUndo.length === 0) return;
      event.preventDefault();
      undoZoneEdit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** PSPO zones: load, draw, edit, their evidence, the problems outside them, and proposals from hot spots. */
export function ZonesPanel() {
  useZoneUndoKey();
  const zones = useAppStore((state) => state.zones);
  const report = useAppStore((state) => state.zoneReport);
  const proposals = useAppStore((state) => state.proposals);
  const selected = useAppStore((state) => state.selectedZone);
  const consultations = useAppStore((state) => state.consultations);
  const reminders = new Map(renewalReminders({ zones, consultations }, todayIso(), false).map((r) => [r.zoneId, r.text]));
  const { selectZone, proposeZones, acceptProposal } = useAppStore.getState();
  const [minBin, setMinBin] = useState(2);
  const [minCells, setMinCells] = useState(3);
  const [bufferM, setBufferM] = useState(0);
  const [maxAreaHa, setMaxAreaHa] = useState(0);

  return (
    <details className="panel">
      <summary>PSPO zones ({zones.length})</summary>
      <div className="row tight">
        <ZoneImportButton />
        <DrawControls />
      </div>
      {report && (
        <>
          <table className="compact zone-table">
            <thead>
              <tr>
                <th scope="col">Zone</th>
                <th scope="col" className="num">Incidents</th>
                <th scope="col" className="num">× density</th>
              </tr>
            </thead>
            <tbody>
              {report.stats.map((s) => (
                <tr key={s.zoneId} tabIndex={0} className={`clickable${s.zoneId === selected ? ' selected' : ''}`} onClick={() => selectZone(s.zoneId)} onKeyDown={(e) => e.key === 'Enter' && selectZone(s.zoneId)}>
                  <td>
                    {zones.find((z) => z.id === s.zoneId)?.name ?? s.name}
                    <div className="muted small">
                      {formatNumber(s.areaHa)} ha · {formatPercent(s.shareOfTotal)} of all
                      {s.beforeAfter && ` · ${formatInteger(s.beforeAfter.before)} → ${formatInteger(s.beforeAfter.after)} in ${s.beforeAfter.months} months either side of the start: ${s.beforeAfter.note}`}
                    </div>
                    {reminders.has(s.zoneId) && <div className="renewal-reminder small">{reminders.get(s.zoneId)}</div>}
                  </td>
                  <td className="num">{formatInteger(s.incidents)}</td>
                  <td className="num">{s.densityRatio.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small zone-coverage">
            {formatPercent(report.shareInside)} of the incidents shown are inside a zone; {report.hotOutside.length} of {report.hotCells} hot cells lie outside every zone
            {report.hotOutside.length > 0 && `, e.g. ${report.hotOutside.slice(0, 3).map((h) => h.location || h.cell).join('; ')}`}.
          </p>
        </>
      )}
      <ZoneEditor />
      <fieldset>
        <legend>Propose zones from hot spots</legend>
        <div className="row">
          <label>
            Hot cells
            <select value={minBin} onChange={(e) => setMinBin(Number(e.target.value))}>
              <option value={3}>Gi* 99%</option>
              <option value={2}>Gi* 95% and above</option>
              <option value={1}>Gi* 90% and above</option>
            </select>
          </label>
          <label>
            Minimum cells
            <input type="number" min={1} max={100} value={minCells} onChange={(e) => setMinCells(Math.max(1, e.target.valueAsNumber || 1))} />
          </label>
          <label>
            Buffer (m)
            <input type="number" min={0} max={500} step={10} value={bufferM} onChange={(e) => setBufferM(Math.max(0, e.target.valueAsNumber || 0))} />
          </label>
          <label>
            Maximum size (ha, 0 = none)
            <input type="number" min={0} max={10000} step={5} value={maxAreaHa} onChange={(e) => setMaxAreaHa(Math.max(0, e.target.valueAsNumber || 0))} />
          </label>
        </div>
        <p className="muted small">Uses Gi* bins when the map shows Gi* hot spots, otherwise the top 5% of cells; outlines are cut to the study area.</p>
        <button type="button" onClick={() => void proposeZones(minBin, { minCells, minIncidents: 0, bufferM, simplifyM: bufferM > 0 ? 10 : 0, maxAreaHa: maxAreaHa || undefined })}>
          Propose zones
        </button>
        {proposals.length > 0 && (
          <ul className="proposals">
            {proposals.map((p, i) => (
              <li key={p.cells[0]}>
                Proposal {i + 1}: {p.cells.length} cells, {formatNumber(p.areaHa)} ha, {formatInteger(p.incidents)} incidents{' '}
                <button type="button" className="link" onClick={() => acceptProposal(i)}>
                  Accept as zone
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      {zones.length > 0 && (
        <div className="row tight">
          <button type="button" onClick={() => downloadFile(JSON.stringify(zonesToGeoJson(zones, exportNote(useAppStore.getState()))), 'pspo-zones.geojson', 'application/geo+json')}>
            Export zones GeoJSON
          </button>
          <button type="button" onClick={() => downloadFile(zonesToKml(zones, exportNote(useAppStore.getState())), 'pspo-zones.kml', 'application/vnd.google-earth.kml+xml')}>
            KML
          </button>
          {report && (
            <button type="button" onClick={() => downloadFile(zoneEvidenceCsv(report.stats, describeView(useAppStore.getState()).area ?? '', exportNote(useAppStore.getState())), 'pspo-zone-evidence.csv', 'text/csv')}>
              Evidence CSV
            </button>
          )}
        </div>
      )}
    </details>
  );
}
