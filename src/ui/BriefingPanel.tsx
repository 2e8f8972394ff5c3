import { useState } from 'react';
import { buildBriefingPdf } from '../core/export/briefing';
import { insetFrames } from '../core/export/briefingPlaces';
import { concentrationFinding, evaluationFinding } from '../core/export/plainWords';
import { captureMapPictures } from '../map/exportImage';
import { cameraCardsAndPatrol, demandUnit } from '../state/cameraCards';
import { useClassification } from '../state/classification';
import { describeView } from '../state/describe';
import { sourceRecords } from '../core/provenance';
import { exportNote } from '../state/sampleSlice';
import { useAppStore } from '../state/store';
import { useBusyAction } from './controls';
import { downloadFile, fileSafe } from './download';
import { formatPercent } from './format';

const SECTIONS = [
  { key: 'map', label: 'Map and close-ups' },
  { key: 'top', label: 'Top locations' },
  { key: 'cameras', label: 'Cameras and moves' },
  { key: 'patrol', label: 'When to be there' },
  { key: 'zones', label: 'PSPO zones' },
  { key: 'sources', label: 'Data sources' },
] as const;
type Section = (typeof SECTIONS)[number]['key'];

/** The operation briefing: name it, choose what goes in, export an A4 PDF (or print the page). */
export function BriefingPanel() {
  const [name, setName] = useState('');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [marking, setMarking] = useState('OFFICIAL-SENSITIVE');
  const [sections, setSections] = useState<Record<Section, boolean>>({ map: true, top: true, cameras: true, patrol: true, zones: true, sources: true });
  const [busy, run] = useBusyAction('The briefing could not be made: ');
  const classification = useClassification();
  const hasResult = useAppStore((state) => state.hotspots !== null);

  const exportPdf = () =>
    run(async () => {
      const state = useAppStore.getState();
      const description = describeView(state);
      const hotspots = state.hotspots;
      const topLocations = sections.top ? (hotspots?.top ?? []).map((t) => ({ rank: t.rank, cell: t.cell, location: t.topLocation, category: t.topCategory, count: Math.round(t.value), share: formatPercent(t.share) })) : [];
      const pictures = sections.map ? await captureMapPictures(2, insetFrames(topLocations)) : null;
      const area = pictures?.main.bounds ?? null;
      const { cards, patrol } = await cameraCardsAndPatrol(state, area, date);
      const findings = hotspots ? [concentrationFinding(topLocations, { incidents: hotspots.query.weighting === 'harm' ? hotspots.aggregate.totalHarm : hotspots.aggregate.totalCount, cells: hotspots.aggregate.cells.length, resolution: hotspots.query.resolution, rankedBy: hotspots.query.weighting })] : [];
      if (state.evaluation) findings.push(evaluationFinding(state.evaluation));
      const operation = name.trim() || 'unnamed';
      const pdf = await buildBriefingPdf({
        operationName: operation,
        operationDate: new Date(`${date}T12:00:00`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
        protectiveMarking: marking,
        dataNote: exportNote(state),
        period: description.period,
        filters: `${description.subject} · ${description.filters}`,
        studyArea: description.areaNote,
        map: pictures?.main ?? null,
        shading: classification ? { title: classification.unit, entries: classification.legend } : null,
        insetPictures: pictures?.closeUps ?? [],
        topLocations,
        cameras: sections.cameras ? cards : [],
        zones: sections.zones
          ? state.zones.map((z) => ({ name: z.name, orderRef: z.orderRef || 'no reference', period: z.startDate ? `${z.startDate} to ${z.endDate || 'open'}` : 'dates not set', prohibitions: z.prohibitions.filter((p) => p.trim() !== ''), geometry: z.geometry }))
          : [],
        patrol: sections.patrol ? { windows: patrol, area: area ? 'the area on the map' : 'the whole filtered data' } : null,
        sources: sections.sources ? sourceRecords(state.sources, new Set(state.sample.fingerprints)) : [],
        findings,
        demandUnit: demandUnit(state),
        harmLabel: `harm (${hotspots?.query.harmScheme ?? 'harm weights'})`,
        generatedAt: new Date().toLocaleString('en-GB'),
      });
      downloadFile(new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), `briefing_${fileSafe(operation)}_${date}.pdf`);
    });

  return (
    <details className="panel">
      <summary>Briefing</summary>
      <label>
        Operation name
        <input type="text" value={name} placeholder="e.g. Clearwater" onChange={(e) => setName(e.target.value)} />
      </label>
      <div className="row">
        <label>
          Operation date
          <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          Protective marking
          <select value={marking} onChange={(e) => setMarking(e.target.value)}>
            <option>OFFICIAL</option>
            <option>OFFICIAL-SENSITIVE</option>
          </select>
        </label>
      </div>
      <fieldset>
        <legend>Include</legend>
        <div className="chips">
          {SECTIONS.map((section) => (
            <label key={section.key} className="chip">
              <input type="checkbox" checked={sections[section.key]} onChange={() => setSections((s) => ({ ...s, [section.key]: !s[section.key] }))} />
              {section.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="row tight">
        <button type="button" disabled={!hasResult || busy} onClick={() => void exportPdf()}>
          Export briefing PDF
        </button>
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </div>
    </details>
  );
}
