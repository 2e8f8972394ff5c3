import { useState } from 'react';
import { buildBriefingPdf, type BriefingContent } from '../core/export/briefing';
import { monthLabel } from '../core/ingest/dates';
import type { InterventionEvaluation } from '../core/zones/evaluateIntervention';
import { exportMapImage } from '../map/exportImage';
import { useClassification } from '../state/classification';
import { describeView } from '../state/describe';
import { useAppStore, type AppState } from '../state/store';
import { useBusyAction } from './controls';
import { downloadFile, fileSafe } from './download';
import { formatMonth, formatPercent } from './format';

const SECTIONS = [
  { key: 'map', label: 'Map' },
  { key: 'top', label: 'Top locations' },
  { key: 'cameras', label: 'Cameras' },
  { key: 'zones', label: 'PSPO zones' },
  { key: 'sources', label: 'Data sources' },
] as const;
type Section = (typeof SECTIONS)[number]['key'];

export const SOURCE_KIND_LABEL: Record<string, string> = { 'police.uk': 'police.uk street-level', mapped: 'Council extract', h3: 'Pre-aggregated H3' };

const LICENCE: Record<string, string> = {
  'police.uk': 'police.uk data: Open Government Licence v3.0',
  mapped: 'Council data: internal, personal data',
  h3: 'Pre-aggregated counts',
};

/** PNG width and height from its IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function briefingSources(state: AppState): BriefingContent['sources'] {
  return state.sources.map((s) => ({
    name: s.name,
    kind: SOURCE_KIND_LABEL[s.kind],
    rows: s.accepted,
    rejected: s.rejected,
    months: s.monthMin !== null && s.monthMax !== null ? `${formatMonth(s.monthMin)} - ${formatMonth(s.monthMax)}` : '',
    licence: /sample/i.test(s.name) ? 'Synthetic sample data' : LICENCE[s.kind],
  }));
}

function briefingCameras(state: AppState): BriefingContent['cameras'] {
  const planned = (state.plan?.planned ?? []).map((c) => ({ id: `NEW-${c.rank}`, name: c.topLocation, kind: 'Planned (re-deployable)', lat: c.lat, lng: c.lng, note: `+${c.marginalGain.toFixed(0)} incidents covered` }));
  const moves = new Map((state.moves?.moves ?? []).map((m) => [m.cameraId, `move to ${m.toLocation || `${m.toLat.toFixed(4)}, ${m.toLng.toFixed(4)}`} (+${m.gain.toFixed(0)})`]));
  const existing = state.cameras.map((c) => ({ id: c.id, name: c.name, kind: c.kind === 'fixed' ? 'Fixed' : 'Re-deployable', lat: c.lat, lng: c.lng, note: moves.get(c.id) ?? '' }));
  return [...planned, ...existing];
}

function evaluationSentences(e: InterventionEvaluation): string[] {
  const relative = e.effect.relativeEffect === null ? 'n/a' : e.effect.relativeEffect.toFixed(2);
  return [
    `${e.name}: ${e.treated.before} incidents in the ${e.months} months before ${monthLabel(e.startMonth)}, ${e.treated.after} after; the control went from ${e.control.before} to ${e.control.after} (relative effect ${relative}).`,
    `Weighted displacement difference ${e.wdd.wdd.toFixed(1)} (z ${e.wdd.z.toFixed(2)}, one-tailed p ${e.wdd.pOneTailed.toFixed(3)}); the surrounding ring shows ${e.wdd.verdict}.`,
    'This before/after design cannot rule out different underlying trends, regression to the mean or seasonal effects.',
  ];
}

/** The operation briefing: name it, choose what goes in, export an A4 PDF (or print the page). */
export function BriefingPanel() {
  const [name, setName] = useState('');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [marking, setMarking] = useState('OFFICIAL-SENSITIVE');
  const [sections, setSections] = useState<Record<Section, boolean>>({ map: true, top: true, cameras: true, zones: true, sources: true });
  const [busy, run] = useBusyAction('The briefing could not be made: ');
  const classification = useClassification();
  const hasResult = useAppStore((state) => state.hotspots !== null);

  const exportPdf = () =>
    run(async () => {
      const state = useAppStore.getState();
      const description = describeView(state);
      let map: BriefingContent['map'] = null;
      if (sections.map) {
        const blob = await exportMapImage({ scale: 2, title: `${description.subject} hotspots`, subtitle: `${description.period} · ${description.filters}`, legendTitle: classification?.unit ?? '', legend: classification?.legend ?? [] });
        const png = new Uint8Array(await blob.arrayBuffer());
        map = { png, ...pngSize(png) };
      }
      const operation = name.trim() || 'unnamed';
      const pdf = buildBriefingPdf({
        operationName: operation,
        operationDate: new Date(`${date}T12:00:00`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
        protectiveMarking: marking,
        period: description.period,
        filters: `${description.subject} · ${description.filters}`,
        studyArea: description.areaNote,
        map,
        topLocations: sections.top ? (state.hotspots?.top ?? []).map((t) => ({ rank: t.rank, location: t.topLocation, category: t.topCategory, count: Math.round(t.value), share: formatPercent(t.share) })) : [],
        cameras: sections.cameras ? briefingCameras(state) : [],
        zones: sections.zones
          ? state.zones.map((z) => ({ name: z.name, orderRef: z.orderRef || 'no reference', period: z.startDate ? `${z.startDate} to ${z.endDate || 'open'}` : 'dates not set', prohibitions: z.prohibitions.filter((p) => p.trim() !== '') }))
          : [],
        sources: sections.sources ? briefingSources(state) : [],
        evaluation: state.evaluation ? evaluationSentences(state.evaluation) : [],
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
